"""Meeting calendar: feeds (parsed with icalendar and vobject), calendar and meeting pages,
next meeting, and the meeting validation messages with their exact positions."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from conftest import FIXED_EPOCH, FIXTURES

from generator import calendar
from generator.build import Output, SiteConfig
from generator.calendar import vtimezone
from generator.core.diagnostics import Report
from generator.core.models import KINDS_BY_FOLDER
from generator.domain import timing
from generator.graph import Graph
from generator.pages import render_pages
from generator.pipeline import check
from generator.schema import schema_comment

CONTENT = FIXTURES / "calendar" / "content"
HELSINKI = ZoneInfo("Europe/Helsinki")
UTC = dt.UTC
DATED = ["tyonvk-2025-09-10", "verkosto-2025-03-24", "verkosto-2025-06-04",
         "verkosto-2026-03-29", "verkosto-2026-10-25"]
MONTH_ONLY = "tyonvk-2025-06"


def epoch(*args: int) -> str:
    return str(int(dt.datetime(*args, tzinfo=HELSINKI).timestamp()))  # type: ignore[misc]


def render(content: Path = CONTENT, project_root: Path | None = None) -> dict[str, Output]:
    graph, report = check(content)
    assert not report.errors, report.format()
    config = SiteConfig(content_dir=content, project_root=project_root)
    return {o.path: o for o in calendar.render_calendar(graph, config)}


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)  # 12.5.2025


@pytest.fixture
def outputs(fixed_clock: None) -> dict[str, Output]:
    return render()


@pytest.fixture(scope="module")
def graph() -> Graph:
    graph, report = check(CONTENT)
    assert not report.items, report.format()
    return graph


def events(data: bytes) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return {str(e["uid"]).split("@")[0]: e for e in cal.walk("VEVENT")}


# --- feeds -------------------------------------------------------------------------------


def test_feed_files(outputs: dict[str, Output]) -> None:
    feeds = sorted(p for p in outputs if p.endswith(".ics"))
    assert feeds == sorted([
        "kalenteri/kaikki.ics", "kalenteri/tyonvk.ics", "kalenteri/yhdyspintaverkosto.ics",
        *(f"kokoukset/{i}.ics" for i in DATED),
    ])
    assert sorted(events(outputs["kalenteri/kaikki.ics"].data)) == sorted(DATED)
    assert sorted(events(outputs["kalenteri/tyonvk.ics"].data)) == ["tyonvk-2025-09-10"]
    assert sorted(events(outputs["kalenteri/yhdyspintaverkosto.ics"].data)) == [
        "verkosto-2025-03-24", "verkosto-2025-06-04", "verkosto-2026-03-29",
        "verkosto-2026-10-25"]
    for meeting_id in DATED:
        assert list(events(outputs[f"kokoukset/{meeting_id}.ics"].data)) == [meeting_id]


def test_every_feed_parses_with_icalendar_and_vobject(outputs: dict[str, Output]) -> None:
    for path, output in outputs.items():
        if not path.endswith(".ics"):
            continue
        data = output.data
        assert b"\n" not in data.replace(b"\r\n", b""), f"{path}: bare LF"
        assert all(len(line) <= 75 for line in data.split(b"\r\n")), f"{path}: unfolded"
        parsed = icalendar.Calendar.from_ical(data)
        assert str(parsed["version"]) == "2.0"
        card = vobject.readOne(data.decode("utf-8"))
        uids = sorted(e.uid.value for e in card.vevent_list)
        assert uids == sorted(str(e["uid"]) for e in parsed.walk("VEVENT")), path


def test_calendar_properties(outputs: dict[str, Output]) -> None:
    cal = icalendar.Calendar.from_ical(outputs["kalenteri/tyonvk.ics"].data)
    assert str(cal["prodid"]) == "-//yhdyspintaverkosto.fi//Tietopankki//FI"
    assert str(cal["method"]) == "PUBLISH"
    assert str(cal["name"]) == "TyöNVK – kokoukset"
    assert str(cal["x-wr-calname"]) == "TyöNVK – kokoukset"
    assert str(cal["x-wr-timezone"]) == "Europe/Helsinki"
    assert str(cal["source"]) == "https://yhdyspintaverkosto.fi/kalenteri/tyonvk.ics"
    assert cal.decoded("refresh-interval") == dt.timedelta(hours=12)
    every = icalendar.Calendar.from_ical(outputs["kalenteri/kaikki.ics"].data)
    assert str(every["name"]) == "Työllisyyden edistämisen yhdyspintaverkosto – kaikki kokoukset"


def test_vtimezone_present_with_helsinki_rules(outputs: dict[str, Output]) -> None:
    cal = icalendar.Calendar.from_ical(outputs["kalenteri/kaikki.ics"].data)
    (zone,) = cal.walk("VTIMEZONE")
    assert str(zone["tzid"]) == "Europe/Helsinki"
    rules = {c.name: c for c in zone.subcomponents}
    assert rules["DAYLIGHT"]["rrule"].to_ical() == b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"
    assert rules["STANDARD"]["rrule"].to_ical() == b"FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"
    # Every timed event refers to it.
    for event in cal.walk("VEVENT"):
        if isinstance(event.decoded("dtstart"), dt.datetime):
            assert event["dtstart"].params["TZID"] == "Europe/Helsinki"
    assert b"DTSTART;TZID=Europe/Helsinki:20250324T120000\r\n" in outputs[
        "kalenteri/kaikki.ics"].data


def test_vtimezone_agrees_with_zoneinfo_every_hour_near_changes() -> None:
    tz = vtimezone.rule_timezone().to_tz()
    for year in range(2024, 2031):
        for month in (3, 10):
            change = vtimezone._last_sunday(year, month)
            moment = dt.datetime.combine(change, dt.time(), tzinfo=UTC) - dt.timedelta(hours=6)
            for _ in range(12):
                local = moment.astimezone(HELSINKI)
                assert moment.astimezone(tz).utcoffset() == local.utcoffset(), moment
                moment += dt.timedelta(hours=1)
        for month in range(1, 13):
            noon = dt.datetime(year, month, 15, 12)
            assert noon.replace(tzinfo=tz).utcoffset() == noon.replace(
                tzinfo=HELSINKI).utcoffset()


def test_vtimezone_falls_back_to_zoneinfo_when_rules_change(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vtimezone, "rule_holds", lambda year: year != 2031)
    assert b"RRULE" in vtimezone.helsinki([2025, 2026]).to_ical()
    generated = vtimezone.helsinki([2030, 2031]).to_ical()
    assert b"TZID:Europe/Helsinki" in generated
    assert b"RRULE" not in generated
    assert b"20310330T040000" in generated  # the spring change of 2031, from zoneinfo


def test_dst_edges_land_at_the_right_utc_hour(outputs: dict[str, Output]) -> None:
    expected = {
        "verkosto-2026-03-29": dt.datetime(2026, 3, 29, 7, tzinfo=UTC),  # EEST, +3
        "verkosto-2026-10-25": dt.datetime(2026, 10, 25, 8, tzinfo=UTC),  # EET, +2
        "verkosto-2025-03-24": dt.datetime(2025, 3, 24, 10, tzinfo=UTC),
    }
    data = outputs["kalenteri/kaikki.ics"].data
    parsed = events(data)
    card = vobject.readOne(data.decode("utf-8"))
    by_uid = {e.uid.value.split("@")[0]: e for e in card.vevent_list}
    zone = icalendar.Calendar.from_ical(data).walk("VTIMEZONE")[0].to_tz()
    for meeting_id, utc in expected.items():
        assert parsed[meeting_id].decoded("dtstart").astimezone(UTC) == utc
        # vobject reads the time through the feed's own VTIMEZONE, not the system's tzdata.
        start = by_uid[meeting_id].dtstart.value
        assert "tzicalvtz" in type(start.tzinfo).__name__
        assert start.astimezone(UTC) == utc
        naive = parsed[meeting_id].decoded("dtstart").replace(tzinfo=None)
        assert naive.replace(tzinfo=zone).astimezone(UTC) == utc
        assert parsed[meeting_id].decoded("dtend") - parsed[meeting_id].decoded(
            "dtstart") == dt.timedelta(hours=2)


def test_cancelled_meeting_stays_in_feed(outputs: dict[str, Output]) -> None:
    for feed in ("kalenteri/kaikki.ics", "kalenteri/yhdyspintaverkosto.ics",
                 "kokoukset/verkosto-2025-06-04.ics"):
        event = events(outputs[feed].data)["verkosto-2025-06-04"]
        assert str(event["status"]) == "CANCELLED"
        assert event.decoded("sequence") >= 1
        assert str(event["summary"]) == "Peruttu: Yhdyspintaverkoston kokous kesäkuu 2025"


def test_event_fields(outputs: dict[str, Output]) -> None:
    event = events(outputs["kalenteri/kaikki.ics"].data)["verkosto-2025-03-24"]
    assert str(event["uid"]) == "verkosto-2025-03-24@yhdyspintaverkosto.fi"
    assert str(event["url"]) == "https://yhdyspintaverkosto.fi/kokoukset/verkosto-2025-03-24/"
    assert str(event["status"]) == "CONFIRMED"
    assert event.decoded("sequence") == 0
    assert str(event["location"]) == (
        "Kuntatalo, Toinen linja 14, Helsinki; "
        "Teams: https://teams.microsoft.com/l/meetup-join/esimerkki")
    assert str(event["conference"]) == "https://teams.microsoft.com/l/meetup-join/esimerkki"
    description = str(event["description"])
    assert description.splitlines()[:2] == [
        "Työllisyyden edistämisen yhdyspintaverkosto", "ma 24.3.2025 klo 12.00–14.00"]
    assert "Kevään kokouksessa käsitellään Työ- ja elinkeinoministeriö:n" in description
    assert ("12.15–13.00 Ajankohtaista ministeriöstä – Maija Meikäläinen "
            "(neuvotteleva virkamies, Työ- ja elinkeinoministeriö)") in description
    assert "13.00–14.00 Keskustelu; kysymykset, vastaukset" in description
    assert "- Esitysdiat: https://example.fi/diat.pdf" in description
    assert description.endswith(
        "Kokoussivu: https://yhdyspintaverkosto.fi/kokoukset/verkosto-2025-03-24/")
    # The library escapes iCalendar text; the raw feed has the escaped forms.
    assert b"Keskustelu\\; kysymykset\\, vastaukset" in outputs["kalenteri/kaikki.ics"].data


def test_date_only_meeting_is_an_all_day_event(outputs: dict[str, Output]) -> None:
    event = events(outputs["kalenteri/kaikki.ics"].data)["tyonvk-2025-09-10"]
    assert event.decoded("dtstart") == dt.date(2025, 9, 10)
    assert event.decoded("dtend") == dt.date(2025, 9, 11)
    assert event["dtstart"].params.get("VALUE") == "DATE"
    assert str(event["transp"]) == "TRANSPARENT"
    assert str(event["status"]) == "TENTATIVE"
    # the day was inferred by an editor: the calendar entry says so too
    assert str(event["description"]).splitlines()[1] == \
        "ke 10.9.2025 (päätelty: esityslistan päiväyksestä)"


def test_feed_without_dated_meetings_is_still_valid(
        check_files: Callable[[dict[str, str]], tuple[Graph, Report]], tmp_path: Path) -> None:
    graph, _ = check_files({"committees/x.yaml": SERIES,
                            "meetings/m.yaml": HEAD + "month: 2025-06\n" + SRC})
    config = SiteConfig(content_dir=tmp_path / "content")
    outputs = {o.path: o for o in calendar.render_calendar(graph, config)}
    assert "kokoukset/m.ics" not in outputs
    data = outputs["kalenteri/x.ics"].data
    parsed = icalendar.Calendar.from_ical(data)
    assert parsed.walk("VEVENT") == []
    assert [c.name for c in parsed.subcomponents] == ["VTIMEZONE"]
    assert vobject.readOne(data.decode("utf-8")).name == "VCALENDAR"


def test_serialise_writes_what_icalendar_writes(graph: Graph) -> None:
    """The fast serialiser folds exactly like icalendar: every meeting's event, the time
    zone, and lines around the 75-octet limit with multi-byte letters and escapes."""
    from generator.calendar import ics

    config = SiteConfig(content_dir=CONTENT)
    stamp = dt.datetime(2025, 5, 12, tzinfo=UTC)
    components: list[icalendar.cal.component.Component] = [
        ics.event(graph, config, meeting_id, stamp)
        for meeting_id, meeting in graph.meetings.items() if timing.in_feeds(meeting)]
    assert len(components) >= len(DATED)
    components.append(vtimezone.helsinki([2025, 2026]))
    odd = icalendar.Event()
    for length in range(60, 90):  # "SUMMARY:" + text: lines of 68 to 97 octets and more
        odd.add("summary", "ä" * (length // 2) + "a" * (length % 2))
        odd.add("description", "x" * length)
        odd.add("location", "y" * (length - 10) + "\\,;" + "ö" * 5)
    components.append(odd)
    folded = 0
    for component in components:
        expected = component.to_ical()
        assert ics.serialise(component) == expected
        folded += expected.count(b"\r\n ")
    assert folded > 30  # long lines were folded, not only short ones passed through


def test_feeds_are_byte_identical_for_the_same_content_and_day(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
    first = render()
    again = render()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(FIXED_EPOCH) + 3600))
    later_that_day = render()
    for path, output in first.items():
        if path.endswith(".ics"):
            assert output.data == again[path].data == later_that_day[path].data, path
    uids = [str(e["uid"]) for e in icalendar.Calendar.from_ical(
        first["kalenteri/kaikki.ics"].data).walk("VEVENT")]
    assert uids == [f"{i}@yhdyspintaverkosto.fi" for i in (
        "verkosto-2025-03-24", "verkosto-2025-06-04", "tyonvk-2025-09-10",
        "verkosto-2026-03-29", "verkosto-2026-10-25")]


def test_dtstamp_without_git_comes_from_the_content(tmp_path: Path, fixed_clock: None) -> None:
    content = shutil.copytree(CONTENT, tmp_path / "content")  # outside any repository
    updated = content / "meetings" / "verkosto-2025-03-24.yaml"
    updated.write_text(updated.read_text("utf-8") + "updated: 2025-03-01\n", "utf-8")
    parsed = events(render(content)["kalenteri/kaikki.ics"].data)
    assert parsed["verkosto-2026-03-29"].decoded("dtstamp") == dt.datetime(
        2026, 3, 29, tzinfo=UTC)
    assert parsed["verkosto-2025-03-24"].decoded("dtstamp") == dt.datetime(
        2025, 3, 1, tzinfo=UTC)


def test_dtstamp_is_the_last_commit_of_the_meeting_file(
        tmp_path: Path, fixed_clock: None) -> None:
    if shutil.which("git") is None:
        pytest.fail("git is needed for DTSTAMPs")
    project = tmp_path / "project"
    shutil.copytree(CONTENT, project / "content")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.fi",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.fi",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

    def git(*args: str, when: str = "2025-01-02T03:04:05+00:00") -> None:
        subprocess.run(["git", *args], cwd=project, check=True, capture_output=True,
                       env={**env, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when})

    git("init", "-q")
    git("add", "content")
    git("commit", "-q", "-m", "first")
    changed = project / "content" / "meetings" / "verkosto-2026-03-29.yaml"
    changed.write_text(changed.read_text("utf-8").replace("10:00", "10:30"), "utf-8")
    git("commit", "-q", "-am", "move", when="2025-02-03T04:05:06+00:00")
    parsed = events(render(project / "content", project)["kalenteri/kaikki.ics"].data)
    assert parsed["verkosto-2026-03-29"].decoded("dtstamp") == dt.datetime(
        2025, 2, 3, 4, 5, 6, tzinfo=UTC)
    assert parsed["verkosto-2025-03-24"].decoded("dtstamp") == dt.datetime(
        2025, 1, 2, 3, 4, 5, tzinfo=UTC)


# --- calendar page and next meeting -------------------------------------------------------


def split(page: str) -> tuple[list[str], list[str]]:
    upcoming, past = page.split("## Menneet kokoukset")
    ids = re.compile(r"\(\.\./kokoukset/([a-z0-9-]+)\.md\)")
    return ids.findall(upcoming), ids.findall(past)


def test_calendar_page_split_at_build_time(outputs: dict[str, Output]) -> None:
    page = outputs["kalenteri/index.md"].text
    upcoming, past = split(page)
    assert upcoming == ["verkosto-2025-06-04", MONTH_ONLY, "tyonvk-2025-09-10",
                        "verkosto-2026-03-29", "verkosto-2026-10-25"]
    assert past == ["verkosto-2025-03-24"]
    assert "#### Kesäkuu 2025" in page
    assert "### 2026" in page
    assert ("**kesäkuu 2025, päivä tarkentuu** – [TyöNVK:n kesäkuun kokous]"
            "(../kokoukset/tyonvk-2025-06.md) · TyöNVK") in page
    assert ("**Peruttu:** **ke 4.6.2025 klo 13.00–15.00** – [Yhdyspintaverkoston kokous "
            "kesäkuu 2025](../kokoukset/verkosto-2025-06-04.md)") in page
    assert "sivuston päivityshetken 12.5.2025 mukaan" in page
    assert 'data-start="2026-10-25T10:00:00+02:00" data-end="2026-10-25T12:00:00+02:00"' in page
    assert 'data-start="2025-06-01T00:00:00+03:00" data-end="2025-07-01T00:00:00+03:00"' in page
    # Without JavaScript the filter stays hidden; the script reveals it.
    assert '<fieldset class="cal-filter" data-cal-filter hidden>' in page
    assert ('<label><input type="checkbox" name="sarja" value="tyonvk" checked> TyöNVK – '
            "Työllisyyden edistämisen valtakunnallinen neuvottelukunta</label>") in page


def test_calendar_page_split_moves_with_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(2025, 6, 30, 23, 59))
    upcoming, past = split(render()["kalenteri/index.md"].text)
    assert upcoming[0] == MONTH_ONLY  # June is not over yet
    assert past[0] == "verkosto-2025-06-04"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(2025, 7, 1))
    upcoming, past = split(render()["kalenteri/index.md"].text)
    assert upcoming == ["tyonvk-2025-09-10", "verkosto-2026-03-29", "verkosto-2026-10-25"]
    assert past == [MONTH_ONLY, "verkosto-2025-06-04", "verkosto-2025-03-24"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(2030, 1, 1))
    page = render()["kalenteri/index.md"].text
    assert split(page)[0] == []
    assert '<p class="cal-empty" data-cal-empty>Ei tulevia kokouksia.</p>' in page


def test_next_meeting(graph: Graph) -> None:
    def at(*args: int) -> dt.datetime:
        return dt.datetime(*args, tzinfo=HELSINKI)  # type: ignore[misc]

    # The cancelled 4.6. meeting is skipped; the month-only June meeting counts until June ends.
    assert calendar.next_meeting(graph, now=at(2025, 5, 12)) == MONTH_ONLY
    assert calendar.next_meeting(graph, now=at(2025, 6, 30, 12)) == MONTH_ONLY
    assert calendar.next_meeting(graph, now=at(2025, 7, 1)) == "tyonvk-2025-09-10"
    assert calendar.next_meeting(graph, "yhdyspintaverkosto", now=at(2025, 5, 12)) == (
        "verkosto-2026-03-29")
    # A meeting in progress is still the next one; after it ends, the following one.
    assert calendar.next_meeting(graph, "yhdyspintaverkosto", now=at(2025, 3, 24, 13)) == (
        "verkosto-2025-03-24")
    assert calendar.next_meeting(graph, "yhdyspintaverkosto", now=at(2025, 3, 24, 14)) == (
        "verkosto-2026-03-29")
    assert calendar.next_meeting(graph, "tyonvk", now=at(2025, 9, 10, 23)) == (
        "tyonvk-2025-09-10")
    assert calendar.next_meeting(graph, now=at(2027, 1, 1)) is None
    assert calendar.next_meeting(graph, "ei-ole") is None


def test_next_meeting_uses_the_build_clock(graph: Graph, fixed_clock: None) -> None:
    assert calendar.next_meeting(graph, "yhdyspintaverkosto") == "verkosto-2026-03-29"


def test_dated_meetings_sort_before_month_only_in_the_same_month(graph: Graph) -> None:
    month_only = graph.meetings[MONTH_ONLY]
    dated = month_only.model_copy(update={"month": None, "date": dt.date(2025, 6, 20)})
    assert timing.sort_key("b", dated) < timing.sort_key("a", month_only)
    assert timing.when(month_only) == "kesäkuu 2025, päivä tarkentuu"


# --- meeting and subscribe pages ------------------------------------------------------------


def meeting_pages(graph: Graph) -> dict[str, str]:
    config = SiteConfig(content_dir=CONTENT, handouts=False)
    return {o.path: o.text for o in render_pages(graph, config)
            if o.path.startswith("kokoukset/")}


def test_meeting_page(graph: Graph) -> None:
    page = meeting_pages(graph)["kokoukset/verkosto-2025-03-24.md"]
    assert "- **Aika:** ma 24.3.2025 klo 12.00–14.00 (kesto 2 h)" in page
    assert "- **Tila:** Pidetty" in page
    assert ("- **Sarja:** [Työllisyyden edistämisen yhdyspintaverkosto]"
            "(../toimielimet/yhdyspintaverkosto.md)") in page
    assert "- **Kokousmuoto:** hybridi" in page
    assert "- **Paikka:** Kuntatalo, Toinen linja 14, Helsinki" in page
    assert ("- **Etäyhteys:** [Liity kokoukseen (Teams)]"
            "(https://teams.microsoft.com/l/meetup-join/esimerkki)") in page
    assert "[Lisää kalenteriin](verkosto-2025-03-24.ics){: .md-button }" in page
    assert "| Aika | Ohjelma | Puhujat |" in page
    assert ("| 12.00–12.15 | Avaus | [Ville Virtanen](../henkilot/ville-virtanen.md), "
            "erityisasiantuntija, [Suomen Kuntaliitto](../organisaatiot/kuntaliitto.md) |"
            ) in page
    # A programme item's summary stays inside its cell: pipes escaped, paragraphs joined.
    assert ("| 12.15–13.00 | **Ajankohtaista ministeriöstä**<br>Työvoimapalvelut \\| "
            "uudistus.<br>Toinen kappale. |") in page
    assert "- [Esitysdiat](https://example.fi/diat.pdf)" in page
    assert "Lataa PDF" not in page  # handouts off in this config
    assert "!!! warning" not in page


def test_cancelled_and_month_only_meeting_pages(graph: Graph) -> None:
    pages = meeting_pages(graph)
    cancelled = pages["kokoukset/verkosto-2025-06-04.md"]
    assert '!!! warning "Peruttu"\n    Tämä kokous on peruttu.' in cancelled
    assert "- **Tila:** **Peruttu**" in cancelled
    assert "[Lisää kalenteriin](verkosto-2025-06-04.ics)" in cancelled
    month_only = pages[f"kokoukset/{MONTH_ONLY}.md"]
    assert "- **Aika:** kesäkuu 2025, päivä tarkentuu\n" in month_only
    assert "Lisää kalenteriin" not in month_only
    assert "[tilattaviin kalentereihin](../kalenteri/tilaa.md)" in month_only
    day_only = pages["kokoukset/tyonvk-2025-09-10.md"]
    assert "- **Aika:** ke 10.9.2025 *(päätelty: esityslistan päiväyksestä)*\n" in day_only


def test_subscribe_page(outputs: dict[str, Output]) -> None:
    page = outputs["kalenteri/tilaa.md"].text
    for feed in ("kaikki", "yhdyspintaverkosto", "tyonvk"):
        assert f"[Tilaa](webcal://yhdyspintaverkosto.fi/kalenteri/{feed}.ics)" in page
        # The address to copy, breakable only before the file name.
        assert f"<code>https://yhdyspintaverkosto.fi/kalenteri/<wbr>{feed}.ics</code>" in page
    for heading in ("## Outlook (Windows-työpöytäsovellus)", "## Outlook verkossa",
                    "## Google-kalenteri", "## iPhone ja iPad"):
        assert heading in page
    assert "eivät tule kalentereihin" in page
    assert "Tällä hetkellä tällaisia kokouksia on 1." in page


# --- validation ---------------------------------------------------------------------------

SRC = "sources:\n  - url: https://example.fi/lahde\n"
SERIES = "name: Verkosto\ntype: verkosto\nsummary: x\n" + SRC


@pytest.fixture
def run(make_content: Callable[[dict[str, str]], Path], monkeypatch: pytest.MonkeyPatch
        ) -> Callable[[str], list[str]]:
    """Check one meeting file (``meetings/m.yaml``, after its schema line) → messages."""

    def go(meeting: str) -> list[str]:
        files = {"committees/x.yaml": SERIES, "meetings/m.yaml": meeting,
                 "people/p.yaml": "name: Pia Puhuja\n" + SRC}
        root = make_content({
            path: schema_comment(KINDS_BY_FOLDER[path.split("/")[0]]) + "\n" + text
            for path, text in files.items()})
        monkeypatch.chdir(root.parent)
        report: Report = check(root)[1]
        return [d.format() for d in report.sorted()]

    return go


HEAD = "series: x\ntitle: Kokous\n"


def test_cancelled_meeting_needs_a_sequence(run: Callable[[str], list[str]]) -> None:
    hint = ("\n    vihje: peruminen on muutos: lisää tai kasvata kenttää `sequence` (esim. "
            "`sequence: 1`), jotta kalenterin tilanneiden kalentereissa kokous merkitään "
            "perutuksi")
    assert run(HEAD + "date: 2025-06-04\nstatus: peruttu\n" + SRC) == [
        "content/meetings/m.yaml:5:9: virhe: status: peruttu kokous tarvitsee sequence-arvon "
        "vähintään 1 [m]" + hint]
    assert run(HEAD + "date: 2025-06-04\nstatus: peruttu\nsequence: 0\n" + SRC) == [
        "content/meetings/m.yaml:6:11: virhe: sequence: peruttu kokous tarvitsee "
        "sequence-arvon vähintään 1 [m]" + hint]
    assert run(HEAD + "date: 2025-06-04\nstatus: peruttu\nsequence: 1\n" + SRC) == []


def test_meeting_time_errors_point_at_their_lines(run: Callable[[str], list[str]]) -> None:
    assert run(HEAD + "date: 2025-03-24\nstart: '14:00'\nend: '12:00'\n" + SRC) == [
        "content/meetings/m.yaml:6:6: virhe: end: kokous päättyy ennen kuin alkaa "
        "(`end` ennen `start`) [m]"]
    assert run(HEAD + "date: 2025-03-24\nend: '12:00'\n" + SRC) == [
        "content/meetings/m.yaml:5:6: virhe: end: päättymisaika ilman alkamisaikaa: "
        "lisää `start` [m]"]
    assert run(HEAD + "month: 2025-06\nstart: '10:00'\n" + SRC) == [
        "content/meetings/m.yaml:5:8: virhe: start: kellonaika ilman päivämäärää: "
        "lisää `date` [m]"]
    assert run(HEAD + "date: 2025-06-04\nmonth: 2025-06\n" + SRC) == [
        "content/meetings/m.yaml:5:8: virhe: month: anna joko `date` tai `month`, "
        "ei molempia [m]"]
    assert run(HEAD + SRC) == [
        "content/meetings/m.yaml:2:1: virhe: kokouksella pitää olla `date` (tai `month`, "
        "jos päivä ei ole tiedossa) [m]"]


def test_times_are_helsinki_wall_clock(run: Callable[[str], list[str]]) -> None:
    assert run(HEAD + "date: 2025-03-24\nstart: '12:00+02:00'\n" + SRC) == [
        "content/meetings/m.yaml:5:8: virhe: start: anna kellonaika ilman aikavyöhykettä "
        "(`HH:MM`); ajat ovat aina Suomen aikaa [m]"]
    assert run(HEAD + "date: 2026-03-29\nstart: '03:30'\nend: '05:00'\n" + SRC) == [
        "content/meetings/m.yaml:5:8: virhe: start: kellonaikaa 3.30 ei ole 29.3.2026 "
        "Suomen aikaa (kello siirretään tuolloin kesäaikaan) [m]"
        "\n    vihje: valitse toinen kellonaika"]
    assert run(HEAD + "date: 2026-10-25\nstart: '03:30'\nend: '05:00'\n" + SRC) == []


def test_programme_errors(run: Callable[[str], list[str]]) -> None:
    meeting = (HEAD + "date: 2025-03-24\nstart: '12:00'\nend: '14:00'\nprogramme:\n"
               "  - start: '12:00'\n    end: '11:00'\n    title: Väärin päin\n"
               "  - start: '12:00'\n    title: Avaus\n    speakers: [pi]\n"
               "  - start: '11:00'\n    title: Liian aikaisin\n" + SRC)
    assert run(meeting) == [
        "content/meetings/m.yaml:9:10: virhe: programme.0.end: ohjelmakohta päättyy ennen "
        "kuin alkaa (`end` ennen `start`) [m]",
    ]
    meeting = meeting.replace("    end: '11:00'\n", "    end: '12:30'\n")
    assert run(meeting) == [
        "content/meetings/m.yaml:11:12: virhe: programme.1: ohjelmakohta alkaa 12.00 ennen "
        "kuin edellinen päättyy 12.30 [m]",
        "content/meetings/m.yaml:13:16: virhe: programme.1.speakers.0: tuntematon viittaus "
        "'pi' (henkilö) [m]\n    vihje: tarkoititko 'p'?",
        "content/meetings/m.yaml:14:12: virhe: programme.2: ohjelmakohdat eivät ole "
        "aikajärjestyksessä [m]",
        "content/meetings/m.yaml:14:12: virhe: programme.2: ohjelmakohta 11.00 on "
        "kokouksen ajan ulkopuolella [m]",
    ]


def test_unknown_series(run: Callable[[str], list[str]]) -> None:
    assert run("series: xx\ntitle: Kokous\ndate: 2025-03-24\n" + SRC) == [
        "content/meetings/m.yaml:2:9: virhe: series: tuntematon viittaus 'xx' (toimielin) [m]"
        "\n    vihje: tarkoititko 'x'?"]


def test_programme_without_times_has_no_time_column(
        check_files: Callable[[dict[str, str]], tuple[Graph, Report]], tmp_path: Path) -> None:
    graph, report = check_files({
        "committees/x.yaml": SERIES,
        "people/p.yaml": "name: Pia Puhuja\ntitle: johtaja\n" + SRC,
        "meetings/m.yaml": HEAD + "date: 2025-03-24\nstart: '12:00'\nend: '14:00'\n"
        "programme:\n  - title: Tervetuloa\n    speakers: [p]\n  - title: Keskustelu\n" + SRC,
    })
    assert not report.errors, report.format()
    config = SiteConfig(content_dir=tmp_path / "content", handouts=False)
    (page,) = [o.text for o in render_pages(graph, config)
               if o.path == "kokoukset/m.md"]
    assert ("| Ohjelma | Puhujat |\n| --- | --- |\n"
            "| Tervetuloa | [Pia Puhuja](../henkilot/p.md), johtaja |\n"
            "| Keskustelu |  |\n") in page


def test_a_planned_meeting_whose_date_passed_is_not_confirmed_in_feeds(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A plan is not an event: after its date, a meeting still marked `suunniteltu` is
    TENTATIVE (RFC 5545), and its description says the sources do not confirm it was held.
    Held (`pidetty`) and cancelled meetings read the same as before."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)  # 12.5.2025
    before = events(render()["kalenteri/kaikki.ics"].data)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(2027, 1, 1))
    after = events(render()["kalenteri/kaikki.ics"].data)
    assert str(before["verkosto-2026-03-29"]["status"]) == "CONFIRMED"
    for meeting_id in ("verkosto-2026-03-29", "verkosto-2026-10-25", "tyonvk-2025-09-10"):
        assert str(after[meeting_id]["status"]) == "TENTATIVE", meeting_id
        assert str(after[meeting_id]["description"]).startswith(
            "Ajankohta on mennyt; lähteet eivät vahvista, että kokous pidettiin.\n"), meeting_id
        assert "Ajankohta on mennyt" not in str(before[meeting_id]["description"])
    assert str(after["verkosto-2025-03-24"]["status"]) == "CONFIRMED"  # pidetty
    assert str(after["verkosto-2025-06-04"]["status"]) == "CANCELLED"
    for meeting_id in ("verkosto-2025-03-24", "verkosto-2025-06-04"):
        assert after[meeting_id].to_ical() == before[meeting_id].to_ical()
