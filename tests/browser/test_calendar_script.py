"""The calendar page's script (docs/javascripts/calendar.js) in Chromium, on the calendar
fixture site built at 12.5.2025: re-sorting by the reader's clock, the series filter by
keyboard, the build-time view without JavaScript, and no console errors anywhere."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import FIXTURES, copy_project, mkdocs_build
from playwright.sync_api import Browser, Page

from .support import Session, SiteServer, format_violations, open_session, run_axe, visit

HELSINKI = ZoneInfo("Europe/Helsinki")
SECTION = "[data-cal-section='{}'] .cal-meeting:not([hidden]) a"


@pytest.fixture(scope="module")
def calendar_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    root = tmp_path_factory.mktemp("calendar")
    project = copy_project(root / "project", content=FIXTURES / "calendar" / "content")
    result = mkdocs_build(project, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    server = SiteServer(root / "site")
    yield server
    server.close()


@pytest.fixture
def session(browser: Browser) -> Iterator[Session]:
    session = open_session(browser)
    yield session
    session.context.close()


def titles(page: Page, section: str) -> list[str]:
    return page.locator(SECTION.format(section)).all_inner_texts()


def at(page: Page, *args: int) -> None:
    page.clock.set_fixed_time(dt.datetime(*args, tzinfo=HELSINKI))  # type: ignore[misc]


def test_build_time_view_stands_when_the_clock_agrees(
        session: Session, calendar_site: SiteServer) -> None:
    at(session.page, 2025, 5, 12, 12)
    page = visit(session, calendar_site.url("kalenteri/"))
    assert titles(page, "upcoming") == [
        "Yhdyspintaverkoston kokous kesäkuu 2025", "TyöNVK:n kesäkuun kokous",
        "TyöNVK:n syyskauden kokous", "Kevätkokous kesäaikaan siirtymisen päivänä",
        "Syyskokous talviaikaan siirtymisen päivänä"]
    assert titles(page, "past") == ["Yhdyspintaverkoston kokous maaliskuu 2025"]
    assert page.locator("[data-cal-as-of]").is_hidden()
    assert page.locator("[data-cal-count]").inner_text() == "Näytetään 6/6 kokousta."
    assert not session.recorder.console_errors and not session.recorder.page_errors


def test_meetings_move_to_past_by_the_readers_clock(
        session: Session, calendar_site: SiteServer) -> None:
    at(session.page, 2025, 7, 1, 9)
    page = visit(session, calendar_site.url("kalenteri/"))
    assert titles(page, "upcoming") == [
        "TyöNVK:n syyskauden kokous", "Kevätkokous kesäaikaan siirtymisen päivänä",
        "Syyskokous talviaikaan siirtymisen päivänä"]
    assert titles(page, "past") == [
        "TyöNVK:n kesäkuun kokous", "Yhdyspintaverkoston kokous kesäkuu 2025",
        "Yhdyspintaverkoston kokous maaliskuu 2025"]
    past = page.locator("[data-cal-section='past']")
    assert past.locator("h3").all_inner_texts() == ["2025"]
    assert past.locator("h4").all_inner_texts() == ["Kesäkuu 2025", "Maaliskuu 2025"]
    upcoming = page.locator("[data-cal-section='upcoming']")
    assert upcoming.locator("h4").all_inner_texts() == [
        "Syyskuu 2025", "Maaliskuu 2026", "Lokakuu 2026"]
    assert page.locator("[id]").evaluate_all(
        "els => els.length === new Set(els.map(e => e.id)).size")
    assert not session.recorder.console_errors and not session.recorder.page_errors


def test_a_meeting_moves_to_past_at_its_end_time_and_a_month_only_one_at_its_months_end(
        session: Session, calendar_site: SiteServer) -> None:
    """The build's rule (generator/domain/timing.py) by the reader's clock: the 4.6. meeting
    ends at 15.00 Helsinki time; the month-only June meeting stays upcoming until June ends
    and follows the dated June meeting."""
    at(session.page, 2025, 6, 4, 14, 59)
    page = visit(session, calendar_site.url("kalenteri/"))
    assert titles(page, "upcoming")[:2] == [
        "Yhdyspintaverkoston kokous kesäkuu 2025", "TyöNVK:n kesäkuun kokous"]
    at(session.page, 2025, 6, 4, 15, 0)
    page = visit(session, calendar_site.url("kalenteri/"))
    assert titles(page, "upcoming")[0] == "TyöNVK:n kesäkuun kokous"
    assert titles(page, "past")[0] == "Yhdyspintaverkoston kokous kesäkuu 2025"
    at(session.page, 2025, 6, 30, 23, 59)
    page = visit(session, calendar_site.url("kalenteri/"))
    assert titles(page, "upcoming")[0] == "TyöNVK:n kesäkuun kokous"
    at(session.page, 2025, 7, 1, 0, 0)
    page = visit(session, calendar_site.url("kalenteri/"))
    assert titles(page, "past")[:2] == [
        "TyöNVK:n kesäkuun kokous", "Yhdyspintaverkoston kokous kesäkuu 2025"]
    assert not session.recorder.console_errors and not session.recorder.page_errors


def test_everything_past_shows_the_empty_message(
        session: Session, calendar_site: SiteServer) -> None:
    at(session.page, 2030, 1, 1)
    page = visit(session, calendar_site.url("kalenteri/"))
    assert titles(page, "upcoming") == []
    assert page.locator("[data-cal-section='upcoming'] [data-cal-empty]").is_visible()
    assert page.locator("[data-cal-section='past'] [data-cal-empty]").is_hidden()
    assert len(titles(page, "past")) == 6


def test_series_filter_by_keyboard(session: Session, calendar_site: SiteServer,
                                   axe: Path) -> None:
    at(session.page, 2025, 5, 12, 12)
    page = visit(session, calendar_site.url("kalenteri/"))
    box = page.get_by_role("checkbox", name="TyöNVK – Työllisyyden edistämisen "
                                             "valtakunnallinen neuvottelukunta")
    assert box.is_visible() and box.is_checked()
    box.focus()
    page.keyboard.press("Space")
    assert not box.is_checked()
    assert titles(page, "upcoming") == [
        "Yhdyspintaverkoston kokous kesäkuu 2025", "Kevätkokous kesäaikaan siirtymisen päivänä",
        "Syyskokous talviaikaan siirtymisen päivänä"]
    assert page.locator("[data-cal-count]").inner_text() == "Näytetään 4/6 kokousta."
    assert page.locator("[data-cal-group='2025-09']").is_hidden()
    other = page.get_by_role("checkbox", name="Työllisyyden edistämisen yhdyspintaverkosto")
    page.keyboard.press("Shift+Tab")
    assert other.evaluate("e => e === document.activeElement")
    page.keyboard.press("Space")
    assert titles(page, "upcoming") == [] and titles(page, "past") == []
    assert page.locator("[data-cal-section='upcoming'] [data-cal-empty]").is_visible()
    assert page.locator("[data-cal-count]").inner_text() == "Näytetään 0/6 kokousta."
    violations = run_axe(page, axe)
    assert not violations, format_violations(violations)


def test_without_javascript_the_build_time_view_stands(
        browser: Browser, calendar_site: SiteServer) -> None:
    context = browser.new_context(java_script_enabled=False, locale="fi-FI")
    try:
        page = context.new_page()
        page.goto(calendar_site.url("kalenteri/"))
        assert page.locator("[data-cal-filter]").is_hidden()
        assert page.locator("[data-cal-as-of]").is_visible()
        assert len(titles(page, "upcoming")) == 5 and len(titles(page, "past")) == 1
    finally:
        context.close()


@pytest.mark.parametrize("path", ["", "kokoukset/verkosto-2025-03-24/",
                                  "kokoukset/verkosto-2025-06-04/", "kalenteri/tilaa/"])
def test_no_console_errors_on_pages_without_a_calendar(
        session: Session, calendar_site: SiteServer, path: str, axe: Path) -> None:
    page = visit(session, calendar_site.url(path))
    assert session.recorder.console_errors == [] and session.recorder.page_errors == []
    violations = run_axe(page, axe)
    assert not violations, format_violations(violations)


def test_feeds_are_served_as_built(calendar_site: SiteServer) -> None:
    root: Path = calendar_site.root
    feed = (root / "kalenteri" / "kaikki.ics").read_bytes()
    assert feed.startswith(b"BEGIN:VCALENDAR\r\n") and feed.endswith(b"END:VCALENDAR\r\n")
    assert (root / "kokoukset" / "verkosto-2025-03-24.ics").is_file()
    assert not (root / "kokoukset" / "tyonvk-2025-06.ics").exists()
    page = (root / "kokoukset" / "verkosto-2025-03-24" / "index.html").read_text("utf-8")
    assert '<a class="md-button" href="../verkosto-2025-03-24.ics">Lisää kalenteriin</a>' in page
