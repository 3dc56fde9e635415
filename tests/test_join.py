"""Join, ask, follow: the home page and every footer say how to join the network and follow
it; editing is labelled for editors, and the repository is not in the reader's way."""

from __future__ import annotations

import re
from pathlib import Path

JOIN_URL = "https://www.kuntaliitto.fi"
JOIN_PAGE = "Työllisyyden edistämisen yhdyspinnat"


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def test_home_page_says_how_to_join_and_follow(built_site: Path) -> None:
    html = (built_site / "index.html").read_text("utf-8")
    article = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    assert "Lisätietoa ja liittyminen: verkoston sivu " + JOIN_PAGE + " on Kuntaliiton" \
        in _text(article)
    assert f'<a href="{JOIN_URL}">Kuntaliiton verkkosivuilla (kuntaliitto.fi)</a>' in article
    assert '<a href="kalenteri/tilaa/">tilaa kokouskalenteri</a>' in article
    assert '<a href="sanasto/">Sanasto</a>' in article
    assert '<a href="muutokset/">Muutokset</a>' in article
    assert '<a href="muutokset/atom.xml">Atom-syötteenä</a>' in article


def test_every_footer_has_the_join_and_subscribe_links(built_site: Path) -> None:
    for path in ("index.html", "sanasto/index.html", "toimielimet/tyonvk/index.html"):
        html = (built_site / path).read_text("utf-8")
        footer = html.split('<div class="md-copyright">', 1)[1].split("</footer>", 1)[0]
        assert f"Lisätietoa ja mukaan verkostoon: sivu ”{JOIN_PAGE}”" in _text(footer), path
        assert f'<a href="{JOIN_URL}">Kuntaliiton verkkosivuilla (kuntaliitto.fi)</a>' \
            in footer, path
        assert re.search(r'<a href="(\.\./)*kalenteri/tilaa/">tilaa kokouskalenteri</a>',
                         footer), path
        assert re.search(r'<a href="(\.\./)*muutokset/">muutokset</a>', footer), path
        assert ">Toimittajille: lähdekoodi ja sisältötiedostot (GitHub)</a>" in footer, path


def test_edit_link_is_labelled_for_editors_and_no_repo_widget_in_header(built_site: Path
                                                                         ) -> None:
    html = (built_site / "toimielimet" / "tyonvk" / "index.html").read_text("utf-8")
    edit = re.search(r'<a href="([^"]+)" class="md-content__button md-icon edit-link" '
                     r'rel="edit">(.*?)</a>', html, re.DOTALL)
    assert edit, "no edit link"
    assert edit.group(1).endswith("/edit/main/content/committees/tyonvk.yaml")
    assert _text(edit.group(2)).strip() == "Muokkaa sivua (toimittajille)"
    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    assert "md-source" not in header and "github.com" not in header
    drawer = html.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "md-source" not in drawer
