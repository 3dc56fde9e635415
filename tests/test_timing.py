"""One rule for upcoming and past meetings, and one meeting order, wherever meetings are listed.

The rule: a dated meeting is upcoming until its end time in Europe/Helsinki (until the end
of its day when it has no end time); a month-only meeting until its month ends. In lists,
month-only meetings follow the dated meetings of their month. The committee page, the
calendar page, the handouts and the reader's-clock scripts (``data-end``/``data-ends``) all
follow it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import FIXTURES

from generator.build import SiteConfig
from generator.calendar.views import calendar_view
from generator.core.clock import HELSINKI
from generator.core.models import Meeting
from generator.domain import timing
from generator.domain.queries import Queries
from generator.graph import Graph
from generator.handouts import data
from generator.pages import render_pages
from generator.pipeline import check


def meeting(**fields: object) -> Meeting:
    return Meeting.model_validate({"series": "x", "title": "Kokous",
                                   "sources": [{"url": "https://tem.fi/"}], **fields})


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=HELSINKI)  # type: ignore[misc]


TIMED = meeting(date="2025-06-04", start="13:00", end="15:00")
START_ONLY = meeting(date="2025-06-04", start="13:00")
DAY_ONLY = meeting(date="2025-06-04")
MONTH_ONLY = meeting(month="2025-06")


@pytest.mark.parametrize(("item", "until"), [
    (TIMED, at(2025, 6, 4, 15)),
    (START_ONLY, at(2025, 6, 5)),
    (DAY_ONLY, at(2025, 6, 5)),
    (MONTH_ONLY, at(2025, 7, 1)),
    (meeting(month="2025-12"), at(2026, 1, 1)),
])
def test_upcoming_until(item: Meeting, until: dt.datetime) -> None:
    assert timing.upcoming_until(item) == until
    assert timing.is_upcoming(item, until - dt.timedelta(seconds=1))
    assert not timing.is_upcoming(item, until)


def test_the_end_is_helsinki_time_across_a_clock_change() -> None:
    # 29.3.2026: clocks go forward at 03.00; the day has 23 hours.
    day = meeting(date="2026-03-29", start="10:00")
    assert timing.upcoming_until(day).astimezone(dt.UTC) == dt.datetime(2026, 3, 29, 21,
                                                                         tzinfo=dt.UTC)


def test_a_meeting_today_is_past_once_it_has_ended() -> None:
    """The date-based rule kept a meeting "upcoming" all of its day."""
    assert timing.is_upcoming(TIMED, at(2025, 6, 4, 14, 59))
    assert not timing.is_upcoming(TIMED, at(2025, 6, 4, 16))
    assert timing.is_upcoming(START_ONLY, at(2025, 6, 4, 23, 59))  # no end time: all day


def test_month_only_meetings_follow_the_dated_meetings_of_their_month() -> None:
    meetings = {"a-kesa": MONTH_ONLY, "b-kesa-30": meeting(date="2025-06-30", start="18:00"),
                "c-kesa-1": meeting(date="2025-06-01"), "d-heina": meeting(date="2025-07-01"),
                "e-touko": meeting(month="2025-05")}
    assert timing.chronological(meetings) == [
        "e-touko", "c-kesa-1", "b-kesa-30", "a-kesa", "d-heina"]


# --- every list follows the rule -------------------------------------------------------


@pytest.fixture(scope="module")
def graph() -> Graph:
    graph, report = check(FIXTURES / "calendar" / "content")
    assert not report.errors, report.format()
    return graph


# The calendar fixture's verkosto-2025-06-04 is 13.00–15.00 and cancelled; tyonvk-2025-06 is
# month-only. At 16.00 on 4.6. the first is over, the second is not.
AFTER_THE_MEETING = at(2025, 6, 4, 16)


def test_committee_page_lists_split_at_the_end_time(graph: Graph) -> None:
    upcoming, past = Queries(graph, AFTER_THE_MEETING).split_meetings("yhdyspintaverkosto")
    assert "verkosto-2025-06-04" in past and "verkosto-2025-06-04" not in upcoming
    upcoming, past = Queries(graph, at(2025, 6, 4, 14)).split_meetings("yhdyspintaverkosto")
    assert upcoming[0] == "verkosto-2025-06-04"


def test_calendar_page_and_handouts_agree_with_the_committee_page(graph: Graph) -> None:
    for now in (at(2025, 6, 4, 14), AFTER_THE_MEETING, at(2025, 6, 30, 23), at(2025, 7, 1)):
        view = calendar_view(graph, now)
        calendar_upcoming = [e.id for y in view.upcoming for m in y.months for e in m.entries]
        handout_upcoming = [i for i, _ in data.upcoming_meetings(graph, now)]
        queries = Queries(graph, now)
        by_series = {i for s in ("yhdyspintaverkosto", "tyonvk")
                     for i in queries.split_meetings(s)[0]}
        assert calendar_upcoming == handout_upcoming
        assert set(calendar_upcoming) == by_series


def test_reader_clock_attributes_carry_the_same_moment(graph: Graph) -> None:
    view = calendar_view(graph, at(2025, 5, 12, 12))
    ends = {e.id: e.end for y in view.upcoming for m in y.months for e in m.entries}
    assert ends["verkosto-2025-06-04"] == "2025-06-04T15:00:00+03:00"
    assert ends["tyonvk-2025-06"] == "2025-07-01T00:00:00+03:00"
    assert ends["tyonvk-2025-09-10"] == "2025-09-11T00:00:00+03:00"
    first = Queries(graph, at(2025, 5, 12)).next_candidates("tyonvk-2025-06", "tyonvk")
    assert [(c.meeting, c.ends) for c in first] == [
        ("tyonvk-2025-06", "2025-07-01T00:00:00+03:00"),
        ("tyonvk-2025-09-10", "2025-09-11T00:00:00+03:00")]


def test_meetings_index_lists_month_only_meetings_after_the_dated_ones_of_their_month(
        graph: Graph) -> None:
    content = FIXTURES / "calendar" / "content"
    config = SiteConfig(content_dir=content, project_root=content.parent, handouts=False)
    pages = {o.path: o.text for o in render_pages(graph, config, now=at(2025, 5, 12))}
    index = pages["kokoukset/index.md"]
    newest_first = [index.index(f"({i}.md)") for i in (
        "verkosto-2026-10-25", "tyonvk-2025-09-10", "tyonvk-2025-06", "verkosto-2025-06-04",
        "verkosto-2025-03-24")]
    assert newest_first == sorted(newest_first)
