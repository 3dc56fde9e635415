"""Meeting calendar: calendar pages and iCalendar feeds.

Public interface used by the rest of the generator (and by templates as ``calendar.…``):

* :func:`render_calendar` — the calendar's generated files (pages, ``.ics`` feeds);
* :func:`next_meeting` — the next meeting (optionally of one series) at build time;
* :func:`when`, :func:`duration` — a meeting's time as text;
* :func:`in_feeds`, :func:`meeting_feed`, :func:`series_feed` — the ``.ics`` files.

Modules: ``views`` (the calendar page's groups), ``ics``, ``vtimezone`` and ``text`` (feeds).
When meetings are and whether they are upcoming is :mod:`generator.domain.timing`; file
paths and addresses are :mod:`generator.site.paths`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath

from markupsafe import Markup

from .. import escape
from ..core.clock import build_time
from ..domain.timing import (
    duration,
    in_feeds,
    is_upcoming,
    slot,
    slot_text,
    sort_key,
    when,
)
from ..graph import Graph
from ..site import paths
from ..site.gitdates import commit_times
from ..site.output import Output, SiteConfig
from ..site.paths import ALL_FEED, meeting_feed, series_feed
from ..site.templates import render
from . import ics
from .views import calendar_view, series_label, series_with_meetings

__all__ = [
    "ALL_FEED",
    "cell",
    "duration",
    "feeds",
    "in_feeds",
    "meeting_feed",
    "next_meeting",
    "render_calendar",
    "series_feed",
    "series_label",
    "slot",
    "slot_text",
    "when",
]


def next_meeting(graph: Graph, series: str | None = None,
                 now: dt.datetime | None = None) -> str | None:
    """Id of the next meeting (of ``series``) that is not cancelled, at build time.

    A meeting in progress counts, and so does a month-only meeting whose month is not over;
    within a month, dated meetings come before month-only ones.
    """
    now = now or build_time()
    candidates = [
        (sort_key(i, m), i) for i, m in graph.meetings.items()
        if not m.cancelled and (series is None or m.series == series)
        and is_upcoming(m, now)
    ]
    return min(candidates)[1] if candidates else None


def feeds(graph: Graph, config: SiteConfig) -> list[ics.Feed]:
    """The all-meetings feed, one per series with meetings, and one per dated meeting."""
    meetings = graph.meetings
    calendar_url = paths.absolute(config.site_url, paths.CALENDAR_PAGE)
    result = [ics.Feed(
        ALL_FEED, f"{config.site_name} – kaikki kokoukset",
        f"Kaikki kokoukset: {calendar_url}", sorted(meetings),
    )]
    for series in series_with_meetings(graph):
        ids = sorted(i for i, m in meetings.items() if m.series == series.id)
        result.append(ics.Feed(
            series_feed(series.id), f"{series.label} – kokoukset",
            f"{series.name}: kokoukset. {calendar_url}", ids,
        ))
    for meeting_id, meeting in sorted(meetings.items()):
        if in_feeds(meeting):
            result.append(ics.Feed(meeting_feed(meeting_id), meeting.title,
                                   f"{series_label(graph, meeting.series)}: {meeting.title}",
                                   [meeting_id]))
    return result


def stamps(graph: Graph, config: SiteConfig) -> dict[str, dt.datetime]:
    """DTSTAMP per dated meeting: the last commit of its file, else a date from its content."""
    root = config.project_root or config.content_dir.parent
    try:
        content = config.content_dir.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        committed = {}
    else:  # the content's history, shared with the pages and handouts: its meetings' files
        committed = {path: time for path, time in commit_times(graph, root, content).items()
                     if path.startswith(f"{content}/meetings/")}
    by_id: dict[str, dt.datetime] = {}
    for path, time in committed.items():
        stem = PurePosixPath(path).stem
        by_id[stem] = max(time, by_id.get(stem, time))
    result = {}
    for meeting_id, meeting in graph.meetings.items():
        if in_feeds(meeting):
            result[meeting_id] = by_id.get(meeting_id) or ics.fallback_stamp(meeting)
    return result


def render_calendar(graph: Graph, config: SiteConfig) -> list[Output]:
    """Calendar page, subscribe page and feeds."""
    view = calendar_view(graph, build_time())
    all_feeds = feeds(graph, config)
    listed = [f for f in all_feeds if not f.path.startswith("kokoukset/")]
    outputs = [
        Output(paths.CALENDAR_PAGE, render("calendar/index.md.j2", graph, paths.CALENDAR_PAGE,
                                           view=view, feeds=listed)),
        Output(paths.SUBSCRIBE_PAGE, render(
            "calendar/subscribe.md.j2", graph, paths.SUBSCRIBE_PAGE, feeds=listed,
            urls={f.path: paths.absolute(config.site_url, f.path) for f in listed},
            webcal=paths.webcal, month_only=[i for i, m in sorted(graph.meetings.items())
                                             if not in_feeds(m)],
        )),
    ]
    dtstamps = stamps(graph, config)
    components: dict[str, bytes] = {}
    for feed in all_feeds:
        outputs.append(Output(feed.path, ics.calendar(graph, config, feed, dtstamps, components)))
    return outputs


def cell(markdown: str) -> Markup:
    """Safe Markdown (from the ``markdown`` template helper) squeezed into a table cell."""
    return Markup(escape.md_cell_markdown(str(markdown)))
