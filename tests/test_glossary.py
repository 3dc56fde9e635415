"""The glossary: term files are checked like other content, shown on the Sanasto page, and
explain the first use of each term in a page with ``<abbr title>``."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT

from generator.core.diagnostics import Report
from generator.core.models import TERM_KIND
from generator.graph import Graph
from generator.schema import schema_text
from generator.site.abbr import mark_first_uses

SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/term.schema.json\n"
SOURCE = "sources:\n  - url: https://www.finlex.fi/fi/lainsaadanto/2023/381\n"
TEM = ("# yaml-language-server: $schema=../../schema/body.schema.json\n"
       "name: Työ- ja elinkeinoministeriö\nabbreviation: TEM\ntype: ministeriö\n"
       "sources:\n  - url: https://tem.fi\n")

Check = Callable[[dict[str, str]], tuple[Graph, Report]]


def messages(report: Report) -> list[str]:
    return [item.format() for item in report.errors]


def test_a_term_may_share_its_id_with_an_entity(check_files: Check) -> None:
    graph, report = check_files({
        "bodies/tem.yaml": TEM,
        "terms/tem.yaml": SCHEMA_LINE + "term: TEM\nexpansion: Työ- ja elinkeinoministeriö\n"
                          "see: tem\n" + SOURCE,
    })
    assert not report.items, report.format()
    assert [r.entity.term for r in graph.glossary] == ["TEM"]  # type: ignore[attr-defined]
    assert graph.kind_of("tem") == "body"


def test_a_term_without_expansion_or_sources_is_an_error(check_files: Check) -> None:
    _, report = check_files({"terms/tym.yaml": SCHEMA_LINE + "term: TYM\n"})
    found = messages(report)
    assert any(m.startswith("content/terms/tym.yaml:2:1: virhe: expansion: pakollinen kenttä")
               for m in found), found
    assert any("sources: pakollinen kenttä puuttuu" in m for m in found), found


def test_a_term_pointing_nowhere_or_twice_in_the_glossary_is_an_error(check_files: Check
                                                                      ) -> None:
    _, report = check_files({
        "bodies/tem.yaml": TEM,
        "terms/tym.yaml": SCHEMA_LINE + "term: TYM\nexpansion: X\n" + SOURCE,
        "terms/tyo.yaml": SCHEMA_LINE + "term: TYÖ\nexpansion: X\nsee: tymm\n" + SOURCE,
        "terms/tym-uudelleen.yaml": SCHEMA_LINE + "term: TYM\nexpansion: Y\n" + SOURCE,
    })
    found = "\n".join(messages(report))
    assert "content/terms/tyo.yaml:4:6: virhe: see: tuntematon viittaus 'tymm'" in found
    assert "termi 'TYM' on jo sanastossa: content/terms/tym-uudelleen.yaml" in found


def test_the_term_schema_is_committed_and_requires_expansion_and_sources() -> None:
    committed = (ROOT / "schema" / "term.schema.json").read_text("utf-8")
    assert committed == schema_text(TERM_KIND), "schema/term.schema.json is stale: make schema"
    schema = json.loads(committed)
    assert set(schema["required"]) == {"term", "expansion", "sources"}
    assert schema["properties"]["expansion"]["description"].startswith("Lyhenteen selitys")


def test_first_use_only_and_never_in_headings_links_or_code() -> None:
    html = ('<nav class="breadcrumbs">Etusivu › TEM:n kokous</nav>'
            '<h1>TEM ja TYM</h1><p>Ohjaus: <a href="x">TEM</a>, <code>TEM</code>, '
            "TEM:n ohjaus ja TEM uudelleen; PSHVA ei ole HVA:n lyhenne.</p><p>TYM-laki.</p>")
    marked = mark_first_uses(html, {"TEM": "Työ- ja elinkeinoministeriö", "TYM": "Malli",
                                    "HVA": "hyvinvointialue"})
    assert marked.count("<abbr") == 3
    assert ('<code>TEM</code>, <abbr title="Työ- ja elinkeinoministeriö">TEM</abbr>:n ohjaus'
            " ja TEM uudelleen") in marked
    assert "PSHVA ei ole <abbr title=\"hyvinvointialue\">HVA</abbr>:n" in marked
    assert '<p><abbr title="Malli">TYM</abbr>-laki.</p>' in marked
    assert marked.startswith('<nav class="breadcrumbs">Etusivu › TEM:n kokous</nav>'
                             "<h1>TEM ja TYM</h1>")


def _main_text(page: str) -> str:
    return page.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]


def test_sanasto_page_lists_terms_with_sources_and_entity_abbreviations(built_site: Path
                                                                         ) -> None:
    page = (built_site / "sanasto" / "index.html").read_text("utf-8")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", _main_text(page)))
    assert "Sanasto" in text
    assert ("TYM Työllistymisen edistämisen monialaisen tuen yhteistoimintamalli: Lain "
            "työllistymisen monialaisesta edistämisestä") in text
    assert "TE24 TE-palvelut 2024 -uudistus" in text
    assert "Lähteet: https://www.finlex.fi/fi/lainsaadanto/2023/381" in text
    # An abbreviation only an entity's file gives links to that entity, with its name.
    assert re.search(r'<dt id="tyonvk"[^>]*>TyöNVK</dt>\s*<dd>\s*(?:<p>)?<a href="\.\./toimielimet/'
                     r'tyonvk/">Työllisyyden edistämisen valtakunnallinen neuvottelukunta</a>',
                     page), page
    assert "<abbr" not in _main_text(page)
    home = (built_site / "index.html").read_text("utf-8")
    assert re.search(r'<a href="sanasto/" class="md-nav__link">\s*<span class="md-ellipsis">'
                     r'\s*Sanasto', home), "Sanasto is in the navigation"


def test_a_built_page_explains_the_first_use_of_a_term(built_site: Path) -> None:
    page = _main_text((built_site / "toimielimet" / "tyonvk" / "index.html").read_text("utf-8"))
    first = '<abbr title="Työ- ja elinkeinoministeriö">TEM</abbr>'
    assert page.count(first) == 1
    after = page.split(first, 1)[1]
    assert re.search(r"(?<![\w-])TEM(?!\w)", re.sub(r"<[^>]+>", " ", after)), (
        "TEM should be used again later on the page, unmarked")
    assert "<abbr" not in page.split("</h1>", 1)[0]


@pytest.mark.parametrize("path", ["toimielimet/tyonvk/", "aiheet/tym/"])
def test_search_text_has_no_abbr_titles(built_site: Path, path: str) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    texts = [d["text"] for d in index["docs"] if d["location"].split("#")[0] == path]
    assert texts
    assert not any("abbr" in t or "Työ- ja elinkeinoministeriö\"" in t for t in texts)


def test_open_data_has_the_terms_valid_against_its_schema(built_site: Path) -> None:
    import jsonschema

    data = json.loads((built_site / "data" / "yhdyspinta.json").read_text("utf-8"))
    schema = json.loads((built_site / "data" / "yhdyspinta.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    terms = {t["id"]: t for t in data["terms"]}
    assert terms["tym"]["data"]["expansion"] == (
        "Työllistymisen edistämisen monialaisen tuen yhteistoimintamalli")
    assert terms["tym"]["url"].endswith("/sanasto/#tym")
    assert terms["tym"]["source"] == "content/terms/tym.yaml"
    assert "tym" in {t["id"] for t in data["topics"]}  # same id, other namespace


def test_new_term_scaffold_is_refused_until_filled_in(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    from generator.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    assert main(["new", "term", "tym"]) == 0
    text = (tmp_path / "content/terms/tym.yaml").read_text("utf-8")
    assert text.startswith(SCHEMA_LINE)
    assert "expansion: TODO" in text and "sources:" in text
    capsys.readouterr()
    assert main(["check"]) == 1
    assert "content/terms/tym.yaml" in capsys.readouterr().err
