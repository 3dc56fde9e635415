"""Wrong values: every message is Finnish, points at the value, and says what to write.

Editors are not programmers: no regular expressions, no English, no placeholder or contact
detail slips through, and a validator that checks a whole item names the field at fault.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import write_tree
from pydantic import BaseModel

from generator import fi
from generator.core.diagnostics import Report
from generator.core.formats import PATTERNS, SLUG_DESCRIPTION
from generator.core.models import KINDS, KINDS_BY_FOLDER, KINDS_BY_KEY
from generator.pipeline import check
from generator.scaffold import create, id_problem, template_for
from generator.schema import schema_comment

Files = dict[str, str]
Run = Callable[[Files], list[str]]
SRC = "sources:\n  - url: https://example.fi/lahde\n"
TEM = "name: TEM\ntype: ministeriö\n" + SRC
COMMITTEE = "name: X\ntype: jaosto\nsummary: x\n"
MEETING = "series: x\ntitle: Kokous\n"
LAW = "title: Laki\nnumber: 380/2023\ntype: laki\nsummary: s\n"


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Check a new content tree (each file after its schema line) → every message."""
    runs = itertools.count()

    def go(files: Files) -> list[str]:
        project = tmp_path / f"run-{next(runs)}"
        root = write_tree(project / "content", {
            path: schema_comment(KINDS_BY_FOLDER[path.split("/")[0]]) + "\n" + text
            for path, text in files.items()})
        monkeypatch.chdir(project)
        report: Report = check(root, parse_cache=False)[1]
        return [d.format() for d in report.sorted()]

    return go


def of(messages: list[str], path: str) -> list[str]:
    return [m for m in messages if m.startswith(f"content/{path}:")]


# --- 1. the scaffold's placeholder is never published --------------------------------------


def test_a_scaffolded_person_fails_at_every_placeholder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = tmp_path / "content"
    create(content, KINDS_BY_KEY["person"], "testi-henkilo")
    monkeypatch.chdir(tmp_path)
    _, report = check(content, parse_cache=False)
    assert report.failed(strict=True)
    assert [d.format() for d in report.sorted()] == [
        "content/people/testi-henkilo.yaml:5:15: virhe: sources.0.document: kenttä on vielä "
        "täyttämättä (TODO) [testi-henkilo]\n"
        "    vihje: kirjoita TODO:n tilalle oikea arvo (Lähdeaineiston tiedosto kansiossa "
        "shared/seeds, esim. `000_29a47eed100e93b4.txt`) tai poista valinnainen kenttä; "
        "verkkosivulähteelle kirjoita document-rivin tilalle `url: https://…`",
        "content/people/testi-henkilo.yaml:6:15: virhe: sources.0.location: kenttä on vielä "
        "täyttämättä (TODO) [testi-henkilo]\n"
        "    vihje: kirjoita TODO:n tilalle oikea arvo (Kohta lähteessä: dian otsikko, luku tai "
        "sivu) tai poista valinnainen kenttä",
        "content/people/testi-henkilo.yaml:8:7: virhe: name: kenttä on vielä täyttämättä "
        "(TODO) [testi-henkilo]\n"
        "    vihje: kirjoita TODO:n tilalle oikea arvo (Etu- ja sukunimi)",
    ]


@pytest.mark.parametrize("kind", [k.key for k in KINDS])
def test_every_scaffold_fails_only_for_its_placeholders(
        kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new file lists everything it needs: the editor meets no error the file did not
    prepare them for, and nothing passes until every TODO is replaced."""
    content = tmp_path / "content"
    path = create(content, KINDS_BY_KEY[kind], "uusi")
    monkeypatch.chdir(tmp_path)
    _, report = check(content, parse_cache=False)
    todo_lines = [n for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
                  if line.endswith(": TODO")]
    assert [(d.line, d.message.split(": ", 1)[1]) for d in report.sorted()] == [
        (n, "kenttä on vielä täyttämättä (TODO)") for n in todo_lines]


def test_a_placeholder_in_a_valid_looking_process_is_refused(run: Run) -> None:
    process = ("name: TODO\nsummary: TODO\nvalidity: Voimassa 2025 alkaen, TODO tarkista.\n"
               "phases:\n  - id: vaihe-1\n    name: TODO\n" + SRC)
    assert run({"processes/p.yaml": process}) == [
        "content/processes/p.yaml:2:7: virhe: name: kenttä on vielä täyttämättä (TODO) [p]\n"
        "    vihje: kirjoita TODO:n tilalle oikea arvo (Prosessin nimi)",
        "content/processes/p.yaml:3:10: virhe: summary: kenttä on vielä täyttämättä (TODO) [p]\n"
        "    vihje: kirjoita TODO:n tilalle oikea arvo (Mistä prosessissa on kyse)",
        "content/processes/p.yaml:4:33: virhe: validity: tekstissä on vielä täyttämätön kohta "
        "(TODO) [p]\n    vihje: kirjoita puuttuva teksti TODO-merkinnän tilalle",
        "content/processes/p.yaml:7:11: virhe: phases.0.name: kenttä on vielä täyttämättä "
        "(TODO) [p]\n"
        "    vihje: kirjoita TODO:n tilalle oikea arvo (Vaiheen nimi tai päätöskohdan kysymys)",
    ]


def test_a_placeholder_replaces_the_format_error_and_names_the_choices(run: Run) -> None:
    law = "title: Laki\nnumber: TODO\ntype: TODO\nsummary: s\n" + SRC
    assert run({"laws/laki-380-2023.yaml": law}) == [
        "content/laws/laki-380-2023.yaml:3:9: virhe: number: kenttä on vielä täyttämättä "
        "(TODO) [laki-380-2023]\n"
        "    vihje: kirjoita TODO:n tilalle oikea arvo (Säädösnumero, esim. `380/2023`)",
        "content/laws/laki-380-2023.yaml:4:7: virhe: type: kenttä on vielä täyttämättä (TODO) "
        "[laki-380-2023]\n"
        "    vihje: kirjoita TODO:n tilalle oikea arvo (Säädöksen laji); sallitut: 'laki', "
        "'valtioneuvoston asetus', 'ministeriön asetus', 'EU-asetus' tai 'direktiivi'",
    ]


def test_words_like_todo_are_not_placeholders(run: Run) -> None:
    body = ("name: Todo Oy\ntype: yhtiö\nsummary: Tekee TODO-listoja ja todistuksia; "
            "todo-sovellus.\n" + SRC)
    assert run({"bodies/todo.yaml": body}) == []


def test_scaffold_names_the_allowed_values() -> None:
    text = template_for(KINDS_BY_KEY["law"])
    assert ("# Säädöksen laji. Sallitut: 'laki', 'valtioneuvoston asetus', 'ministeriön "
            "asetus', 'EU-asetus' tai 'direktiivi'.\ntype: TODO\n") in text


# --- 2. formats are described in words, with the fixed value --------------------------------


def test_section_number_with_a_section_sign(run: Run) -> None:
    committee = (COMMITTEE + "legal_basis:\n  - law: laki-380-2023\n    section: \"22 §\"\n"
                 "  - law: laki-380-2023\n    section: 3 a §\n" + SRC)
    laws = LAW + "sections:\n  - number: 22 a\n    title: T\n  - number: '3 a'\n    title: U\n"
    assert of(run({"committees/x.yaml": committee, "laws/laki-380-2023.yaml": laws + SRC}),
              "committees/x.yaml") == [
        "content/committees/x.yaml:7:14: virhe: legal_basis.0.section: arvo '22 §' on väärää "
        "muotoa: odotettu pykälän numero ilman §-merkkiä, esim. 22 tai 22 a [x]\n"
        "    vihje: tarkoititko '22'?",
        "content/committees/x.yaml:9:14: virhe: legal_basis.1.section: arvo '3 a §' on väärää "
        "muotoa: odotettu pykälän numero ilman §-merkkiä, esim. 22 tai 22 a [x]\n"
        "    vihje: tarkoititko '3 a'?",
    ]


def test_law_number_with_spaces_and_a_seed_path(run: Run) -> None:
    law = ("title: Laki\nnumber: 380 / 2023\ntype: laki\nsummary: s\n"
           "sources:\n  - document: shared/seeds/000_29a47eed100e93b4.txt\n")
    assert run({"laws/laki-380-2023.yaml": law}) == [
        "content/laws/laki-380-2023.yaml:3:9: virhe: number: arvo '380 / 2023' on väärää "
        "muotoa: odotettu säädösnumero muodossa numero/vuosi, esim. 380/2023 [laki-380-2023]\n"
        "    vihje: tarkoititko '380/2023'?",
        "content/laws/laki-380-2023.yaml:7:15: virhe: sources.0.document: arvo "
        "'shared/seeds/000_29a47eed100e93b4.txt' on väärää muotoa: odotettu "
        "lähdeaineiston tiedostonimi kansiosta shared/seeds, esim. 000_29a47eed100e93b4.txt "
        "[laki-380-2023]\n    vihje: tarkoititko '000_29a47eed100e93b4.txt'?",
    ]


def _patterns(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[str]:
    """Every ``pattern`` constraint of ``model`` and the models it contains."""
    found: set[str] = set()
    if model in seen:
        return found
    seen.add(model)
    for field in model.model_fields.values():
        for meta in field.metadata:
            pattern = getattr(meta, "pattern", None)
            if pattern:
                found.add(pattern)
        found |= _inner_patterns(field.annotation, seen)
    return found


def _inner_patterns(annotation: Any, seen: set[type[BaseModel]]) -> set[str]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _patterns(annotation, seen)
    found: set[str] = set()
    for arg in getattr(annotation, "__args__", ()):
        found |= _inner_patterns(arg, seen)
    return found


def test_every_pattern_in_the_models_is_described_in_finnish() -> None:
    seen: set[type[BaseModel]] = set()
    used = set().union(*(_patterns(kind.model, seen) for kind in KINDS))
    assert used and used <= set(PATTERNS)
    for description, _fix in PATTERNS.values():
        assert "esim." in description and not re.search(r"[\\^$]", description)


# --- 3. allowed values: Finnish "tai", and what the editor probably meant ------------------


def test_enum_values_suggest_the_closest(run: Run) -> None:
    meeting = MEETING + "date: 2025-06-04\nstatus: Pidetty\nformat: hybrid\n" + SRC
    committee = (COMMITTEE.replace("jaosto", "Jaosto") + "members:\n  - person: p\n"
                 "    role: Puheenjohtaja\n" + SRC)
    messages = run({"meetings/m.yaml": meeting, "committees/x.yaml": committee,
                    "people/p.yaml": "name: Pia\n" + SRC})
    assert messages == [
        "content/committees/x.yaml:3:7: virhe: type: arvo 'Jaosto' ei kelpaa; sallitut: "
        "'neuvottelukunta', 'jaosto', 'alajaosto', 'verkosto', 'johtoryhmä', 'sihteeristö' "
        "tai 'tiimi' [x]\n    vihje: tarkoititko 'jaosto'?",
        "content/committees/x.yaml:7:11: virhe: members.0.role: arvo 'Puheenjohtaja' ei "
        "kelpaa; sallitut: 'puheenjohtaja', 'varapuheenjohtaja', 'sihteeri', 'pääsihteeri', "
        "'jäsen' tai 'asiantuntija' [x]\n    vihje: tarkoititko 'puheenjohtaja'?",
        "content/meetings/m.yaml:5:9: virhe: status: arvo 'Pidetty' ei kelpaa; sallitut: "
        "'suunniteltu', 'pidetty' tai 'peruttu' [m]\n    vihje: tarkoititko 'pidetty'?",
        "content/meetings/m.yaml:6:9: virhe: format: arvo 'hybrid' ei kelpaa; sallitut: "
        "'paikan päällä', 'etäkokous', 'hybridi' tai 'sähköpostikokous' [m]\n"
        "    vihje: tarkoititko 'hybridi'?",
    ]
    assert not any(" or " in m for m in messages)


def test_phase_kind_and_an_empty_value(run: Run) -> None:
    process = ("name: P\nsummary: s\nvalidity: v\nphases:\n  - id: a\n    name: A\n"
               "    kind: paatos\n    next: [{to: loppu, label: Ei}, {to: loppu, label: K}]\n"
               + SRC)
    assert run({"processes/p.yaml": process}) == [
        "content/processes/p.yaml:8:11: virhe: phases.0.kind: arvo 'paatos' ei kelpaa; "
        "sallitut: 'vaihe' tai 'päätös' [p]\n    vihje: tarkoititko 'päätös'?"]
    assert run({"meetings/m.yaml": MEETING + "date: 2025-06-04\nstatus:\n" + SRC,
                "committees/x.yaml": COMMITTEE + SRC}) == [
        "content/meetings/m.yaml:5:8: virhe: status: kenttä on tyhjä [m]\n"
        "    vihje: kirjoita arvo kaksoispisteen jälkeen samalle riville"]


# --- 4. dates and times ---------------------------------------------------------------------


@pytest.mark.parametrize(("written", "expected"), [
    ("2025-13-01", "date: päivämäärää 2025-13-01 ei ole: kuukausi 13 ei ole välillä 01–12 [m]"
                   "\n    vihje: tarkoititko 2025-01-13? muoto on VVVV-KK-PP "
                   "(vuosi-kuukausi-päivä)"),
    ("2025-02-30", "date: päivämäärää 2025-02-30 ei ole: helmikuussa 2025 on 28 päivää [m]"
                   "\n    vihje: päivä on 01–28; tarkista päivä ja kuukausi"),
    ("2024-04-31", "date: päivämäärää 2024-04-31 ei ole: huhtikuussa 2024 on 30 päivää [m]"
                   "\n    vihje: päivä on 01–30; tarkista päivä ja kuukausi"),
    ("31.12.2025", "date: päivämäärä muodossa VVVV-KK-PP [m]\n    vihje: kirjoita 2025-12-31"),
    ("1.3.2025", "date: päivämäärä muodossa VVVV-KK-PP [m]\n    vihje: kirjoita 2025-03-01"),
    ("2025-3-1", "date: päivämäärä muodossa VVVV-KK-PP [m]\n    vihje: kirjoita 2025-03-01"),
    ("30.2.2025", "date: päivämäärää 30.2.2025 ei ole: helmikuussa 2025 on 28 päivää [m]"
                  "\n    vihje: päivä on 01–28; tarkista päivä ja kuukausi"),
    ("2025-03-12T10:00", "date: päivämäärä muodossa VVVV-KK-PP ilman kellonaikaa [m]\n"
                         "    vihje: kirjoita 2025-03-12; kokouksen kellonaika kuuluu kenttiin "
                         "start ja end"),
    ("1741737600", "date: päivämäärä muodossa VVVV-KK-PP [m]\n"
                   "    vihje: vuosi, kuukausi ja päivä numeroina, esim. 2025-09-17"),
])
def test_dates_say_what_is_wrong(run: Run, written: str, expected: str) -> None:
    messages = run({"meetings/m.yaml": MEETING + f"date: {written}\n" + SRC,
                    "committees/x.yaml": COMMITTEE + SRC})
    assert messages == ["content/meetings/m.yaml:4:7: virhe: " + expected]


@pytest.mark.parametrize(("written", "expected"), [
    ("9.00", 'start: kellonaika muodossa HH:MM [m]\n    vihje: kirjoita "09:00" '
             "(kaksoispiste ja lainausmerkit)"),
    ('"9:00"', 'start: kellonaika muodossa HH:MM [m]\n    vihje: kirjoita "09:00" '
               "(kaksoispiste ja lainausmerkit)"),
    ("13.30", 'start: kellonaika muodossa HH:MM [m]\n    vihje: kirjoita "13:30" '
              "(kaksoispiste ja lainausmerkit)"),
    ("klo 13", 'start: kellonaika muodossa HH:MM [m]\n    vihje: kirjoita "13:00" '
               "(kaksoispiste ja lainausmerkit)"),
    ('"25:00"', "start: kellonaikaa 25:00 ei ole: tunnit ovat 00–23 [m]"),
    ('"12:75"', "start: kellonaikaa 12:75 ei ole: minuutit ovat 00–59 [m]"),
    ("iltapäivällä", "start: kellonaika muodossa HH:MM [m]\n    vihje: tunnit ja minuutit "
                     'kaksoispisteellä ja lainausmerkeissä, esim. "13:00"'),
])
def test_times_get_the_fixed_form(run: Run, written: str, expected: str) -> None:
    messages = run({"meetings/m.yaml": MEETING + f"date: 2025-06-04\nstart: {written}\n" + SRC,
                    "committees/x.yaml": COMMITTEE + SRC})
    assert messages == ["content/meetings/m.yaml:5:8: virhe: " + expected]


def test_unquoted_times_that_yaml_1_1_would_misread_are_fine(run: Run) -> None:
    meeting = MEETING + "date: 2025-06-04\nstart: 09:00\nend: 13:00\n" + SRC
    assert run({"meetings/m.yaml": meeting, "committees/x.yaml": COMMITTEE + SRC}) == []


def test_months_and_milestone_dates(run: Run) -> None:
    committee = (COMMITTEE + "milestones:\n  - date: 2026-13\n    title: A\n"
                 "  - date: 15.6.2026\n    title: B\n  - date: 6/2026\n    title: C\n" + SRC)
    meeting = MEETING + "month: kesäkuu 2025\n" + SRC
    assert run({"committees/x.yaml": committee, "meetings/m.yaml": meeting}) == [
        "content/committees/x.yaml:6:11: virhe: milestones.0.date: kuukautta 2026-13 ei ole: "
        "kuukausi 13 ei ole välillä 01–12 [x]\n    vihje: muoto on VVVV-KK (vuosi-kuukausi)",
        "content/committees/x.yaml:8:11: virhe: milestones.1.date: päivämäärä muodossa VVVV, "
        "VVVV-KK tai VVVV-KK-PP, ei '15.6.2026' [x]\n    vihje: kirjoita 2026-06-15",
        "content/committees/x.yaml:10:11: virhe: milestones.2.date: päivämäärä muodossa VVVV, "
        "VVVV-KK tai VVVV-KK-PP, ei '6/2026' [x]\n    vihje: kirjoita 2026-06",
        "content/meetings/m.yaml:4:8: virhe: month: kuukausi muodossa VVVV-KK, ei "
        "'kesäkuu 2025' [m]\n    vihje: kirjoita 2025-06",
    ]


# --- 5. whole-item checks point at the field at fault ---------------------------------------


def test_duplicate_phase_points_at_the_second_id(run: Run) -> None:
    process = ("name: P\nsummary: s\nvalidity: v\nphases:\n"
               "  - id: alku\n    name: A\n    next: [{to: jatko}]\n"
               "  - id: jatko\n    name: B\n"
               "  - id: alku\n    name: C\n" + SRC)
    assert run({"processes/p.yaml": process}) == [
        "content/processes/p.yaml:11:9: virhe: phases.2.id: vaihe alku on määritelty "
        "useammin kuin kerran (ensimmäinen rivillä 6) [p]\n"
        "    vihje: anna vaiheelle oma id (next-kentät viittaavat vaiheisiin id:llä)"]


def test_duplicate_law_sections_point_at_each_repeat(run: Run) -> None:
    law = LAW + ("sections:\n  - number: '22'\n    title: A\n  - number: '3 a'\n    title: B\n"
                 "  - number: '22'\n    title: C\n  - number: 3a\n    title: D\n" + SRC)
    assert run({"laws/laki-380-2023.yaml": law}) == [
        "content/laws/laki-380-2023.yaml:11:13: virhe: sections.2.number: pykälä 22 on "
        "listattu useammin kuin kerran (ensimmäinen rivillä 7) [laki-380-2023]\n"
        "    vihje: poista toinen kohta tai korjaa pykälän numero",
        "content/laws/laki-380-2023.yaml:13:13: virhe: sections.3.number: pykälä 3a on "
        "listattu useammin kuin kerran (ensimmäinen rivillä 9) [laki-380-2023]\n"
        "    vihje: poista toinen kohta tai korjaa pykälän numero",
    ]


def test_member_problems_point_at_deputy_and_end(run: Run) -> None:
    committee = (COMMITTEE + "members:\n  - person: p\n    deputy: p\n    start: 2025-05-01\n"
                 "    end: 2025-04-01\n" + SRC)
    assert run({"committees/x.yaml": committee, "people/p.yaml": "name: Pia\n" + SRC}) == [
        "content/committees/x.yaml:7:13: virhe: members.0.deputy: henkilö ei voi olla oma "
        "varajäsenensä [x]\n    vihje: kirjoita deputy-kenttään henkilökohtaisen varajäsenen "
        "tunniste tai poista kenttä",
        "content/committees/x.yaml:9:10: virhe: members.0.end: jäsenyys päättyy ennen kuin "
        "alkaa (start: 2025-05-01) [x]\n    vihje: tarkista päivämäärät: end on jäsenyyden "
        "viimeinen päivä, start ensimmäinen",
    ]


def test_seats_sources_and_tables(run: Run) -> None:
    committee = (COMMITTEE + "seats:\n  - id: a\n    group: G\n  - id: a\n    group: H\n"
                 "sources:\n  - location: dia 3\n")
    topic = ("title: T\nsummary: s\nsections:\n  - title: O\n    table:\n      caption: c\n"
             "      columns: [a, b]\n      rows:\n        - [x, y]\n        - [x]\n" + SRC)
    assert run({"committees/x.yaml": committee, "topics/t.yaml": topic}) == [
        "content/committees/x.yaml:11:5: virhe: sources.0: lähteellä pitää olla `document` "
        "tai `url` [x]\n    vihje: lisää lähteelle `url: https://…` (verkkosivu) tai "
        "`document: …` (lähdeaineiston tiedosto)",
        "content/topics/t.yaml:11:11: virhe: sections.0.table.rows.1: rivillä on 1 solu, "
        "sarakkeita on 2 [t]\n    vihje: jokaisella rivillä on yksi solu saraketta kohden; "
        "tyhjä solu kirjoitetaan ''",
    ]
    committee = committee.replace("  - location: dia 3\n", "  - url: https://x.fi\n")
    assert run({"committees/x.yaml": committee}) == [
        "content/committees/x.yaml:8:9: virhe: seats.1.id: paikka a on määritelty useammin "
        "kuin kerran (ensimmäinen rivillä 6) [x]\n    vihje: anna paikalle oma id; saman tahon "
        "useat paikat merkitään yhdelle paikalle kentällä count"]


# --- 6. what used to pass silently ----------------------------------------------------------


def test_overlong_titles_are_refused_with_where_text_belongs(run: Run) -> None:
    long_title = "Pitkä otsikko " * 343  # 4,802 characters
    topic = f"title: {long_title.strip()}\nsummary: s\n" + SRC
    meeting = (MEETING + "date: 2025-06-04\nprogramme:\n  - title: " + "x" * 301 + "\n" + SRC)
    body = "name: TEM\nabbreviation: " + "T" * 41 + "\ntype: ministeriö\n" + SRC
    assert run({"topics/t.yaml": topic, "meetings/m.yaml": meeting,
                "committees/x.yaml": COMMITTEE + SRC, "bodies/tem.yaml": body}) == [
        "content/bodies/tem.yaml:3:15: virhe: abbreviation: teksti on liian pitkä: 41 merkkiä, "
        "enintään 40 [tem]\n    vihje: lyhenne on lyhyt nimi, esim. TEM; koko nimi kuuluu "
        "kenttään name tai title",
        "content/meetings/m.yaml:6:12: virhe: programme.0.title: teksti on liian pitkä: 301 "
        "merkkiä, enintään 300 [m]\n    vihje: lyhennä tekstiä; pidempi kuvaus kuuluu kenttään "
        "summary",
        "content/topics/t.yaml:2:8: virhe: title: teksti on liian pitkä: 4801 merkkiä, "
        "enintään 300 [t]\n    vihje: lyhennä tekstiä; pidempi kuvaus kuuluu kenttään summary",
    ]


PRIVACY = ("henkilöiden yhteystietoja (puhelinnumeroita, sähköpostiosoitteita) ei julkaista "
           "sivustolla; poista se tekstistä")


@pytest.mark.parametrize(("field", "text", "found"), [
    ("title", "Erityisasiantuntija, puh. 040 123 4567", "puhelinnumero (040 123 4567)"),
    ("title", "johtaja (+358 29 504 7000)", "puhelinnumero (+358 29 504 7000)"),
    ("title", "johtaja 0295047005", "puhelinnumero (0295047005)"),
    ("summary", "Tavoittaa osoitteesta pia.puhuja@tem.fi.", "sähköpostiosoite "
                "(pia.puhuja@tem.fi)"),
    ("name", "Pia Puhuja pia@x.fi", "sähköpostiosoite (pia@x.fi)"),
])
def test_contact_details_in_person_text_are_refused(run: Run, field: str, text: str,
                                                    found: str) -> None:
    person = ("name: Pia Puhuja\n" if field != "name" else "") + f"{field}: {text}\n" + SRC
    [message] = run({"people/p.yaml": person})
    fragment = found.split("(", 1)[1].rstrip(")")
    line = 2 if field == "name" else 3
    col = len(f"{field}: ") + text.index(fragment) + 1
    assert message == (f"content/people/p.yaml:{line}:{col}: virhe: {field}: tekstissä on "
                       f"{found} [p]\n    vihje: {PRIVACY}")


def test_numbers_that_are_not_phone_numbers_pass(run: Run) -> None:
    person = ("name: Pia Puhuja\ntitle: johtaja 2023–2025\nsummary: Valmisteli lain 380/2023 "
              "(HE 207/2022) ja puhui 12.3.2025 klo 12.00–13.00; 2025-03-12; 1 000 000 euroa; "
              "0,5 %; vuodesta 2019.\n" + SRC)
    assert run({"people/p.yaml": person}) == []


def test_law_file_name_and_number_must_agree(run: Run) -> None:
    law = LAW.replace("380/2023", "381/2023") + SRC
    assert run({"laws/laki-380-2023.yaml": law}) == [
        "content/laws/laki-380-2023.yaml:3:9: virhe: number: säädösnumero 381/2023 ei vastaa "
        "tiedostonimeä laki-380-2023.yaml (380/2023) [laki-380-2023]\n"
        "    vihje: Finlex-linkit muodostetaan numerosta: korjaa numero (380/2023) tai, jos "
        "numero on oikein, nimeä tiedosto laki-381-2023.yaml ja korjaa viittaukset siihen"]
    directive = ("title: Direktiivi\nnumber: 2019/1152\ntype: direktiivi\nsummary: s\n" + SRC)
    assert run({"laws/laki-380-2023.yaml": LAW + SRC, "laws/tyolaki.yaml": LAW + SRC,
                "laws/direktiivi-2019-1152.yaml": directive}) == []


# --- 7. ids in words ------------------------------------------------------------------------


def test_id_problem_for_the_new_command() -> None:
    assert id_problem("maija-meikalainen") == ""
    assert id_problem("Maija Meikäläinen") == (
        f"tunniste 'Maija Meikäläinen' ei kelpaa: tunnisteessa saa olla {SLUG_DESCRIPTION}; "
        "tarkoititko 'maija-meikalainen'?")
    assert "^" not in SLUG_DESCRIPTION and "esim." in SLUG_DESCRIPTION
    assert fi.slug("Työ- ja elinkeinoministeriö") == "tyo-ja-elinkeinoministerio"


def test_reference_ids_suggest_the_fixed_id(run: Run) -> None:
    assert run({"people/p.yaml": "name: Pia\norganisation: Työ_Ministeriö\n" + SRC}) == [
        "content/people/p.yaml:3:15: virhe: organisation: tunnisteen pitää olla pienaakkosia "
        "a–z, numeroita ja väliviivoja: 'Työ_Ministeriö' [p]\n"
        f"    vihje: tarkoititko 'tyo-ministerio'? tunnisteessa saa olla {SLUG_DESCRIPTION}"]


# --- no message shows a regular expression or English -----------------------------------------


def test_no_message_shows_a_pattern_or_english(run: Run) -> None:
    files = {
        "laws/laki-1-2020.yaml": "title: L\nnumber: yksi\ntype: lakki\nsummary: s\n"
                                 "sections:\n  - number: §\n    title: T\n"
                                 "sources:\n  - document: x.txt\n",
        "meetings/m.yaml": MEETING + "date: huomenna\nstart: aamulla\nstatus: ok\n"
                           "sequence: -1\n" + SRC,
        "committees/x.yaml": COMMITTEE + "seats:\n  - id: a\n    group: G\n    count: kaksi\n"
                             "    max_count: kyllä\n" + SRC,
    }
    messages = run(files)
    assert len(messages) == 10, messages
    for message in messages:
        assert not re.search(r"\\d|\^|\$'| or |Input should|Value error", message), message


@pytest.mark.parametrize("stand_in", ["todo", "Todo", "XXX", "xxx", "??", "..."])
def test_a_stand_in_for_a_value_not_known_yet_is_not_published(run: Run,
                                                               stand_in: str) -> None:
    person = f"name: Maija Meikäläinen\ntitle: {stand_in}\nsources:\n  - url: https://tem.fi\n"
    messages = run({"people/maija.yaml": person})
    assert [m.split("\n")[0] for m in messages] == [
        f"content/people/maija.yaml:3:8: virhe: title: kenttä on vielä täyttämättä "
        f"({stand_in}) [maija]"]


@pytest.mark.parametrize("text", ["Todistus", "Tbd-ryhmän jäsen", "Mitä?", "Ja niin edelleen..."])
def test_words_that_only_look_like_stand_ins_pass(run: Run, text: str) -> None:
    person = f"name: Maija Meikäläinen\ntitle: {text}\nsources:\n  - url: https://tem.fi\n"
    assert run({"people/maija.yaml": person}) == []


def test_length_limits_are_in_the_json_schema_for_the_editor() -> None:
    from generator.schema import schema_text

    person = json.loads(schema_text(KINDS_BY_KEY["person"]))
    assert person["properties"]["name"]["maxLength"] == 100
    body = json.loads(schema_text(KINDS_BY_KEY["body"]))
    assert body["properties"]["name"]["maxLength"] == 300
