"""Model and resolve stages: every content mistake gives its exact message and position."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.core.diagnostics import Report
from generator.core.models import KINDS_BY_FOLDER
from generator.graph import Graph
from generator.pipeline import check
from generator.schema import schema_comment

Files = dict[str, str]
SRC = "sources:\n  - url: https://example.fi/lahde\n"
TEM = "name: TEM\ntype: ministeriö\n" + SRC
LAW = (
    "title: Laki työvoimapalveluiden järjestämisestä\nnumber: 380/2023\ntype: laki\n"
    "summary: Järjestämislaki.\nsections:\n  - number: '22'\n    chapter: 3\n"
    "    title: Neuvottelukunta\n" + SRC
)
PERSON = "name: Tiina Korhonen\norganisation: tem\n" + SRC


@pytest.fixture
def run(make_content: Callable[[Files], Path], monkeypatch: pytest.MonkeyPatch
        ) -> Callable[..., tuple[Graph, Report]]:
    def go(files: Files, today: dt.date = dt.date(2025, 5, 1)) -> tuple[Graph, Report]:
        root = make_content({path: with_schema_line(path, text) for path, text in files.items()})
        monkeypatch.chdir(root.parent)
        return check(root, today=today)

    return go


def with_schema_line(path: str, text: str) -> str:
    """Prepend the schema line every content file starts with (it shifts lines by one)."""
    kind = KINDS_BY_FOLDER[path.split("/")[0]]
    return schema_comment(kind) + "\n" + text


def lines(report: Report) -> list[str]:
    return [d.format() for d in report.sorted()]


def test_unknown_field_suggests_the_right_one(run: Callable[..., tuple[Graph, Report]]) -> None:
    _, report = run({"bodies/tem.yaml": "name: TEM\ntyyppi: ministeriö\ntype: ministeriö\n" + SRC})
    assert lines(report) == [
        "content/bodies/tem.yaml:3:1: virhe: tuntematon kenttä 'tyyppi' [tem]\n"
        "    vihje: tarkoititko 'type'?"
    ]


def test_contact_details_are_refused_with_reason(run: Callable[..., tuple[Graph, Report]]) -> None:
    _, report = run({"bodies/tem.yaml": TEM,
                     "people/tk.yaml": PERSON + "email: tk@example.fi\n"})
    assert lines(report) == [
        "content/people/tk.yaml:6:1: virhe: tuntematon kenttä 'email' [tk]\n"
        "    vihje: henkilöiden yhteystietoja ei julkaista sivustolla; poista kenttä"
    ]


def test_wrong_values_point_at_the_value(run: Callable[..., tuple[Graph, Report]]) -> None:
    _, report = run({"bodies/tem.yaml": "name: TEM\ntype: ministerio\nwebsite: http://tem.fi\n"
                     + SRC})
    messages = lines(report)
    assert messages[0].startswith(
        "content/bodies/tem.yaml:3:7: virhe: type: arvo 'ministerio' ei kelpaa; sallitut: "
        "'valtioneuvosto', 'ministeriö'"
    )
    assert messages[0].endswith("[tem]\n    vihje: tarkoititko 'ministeriö'?")
    assert messages[1] == ("content/bodies/tem.yaml:4:10: virhe: website: linkin pitää olla "
                           "muotoa https://…, ei 'http://tem.fi' [tem]\n"
                           "    vihje: tarkoititko 'https://tem.fi'? Tarkista, että sivu "
                           "avautuu https-osoitteella")


def test_missing_required_field_points_at_the_mapping(
    run: Callable[..., tuple[Graph, Report]]
) -> None:
    _, report = run({"bodies/tem.yaml": "name: TEM\n" + SRC})
    assert lines(report) == ["content/bodies/tem.yaml:2:1: virhe: type: pakollinen kenttä "
                             "puuttuu [tem]"]


def test_dangling_reference_with_hint(run: Callable[..., tuple[Graph, Report]]) -> None:
    _, report = run({"bodies/tem.yaml": TEM, "people/tk.yaml": PERSON.replace("tem", "temm")})
    assert lines(report) == [
        "content/people/tk.yaml:3:15: virhe: organisation: tuntematon viittaus 'temm' "
        "(organisaatio) [tk]\n    vihje: tarkoititko 'tem'?"
    ]


def test_reference_of_the_wrong_kind(run: Callable[..., tuple[Graph, Report]]) -> None:
    committee = "name: X\ntype: jaosto\nsummary: x\nparent: tem\n" + SRC
    _, report = run({"bodies/tem.yaml": TEM, "committees/x.yaml": committee})
    assert lines(report) == ["content/committees/x.yaml:5:9: virhe: parent: 'tem' on "
                             "organisaatio, odotettiin: toimielin [x]"]


def test_duplicate_ids_across_kinds(run: Callable[..., tuple[Graph, Report]]) -> None:
    _, report = run({"bodies/tem.yaml": TEM, "people/tem.yaml": PERSON})
    assert lines(report) == [
        "content/people/tem.yaml:1:1: virhe: tunniste 'tem' on jo käytössä: "
        "content/bodies/tem.yaml [tem]\n"
        "    vihje: tunnisteen (tiedostonimen) pitää olla yksilöllinen kaikissa kansioissa"
    ]


def test_parent_cycle_prints_the_chain(run: Callable[..., tuple[Graph, Report]]) -> None:
    def committee(parent: str) -> str:
        return f"name: {parent}\ntype: jaosto\nsummary: x\nparent: {parent}\n" + SRC

    _, report = run({"committees/a.yaml": committee("b"), "committees/b.yaml": committee("c"),
                     "committees/c.yaml": committee("a")})
    assert lines(report) == [
        "content/committees/a.yaml:5:9: virhe: parent-ketju muodostaa silmukan: a → b → c → a "
        "[a]\n    vihje: jonkin ketjun jäsenen parent on väärin"
    ]


def test_end_before_start(run: Callable[..., tuple[Graph, Report]]) -> None:
    committee = ("name: X\ntype: jaosto\nsummary: x\nterm:\n  start: 2025-02-01\n"
                 "  end: 2025-01-01\n" + SRC)
    meeting = ("series: x\ntitle: Kokous\ndate: 2025-03-24\nstart: '14:00'\nend: '12:00'\n"
               + SRC)
    _, report = run({"committees/x.yaml": committee, "meetings/m.yaml": meeting})
    assert lines(report) == [
        "content/committees/x.yaml:7:8: virhe: term.end: toimikausi päättyy ennen kuin alkaa "
        "(start: 2025-02-01) [x]\n    vihje: tarkista päivämäärät: end on toimikauden viimeinen "
        "päivä, start ensimmäinen",
        "content/meetings/m.yaml:6:6: virhe: end: kokous päättyy ennen kuin alkaa (`end` ennen "
        "`start`) [m]",
    ]


def test_programme_outside_and_overlapping(run: Callable[..., tuple[Graph, Report]]) -> None:
    committee = "name: X\ntype: verkosto\nsummary: x\n" + SRC
    meeting = (
        "series: x\ntitle: Kokous\ndate: 2025-03-24\nstart: 12:00\nend: 14:00\n"
        "programme:\n"
        "  - {start: '12:00', end: '12:30', title: Avaus}\n"
        "  - {start: '12:20', end: '13:00', title: Päällekkäinen}\n"
        "  - {start: '13:30', end: '14:30', title: Myöhässä}\n" + SRC
    )
    _, report = run({"committees/x.yaml": committee, "meetings/m.yaml": meeting})
    assert lines(report) == [
        "content/meetings/m.yaml:9:13: virhe: programme.1: ohjelmakohta alkaa 12.20 ennen kuin "
        "edellinen päättyy 12.30 [m]",
        "content/meetings/m.yaml:10:13: virhe: programme.2: ohjelmakohta 13.30–14.30 on kokouksen "
        "ajan ulkopuolella [m]",
    ]


def test_time_without_date_and_month_only(run: Callable[..., tuple[Graph, Report]]) -> None:
    committee = "name: X\ntype: verkosto\nsummary: x\n" + SRC
    graph, report = run({
        "committees/x.yaml": committee,
        "meetings/a.yaml": "series: x\ntitle: A\nmonth: 2025-06\nstart: '10:00'\n" + SRC,
        "meetings/b.yaml": "series: x\ntitle: B\nmonth: 2025-06\n" + SRC,
    })
    assert lines(report) == ["content/meetings/a.yaml:5:8: virhe: start: kellonaika ilman "
                             "päivämäärää: lisää `date` [a]"]
    assert "b" in graph


def test_mentions_must_resolve(run: Callable[..., tuple[Graph, Report]]) -> None:
    graph, report = run({"bodies/tem.yaml": TEM,
                         "bodies/kela.yaml": "name: Kela\ntype: virasto\n"
                         "summary: Tekee yhteistyötä [[tem]] ja [[temm]] kanssa.\n" + SRC})
    assert lines(report) == [
        "content/bodies/kela.yaml:4:39: virhe: summary: tekstin viittaus [[temm]] ei osoita "
        "mihinkään [kela]\n    vihje: tarkoititko 'tem'?"
    ]
    assert [b.source for b in graph.referrers("tem")] == ["kela"]


def test_a_mention_deep_in_a_text_block_is_shown_on_its_own_line(
        run: Callable[..., tuple[Graph, Report]]) -> None:
    kela = ("name: Kela\ntype: virasto\nsummary: |\n  Ensimmäinen kappale.\n\n"
            "  Toinen kappale, jossa [[tem]].\n  Kolmas rivi ja [[tme]].\n" + SRC)
    _, report = run({"bodies/tem.yaml": TEM, "bodies/kela.yaml": kela})
    assert [(d.line, d.col, d.message) for d in report.errors] == [
        (8, 18, "summary: tekstin viittaus [[tme]] ei osoita mihinkään")]


def test_law_section_must_be_listed(run: Callable[..., tuple[Graph, Report]]) -> None:
    committee = ("name: X\ntype: neuvottelukunta\nsummary: x\nlegal_basis:\n"
                 "  - law: laki-380-2023\n    section: '22'\n"
                 "  - law: laki-380-2023\n    section: '23'\n" + SRC)
    _, report = run({"laws/laki-380-2023.yaml": LAW, "committees/x.yaml": committee})
    assert lines(report) == [
        "content/committees/x.yaml:9:14: virhe: legal_basis.1.section: pykälää 23 ei ole "
        "säädöksen 'laki-380-2023' pykälälistassa [x]\n"
        "    vihje: lisää pykälä tiedostoon content/laws/laki-380-2023.yaml tai korjaa numero; "
        "listalla: 22"
    ]


def test_seats_vacancies_and_backlinks(run: Callable[..., tuple[Graph, Report]]) -> None:
    committee = (
        "name: X\ntype: neuvottelukunta\nsummary: x\n"
        "term: {start: 2025-01-30, end: 2025-06-15}\n"
        "seats:\n  - {id: tem, organisation: tem, count: 2}\n"
        "members:\n  - {person: tk, seat: tem, role: puheenjohtaja}\n"
        "  - {person: tk, seat: stm}\n" + SRC
    )
    graph, report = run({"bodies/tem.yaml": TEM, "people/tk.yaml": PERSON,
                         "committees/x.yaml": committee})
    assert lines(report) == [
        "content/committees/x.yaml:5:32: varoitus: toimikausi päättyy 45 päivän kuluttua "
        "(2025-06-15) [x]\n    vihje: päivitä toimikausi tai tila, kun uusi toimielin on "
        "asetettu",
        "content/committees/x.yaml:7:5: varoitus: seats.0: paikalla 'tem' on 1 täyttämätöntä "
        "paikkaa [x]\n    vihje: näkyy sivulla merkinnällä ”ei nimetty lähteissä”; jos lähteet "
        "eivät nimeä jäseniä, kerro se kentässä vacancy_note; jos lähde kertoo paikan "
        "avoimeksi, merkitse paikalle `vacant: true` ja lähde",
        "content/committees/x.yaml:10:14: virhe: members.1.person: 'tk' on jo toimielimen "
        "jäsen samaan aikaan (members.0) [x]\n    vihje: henkilö merkitään toimielimeen kerran; "
        "poista toinen rivi, tai jos jäsenyys on päättynyt tai vaihtunut, merkitse aiemmalle "
        "`end` ja uudelle `start`",
        "content/committees/x.yaml:10:24: virhe: members.1.seat: paikkaa 'stm' ei ole tämän "
        "toimielimen seats-listassa [x]\n    vihje: tarkoititko 'tem'?",
    ]
    assert report.failed()
    assert {b.source for b in graph.referrers("tk")} == {"x"}
    assert {(b.source, b.field) for b in graph.referrers("tem")} == {
        ("tk", "organisation"), ("x", "seats.0.organisation")}
    assert {b.source for b in graph.referrers("tem")} == {"tk", "x"}


def test_explained_vacancies_do_not_warn(run: Callable[..., tuple[Graph, Report]]) -> None:
    committee = ("name: X\ntype: neuvottelukunta\nsummary: x\n"
                 "vacancy_note: Jäseniä ei ole nimetty lähdeaineistossa.\n"
                 "seats:\n  - {id: tem, organisation: tem}\n" + SRC)
    _, report = run({"bodies/tem.yaml": TEM, "committees/x.yaml": committee})
    assert report.items == []


def test_a_seat_marked_vacant_needs_a_source(run: Callable[..., tuple[Graph, Report]]) -> None:
    committee = ("name: X\ntype: neuvottelukunta\nsummary: x\n"
                 "seats:\n  - id: tem\n    organisation: tem\n    vacant: true\n" + SRC)
    _, report = run({"bodies/tem.yaml": TEM, "committees/x.yaml": committee})
    assert lines(report) == [
        "content/committees/x.yaml:8:13: virhe: seats.0.vacant: avoimeksi merkityllä paikalla "
        "pitää olla lähde [x]\n    vihje: lisää paikalle `sources:` ja lähde, joka kertoo paikan "
        "olevan avoinna; jos lähde ei vain nimeä jäsentä, poista `vacant: true` (paikka näkyy "
        "muodossa ”ei nimetty lähteissä”)"]
    sourced = committee.replace("    vacant: true\n", "    vacant: true\n    sources:\n"
                                "      - {document: 000_29a47eed100e93b4.txt, location: Jäsenet}\n")
    graph, report = run({"bodies/tem.yaml": TEM, "committees/x.yaml": sourced})
    assert report.items == []  # a stated vacancy needs no vacancy_note either
    assert graph.committees["x"].seats[0].vacant


def test_expected_date_only_for_a_committee_not_yet_appointed(
        run: Callable[..., tuple[Graph, Report]]) -> None:
    committee = ("name: X\ntype: jaosto\nsummary: x\nstatus: voimassa\nexpected: 2025-04\n"
                 + SRC)
    _, report = run({"committees/x.yaml": committee})
    assert lines(report) == [
        "content/committees/x.yaml:6:11: virhe: expected: arvioitu asettamisajankohta "
        "(`expected`) sopii vain tiloille 'valmisteilla' ja 'luonnos', tila on 'voimassa' [x]\n"
        "    vihje: poista `expected`, tai jos toimielin on vasta tulossa, merkitse "
        "`status: valmisteilla`"]
    # A plan whose date has passed is no content error: pages say so at build time.
    planned = committee.replace("voimassa", "valmisteilla")
    _, report = run({"committees/x.yaml": planned}, today=dt.date(2026, 12, 6))
    assert report.items == []


def test_editorial_notes_in_shown_text_are_flagged(
        run: Callable[..., tuple[Graph, Report]]) -> None:
    body = ("name: TEM\ntype: ministeriö\nsummary: >-\n  Ministeriö. Nimi on "
            "tekstintunnistuksessa hajonnut.\n"
            "editor_note: OCR hävitti ä-kirjaimet; tekstintunnistus luki TEM:n oikein.\n" + SRC)
    _, report = run({"bodies/tem.yaml": body})
    assert lines(report) == [
        "content/bodies/tem.yaml:5:23: varoitus: summary: teksti näyttää toimittajille "
        "tarkoitetulta huomiolta (”tekstintunnistuksessa”), mutta se näkyy lukijoille [tem]\n"
        "    vihje: siirrä lähteen lukemista koskeva huomio kenttään editor_note (samalle "
        "kohteelle tai kohdalle); editor_note ei näy sivuilla, PDF-tiedostoissa, kalentereissa "
        "eikä avoimessa datassa"]
    assert report.failed(strict=True)


def test_warnings_fail_only_in_strict_mode(run: Callable[..., tuple[Graph, Report]]) -> None:
    committee = ("name: X\ntype: neuvottelukunta\nsummary: x\n"
                 "seats:\n  - {id: tem, organisation: tem}\n" + SRC)
    _, report = run({"bodies/tem.yaml": TEM, "committees/x.yaml": committee})
    assert not report.errors and len(report.warnings) == 1
    assert not report.failed() and report.failed(strict=True)


def test_process_transitions_and_decisions(run: Callable[..., tuple[Graph, Report]]) -> None:
    process = (
        "name: P\nsummary: s\nvalidity: v\nphases:\n"
        "  - id: alku\n    name: Alku\n    next: [{to: kysymys}]\n"
        "  - id: kysymys\n    name: Tarvitaanko?\n    kind: päätös\n"
        "    next: [{to: loppu, label: Ei}, {to: jatko}]\n"
        "  - id: irrallinen\n    name: Irti\n"
        "  - id: jatko\n    name: Jatko\n    next: [{to: lopu}]\n" + SRC
    )
    _, report = run({"processes/p.yaml": process})
    assert lines(report) == [
        "content/processes/p.yaml:12:36: virhe: phases.1.next.1: päätöskohdan jokaisella "
        "haaralla pitää olla label [p]\n    vihje: kerro, milloin prosessi jatkuu tätä haaraa, "
        "esim. `label: Kyllä`",
        "content/processes/p.yaml:13:9: varoitus: phases.2: vaiheeseen 'irrallinen' ei johda "
        "mikään vaihe [p]\n    vihje: lisää se jonkin vaiheen next-listaan",
        "content/processes/p.yaml:17:17: virhe: phases.3.next.0.to: vaihetta 'lopu' ei ole [p]"
        "\n    vihje: tarkoititko 'loppu'?",
    ]


def test_every_problem_of_every_file_is_reported_at_once(
    run: Callable[..., tuple[Graph, Report]]
) -> None:
    _, report = run({
        "bodies/a.yaml": "name: A\n",
        "bodies/b.yaml": "name: [\n",
        "people/c.yaml": "name: C\norganisation: nobody\n" + SRC,
    })
    assert [d.path for d in report.errors] == [
        "content/bodies/a.yaml", "content/bodies/a.yaml", "content/bodies/b.yaml",
        "content/people/c.yaml",
    ]


def test_no_cascade_from_a_broken_file(run: Callable[..., tuple[Graph, Report]]) -> None:
    _, report = run({"bodies/tem.yaml": "name: TEM\n" + SRC, "people/tk.yaml": PERSON})
    assert [d.path for d in report.errors] == ["content/bodies/tem.yaml"]


@pytest.mark.parametrize("url", ['https://x.fi/"><svg onload=alert(1)>', "https://x.fi/a b",
                                 "https://x.fi/<script>", "javascript:alert(1)"])
def test_urls_with_markup_characters_are_rejected(run: Callable[..., tuple[Graph, Report]],
                                                  url: str) -> None:
    _, report = run({"bodies/tem.yaml": f"name: TEM\ntype: ministeriö\nwebsite: '{url}'\n"
                     + SRC})
    [error] = report.errors
    assert error.line == 4 and error.message.startswith("website: link")


def test_reference_walks_skip_only_fields_that_cannot_hold_models() -> None:
    """The walks prune plain fields; anything that may hold a model is still entered."""
    import datetime as dt
    from typing import Annotated, Any, Literal

    from generator.core.annotations import may_hold_models
    from generator.core.models import Member, Relation

    for plain in (str, int, dt.date, list[str], Annotated[str, "meta"] | None,
                  Literal["a", "b"], None, type(None)):
        assert not may_hold_models(plain), plain
    for nested in (Member, list[Member], Relation | None, Annotated[list[Relation], "m"],
                   Any, list, dict[str, Any]):
        assert may_hold_models(nested), nested


def test_phase_actor_roles_short_and_long_form(run: Callable[..., tuple[Graph, Report]]) -> None:
    phase = "name: P\nsummary: S.\nvalidity: V.\nphases:\n  - id: a\n    name: A\n    actors:\n"
    wrong_role = phase + "      - tem\n      - actor: tem\n        role: vastaava\n" + SRC
    _, report = run({"bodies/tem.yaml": TEM, "processes/p.yaml": wrong_role})
    assert lines(report) == [
        "content/processes/p.yaml:11:15: virhe: phases.0.actors.1.role: arvo 'vastaava' ei "
        "kelpaa; sallitut: 'vastaa', 'osallistuu' tai 'ilmoittaa' [p]\n"
        "    vihje: tarkoititko 'vastaa'?"]
    wrong_actor = phase + "      - tem\n      - actor: temm\n        role: ilmoittaa\n" + SRC
    graph, report = run({"bodies/tem.yaml": TEM, "processes/p.yaml": wrong_actor})
    assert lines(report) == [
        "content/processes/p.yaml:10:16: virhe: phases.0.actors.1.actor: tuntematon viittaus "
        "'temm' (organisaatio tai toimielin) [p]\n    vihje: tarkoititko 'tem'?"]
    fine = phase + "      - tem\n      - actor: tem\n        role: ilmoittaa\n" + SRC
    graph, report = run({"bodies/tem.yaml": TEM, "processes/p.yaml": fine})
    assert not report.errors
    actors = graph.processes["p"].phases[0].actors
    assert [(a.actor, a.role) for a in actors] == [("tem", "vastaa"), ("tem", "ilmoittaa")]


def test_phase_client_accepts_only_its_role(run: Callable[..., tuple[Graph, Report]]) -> None:
    """The client is a role of the phase (`client: osallistuu`), not an actor: a wrong
    value is an error at its line and column, naming the allowed value."""
    phase = "name: P\nsummary: S.\nvalidity: V.\nphases:\n  - id: a\n    name: A\n"
    wrong = phase + "    actors: [tem]\n    client: vastaa\n" + SRC
    _, report = run({"bodies/tem.yaml": TEM, "processes/p.yaml": wrong})
    assert lines(report) == [
        "content/processes/p.yaml:9:13: virhe: phases.0.client: arvo 'vastaa' ei kelpaa; "
        "sallitut: 'osallistuu' [p]\n    vihje: kirjoita 'osallistuu' tai poista kenttä"]
    graph, report = run({"bodies/tem.yaml": TEM,
                         "processes/p.yaml": wrong.replace("vastaa", "osallistuu")})
    assert not report.errors
    assert graph.processes["p"].phases[0].client == "osallistuu"
