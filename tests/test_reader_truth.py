"""Reader truth: the site says what the sources say, and no more.

One small content tree, rendered to every output (pages, open data, calendar feeds, PDFs),
pins the rules: a seat nobody is named to is *not named in the sources*, not vacant; a
committee being prepared is not shown as appointed, and a plan whose date has passed says
so; a planned meeting whose date has passed is not "Suunniteltu" nor CONFIRMED; notes for
editors (``editor_note``) reach no output at all.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from textwrap import dedent

import icalendar
import pytest
from conftest import FIXED_EPOCH, pdf_text, write_tree
from markupsafe import Markup

from generator import calendar, diagrams
from generator.core.clock import HELSINKI
from generator.core.models import Committee, Meeting
from generator.domain.committee_state import committee_state
from generator.domain.meeting_state import UNCONFIRMED_NOTICE, meeting_state
from generator.graph import Graph
from generator.handouts import render_handouts
from generator.opendata import render_data
from generator.pages import render_pages
from generator.pipeline import check
from generator.site.output import SiteConfig
from generator.site.paths import handout_path

TODAY = dt.date(2025, 5, 12)  # FIXED_EPOCH in Helsinki


def at(day: dt.date) -> dt.datetime:
    """Noon of ``day`` in Helsinki: the moment a test's build runs at."""
    return dt.datetime.combine(day, dt.time(12), HELSINKI)
SECRET = "TOIMITTAJAN-MUISTIO"  # in every editor_note; must appear in no output
SRC = "sources:\n  - document: 000_29a47eed100e93b4.txt\n    location: Jäsenet\n"
FILES = {
    "bodies/tem.yaml": f"name: Työ- ja elinkeinoministeriö\nabbreviation: TEM\n"
                       f"type: ministeriö\neditor_note: {SECRET} 1\n{SRC}",
    "bodies/stm.yaml": f"name: Sosiaali- ja terveysministeriö\ntype: ministeriö\n{SRC}",
    "people/pia.yaml": f"name: Pia Paikka\norganisation: stm\n{SRC}",
    "committees/nvk.yaml": dedent(f"""\
        name: Neuvottelukunta
        type: neuvottelukunta
        summary: Neuvottelukunta.
        editor_note: {SECRET} 2
        vacancy_note: Lähteet eivät nimeä kaikkia jäseniä.
        seats:
          - id: tem
            organisation: tem
            count: 2
            editor_note: {SECRET} 3
          - id: stm
            organisation: stm
            count: 3
            vacant: true
            sources:
              - document: 000_29a47eed100e93b4.txt
                location: Jäsenet (kaksi paikkaa avoinna)
        members:
          - person: pia
            seat: stm
            editor_note: {SECRET} 4
        milestones:
          - date: 2025-03
            title: Ensimmäinen kokous
            editor_note: {SECRET} 5
        """) + SRC,
    "committees/jaosto.yaml": dedent("""\
        name: Jaosto
        type: jaosto
        status: valmisteilla
        expected: 2025-04
        parent: nvk
        summary: Neuvottelukunnan jaosto.
        """) + SRC,
    "committees/tuleva.yaml": dedent("""\
        name: Tuleva jaosto
        type: jaosto
        status: valmisteilla
        expected: 2025-09
        parent: nvk
        summary: Neuvottelukunnan toinen jaosto.
        """) + SRC,
    "meetings/nvk-2025-03-03.yaml": dedent(f"""\
        series: nvk
        title: Maaliskuun kokous
        date: 2025-03-03
        start: "10:00"
        end: "11:00"
        editor_note: {SECRET} 6
        programme:
          - title: Avaus
            editor_note: {SECRET} 7
        """) + SRC,
    "meetings/nvk-2025-02-03.yaml": dedent("""\
        series: nvk
        title: Helmikuun kokous
        date: 2025-02-03
        start: "10:00"
        status: pidetty
        """) + SRC,
    "meetings/nvk-2025-09-01.yaml": dedent("""\
        series: nvk
        title: Syyskuun kokous
        date: 2025-09-01
        start: "10:00"
        """) + SRC,
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("truth")
    files = {f"content/{path}": "# yaml-language-server: $schema=../../schema/"
             f"{_kind(path)}.schema.json\n" + text for path, text in FILES.items()}
    write_tree(root, files)
    return root


def _kind(path: str) -> str:
    return {"bodies": "body", "people": "person", "committees": "committee",
            "meetings": "meeting"}[path.split("/")[0]]


@pytest.fixture(scope="module")
def clock() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
        yield


@pytest.fixture(scope="module")
def graph(project: Path) -> Graph:
    result, report = check(project / "content", today=TODAY)
    assert not report.errors, report.format()
    return result


@pytest.fixture(scope="module")
def config(project: Path) -> SiteConfig:
    return SiteConfig(content_dir=project / "content", project_root=project)


@pytest.fixture(scope="module")
def pages(graph: Graph, config: SiteConfig, clock: None) -> dict[str, str]:
    def marker(*_: object, **__: object) -> Markup:
        return Markup("<!-- kaavio -->")

    with pytest.MonkeyPatch.context() as patch:
        for name in ("process_flow", "org_chart", "relation_graph", "timeline"):
            patch.setattr(diagrams, name, marker)
        outputs = render_pages(graph, config, now=at(TODAY))
    return {o.path: o.text for o in outputs}


@pytest.fixture(scope="module")
def feeds(graph: Graph, config: SiteConfig, clock: None) -> dict[str, bytes]:
    return {o.path: o.data for o in calendar.render_calendar(graph, config)
            if o.path.endswith(".ics")}


@pytest.fixture(scope="module")
def data(graph: Graph, config: SiteConfig) -> dict[str, str]:
    return {o.path: o.text for o in render_data(graph, config, today=TODAY)}


@pytest.fixture(scope="module")
def pdfs(graph: Graph, config: SiteConfig, clock: None) -> dict[str, str]:
    return {o.path: pdf_text(o.data) for o in render_handouts(graph, config)}


def seat_rows(page: str) -> list[str]:
    section = page[page.index("## Jäsenet paikoittain"):].split("\n\n")
    table = next(chunk for chunk in section if chunk.startswith("|"))
    return table.split("\n")[2:]


# --- 1. unknown is not vacant ------------------------------------------------------------


def test_unnamed_places_are_one_row_per_seat_and_not_vacant(pages: dict[str, str]) -> None:
    rows = seat_rows(pages["toimielimet/nvk.md"])
    assert rows == [
        "| [Työ- ja elinkeinoministeriö](../organisaatiot/tem.md) (2 paikkaa) | jäsen | "
        "ei nimetty lähteissä |  |  |",
        "| [Sosiaali- ja terveysministeriö](../organisaatiot/stm.md) (3 paikkaa) | jäsen | "
        "[Pia Paikka](../henkilot/pia.md) |  |  |",
        "| [Sosiaali- ja terveysministeriö](../organisaatiot/stm.md) (3 paikkaa) | jäsen | "
        "2 paikkaa: *avoin* |  |  |",
    ]


def test_body_page_tells_unnamed_from_vacant(pages: dict[str, str]) -> None:
    assert "| 2 ei nimetty lähteissä |" in pages["organisaatiot/tem.md"]
    assert "| 2 avoinna |" in pages["organisaatiot/stm.md"]


def test_popolo_posts_count_vacant_and_unnamed_apart(data: dict[str, str]) -> None:
    posts = {p["id"]: p for p in json.loads(data["data/popolo.json"])["posts"]}
    assert (posts["nvk/tem"]["vacant"], posts["nvk/tem"]["unnamed"]) == (0, 2)
    assert (posts["nvk/stm"]["vacant"], posts["nvk/stm"]["unnamed"]) == (2, 0)


def test_handout_prints_unnamed_and_vacant_places_once_per_seat(pdfs: dict[str, str]) -> None:
    text = pdfs[handout_path("nvk")]
    assert "Työ- ja elinkeinoministeriö 2 paikkaa ei nimetty lähteissä" in text
    assert "2 paikkaa: avoin" in text
    assert text.count("avoin") == 1
    assert text.count("ei nimetty lähteissä") == 1


# --- 2. a committee's life cycle -----------------------------------------------------------


def test_committee_prepared_with_passed_date_is_not_shown_as_appointed(
        pages: dict[str, str], pdfs: dict[str, str]) -> None:
    page = pages["toimielimet/jaosto.md"]
    assert '!!! warning "Asettamista ei ole vahvistettu"' in page
    assert ("Lähteiden mukaan toimielin oli tarkoitus asettaa arviolta 4/2025. Ajankohta on "
            "mennyt; lähteet eivät vahvista, että toimielin asetettiin.") in page
    assert "- **Tila:** valmisteilla, arvioitu asettaminen 4/2025 (ajankohta mennyt)" in page
    assert "voimassa" not in page
    assert "| [Jaosto](jaosto.md) | jaosto | valmisteilla, arvioitu asettaminen 4/2025 " \
           "(ajankohta mennyt) |  |" in pages["toimielimet/nvk.md"]
    assert "lähteet eivät vahvista, että toimielin asetettiin" in pdfs[handout_path("jaosto")]


def test_committee_prepared_with_a_coming_date(pages: dict[str, str]) -> None:
    page = pages["toimielimet/tuleva.md"]
    assert '!!! warning "Valmisteilla"' in page
    assert ("Toimielimen asettaminen on valmisteilla; lähteiden mukaan se asetetaan arviolta "
            "9/2025.") in page
    assert "mennyt" not in page


def test_committee_state_turns_at_the_end_of_the_expected_month(graph: Graph) -> None:
    jaosto = graph.committees["jaosto"]
    assert not committee_state(jaosto, dt.date(2025, 4, 30)).overdue
    assert committee_state(jaosto, dt.date(2025, 5, 1)).overdue
    assert committee_state(graph.committees["nvk"], TODAY).label == "voimassa"


# --- 3. a meeting's date against its status ------------------------------------------------


def test_meeting_state(graph: Graph) -> None:
    past, held, coming = (graph.meetings[i] for i in (
        "nvk-2025-03-03", "nvk-2025-02-03", "nvk-2025-09-01"))
    assert meeting_state(past, at(TODAY)).state == "vahvistamatta"
    assert meeting_state(past, dt.datetime(2025, 3, 3, 8, tzinfo=HELSINKI)).state == \
        "suunniteltu"  # on the day, before it ends
    assert meeting_state(held, at(TODAY)).label == "Pidetty"
    assert meeting_state(coming, at(TODAY)).label == "Suunniteltu"
    month_only = Meeting.model_validate({"series": "nvk", "title": "x", "month": "2025-04",
                                         "sources": [{"url": "https://example.fi"}]})
    assert meeting_state(month_only, at(dt.date(2025, 4, 30))).state == "suunniteltu"
    assert meeting_state(month_only, at(dt.date(2025, 5, 1))).state == "vahvistamatta"


def test_past_planned_meeting_page_does_not_read_planned(pages: dict[str, str]) -> None:
    page = pages["kokoukset/nvk-2025-03-03.md"]
    assert "Suunniteltu" not in page
    assert f"- **Tila:** {UNCONFIRMED_NOTICE.removesuffix('.')}" in page
    assert page.count("lähteet eivät vahvista") == 1  # said once, on the status line
    assert "- **Tila:** Pidetty" in pages["kokoukset/nvk-2025-02-03.md"]
    assert "- **Tila:** Suunniteltu" in pages["kokoukset/nvk-2025-09-01.md"]


def test_committee_page_meeting_list_says_the_date_passed(pages: dict[str, str]) -> None:
    section = pages["toimielimet/nvk.md"].split("## Kokoukset")[1].split("\n## ")[0]
    lines = [line for line in section.split("\n") if line.startswith("- ")]
    past = "\n".join(section.split("### Menneet")[1].strip().split("\n"))
    assert past == (
        "- ma 3.3.2025 klo 10.00–11.00 [Maaliskuun kokous](../kokoukset/nvk-2025-03-03.md) – "
        "ajankohta on mennyt; lähteet eivät vahvista, että kokous pidettiin.\n"
        "- ma 3.2.2025 klo 10.00 [Helmikuun kokous](../kokoukset/nvk-2025-02-03.md)")
    assert sum("ajankohta on mennyt" in line for line in lines) == 1


def test_calendar_page_marks_the_unconfirmed_meeting(graph: Graph, config: SiteConfig,
                                                     clock: None) -> None:
    page = next(o.text for o in calendar.render_calendar(graph, config)
                if o.path == "kalenteri/index.md")
    [line] = [line for line in page.split("\n") if "nvk-2025-03-03.md" in line]
    assert line.endswith(f"<br>{UNCONFIRMED_NOTICE}</li>")
    assert page.count(UNCONFIRMED_NOTICE) == 1


def test_feed_does_not_confirm_a_past_planned_meeting(feeds: dict[str, bytes]) -> None:
    events = {str(e["uid"]).split("@")[0]: e
              for e in icalendar.Calendar.from_ical(feeds["kalenteri/kaikki.ics"]).walk("VEVENT")}
    assert str(events["nvk-2025-03-03"]["status"]) == "TENTATIVE"
    assert str(events["nvk-2025-03-03"]["description"]).startswith(UNCONFIRMED_NOTICE)
    assert str(events["nvk-2025-02-03"]["status"]) == "CONFIRMED"  # pidetty
    assert str(events["nvk-2025-09-01"]["status"]) == "CONFIRMED"  # coming, time known


def test_meeting_handout_says_the_date_passed(pdfs: dict[str, str]) -> None:
    text = pdfs[handout_path("nvk-2025-03-03")]
    assert f"Tila {UNCONFIRMED_NOTICE.removesuffix('.')}" in text
    assert "Suunniteltu" not in text
    assert "Tila Suunniteltu" in pdfs[handout_path("nvk-2025-09-01")]


# --- 4. notes for editors stay with editors ------------------------------------------------


def test_editor_notes_are_read(graph: Graph) -> None:
    committee = graph.committees["nvk"]
    assert isinstance(committee, Committee)
    assert committee.editor_note == f"{SECRET} 2"
    assert committee.seats[0].editor_note == f"{SECRET} 3"


def test_editor_notes_reach_no_page(pages: dict[str, str]) -> None:
    assert [path for path, text in pages.items() if SECRET in text] == []


def test_editor_notes_reach_no_open_data(data: dict[str, str]) -> None:
    assert [path for path, text in data.items() if SECRET in text] == []
    graph_export = json.loads(data["data/yhdyspinta.json"])
    assert "editor_note" not in json.dumps(graph_export)
    assert '"editor_note":' not in data["data/yhdyspinta.schema.json"]  # no such property


def test_editor_notes_reach_no_feed(feeds: dict[str, bytes]) -> None:
    assert feeds
    assert [path for path, ics in feeds.items() if SECRET.encode() in ics] == []


def test_editor_notes_reach_no_pdf(pdfs: dict[str, str]) -> None:
    assert handout_path("nvk") in pdfs
    assert [path for path, text in pdfs.items() if SECRET in text] == []


def test_editor_note_is_documented_for_editors_in_every_schema() -> None:
    from generator.core.models import KINDS
    from generator.schema import schema_for

    for kind in KINDS:
        schema = schema_for(kind)
        properties = schema["properties"]
        assert isinstance(properties, dict)
        assert properties["editor_note"]["description"].startswith(
            "Vain toimittajille; ei näy sivustolla."), kind.key
    committee = schema_for(next(k for k in KINDS if k.key == "committee"))
    defs = committee["$defs"]
    assert isinstance(defs, dict)
    for nested in ("Seat", "Member", "Milestone", "Relation", "LegalRef"):
        assert "editor_note" in defs[nested]["properties"], nested
    assert "vacant" in defs["Seat"]["properties"]
