"""The real content in ``content/``: it validates, nothing required is missing, key facts hold.

The entity list below is the checklist of issue 3 ("what must be there"): deleting or
renaming any of these files makes a test fail. Fact tests pin the facts that are easiest
to get wrong when transcribing the seeds (dates, seat counts, the assessment matrix).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.core.formats import SLUG
from generator.core.models import KINDS, Committee, Law, Meeting, Process, Topic
from generator.graph import Graph
from generator.pipeline import check

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"

SEEDS = {
    "000_29a47eed100e93b4.txt",
    "001_f157d4d2c9d0a428.txt",
    "002_0a8cca719d05b656.txt",
    "003_aa7ec13768e6e888.txt",
    "004_e7e343fc53db2e6d.txt",
}

REQUIRED: dict[str, set[str]] = {
    "law": {
        "laki-380-2023", "laki-381-2023", "asetus-386-2024", "laki-189-2001",
        "laki-1301-2014", "laki-1369-2014", "laki-916-2012",
    },
    "body": {
        # state
        "valtioneuvosto", "tem", "stm", "okm", "vm", "kela", "keha-keskus", "ely-keskus",
        "avi", "thl", "vtv", "tyollisyysrahasto", "jotpa",
        # coordinators, research and consulting
        "kuntaliitto", "hyvil", "tamora", "yhdyspintojen-muutostukiprojekti",
        "monialaisten-palvelujen-tukirakenne",
        # actor groups used by processes
        "tyovoimaviranomainen", "hyvinvointialueet", "kunnat", "te-toimisto", "kuntakokeilu",
        # wellbeing services counties and the like
        "pohjois-savon-hyvinvointialue", "etela-savon-hyvinvointialue",
        "etela-pohjanmaan-hyvinvointialue", "kymenlaakson-hyvinvointialue", "hus-yhtyma",
        # employment areas
        "yla-savon-tyollisyysalue", "keski-savon-tyollisyysalue", "kuopion-tyollisyysalue",
        # municipalities
        "tampere", "kouvola", "lahti", "joensuu", "helsinki", "espoo", "vantaa", "turku",
        "oulu", "rovaniemi", "kemijarvi", "vaasa", "pietarsaari", "iisalmi",
        # 2020 applicants of the work ability programme
        "kainuun-sote", "soite", "etela-pohjanmaan-maakunta", "satakunnan-sairaanhoitopiiri",
        "keski-suomen-sairaanhoitopiiri", "vaalijalan-kuntayhtyma", "essote", "siun-sote",
        "eksote", "kymsote", "verso", "keusote",
    },
    "person": {
        "tommi-eskonen", "jenni-wessman", "tiina-korhonen", "niko-kyynarainen",
        "anna-reeta-buchen", "tuija-keihta", "sami-pekka-kalliokoski", "teija-felt",
        "ellen-vogt", "jutta-paavola", "riikka-vartiainen", "erja-lindberg", "liisa-jurmu",
        "jari-lindstrom", "tuula-kock", "sanna-blomgren", "jarno-karjalainen",
        "leena-normia-ahlsten", "peppi-saikku", "kirsi-parviainen", "saara-utti",
        "merja-lamponen", "sampo-kononen",
    },
    "committee": {
        "yhdyspintaverkosto", "tyonvk", "tyonvk-sihteeristo", "kuntajaosto", "tietojaosto",
        "yhdyspintajaosto",
        # committees the seeds describe, kept as data so their relations reach the graph
        "tym-konsultaatiotiimi-pohjois-savo", "typ-johtoryhmat", "osaamiskeskusten-ohjausryhma",
    },
    "meeting": {
        "verkosto-2024-09-09", "verkosto-2024-10-24", "verkosto-2024-12-12",
        "verkosto-2025-03-24", "verkosto-2025-06-04",
        "tyonvk-2025-03-12", "tyonvk-2025-04", "tyonvk-2025-06", "tyonvk-2025-10",
        "tyonvk-2025-12",
    },
    "process": {
        "aktivointisuunnitelma", "kuntouttava-tyotoiminta", "typ", "velvoitetyollistaminen",
        "tym-konsultaatiomalli-pohjois-savo",
        "pohjois-pohjanmaa-terveystarkastus", "kymenlaakso-tyokyvyn-arviointi",
    },
    "topic": {
        # five regional good-practice themes and their overview
        "alueelliset-hyvat-kaytannot", "hyva-kaytanto-rakenteet", "hyva-kaytanto-tavoitteet",
        "hyva-kaytanto-tyokyvyn-tuen-tiimit", "hyva-kaytanto-jatkuva-kehittaminen",
        "hyva-kaytanto-toimintatavat-nakyviksi",
        "kuntouttavan-tyotoiminnan-jarjestamisen-kokemukset",
        "kymenlaakso-yhteiset-tavoitteet", "sosiaalisen-tilanteen-arviointimatriisi",
        "tym-konsultaatiomallin-kehittaminen",
        "tutkimus-palvelujen-ja-etuuksien-koordinaatio", "tym-mallisopimus",
        "monialaisuuden-kasitteet", "monialaiset-palvelualustat", "monialaisuuden-tukirakenne",
        "hyvinvointialuekysely-2024", "yhdyspinta", "tyovoimapalvelujen-ohjaus",
        "selvitys-tyollisyyden-edistamisen-yhdyspinnat", "tyokykyohjelma",
        "tyomarkkinatilanne-2020",
        # a reform (amounts, durations), not a process; the current model under 381/2023
        "palkkatuki", "tym",
    },
}

# Seats of active committees whose holders the seeds do not name: TyöNVK's members are not
# listed in the material (only its chair and vice-chair are), and the sub-committee chairs
# are "pj XX (xx)" on TEM's organisation chart. These are real gaps in our data, shown as
# *avoin* on the site and explained by each committee's `vacancy_note`.
EXPECTED_UNNAMED: set[tuple[str, str]] = {
    *{("tyonvk", seat) for seat in (
        "tem", "vm", "stm", "okm", "kunnat", "keha", "ely", "avi", "asiakasjarjesto",
        "kuntien-etujarjesto", "hyvinvointialueet", "kela", "tyottomyyskassat",
        "tyontekijat", "tyonantajat", "yritykset", "tyollisyysrahasto", "jotpa",
        "ammatillinen-koulutus", "palveluala", "henkilostopalvelut", "sote-jarjesto",
        "vammaisjarjestot", "maakuntien-liitot",
    )},
}


@pytest.fixture(scope="module")
def content() -> tuple[Graph, list[tuple[str, str, str]]]:
    graph, report = check(CONTENT)
    assert not report.errors, report.format()
    warnings = [(d.entity, d.message, d.format()) for d in report.warnings]
    return graph, warnings


def test_content_passes_strict_check(
    content: tuple[Graph, list[tuple[str, str, str]]],
) -> None:
    _, warnings = content
    assert [formatted for _, _, formatted in warnings] == []


def test_unnamed_seats_are_explained_and_none_is_called_vacant(
    content: tuple[Graph, list[tuple[str, str, str]]],
) -> None:
    graph, _ = content
    # No source states a vacancy: seats without a named holder are "ei nimetty lähteissä".
    assert [(c, s.id) for c, committee in graph.committees.items() for s in committee.seats
            if s.vacant] == []
    vacant: set[tuple[str, str]] = set()
    for committee_id, committee in graph.committees.items():
        if committee.status != "voimassa":
            continue
        held = {m.seat for m in committee.members if m.end is None}
        for seat in committee.seats:
            if seat.id not in held:
                assert committee.vacancy_note, committee_id
                vacant.add((committee_id, seat.id))
    assert vacant == EXPECTED_UNNAMED


@pytest.mark.parametrize("kind", sorted(REQUIRED))
def test_required_entities_exist(kind: str, content: tuple[Graph, object]) -> None:
    graph, _ = content
    present = {i for i, r in graph.records.items() if r.kind.key == kind}
    assert REQUIRED[kind] - present == set()


def test_every_file_starts_with_its_schema_line_and_cites_a_seed_or_url(
    content: tuple[Graph, object],
) -> None:
    graph, _ = content
    for kind in KINDS:
        for path in sorted((CONTENT / kind.folder).glob("*.yaml")):
            first = path.read_text("utf-8").splitlines()[0]
            assert first == (
                f"# yaml-language-server: $schema=../../schema/{kind.key}.schema.json"
            ), path
    for entity_id, record in graph.records.items():
        for source in record.entity.sources:
            assert source.url or source.document in SEEDS, entity_id
            if source.document:
                assert source.location, f"{entity_id}: a seed citation needs a location"


def test_no_contact_details_are_published() -> None:
    email = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
    phone = re.compile(r"\b0\d{2} ?\d{3} ?\d{3,4}\b")
    for path in sorted(CONTENT.rglob("*.yaml")):
        text = path.read_text("utf-8")
        assert not email.search(text), path
        assert not phone.search(text), path


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_ocr_letters_are_restored(content: tuple[Graph, object]) -> None:
    """No text keeps the OCR spellings of `000_…` (ids, links and URLs are ASCII on purpose)."""
    graph, _ = content
    broken = re.compile(r"\b(tyollis\w*|Tyollis\w*|edistamis\w*|Ty6\w*|Tyd\w*|jarjest\w*)")
    ascii_only = re.compile(r"\[\[[^\]]*\]\]|https://\S+")
    for entity_id, record in graph.records.items():
        for text in _strings(record.entity.model_dump()):
            if SLUG.match(text):
                continue  # a reference or an id
            assert broken.findall(ascii_only.sub("", text)) == [], (entity_id, text)


def test_tyonvk_facts(content: tuple[Graph, object]) -> None:
    graph, _ = content
    nvk = graph.entity("tyonvk")
    assert isinstance(nvk, Committee)
    assert nvk.abbreviation == "TyöNVK"
    assert nvk.type == "neuvottelukunta"
    assert nvk.appointed_by == "valtioneuvosto"
    assert nvk.appointed_on == dt.date(2025, 1, 30)
    assert nvk.term is not None and nvk.term.start == dt.date(2025, 1, 30)
    assert nvk.term.end is None  # the seeds give only "xx/2027"
    basis = {(ref.law, ref.section) for ref in nvk.legal_basis}
    assert {("laki-380-2023", "21"), ("laki-380-2023", "22"),
            ("asetus-386-2024", "4"), ("asetus-386-2024", "5")} <= basis
    roles = {(m.person, m.role) for m in nvk.members}
    assert roles == {("tiina-korhonen", "puheenjohtaja"),
                     ("niko-kyynarainen", "varapuheenjohtaja")}
    seats = {s.id: s for s in nvk.seats}
    assert (seats["tem"].count, seats["vm"].count, seats["stm"].count,
            seats["okm"].count) == (2, 2, 1, 1)
    assert seats["kunnat"].count == 8 and seats["kunnat"].max_count
    assert seats["tyontekijat"].count == 3 and seats["tyonantajat"].count == 2
    member_places = sum(s.count for s in nvk.seats if s.role == "jäsen")
    assert member_places == 36  # = "enintään 36 jäsentä" of 386/2024 § 2
    assert {(r.type, r.target) for r in nvk.relations} == {
        ("tukee", "tem"), ("raportoi", "valtioneuvosto")}
    report = [m for m in nvk.milestones if m.title == "Selvitys palvelujärjestelmän tilasta"]
    assert [(m.date, m.end) for m in report] == [("2026-06", "2026-12")]
    # The end is "xx/2027" in the seed: said in the text, not dated on the timeline.
    assert nvk.description and '"xx/2027"' in nvk.description
    # Month precision at least (a year-only date sorts before that year's months), in
    # order, and the appointment (30.1.2025, the term's start) is not repeated.
    dates = [m.date for m in nvk.milestones]
    assert all(len(d) >= 7 for d in dates) and dates == sorted(dates)
    assert "2025-01-30" not in dates
    assert not [m for m in nvk.milestones if "rytmi" in m.title.lower()]  # not an event

    secretariat = graph.entity("tyonvk-sihteeristo")
    assert isinstance(secretariat, Committee)
    assert secretariat.parent == "tyonvk" and secretariat.type == "sihteeristö"
    assert [(m.person, m.role) for m in secretariat.members] == [
        ("jenni-wessman", "pääsihteeri")]
    assert graph.name("jenni-wessman") == "Jenni Wessman"

    for sub in ("kuntajaosto", "tietojaosto", "yhdyspintajaosto"):
        committee = graph.entity(sub)
        assert isinstance(committee, Committee)
        assert (committee.type, committee.parent) == ("jaosto", "tyonvk")
        assert committee.members == []  # the chairs are "pj XX (xx)" in the seed


def test_yhdyspintajaosto_is_a_draft_with_16_seat_types(content: tuple[Graph, object]) -> None:
    graph, _ = content
    jaosto = graph.entity("yhdyspintajaosto")
    assert isinstance(jaosto, Committee)
    assert jaosto.status == "luonnos"
    assert len(jaosto.seats) == 16
    assert sum(s.count for s in jaosto.seats) == 21
    assert len(jaosto.goals) == 4


def test_network_facts(content: tuple[Graph, object]) -> None:
    graph, _ = content
    network = graph.entity("yhdyspintaverkosto")
    assert isinstance(network, Committee)
    assert network.type == "verkosto"
    assert [(m.person, m.role) for m in network.members] == [
        ("tommi-eskonen", "puheenjohtaja")]
    assert network.description and "1,5" in network.description
    # The seeds say only that one joins through Kuntaliitto's pages: nobody "coordinates" it.
    assert "koordinoi" not in network.summary
    relations = {(b, r.type, r.target) for b, body in graph.bodies.items()
                 for r in body.relations}
    assert not {r for r in relations if r[2] == "yhdyspintaverkosto"}
    # 001 "Selvityksen toteutus": the muutostukiprojekti and its three funders.
    assert {b for b, kind, target in relations
            if (kind, target) == ("rahoittaa", "yhdyspintojen-muutostukiprojekti")} == {
        "kuntaliitto", "hyvil", "stm"}


@pytest.mark.parametrize(("meeting_id", "series", "start", "end", "status"), [
    ("verkosto-2024-09-09", "yhdyspintaverkosto", "12:00", "13:00", "pidetty"),
    ("verkosto-2024-10-24", "yhdyspintaverkosto", "09:00", "10:30", "suunniteltu"),
    ("verkosto-2024-12-12", "yhdyspintaverkosto", "14:00", "15:30", "suunniteltu"),
    ("verkosto-2025-03-24", "yhdyspintaverkosto", "12:00", "14:00", "pidetty"),
    ("verkosto-2025-06-04", "yhdyspintaverkosto", "09:00", "11:00", "suunniteltu"),
    ("tyonvk-2025-03-12", "tyonvk", None, None, "pidetty"),
])
def test_meeting_times(content: tuple[Graph, object], meeting_id: str, series: str,
                       start: str | None, end: str | None, status: str) -> None:
    graph, _ = content
    meeting = graph.entity(meeting_id)
    assert isinstance(meeting, Meeting)
    assert meeting.date == dt.date.fromisoformat(meeting_id[-10:])
    assert meeting.series == series and meeting.status == status
    assert (meeting.start and meeting.start.strftime("%H:%M")) == start
    assert (meeting.end and meeting.end.strftime("%H:%M")) == end


def test_planned_tyonvk_meetings_are_month_only(content: tuple[Graph, object]) -> None:
    graph, _ = content
    for month in ("2025-04", "2025-06", "2025-10", "2025-12"):
        meeting = graph.entity(f"tyonvk-{month}")
        assert isinstance(meeting, Meeting)
        assert (meeting.month, meeting.date, meeting.status) == (month, None, "suunniteltu")
    email = graph.entity("tyonvk-2025-04")
    assert isinstance(email, Meeting) and email.format == "sähköpostikokous"


def test_programmes_name_every_speaker(content: tuple[Graph, object]) -> None:
    graph, _ = content
    speakers = {
        "verkosto-2024-09-09": {"tommi-eskonen", "ellen-vogt", "jutta-paavola",
                                "riikka-vartiainen", "erja-lindberg"},
        "verkosto-2025-03-24": {"tommi-eskonen", "jenni-wessman", "anna-reeta-buchen",
                                "tuija-keihta", "sami-pekka-kalliokoski"},
    }
    for meeting_id, expected in speakers.items():
        meeting = graph.entity(meeting_id)
        assert isinstance(meeting, Meeting)
        assert {p for item in meeting.programme for p in item.speakers} == expected
        assert all(item.start is None for item in meeting.programme)  # no item times given


def test_process_facts(content: tuple[Graph, object]) -> None:
    graph, _ = content
    processes = graph.processes
    for process in processes.values():
        assert isinstance(process, Process) and process.validity.strip()
    aktivointi = processes["aktivointisuunnitelma"]
    assert len(aktivointi.phases) == 5
    assert [g.name for g in aktivointi.target_groups] == ["Alle 25-vuotiaat", "Yli 25-vuotiaat"]
    typ = processes["typ"]
    assert len(typ.phases) == 6
    mapping = {p.id: p for p in typ.phases}["kartoitusjakso"]
    assert mapping.joint and mapping.duration and mapping.duration.startswith("3 kk")
    assert processes["kymenlaakso-tyokyvyn-arviointi"].owner == "kymenlaakson-hyvinvointialue"
    assert len(processes["kymenlaakso-tyokyvyn-arviointi"].phases) == 4
    consultation = processes["tym-konsultaatiomalli-pohjois-savo"]
    decisions = [p for p in consultation.phases if p.kind == "päätös"]
    assert len(decisions) >= 3
    assert all({t.label for t in p.next} & {"Kyllä", "Ei"} for p in decisions)
    assert "palkkatuki" not in processes  # a reform of amounts and durations: a topic


def test_the_client_is_a_role_in_phases_not_an_organisation(
        content: tuple[Graph, object]) -> None:
    """The seeds have the client draw up and follow the plans *with* the actors (001,
    Aktivointisuunnitelma 3/5–4/5, TYP 3/6–5/6, Pohjois-Pohjanmaa): a phase's `client`,
    never an organisation among the actors."""
    graph, _ = content
    assert "henkiloasiakas" not in graph.bodies
    taking_part = {pid: [p.id for p in process.phases if p.client == "osallistuu"]
                   for pid, process in graph.processes.items()}
    assert taking_part["aktivointisuunnitelma"] == ["laatiminen", "seuranta"]
    assert taking_part["kuntouttava-tyotoiminta"] == ["arviointi"]
    assert taking_part["typ"] == ["kartoitusjakso", "suunnitelma", "seuranta"]
    assert taking_part["pohjois-pohjanmaa-terveystarkastus"] == [
        "kykyviisari", "tarpeen-tunnistaminen", "asiakasvastaavaverkosto"]


def test_wage_subsidy_reform_and_tym_are_topics(content: tuple[Graph, object]) -> None:
    graph, _ = content
    palkkatuki = graph.entity("palkkatuki")
    assert isinstance(palkkatuki, Topic)
    changes = " ".join(s for section in palkkatuki.sections for s in section.items)
    for fact in ("50 %", "70 %", "5 tai 10 kuukautta", "55 vuotta", "enintään 10 kuukautta"):
        assert fact in changes, fact
    tym = graph.entity("tym")
    assert isinstance(tym, Topic)
    assert "[[laki-381-2023]]" in tym.summary and "[[typ]]" in tym.summary
    _, rows = _table(tym, "TYM-verkostot")
    assert [row[-1] for row in rows] == ["5", "10", "4", "2", "1"]  # 002 "TYM-verkostot"
    typ = graph.entity("typ")
    assert isinstance(typ, Process) and "tym" in typ.related


def test_laws_have_official_titles(content: tuple[Graph, object]) -> None:
    graph, _ = content
    titles = {i: law.title for i, law in graph.laws.items() if isinstance(law, Law)}
    assert titles["laki-380-2023"] == "Laki työvoimapalveluiden järjestämisestä"
    assert titles["laki-381-2023"] == "Laki työllistymisen monialaisesta edistämisestä"
    assert titles["laki-1369-2014"] == (
        "Laki työllistymistä edistävästä monialaisesta yhteispalvelusta")
    assert titles["laki-189-2001"] == "Laki kuntouttavasta työtoiminnasta"
    assert titles["laki-1301-2014"] == "Sosiaalihuoltolaki"
    sections = {(i, s.number) for i, law in graph.laws.items() for s in law.sections}
    assert {("laki-380-2023", "21"), ("laki-380-2023", "22"), ("asetus-386-2024", "4"),
            ("asetus-386-2024", "5"), ("laki-1301-2014", "35")} <= sections


def _table(topic: Topic, caption_start: str) -> tuple[list[str], list[list[str]]]:
    for section in topic.sections:
        if section.table and section.table.caption.startswith(caption_start):
            return section.table.columns, section.table.rows
    raise AssertionError(f"no table {caption_start!r}")


def test_assessment_matrix_is_seven_life_areas_by_five_levels(
    content: tuple[Graph, object],
) -> None:
    graph, _ = content
    matrix = graph.entity("sosiaalisen-tilanteen-arviointimatriisi")
    assert isinstance(matrix, Topic)
    columns, rows = _table(matrix, "Sosiaalisen tilanteen arviointi")
    assert columns == ["Elämän osa-alue", "1", "2", "3", "4", "5"]
    assert [row[0] for row in rows] == [
        "Asioiden hoitaminen", "Asiointi palveluissa (sote ja työllisyys)", "Asuminen",
        "Työllisyys", "Taloudellinen tilanne", "Terveys", "Sosiaaliset suhteet"]
    assert all(cell.strip() for row in rows for cell in row)


def test_kymenlaakso_goals_and_model_agreement(content: tuple[Graph, object]) -> None:
    graph, _ = content
    goals = graph.entity("kymenlaakso-yhteiset-tavoitteet")
    assert isinstance(goals, Topic)
    _, rows = _table(goals, "Kymenlaakson")
    assert [row[-1] for row in rows] == ["8,5", "35 %", "28 %", "3,6"]
    agreement = graph.entity("tym-mallisopimus")
    assert isinstance(agreement, Topic)
    assert len(agreement.sections[0].items) == 12
    definitions = graph.entity("monialaisuuden-kasitteet")
    assert isinstance(definitions, Topic)
    _, rows = _table(definitions, "Monialaisuus")
    assert [row[0] for row in rows] == [
        "Monihallinnollisuus", "Monialaisuus", "Moniammatillisuus"]


def test_work_ability_programme_lists_22_applicants(content: tuple[Graph, object]) -> None:
    """003 lists 22 applicants; Kemijärvi is "+Kemijärvi" in Rovaniemi's application."""
    graph, _ = content
    programme = graph.entity("tyokykyohjelma")
    assert isinstance(programme, Topic)
    _, rows = _table(programme, "Työkykyohjelman hankkeiden hakijat")
    applicants = [cell.strip() for row in rows for cell in row[1].split(";")]
    assert len(applicants) == 22
    assert "[[rovaniemi]] (+ [[kemijarvi]])" in applicants
    assert "22" in programme.summary and "23" not in programme.summary


def test_notes_for_editors_never_reach_a_reader(content: tuple[Graph, object]) -> None:
    """Notes on OCR damage and on the sources' spelling live in YAML comments, never in text."""
    graph, _ = content
    editorial = re.compile(
        r"tekstintunnist|Tekstin palauttamisesta|\*\*Nimi\.\*\*|kirjoitusasu|näky\w* avoim",
        re.IGNORECASE)
    for entity_id, record in graph.records.items():
        for text in _strings(record.entity.model_dump()):
            assert not editorial.search(text), (entity_id, text)


def test_relations_the_seeds_state_are_data(content: tuple[Graph, object]) -> None:
    """Relations stated in the seeds are typed relations, so the graph and the data show them."""
    graph, _ = content
    relations = {(b, r.type, r.target): r.note or "" for b, body in graph.bodies.items()
                 for r in body.relations}
    expected = {
        # 001 TYP: "TE-toimisto asettaa monialaisen yhteispalvelun johtoryhmät"
        ("te-toimisto", "asettaa", "typ-johtoryhmat"),
        # 000 TYM konsultaatiotiimi: convener from the county, standing members per area
        ("pohjois-savon-hyvinvointialue", "koordinoi", "tym-konsultaatiotiimi-pohjois-savo"),
        ("yla-savon-tyollisyysalue", "jäsen", "tym-konsultaatiotiimi-pohjois-savo"),
        ("keski-savon-tyollisyysalue", "jäsen", "tym-konsultaatiotiimi-pohjois-savo"),
        ("kuopion-tyollisyysalue", "jäsen", "tym-konsultaatiotiimi-pohjois-savo"),
        # 003: the osaamiskeskukset' TEM-/OKM-led steering group
        ("tem", "koordinoi", "osaamiskeskusten-ohjausryhma"),
        ("okm", "koordinoi", "osaamiskeskusten-ohjausryhma"),
    }
    assert expected <= set(relations)
    # 003 "valmistellaan": a plan, and each relation's note says so.
    planned = {b for (b, kind, target) in relations
               if (kind, target) == ("ohjaa", "monialaisten-palvelujen-tukirakenne")}
    assert planned == {"tem", "okm", "stm", "kuntaliitto"}
    assert all(relations[(b, "ohjaa", "monialaisten-palvelujen-tukirakenne")].startswith(
        "Suunnitelma") for b in planned)
    # 000 "Valtioneuvosto nimittää neuvottelukunnan puheenjohtajan (TEM) ja
    # varapuheenjohtajan (kunnan edustaja)": a relation of its own, the roles in its note
    appoints = relations[("valtioneuvosto", "nimittää", "tyonvk")]
    assert "puheenjohtajan" in appoints and "varapuheenjohtajan" in appoints
    assert graph.committees["typ-johtoryhmat"].status == "päättynyt"
    team = graph.committees["tym-konsultaatiotiimi-pohjois-savo"]
    assert team.seats == [] and team.members == []  # members are not named: unknown, not vacant


def test_relations_to_topics_and_areas_the_seeds_state(content: tuple[Graph, object]) -> None:
    """Relations the model could not hold before topics became relation targets."""
    graph, _ = content
    relations = {(b, r.type, r.target): r.note or "" for b, body in graph.bodies.items()
                 for r in body.relations}
    assert {
        # 004: "Hyvil ja THL toteuttivat yhteistyössä alkuvuodesta 2024"
        ("hyvil", "toteuttaa", "hyvinvointialuekysely-2024"),
        ("thl", "toteuttaa", "hyvinvointialuekysely-2024"),
        # 003: "KEHA ylläpitää monialaista tietojärjestelmää TYPPIä"
        ("keha-keskus", "ylläpitää", "typpi"),
        # 001: "yhteistyösopimus Hyvinvointialueen ja kuntien kanssa"
        ("kymenlaakson-hyvinvointialue", "osapuoli", "kymenlaakso-yhteiset-tavoitteet"),
        ("kunnat", "osapuoli", "kymenlaakso-yhteiset-tavoitteet"),
        # 000: "PSHVA:n alueelle syntyi kolme työllisyysaluetta"; Keski-Savo also in Eloisa
        ("yla-savon-tyollisyysalue", "alueella", "pohjois-savon-hyvinvointialue"),
        ("kuopion-tyollisyysalue", "alueella", "pohjois-savon-hyvinvointialue"),
        ("keski-savon-tyollisyysalue", "alueella", "pohjois-savon-hyvinvointialue"),
        ("keski-savon-tyollisyysalue", "alueella", "etela-savon-hyvinvointialue"),
        # 003 HAKIJAT: "Rovaniemen kaupunki (+Kemijärvi)"
        ("rovaniemi", "hakija", "tyokykyohjelma"),
        ("kemijarvi", "hakija", "tyokykyohjelma"),
    } <= set(relations)
    # the source does not name the Kymenlaakso municipalities, and the note says so
    assert "Lähde ei nimeä kuntia" in relations[
        ("kunnat", "osapuoli", "kymenlaakso-yhteiset-tavoitteet")]
    assert all(relations[(a, "alueella", h)].startswith("Osittain") for a, h in (
        ("keski-savon-tyollisyysalue", "pohjois-savon-hyvinvointialue"),
        ("keski-savon-tyollisyysalue", "etela-savon-hyvinvointialue")))
    assert "2020" in relations[("keha-keskus", "ylläpitää", "typpi")]
    typpi = graph.topics["typpi"]
    assert [s.document for s in typpi.sources] == ["003_aa7ec13768e6e888.txt",
                                                   "000_29a47eed100e93b4.txt"]
