"""A repealed law looks repealed: on its page, in the law index, where a process cites it
(page and PDF), in the open data, and `check` warns of an unexplained citation."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import pdf_text

from generator.core.clock import HELSINKI
from generator.core.diagnostics import Report
from generator.core.models import KINDS_BY_FOLDER
from generator.graph import Graph
from generator.handouts import render_handouts
from generator.opendata import GRAPH_FILE, render_data
from generator.pages import render_pages
from generator.pipeline import check
from generator.schema import schema_comment
from generator.site.output import SiteConfig

TODAY = dt.date(2025, 5, 12)


def at(day: dt.date) -> dt.datetime:
    """Noon of ``day`` in Helsinki: the moment a test's build runs at."""
    return dt.datetime.combine(day, dt.time(12), HELSINKI)
SRC = 'sources: [{url: "https://www.finlex.fi/fi/lainsaadanto/2023/381"}]\n'
OLD_LAW = """\
title: Laki työllistymistä edistävästä monialaisesta yhteispalvelusta
short_name: TYP-laki
number: 1369/2014
type: laki
in_force_from: 2015-01-01
repealed_on: 2025-01-01
repealed_by: laki-381-2023
summary: Säänsi TYP:stä.
""" + SRC
NEW_LAW = """\
title: Laki työllistymisen monialaisesta edistämisestä
number: 381/2023
type: laki
in_force_from: 2025-01-01
summary: TYM.
""" + SRC
BODY = "name: Kansaneläkelaitos\nabbreviation: Kela\ntype: virasto\n" + SRC
PROCESS = """\
name: Työllistymistä edistävä monialainen yhteispalvelu
abbreviation: TYP
summary: Yhteispalvelu.
validity: Päättynyt 31.12.2024.
legal_basis:
  - law: laki-1369-2014{note}
phases:
  - id: kartoitus
    name: Kartoitus
    actors: [kela]
""" + SRC

Files = dict[str, str]


def files(note: str = "\n    note: TYP toimi tämän lain nojalla 31.12.2024 asti.") -> Files:
    tree = {"laws/laki-1369-2014.yaml": OLD_LAW, "laws/laki-381-2023.yaml": NEW_LAW,
            "bodies/kela.yaml": BODY, "processes/typ.yaml": PROCESS.replace("{note}", note)}
    return {path: schema_comment(KINDS_BY_FOLDER[path.split("/")[0]]) + "\n" + text
            for path, text in tree.items()}


def warnings(report: Report) -> list[str]:
    return [w.format() for w in report.warnings]


@pytest.fixture
def built(make_content: Callable[[Files], Path]) -> tuple[Graph, Path]:
    content = make_content(files())
    graph, report = check(content, today=TODAY)
    assert not report.errors and not report.warnings, report.format()
    return graph, content


def test_law_page_and_index_say_when_and_by_what(built: tuple[Graph, Path]) -> None:
    graph, content = built
    pages = {o.path: o.text for o in render_pages(
        graph, SiteConfig(content_dir=content, project_root=content.parent), now=at(TODAY))}
    law = pages["lait/laki-1369-2014.md"]
    assert '!!! warning "Kumottu säädös"\n    Tämä säädös on kumottu 1.1.2025, ja sen kumosi ' \
           "[Laki työllistymisen monialaisesta edistämisestä](laki-381-2023.md) (381/2023)." \
           in law
    assert "- **Kumottu:** 1.1.2025 säädöksellä [Laki työllistymisen monialaisesta " \
           "edistämisestä](laki-381-2023.md) (381/2023)" in law
    index = pages["lait/index.md"]
    assert "| Nimi | Numero | Laji | Voimassa alkaen | Kumottu | Finlex |" in index
    assert "| 1.1.2015 | 1.1.2025 ([381/2023](laki-381-2023.md)) |" in index
    assert "| 1.1.2025 |  | [381/2023]" in index  # the law in force: an empty cell
    process = pages["prosessit/typ.md"]
    assert "- [TYP-laki](../lait/laki-1369-2014.md) (**kumottu 1.1.2025**): TYP toimi tämän " \
           "lain nojalla 31.12.2024 asti." in process
    # before the repeal takes effect the law page says it will be repealed
    early = {o.path: o.text for o in render_pages(
        graph, SiteConfig(content_dir=content, project_root=content.parent),
        now=at(dt.date(2024, 6, 1)))}
    assert "- **Kumotaan:** 1.1.2025" in early["lait/laki-1369-2014.md"]
    assert "Kumottu säädös" not in early["lait/laki-1369-2014.md"]


def test_process_handout_marks_the_repealed_basis(built: tuple[Graph, Path],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    graph, content = built
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2025, 5, 12, 9).timestamp())))
    outputs = render_handouts(graph, SiteConfig(content_dir=content, project_root=content.parent))
    pdf = next(o for o in outputs if o.path == "pdf/typ.pdf")
    text = pdf_text(pdf.data)
    assert "Laki työllistymistä edistävästä monialaisesta yhteispalvelusta (1369/2014) – " \
           "kumottu 1.1.2025" in text


def test_export_keeps_the_repeal(built: tuple[Graph, Path]) -> None:
    graph, content = built
    outputs = render_data(graph, SiteConfig(content_dir=content), today=TODAY)
    data = json.loads(next(o for o in outputs if o.path == GRAPH_FILE).text)
    law = next(x for x in data["laws"] if x["id"] == "laki-1369-2014")["data"]
    assert (law["repealed_on"], law["repealed_by"]) == ("2025-01-01", "laki-381-2023")
    assert {"source": "laki-1369-2014", "target": "laki-381-2023", "field": "repealed_by",
            "type": "repealed_by"} in data["edges"]


def test_check_warns_of_an_unexplained_citation_of_a_repealed_law(
        make_content: Callable[[Files], Path]) -> None:
    content = make_content(files(note=""))
    _, report = check(content, today=TODAY)
    assert not report.errors
    found = warnings(report)
    assert len(found) == 1, found
    assert found[0].startswith("content/processes/typ.yaml:7:10: varoitus: "
                               "legal_basis.0.law: säädös 'laki-1369-2014' on kumottu "
                               "1.1.2025 (381/2023) [typ]\n    vihje: kerro viittauksen "
                               "kentässä `note`"), found
    # before the repeal takes effect the citation is fine
    _, report = check(content, today=dt.date(2024, 12, 31))
    assert not report.warnings, report.format()


def test_repealed_by_needs_the_date(make_content: Callable[[Files], Path]) -> None:
    tree = files()
    tree["laws/laki-1369-2014.yaml"] = tree["laws/laki-1369-2014.yaml"].replace(
        "repealed_on: 2025-01-01\n", "")
    _, report = check(make_content(tree), today=TODAY)
    assert [e.message for e in report.errors] == [
        "repealed_by: kumoava säädös ilman kumoamispäivää"], report.format()
