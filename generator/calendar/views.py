"""What the calendar page shows: meetings split into upcoming and past at build time,
grouped by year and month, with the attributes the reader-side script needs."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

from .. import fi
from ..core.models import Committee, Meeting
from ..domain import timing
from ..domain.meeting_state import MeetingState, meeting_state
from ..graph import Graph


@dataclass(frozen=True)
class Entry:
    """One meeting on the calendar page."""

    id: str
    meeting: Meeting
    when: str
    series_label: str
    start: str  # ISO 8601 with offset, for data-start
    end: str  # when it stops being upcoming (timing.upcoming_until), ISO 8601, for data-end
    order: int  # sort position (epoch seconds), for data-order
    state: MeetingState | None = None  # the status as read at build time

    @property
    def cancelled(self) -> bool:
        return self.meeting.cancelled


@dataclass(frozen=True)
class MonthGroup:
    key: str  # 2025-06
    label: str  # Kesäkuu 2025
    entries: list[Entry]


@dataclass(frozen=True)
class YearGroup:
    year: int
    months: list[MonthGroup]


@dataclass(frozen=True)
class Series:
    """A series that has meetings: for the filter and the per-series feeds."""

    id: str
    label: str
    name: str
    count: int


@dataclass(frozen=True)
class CalendarView:
    as_of: dt.datetime
    upcoming: list[YearGroup]
    past: list[YearGroup]
    series: list[Series]


def series_label(graph: Graph, series_id: str) -> str:
    """Short name of a series: its abbreviation (``TyöNVK``) or its name."""
    committee = graph.entity(series_id) if series_id in graph else None
    if isinstance(committee, Committee) and committee.abbreviation:
        return committee.abbreviation
    return graph.name(series_id) if series_id in graph else series_id


def entry(graph: Graph, meeting_id: str, meeting: Meeting, now: dt.datetime | None = None
          ) -> Entry:
    span = timing.slot(meeting)
    order = span.start if span.precision != "month" else span.end - dt.timedelta(seconds=1)
    return Entry(
        id=meeting_id,
        meeting=meeting,
        when=timing.when(meeting),
        series_label=series_label(graph, meeting.series),
        start=span.start.isoformat(),
        end=timing.upcoming_until(meeting).isoformat(),
        order=int(order.timestamp()),
        state=meeting_state(meeting, now) if now is not None else None,
    )


def _grouped(entries: list[Entry], meetings: dict[str, Meeting]) -> list[YearGroup]:
    def month_of(item: Entry) -> tuple[int, int]:
        start = timing.slot(meetings[item.id]).start
        return start.year, start.month

    years = []
    for year, in_year in itertools.groupby(entries, key=lambda e: month_of(e)[0]):
        months = [
            MonthGroup(f"{y:04d}-{m:02d}", fi.month(y, m).capitalize(), list(in_month))
            for (y, m), in_month in itertools.groupby(in_year, key=month_of)
        ]
        years.append(YearGroup(year, months))
    return years


def calendar_view(graph: Graph, now: dt.datetime) -> CalendarView:
    """Upcoming meetings soonest first, past ones latest first, as of ``now``."""
    meetings = graph.meetings
    ordered = sorted(meetings, key=lambda i: timing.sort_key(i, meetings[i]))
    upcoming = [entry(graph, i, meetings[i], now) for i in ordered
                if timing.is_upcoming(meetings[i], now)]
    past = [entry(graph, i, meetings[i], now) for i in reversed(ordered)
            if not timing.is_upcoming(meetings[i], now)]
    return CalendarView(now, _grouped(upcoming, meetings), _grouped(past, meetings),
                        series_with_meetings(graph))


def series_with_meetings(graph: Graph) -> list[Series]:
    """Every series that has at least one meeting, in Finnish alphabetical order."""
    counts: dict[str, int] = {}
    for meeting in graph.meetings.values():
        counts[meeting.series] = counts.get(meeting.series, 0) + 1
    found = [
        Series(i, series_label(graph, i), graph.name(i) if i in graph else i, n)
        for i, n in counts.items()
    ]
    return sorted(found, key=lambda s: fi.sort_key(s.label))
