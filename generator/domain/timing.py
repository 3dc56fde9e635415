"""When a meeting happens, as aware Europe/Helsinki times, and where it stands relative to now.

Content holds naive wall-clock times; they are always read as Europe/Helsinki, so a meeting
at 10.00 on the last Sunday of March is 07.00 UTC and on the last Sunday of October 08.00 UTC.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from .. import fi
from ..core.clock import HELSINKI
from ..core.models import Meeting

Precision = Literal["time", "day", "month"]

MONTH_ONLY_NOTE = "päivä tarkentuu"


@dataclass(frozen=True)
class Slot:
    """A meeting's time span: aware Helsinki datetimes, ``end`` exclusive.

    ``precision`` tells how much is known: a time (``end`` equals ``start`` when only the
    start time is known), a whole day, or only the month.
    """

    start: dt.datetime
    end: dt.datetime
    precision: Precision


def local(day: dt.date, time: dt.time = dt.time()) -> dt.datetime:
    """A wall-clock time in Helsinki as an aware datetime."""
    return dt.datetime.combine(day, time, tzinfo=HELSINKI)


def month_start(value: str) -> dt.date:
    year, month = (int(p) for p in value.split("-"))
    return dt.date(year, month, 1)


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def slot(meeting: Meeting) -> Slot:
    if meeting.date is None:
        assert meeting.month is not None  # the model requires date or month
        first = month_start(meeting.month)
        return Slot(local(first), local(_next_month(first)), "month")
    if meeting.start is None:
        return Slot(local(meeting.date), local(meeting.date + dt.timedelta(days=1)), "day")
    start = local(meeting.date, meeting.start)
    end = local(meeting.date, meeting.end) if meeting.end else start
    return Slot(start, end, "time")


def in_feeds(meeting: Meeting) -> bool:
    """Month-only meetings stay out of calendar feeds: a date would be invented."""
    return meeting.date is not None


def upcoming_until(meeting: Meeting) -> dt.datetime:
    """The moment a meeting stops being upcoming: its end time; the end of its day when it
    has no end time (a start time alone says nothing of its length); the end of its month
    when only the month is known. Aware, Europe/Helsinki."""
    span = slot(meeting)
    if span.precision == "time" and meeting.end is None:
        assert meeting.date is not None  # a time needs a date (the model checks)
        return local(meeting.date + dt.timedelta(days=1))
    return span.end


def is_upcoming(meeting: Meeting, now: dt.datetime) -> bool:
    """Upcoming (or in progress) at ``now``. The one rule: pages, the calendar, handouts
    and the reader's-clock scripts (which get :func:`upcoming_until` as ``data-end``)."""
    return upcoming_until(meeting) > now


def sort_key(meeting_id: str, meeting: Meeting) -> tuple[int, int, int, dt.datetime, str]:
    """The one meeting order: chronological; month-only meetings ("day to be confirmed")
    after the dated meetings of their month; the id breaks ties."""
    span = slot(meeting)
    month_only = 1 if span.precision == "month" else 0
    return span.start.year, span.start.month, month_only, span.start, meeting_id


def chronological(meetings: Mapping[str, Meeting], series: str | None = None) -> list[str]:
    """Ids of ``meetings`` (of one series, if given) in :func:`sort_key` order."""
    return sorted((i for i, m in meetings.items() if series is None or m.series == series),
                  key=lambda i: sort_key(i, meetings[i]))


def when(meeting: Meeting) -> str:
    """``ti 24.3.2025 klo 12.00–14.00``, ``ti 24.3.2025`` or ``kesäkuu 2025, päivä tarkentuu``."""
    if meeting.date is None:
        first = month_start(meeting.month or "")
        return f"{fi.month(first.year, first.month)}, {MONTH_ONLY_NOTE}"
    text = fi.weekday_date(meeting.date)
    if meeting.start is not None:
        text += " " + fi.time_range(meeting.start, meeting.end)
    return text


def duration(meeting: Meeting) -> str:
    """``2 h`` when start and end are known, else ``""``."""
    if meeting.start is None or meeting.end is None:
        return ""
    return fi.duration(meeting.start, meeting.end)


def slot_text(start: dt.time | None, end: dt.time | None) -> str:
    """A programme slot without "klo": ``12.00–12.15`` or ``12.00``."""
    if start is None:
        return ""
    return f"{fi.time(start)}–{fi.time(end)}" if end else fi.time(start)
