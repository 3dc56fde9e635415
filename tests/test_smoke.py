from pathlib import Path


def test_built_site_has_home_and_indexes(built_site: Path) -> None:
    home = (built_site / "index.html").read_text("utf-8")
    assert "yhdyspintaverkosto" in home.lower()
    for folder in ("prosessit", "toimielimet", "lait", "organisaatiot", "henkilot", "aiheet"):
        assert (built_site / folder / "index.html").is_file(), folder
