"""Resolve-stage integrity checks: memberships at the same time, process structure,
copied meeting files, hints for ``[[mentions]]`` and Markdown link targets. Every check is
asserted with its Finnish message and the line:col it points at."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import markdown as python_markdown
import pytest
import yaml
from conftest import FIXED_EPOCH, ROOT

from generator import escape
from generator.core.clock import HELSINKI
from generator.core.diagnostics import Report
from generator.core.models import KINDS_BY_FOLDER
from generator.graph import Graph
from generator.pipeline import check
from generator.schema import schema_comment

Files = dict[str, str]
Run = Callable[..., tuple[Graph, Report]]
SRC = "sources:\n  - url: https://example.fi/lahde\n"
TEM = "name: Työ- ja elinkeinoministeriö\nabbreviation: TEM\ntype: ministeriö\n" + SRC
SUCCESSION = ("jos jäsenyys on päättynyt tai vaihtunut, merkitse aiemmalle `end` ja uudelle "
              "`start`")


def person(name: str) -> str:
    return f"name: {name}\n" + SRC


PEOPLE = {f"people/{i}.yaml": person(n) for i, n in (
    ("aa", "Aino Aalto"), ("bb", "Bertta Berg"), ("cc", "Cecilia Carlsson"),
    ("dd", "Daniel Dahl"), ("tommi-eskonen", "Tommi Eskonen"),
    ("niko-kyynarainen", "Niko Kyynäräinen"))}


@pytest.fixture
def run(make_content: Callable[[Files], Path], monkeypatch: pytest.MonkeyPatch) -> Run:
    def go(files: Files, today: dt.date = dt.date(2025, 5, 1)) -> tuple[Graph, Report]:
        root = make_content({path: schema_comment(KINDS_BY_FOLDER[path.split("/")[0]]) + "\n"
                             + text for path, text in files.items()})
        monkeypatch.chdir(root.parent)
        return check(root, today=today)

    return go


def lines(report: Report) -> list[str]:
    return [d.format() for d in report.sorted()]


def committee(members: str, seats: str = "  - {id: tem, organisation: tem}\n") -> Files:
    """A committee file (line 2 is ``name``; ``members:`` is on line 9, the first member
    on line 10) with TEM and the people it may name."""
    text = ("name: X\ntype: neuvottelukunta\nsummary: x\n"
            "term: {start: 2025-01-01, end: 2027-12-31}\n"
            "vacancy_note: Kaikkia ei ole nimetty.\nseats:\n" + seats.rstrip("\n") + "\n"
            "members:\n" + members + SRC)
    return {"bodies/tem.yaml": TEM, "committees/x.yaml": text, **PEOPLE}


# --- committees --------------------------------------------------------------------------


def test_two_members_in_a_seat_of_one_place(run: Run) -> None:
    _, report = run(committee("  - {person: aa, seat: tem}\n  - {person: bb, seat: tem}\n"))
    assert lines(report) == [
        "content/committees/x.yaml:11:24: virhe: members.1.seat: paikalla 'tem' on 1 paikka, "
        "mutta sille on merkitty samaan aikaan 2 jäsentä (members.0 'aa' ja members.1 'bb') "
        f"[x]\n    vihje: korjaa paikka (seat) tai paikkamäärä (count), tai {SUCCESSION}"
    ]


def test_a_successor_is_not_a_second_holder(run: Run) -> None:
    members = ("  - {person: aa, seat: tem, end: 2025-04-30}\n"
               "  - {person: bb, seat: tem, start: 2025-05-01, end: 2025-09-30}\n"
               "  - {person: cc, seat: tem, start: 2025-09-30}\n")  # hand-over on one day
    _, report = run(committee(members))
    assert report.items == []


def test_a_successor_whose_predecessor_has_no_end_is_a_second_holder(run: Run) -> None:
    members = "  - {person: aa, seat: tem}\n  - {person: bb, seat: tem, start: 2025-05-01}\n"
    _, report = run(committee(members))
    [error] = report.errors
    assert (error.line, error.col) == (11, 24)
    assert error.message.startswith("members.1.seat: paikalla 'tem' on 1 paikka, mutta")
    assert "merkitse aiemmalle `end`" in error.hint


def test_places_count_at_the_same_moment(run: Run) -> None:
    """Two places: a third member who follows one of the two is fine; three at once is not."""
    seats = "  - {id: tem, organisation: tem, count: 2}\n"
    members = ("  - {person: aa, seat: tem}\n  - {person: bb, seat: tem, end: 2025-03-31}\n"
               "  - {person: cc, seat: tem, start: 2025-04-01}\n")
    _, report = run(committee(members, seats))
    assert report.items == []
    _, report = run(committee(members.replace("start: 2025-04-01", "start: 2025-03-01"), seats))
    assert [(d.line, d.col, d.message) for d in report.errors] == [
        (12, 24, "members.2.seat: paikalla 'tem' on 2 paikkaa, mutta sille on merkitty samaan "
                 "aikaan 3 jäsentä (members.0 'aa', members.1 'bb' ja members.2 'cc')")]


def test_an_upper_bound_is_a_bound_too(run: Run) -> None:
    seats = "  - {id: tem, organisation: tem, count: 2, max_count: true}\n"
    members = ("  - {person: aa, seat: tem}\n  - {person: bb, seat: tem}\n"
               "  - {person: cc, seat: tem}\n")
    _, report = run(committee(members, seats))
    assert [(d.line, d.col, d.message) for d in report.errors] == [
        (12, 24, "members.2.seat: paikalla 'tem' on enintään 2 paikkaa, mutta sille on "
                 "merkitty samaan aikaan 3 jäsentä (members.0 'aa', members.1 'bb' ja "
                 "members.2 'cc')")]


def test_the_same_person_twice(run: Run) -> None:
    members = ("  - person: aa\n    role: puheenjohtaja\n"
               "  - person: bb\n    seat: tem\n"
               "  - person: aa\n    role: jäsen\n")
    _, report = run(committee(members))
    assert lines(report) == [
        "content/committees/x.yaml:14:13: virhe: members.2.person: 'aa' on jo toimielimen "
        "jäsen samaan aikaan (members.0) [x]\n    vihje: henkilö merkitään toimielimeen "
        f"kerran; poista toinen rivi, tai {SUCCESSION}"
    ]
    # A new role after the old one ended is a new membership.
    _, report = run(committee(members.replace("role: puheenjohtaja",
                                              "role: puheenjohtaja\n    end: 2025-02-28")
                              .replace("role: jäsen", "role: jäsen\n    start: 2025-03-01")))
    assert report.items == []


def test_a_member_is_not_a_deputy_at_the_same_time(run: Run) -> None:
    # The deputy named first, the member after; and the member first, the deputy after.
    _, report = run(committee("  - {person: aa, seat: tem, deputy: bb}\n  - {person: bb}\n"))
    assert lines(report) == [
        "content/committees/x.yaml:10:37: virhe: members.0.deputy: 'bb' on samaan aikaan itse "
        "jäsen (members.1) eikä voi olla jäsenen 'aa' varajäsen [x]\n    vihje: valitse toinen "
        "varajäsen; jos varajäsenestä on tullut jäsen, jaa tämä rivi kahdeksi (aiemmalle "
        "`end`, uudelle `start`) ja jätä `deputy` pois uudemmasta"
    ]
    _, report = run(committee("  - {person: bb}\n  - {person: aa, seat: tem, deputy: bb}\n"))
    assert [(d.line, d.col, d.message) for d in report.errors] == [
        (11, 37, "members.1.deputy: 'bb' on samaan aikaan itse jäsen (members.0) eikä voi "
                 "olla jäsenen 'aa' varajäsen")]
    # The deputy of a member who has left may become a member; so may a deputy whose
    # deputyship ends (the member's entry split in two, the later one without a deputy).
    _, report = run(committee("  - {person: aa, seat: tem, deputy: bb, end: 2025-02-28}\n"
                              "  - {person: bb, seat: tem, start: 2025-03-01}\n"))
    assert report.items == []
    seats = "  - {id: tem, organisation: tem, count: 2}\n"
    _, report = run(committee("  - {person: aa, seat: tem, deputy: bb, end: 2025-05-31}\n"
                              "  - {person: aa, seat: tem, start: 2025-06-01}\n"
                              "  - {person: bb, seat: tem, start: 2025-06-01}\n", seats))
    assert report.items == []


def test_one_message_per_deputy_entry(run: Run) -> None:
    """``cc`` is a member and the deputy of two members: the second deputy entry gets one
    message (choosing another deputy mends both problems)."""
    seats = "  - {id: tem, organisation: tem, count: 2}\n"
    members = ("  - {person: aa, seat: tem, deputy: cc}\n"
               "  - {person: bb, seat: tem, deputy: cc}\n  - {person: cc}\n")
    _, report = run(committee(members, seats))
    assert [(d.line, d.col, d.message) for d in report.errors] == [
        (10, 37, "members.0.deputy: 'cc' on samaan aikaan itse jäsen (members.2) eikä voi "
                 "olla jäsenen 'aa' varajäsen"),
        (11, 37, "members.1.deputy: 'cc' on jo jäsenen 'aa' henkilökohtainen varajäsen "
                 "(members.0)"),
    ]


def test_a_personal_deputy_deputises_one_member(run: Run) -> None:
    seats = "  - {id: tem, organisation: tem, count: 2}\n"
    members = ("  - person: aa\n    seat: tem\n    deputy: cc\n"
               "  - person: bb\n    seat: tem\n    deputy: cc\n")
    _, report = run(committee(members, seats))
    assert lines(report) == [
        "content/committees/x.yaml:15:13: virhe: members.1.deputy: 'cc' on jo jäsenen 'aa' "
        "henkilökohtainen varajäsen (members.0) [x]\n    vihje: henkilökohtainen varajäsen on "
        f"vain yhden jäsenen varajäsen; valitse toinen varajäsen, tai {SUCCESSION}"
    ]
    # The same deputy for a member and for the member's successor.
    members = ("  - person: aa\n    seat: tem\n    deputy: cc\n    end: 2025-02-28\n"
               "  - person: bb\n    seat: tem\n    deputy: cc\n    start: 2025-03-01\n")
    _, report = run(committee(members, seats))
    assert report.items == []


FIXED_DATE = dt.datetime.fromtimestamp(int(FIXED_EPOCH), tz=HELSINKI).date()


def test_real_committees_pass() -> None:
    """The real committees pass every membership, seat and term check with warnings
    included, as ``check --strict`` demands (the ``real_graph`` fixture only rules out
    errors); on the fixed test date, since some warnings come with the passing of time."""
    _, report = check(ROOT / "content", today=FIXED_DATE)
    assert [item.format() for item in report.items if "/committees/" in item.path] == []


# --- processes ---------------------------------------------------------------------------

PROCESS_HEAD = "name: P\nsummary: s\nvalidity: v\nphases:\n"


def test_end_phase_id_is_reserved(run: Run) -> None:
    process = (PROCESS_HEAD + "  - id: alku\n    name: Alku\n    next: [{to: loppu}]\n"
               "  - id: loppu\n    name: Loppu\n" + SRC)
    _, report = run({"processes/p.yaml": process})
    assert lines(report) == [
        "content/processes/p.yaml:9:9: virhe: phases.1.id: tunniste 'loppu' on varattu "
        "prosessin päättymiselle, eikä se voi olla vaiheen tunniste [p]\n    vihje: anna "
        "vaiheelle toinen tunniste (esim. 'loppuvaihe') ja muuta viittaukset siihen; "
        "vaiheesta päätetään prosessi kirjoittamalla `next: [{to: loppu}]`"
    ]


def test_a_phase_does_not_continue_to_itself(run: Run) -> None:
    process = (PROCESS_HEAD + "  - id: alku\n    name: Alku\n"
               "    next:\n      - to: loppu\n      - to: alku\n" + SRC)
    _, report = run({"processes/p.yaml": process})
    assert lines(report) == [
        "content/processes/p.yaml:10:13: virhe: phases.0.next.1.to: vaihe 'alku' jatkuu "
        "itseensä [p]\n    vihje: ohjaa seuraavaan vaiheeseen; jos vaihe toistuu, kerro se "
        "kentässä review_interval (esim. `vähintään 3 kk välein`) tai description"
    ]


def test_each_unlabelled_branch_is_shown(run: Run) -> None:
    process = (PROCESS_HEAD + "  - id: kysymys\n    name: Tarvitaanko?\n    kind: päätös\n"
               "    next:\n      - to: jatko\n        label: Kyllä\n      - to: loppu\n"
               "      - to: jatko\n"
               "  - id: jatko\n    name: Jatko\n    next: [{to: loppu}]\n" + SRC)
    _, report = run({"processes/p.yaml": process})
    assert [(d.line, d.col, d.message) for d in report.errors] == [
        (12, 9, "phases.0.next.1: päätöskohdan jokaisella haaralla pitää olla label"),
        (13, 9, "phases.0.next.2: päätöskohdan jokaisella haaralla pitää olla label"),
    ]


def test_a_phase_without_next_ends_the_process(run: Run) -> None:
    """Documented: a phase without ``next`` is the last one (the diagram draws an arrow to
    the end, the page says *Prosessin viimeinen vaihe*). A forgotten ``next`` leaves the
    following phase unreachable, which is warned about."""
    process = (PROCESS_HEAD + "  - id: alku\n    name: Alku\n    next: [{to: jatko}]\n"
               "  - id: jatko\n    name: Jatko\n" + SRC)
    _, report = run({"processes/p.yaml": process})
    assert report.items == []


# --- meetings ----------------------------------------------------------------------------


def meeting(title: str = "Syyskokous", date: str = "date: 2025-09-17",
            extra: str = "") -> str:
    return f"series: x\ntitle: {title}\n{date}\n{extra}" + SRC


def test_a_copied_meeting_file_is_warned_about(run: Run) -> None:
    files = {"committees/x.yaml": "name: X\ntype: verkosto\nsummary: x\n" + SRC,
             "meetings/x-2025-09-17.yaml": meeting(),
             "meetings/x-2025-10-15.yaml": meeting(title="syyskokous "),
             "meetings/x-2025-11.yaml": meeting(date="month: 2025-11"),
             "meetings/x-2025-11-b.yaml": meeting(date="month: 2025-11", extra="place: B\n"),
             "meetings/x-2025-09-17-ip.yaml": meeting(title="Iltapäivän kokous"),
             "meetings/x-peruttu.yaml": meeting(extra="status: peruttu\nsequence: 1\n")}
    _, report = run(files)
    assert lines(report) == [
        # The copy was named for its new day but kept the old one (see also below).
        "content/meetings/x-2025-10-15.yaml:4:7: varoitus: date: kokous on 2025-09-17, mutta "
        "tiedoston nimessä on 2025-10-15 [x-2025-10-15]\n    vihje: jos tiedosto on kopioitu "
        "toisesta kokouksesta, korjaa päivä; jos julkaistun kokouksen päivä muuttui, kasvata "
        "sequence-lukua (tiedostonimi eli tunniste pysyy ennallaan)",
        "content/meetings/x-2025-10-15.yaml:4:7: varoitus: date: toimielimen 'x' kokous "
        "'syyskokous' on jo 17.9.2025 tiedostossa content/meetings/x-2025-09-17.yaml; onko "
        "tiedosto kopioitu? [x-2025-10-15]\n    vihje: muuta kopion päivä (date) ja otsikko "
        "(title) tai poista ylimääräinen tiedosto; jos samana päivänä on kaksi kokousta, anna "
        "niille eri otsikot",
        "content/meetings/x-2025-11-b.yaml:4:8: varoitus: month: toimielimen 'x' kokous "
        "'Syyskokous' on jo 2025-11 tiedostossa content/meetings/x-2025-11.yaml; onko "
        "tiedosto kopioitu? [x-2025-11-b]\n    vihje: muuta kopion päivä (date) ja otsikko "
        "(title) tai poista ylimääräinen tiedosto; jos samana päivänä on kaksi kokousta, anna "
        "niille eri otsikot",
    ]
    assert not report.errors and report.failed(strict=True)


# --- mentions ----------------------------------------------------------------------------


def mention(text: str) -> tuple[str, str]:
    return "bodies/kela.yaml", f"name: Kela\ntype: virasto\nsummary: Katso {text}.\n" + SRC


@pytest.mark.parametrize("written, hint", [
    ("[[Tommi Eskonen]]", "tarkoititko [[tommi-eskonen]] (Tommi Eskonen)?"),
    ("[[Niko Kyynaräinen]]", "tarkoititko [[niko-kyynarainen]] (Niko Kyynäräinen)?"),
    ("[[TEM]]", "tarkoititko [[tem]] (Työ- ja elinkeinoministeriö)?"),
    ("[[työ- ja elinkeinoministeriö]]", "tarkoititko [[tem]] (Työ- ja elinkeinoministeriö)?"),
    ("[[Tyo ja elinkeinoministerio]]", "tarkoititko [[tem]] (Työ- ja elinkeinoministeriö)?"),
])
def test_mention_by_name_or_capitalised_suggests_the_id(run: Run, written: str,
                                                         hint: str) -> None:
    path, text = mention(written)
    _, report = run({"bodies/tem.yaml": TEM, path: text, **PEOPLE})
    [error] = report.errors
    assert (error.line, error.col) == (4, 16)
    assert error.message == f"summary: tekstin viittaus {written} ei osoita mihinkään"
    assert error.hint == (hint + " Viittauksessa käytetään kohteen tunnistetta eli tiedoston "
                          "nimeä ilman .yaml-päätettä, ei nimeä")


def test_mention_typos_keep_the_short_hint(run: Run) -> None:
    path, text = mention("[[tommi-eskone]] ja [[Tommi Eskone]] ja [[Qwerty]]")
    _, report = run({"bodies/tem.yaml": TEM, path: text, **PEOPLE})
    assert [(d.col, d.hint) for d in report.errors] == [
        (16, "tarkoititko 'tommi-eskonen'?"), (36, "tarkoititko 'tommi-eskonen'?"), (56, "")]


def test_a_capitalised_real_id_is_found(run: Run) -> None:
    hyvil = "name: Hyvinvointialueyhtiö Hyvil Oy\nabbreviation: Hyvil\ntype: yhtiö\n" + SRC
    path, text = mention("[[Hyvil]]")
    _, report = run({"bodies/hyvil.yaml": hyvil, path: text})
    [error] = report.errors
    assert error.hint.startswith("tarkoititko [[hyvil]] (Hyvinvointialueyhtiö Hyvil Oy)?")


# --- Markdown links ----------------------------------------------------------------------

LINK_HINT = ("kirjoita koko osoite muodossa https://… tai viittaa sivuston sivuun muodossa "
             "[[tunniste]]")


def test_a_bare_domain_link_is_an_error_at_the_link(run: Run) -> None:
    text = ("name: Aino Aalto\nsummary: >-\n  Esittely, jossa on linkki\n"
            "  [eka](tem.fi) ja [toka](https://tem.fi).\n" + SRC)
    _, report = run({"people/aa.yaml": text})
    assert lines(report) == [
        "content/people/aa.yaml:5:3: virhe: summary: linkin kohde 'tem.fi' ei ole "
        "verkko-osoite (https:// puuttuu) [aa]\n    vihje: kirjoita koko osoite "
        "(https://tem.fi) tai viittaa sivuston sivuun muodossa [[tunniste]]"
    ]


@pytest.mark.parametrize("link, col, message, hint", [
    ("[sivu](../lait/laki-380-2023.md)", 18,
     "linkin kohde '../lait/laki-380-2023.md' ei ole https://-osoite", LINK_HINT),
    ("[ankkuri](#kohta)", 18, "linkin kohde '#kohta' ei ole https://-osoite", LINK_HINT),
    ("[vanha](http://tem.fi/x)", 18, "linkki 'http://tem.fi/x' on suojaamaton http-osoite",
     "kirjoita https://tem.fi/x (sivuston linkit ovat https-osoitteita)"),
    ("[vajaa](https:/tem.fi)", 18, "linkin osoite 'https:/tem.fi' on vajaa",
     "kirjoita koko osoite muodossa https://palvelin/polku"),
    ("[tyhjä]()", 18, "linkiltä puuttuu kohde", LINK_HINT),
    ("[posti](mailto:)", 18, "sähköpostilinkistä 'mailto:' puuttuu osoite",
     "kirjoita muodossa mailto:nimi@example.fi"),
    ("[www](www.tem.fi/sivu \"otsikko\")", 18,
     "linkin kohde 'www.tem.fi/sivu' ei ole verkko-osoite (https:// puuttuu)",
     "kirjoita koko osoite (https://www.tem.fi/sivu) tai viittaa sivuston sivuun muodossa "
     "[[tunniste]]"),
    ("[väli](https://tem.fi/a b)", 23,
     "linkin osoitteessa 'https://tem.fi/a b' on välilyönti, joten linkki näkyisi sivulla "
     "tekstinä", "kirjoita välilyönnin tilalle %20 tai poista se"),
])
def test_link_targets_that_do_not_work_on_the_site(run: Run, link: str, col: int,
                                                   message: str, hint: str) -> None:
    body = f"name: Kela\ntype: virasto\nsummary: 'Katso: {link}'\n" + SRC
    _, report = run({"bodies/kela.yaml": body})
    [error] = report.errors
    assert (error.line, error.col, error.message, error.hint) == (
        4, col, "summary: " + message, hint)


def test_a_reference_definition_and_a_folded_link(run: Run) -> None:
    text = ("name: Kela\ntype: virasto\nsummary: >-\n  Katso [ohje][o] ja [pitkä\n"
            "  nimi](kela.fi/ohje).\n\n  [o]: kela.fi\n" + SRC)
    _, report = run({"bodies/kela.yaml": text})
    assert [(d.line, d.col, d.message) for d in report.errors] == [
        (6, 9, "summary: linkin kohde 'kela.fi/ohje' ei ole verkko-osoite (https:// puuttuu)"),
        (8, 3, "summary: linkin kohde 'kela.fi' ei ole verkko-osoite (https:// puuttuu)"),
    ]


def test_links_in_nested_and_list_fields(run: Run) -> None:
    process = (PROCESS_HEAD + "  - id: alku\n    name: Alku\n    description: |\n"
               "      Ensimmäinen rivi.\n      Lisää: [ohje](ohje.pdf).\n"
               "    next: [{to: loppu}]\n" + SRC)
    topic = ("title: T\nsummary: s\nsections:\n  - title: Osa\n"
             "    items:\n      - Hyvä [linkki](https://tem.fi)\n"
             "      - Huono [linkki](tem.fi/a)\n" + SRC)
    _, report = run({"processes/p.yaml": process, "topics/t.yaml": topic})
    assert [(d.path, d.line, d.col, d.message) for d in report.errors] == [
        ("content/processes/p.yaml", 10, 14,
         "phases.0.description: linkin kohde 'ohje.pdf' ei ole verkko-osoite "
         "(https:// puuttuu)"),
        ("content/topics/t.yaml", 8, 15,
         "sections.0.items.1: linkin kohde 'tem.fi/a' ei ole verkko-osoite (https:// puuttuu)"),
    ]


@pytest.mark.parametrize("text", [
    "[Finlex](https://www.finlex.fi/fi/lainsaadanto/2023/380)",
    "[TEM](https://tem.fi \"Työ- ja elinkeinoministeriö\")",
    "[kirjaamo](mailto:kirjaamo@example.fi)",
    "[wiki](https://fi.wikipedia.org/wiki/A_(b))",
    "<https://tem.fi>",
    "[viite][v]\n\n[v]: https://tem.fi",
    # Shown as text, never as links (the hostile corpus relies on these being valid).
    "[klikkaa](javascript:alert(1))",
    "[data](data:text/html,x)",
    "![kuva](tem.fi/kuva.png)",
    "[[tem]] ja hakasulkeet [näin] (ja näin)",
])
def test_links_that_work_or_are_not_links_pass(run: Run, text: str) -> None:
    body = "name: Kela\ntype: virasto\nsummary: |\n" + "".join(
        f"  {line}\n" if line else "\n" for line in text.split("\n")) + SRC
    _, report = run({"bodies/tem.yaml": TEM, "bodies/kela.yaml": body})
    assert report.items == [], report.format()


@pytest.mark.parametrize("text", [
    "[a](tem.fi) [b](https://tem.fi) [c](javascript:x) ![d](e.png) [f](mailto:x@y.fi)",
    "[a]( tem.fi) ja ![b]( https://tem.fi/k.png) ja [c](\nhttp://x.fi)",
    "[a][r] [b][s]\n\n[r]: tem.fi\n   [s]: https://tem.fi\n[t]: javascript:x",
    "[a](https://fi.wikipedia.org/wiki/A_(b)) [b](<https://tem.fi>) <http://x.fi>",
    "[a](#ankkuri) [b](../x.md \"t\") [c]() [[tem]]",
])
def test_the_check_sees_exactly_the_links_the_site_renders(text: str) -> None:
    """escape.link_targets (what the check looks at) and escape.markdown (what the site
    renders) agree: every target rendered as a link is one the check has seen."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8").replace("!!python", "#"))
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in
                  config["markdown_extensions"]]  # as the site renders (options left out)
    rendered = python_markdown.markdown(escape.markdown(text, lambda i: i),
                                        extensions=extensions)
    hrefs = sorted(re.findall(r'href="([^"]*)"', rendered))
    targets = sorted(target for _, target in escape.link_targets(text))
    assert hrefs == targets


def test_a_meeting_named_for_another_day(run: Run) -> None:
    files = {"committees/x.yaml": "name: X\ntype: verkosto\nsummary: x\n" + SRC,
             "meetings/x-2025-09-17.yaml": meeting(title="Syyskokous"),
             # moved after publishing: its id stays, and sequence says it changed
             "meetings/x-2025-09-24.yaml": meeting(title="Siirretty", extra="sequence: 1\n"),
             "meetings/x-2025-10.yaml": meeting(title="Lokakuu", date="month: 2025-11"),
             "meetings/x-2025-11.yaml": meeting(title="Marraskuu", date="date: 2025-11-05")}
    _, report = run(files)
    assert [(d.path, d.line, d.col, d.message) for d in report.sorted()] == [
        ("content/meetings/x-2025-10.yaml", 4, 8,
         "month: kokous on 2025-11, mutta tiedoston nimessä on 2025-10"),
    ]


def test_overlapping_dates_are_named_in_the_hint(run: Run) -> None:
    members = ("  - {person: aa, seat: tem, end: 2025-06-30}\n"
               "  - {person: bb, seat: tem, start: 2025-05-01}\n")
    _, report = run(committee(members))
    (problem,) = report.errors
    assert problem.hint.endswith(
        "jäsenyydet ovat päällekkäin: members.0 päättyy 30.6.2025, mutta members.1 alkaa jo "
        "1.5.2025; jos toinen seuraa toista, korjaa päivät")


def test_a_membership_before_the_term_says_when_the_term_starts(run: Run) -> None:
    _, report = run(committee("  - {person: aa, seat: tem, start: 2024-12-01}\n"))
    (warning,) = report.warnings
    assert (warning.line, warning.message) == (
        10, "members.0.start: jäsenyys alkaa ennen toimikautta")
    assert warning.hint == ("toimikausi alkaa 1.1.2025: korjaa jäsenyyden alku tai "
                            "toimikauden alku (term.start)")
