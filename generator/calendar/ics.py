"""iCalendar feeds (RFC 5545 with the RFC 7986 calendar properties), built with ``icalendar``.

Feeds are byte-identical for the same content: events are sorted, UIDs come from meeting ids
and the site's domain, DTSTAMP comes from the content (the meeting file's last commit, else
its ``updated`` date, else its own date) and never from the build's clock, and icalendar
always writes CRLF line endings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from icalendar import Calendar, Event
from icalendar.cal.component import Component

from ..core.clock import build_time
from ..core.models import Meeting, Person
from ..domain import timing
from ..domain.meeting_state import meeting_state
from ..graph import Graph
from ..site import paths
from ..site.output import SiteConfig
from . import vtimezone
from .text import plain

REFRESH = dt.timedelta(hours=12)  # how often clients should fetch the feed again
_END = b"END:VCALENDAR\r\n"
FOLD_AT = 75  # octets: RFC 5545 folds content lines this long or longer


@dataclass(frozen=True)
class Feed:
    """One feed: its docs-root path, calendar name and description, and its meetings."""

    path: str
    name: str
    description: str
    meeting_ids: Sequence[str]


def speaker(graph: Graph, person_id: str) -> str:
    """``Maija Meikäläinen (johtaja, TEM)`` as plain text."""
    person = graph.entity(person_id)
    details: list[str] = []
    if isinstance(person, Person):
        if person.title:
            details.append(person.title)
        if person.organisation and person.organisation in graph:
            details.append(graph.name(person.organisation))
    name = graph.name(person_id)
    return f"{name} ({', '.join(details)})" if details else name


def location(meeting: Meeting) -> str:
    """``Kuntatalo, Helsinki; Teams: https://…`` — place and/or the online link."""
    parts = []
    if meeting.place:
        parts.append(meeting.place)
    if meeting.online:
        label = meeting.online_platform or "Etäyhteys"
        parts.append(f"{label}: {meeting.online}")
    return "; ".join(parts)


def status(meeting: Meeting, now: dt.datetime | None = None) -> str:
    """CANCELLED, CONFIRMED, or TENTATIVE for a planned meeting whose time is not known yet,
    and for one whose time has passed without a source confirming it was held."""
    if meeting.cancelled:
        return "CANCELLED"
    if meeting_state(meeting, now or build_time()).state == "vahvistamatta":
        return "TENTATIVE"
    return "CONFIRMED" if meeting.held or meeting.start is not None else "TENTATIVE"


def description(graph: Graph, config: SiteConfig, meeting_id: str, meeting: Meeting) -> str:
    """The meeting as plain text: series, time, place, summary, programme, materials, link."""

    def name(entity_id: str) -> str:
        return graph.name(entity_id) if entity_id in graph else entity_id

    lines = [name(meeting.series), timing.when(meeting)]
    if meeting.inferred:  # the time is the editor's reading, not the source's words
        lines[1] += f" (päätelty: {meeting.inferred})"
    if meeting.cancelled:
        lines.insert(0, "KOKOUS ON PERUTTU.")
    else:
        notice = meeting_state(meeting, build_time()).notice
        if notice:
            lines.insert(0, notice)
    if meeting.format:
        lines.append(f"Kokousmuoto: {meeting.format}")
    if meeting.place:
        lines.append(f"Paikka: {meeting.place}")
    if meeting.online:
        platform = f" ({meeting.online_platform})" if meeting.online_platform else ""
        lines.append(f"Etäyhteys{platform}: {meeting.online}")
    if meeting.summary:
        lines += ["", plain(meeting.summary, name)]
    if meeting.programme:
        lines += ["", "Ohjelma:"]
        for item in meeting.programme:
            slot = timing.slot_text(item.start, item.end)
            entry = f"{slot} {item.title}" if slot else item.title
            if item.speakers:
                entry += " – " + ", ".join(speaker(graph, p) for p in item.speakers)
            lines.append(entry)
            if item.summary:
                lines += [f"  {line}" if line else "" for line in
                          plain(item.summary, name).splitlines()]
    if meeting.materials:
        lines += ["", "Materiaalit:"]
        lines += [f"- {link.title}: {link.url}" for link in meeting.materials]
    lines += ["", f"Kokoussivu: {paths.absolute(config.site_url, paths.meeting_page(meeting_id))}"]
    return "\n".join(lines)


def event(graph: Graph, config: SiteConfig, meeting_id: str, stamp: dt.datetime) -> Event:
    meeting = graph.entity(meeting_id)
    assert isinstance(meeting, Meeting) and meeting.date is not None
    span = timing.slot(meeting)
    item = Event()
    item.add("uid", f"{meeting_id}@{paths.domain(config)}")
    item.add("dtstamp", stamp)
    if span.precision == "day":
        item.add("dtstart", meeting.date)
        item.add("dtend", meeting.date + dt.timedelta(days=1))
        item.add("transp", "TRANSPARENT")
    else:
        item.add("dtstart", span.start)
        if span.end > span.start:
            item.add("dtend", span.end)
        item.add("transp", "OPAQUE")
    item.add("sequence", meeting.sequence)
    item.add("status", status(meeting))
    cancelled = meeting.cancelled
    item.add("summary", f"Peruttu: {meeting.title}" if cancelled else meeting.title)
    where = location(meeting)
    if where:
        item.add("location", where)
    if meeting.online:
        parameters = {"VALUE": "URI", "FEATURE": "VIDEO"}
        if meeting.online_platform:
            parameters["LABEL"] = meeting.online_platform
        item.add("conference", meeting.online, parameters=parameters)
    item.add("description", description(graph, config, meeting_id, meeting))
    item.add("categories", [graph.name(meeting.series)])
    item.add("url", paths.absolute(config.site_url, paths.meeting_page(meeting_id)))
    item.add("class", "PUBLIC")
    return item


def calendar(graph: Graph, config: SiteConfig, feed: Feed,
             stamps: Mapping[str, dt.datetime],
             components: dict[str, bytes] | None = None) -> bytes:
    """One feed as RFC 5545 bytes (CRLF line endings, lines folded at 75 octets).

    ``components`` remembers each meeting's serialised VEVENT (and each VTIMEZONE) across the
    feeds of one build: a meeting is in the all-meetings feed, its series' feed and its
    own, and serialising (folding every line) is most of a feed's cost.
    """
    meetings = {i: graph.entity(i) for i in feed.meeting_ids}
    ordered = sorted(
        (i for i, m in meetings.items() if isinstance(m, Meeting) and timing.in_feeds(m)),
        key=lambda i: timing.sort_key(i, meetings[i]),  # type: ignore[arg-type]
    )
    cal = Calendar()
    cal.add("prodid", f"-//{paths.domain(config)}//Tietopankki//FI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", feed.name)
    cal.add("x-wr-calname", feed.name)
    cal.add("description", feed.description)
    cal.add("x-wr-caldesc", feed.description)
    cal.add("x-wr-timezone", vtimezone.TZID)
    cal.add("url", paths.absolute(config.site_url, paths.CALENDAR_PAGE))
    cal.add("source", paths.absolute(config.site_url, feed.path), parameters={"VALUE": "URI"})
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT12H")  # unknown to icalendar: written as text
    timed_years = []
    for meeting_id in ordered:
        meeting = meetings[meeting_id]
        assert isinstance(meeting, Meeting) and meeting.date is not None
        if meeting.start is not None:
            timed_years.append(meeting.date.year)
    # Components are written after the calendar's properties, in order: they are spliced
    # in before the closing line, byte for byte what add_component would give.
    head = serialise(cal)
    assert head.endswith(_END)
    serialised = {} if components is None else components
    # Always present: it is also the one component an otherwise empty feed needs (RFC 5545
    # requires at least one), e.g. a series whose meetings are known only by month.
    zone_key = f"VTIMEZONE {sorted(set(timed_years))}"
    if zone_key not in serialised:
        serialised[zone_key] = serialise(vtimezone.helsinki(timed_years))
    for meeting_id in ordered:
        if meeting_id not in serialised:
            serialised[meeting_id] = serialise(
                event(graph, config, meeting_id, stamps[meeting_id]))
    return (head[:-len(_END)] + serialised[zone_key]
            + b"".join(serialised[i] for i in ordered) + _END)


def serialise(component: Component) -> bytes:
    """``component.to_ical()``, the same bytes, faster: icalendar folds every line
    character by character (0.4 s in a profile at 5,000 entities), though only lines of
    :data:`FOLD_AT` octets or more fold; the others are written as they are."""
    lines = []
    for line in component.content_lines():
        if line:
            data = line.encode("utf-8")
            lines.append(data if len(data) < FOLD_AT else line.to_ical())
    return b"\r\n".join(lines) + b"\r\n"


def fallback_stamp(meeting: Meeting) -> dt.datetime:
    """DTSTAMP when git knows nothing: the ``updated`` date, else the meeting's own date."""
    day = meeting.updated or meeting.date
    assert day is not None
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
