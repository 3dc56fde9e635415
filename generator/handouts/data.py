"""What the handout templates show, computed from the graph.

Membership, vacancies, meeting order and phase order come from :mod:`generator.domain`
(membership, timing, queries), so a handout always agrees with its web page. Added here:
people's details for print, the membership rows of people without a seat, and the date of
the content's last change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .. import diagrams, fi
from ..core.annotations import walk_refs
from ..core.models import END_PHASE, Committee, Law, Meeting, Member, Person, Phase, Process
from ..domain import membership, timing
from ..domain import queries as q
from ..graph import Graph
from ..site.paths import ALL_FEED
from . import figures


@dataclass(frozen=True)
class MemberRow:
    """One row of the printed membership table; ``member is None``: the seat's ``places``
    without a holder, ``unfilled`` telling whether a source states them vacant (*avoin*) or
    the sources do not name anyone (see :mod:`..seats`)."""

    label: str
    member: Member | None
    first: bool
    note: str = ""
    unfilled: str | None = None
    places: int = 1
    count_shown: bool = False  # the seat also has holders: say how many places are unfilled


def member_rows(graph: Graph, committee: Committee, today: dt.date) -> list[MemberRow]:
    """The seats with their holders and unfilled places, then members without a seat
    (other than the leadership, which the handout lists separately)."""
    rows = []
    for row in membership.seat_rows(committee, today):
        seat = row.seat
        label = graph.name(seat.organisation) if seat.organisation else (seat.group or "")
        notes = [seat.note.rstrip(".")] if seat.note else []  # joined with commas below
        if seat.max_count:
            notes.append(f"enintään {seat.count}")
        elif seat.count > 1:
            notes.append(fi.count(seat.count, "paikka", "paikkaa"))
        rows.append(MemberRow(label, row.member, row.first, ", ".join(notes) if row.first else "",
                              row.unfilled, row.places, row.rows > 1))
    for member in membership.unseated_members(committee, today):
        if member.role in membership.LEADERSHIP_ROLES:
            continue
        person = graph.entity(member.person)
        organisation = person.organisation if isinstance(person, Person) else None
        rows.append(MemberRow(graph.name(organisation) if organisation else "", member, True))
    return rows


@dataclass(frozen=True)
class SeatSummary:
    """One seat group in a line: who holds its places and how many are *avoin*."""

    label: str
    note: str
    members: list[Member]
    vacant: int


def seat_summary(graph: Graph, committee: Committee, today: dt.date) -> list[SeatSummary]:
    """:func:`member_rows` folded into one line per seat (the induction pack's list)."""
    seats: list[SeatSummary] = []
    for row in member_rows(graph, committee, today):
        if row.first or not seats:
            seats.append(SeatSummary(row.label, row.note, [], 0))
        current = seats[-1]
        if row.member is None:
            seats[-1] = SeatSummary(current.label, current.note, current.members,
                                    current.vacant + 1)
        else:
            current.members.append(row.member)
    return seats


def leadership(committee: Committee, today: dt.date) -> list[Member]:
    """Chair, vice-chair and secretaries, in that order."""
    return [m for _, members in membership.leadership(committee, today) for m in members]


def person_details(graph: Graph, person_id: str) -> str:
    """``erityisasiantuntija, TEM``: a person's title and organisation, as known."""
    person = graph.entity(person_id)
    if not isinstance(person, Person):
        return ""
    parts = [person.title] if person.title else []
    if person.organisation:
        body = graph.entity(person.organisation)
        parts.append(getattr(body, "abbreviation", None) or body.display_name)
    return ", ".join(parts)


def meeting_when(meeting: Meeting) -> str:
    """``ti 24.3.2025 klo 12.00–14.00``, or ``kesäkuu 2025`` when only the month is known."""
    return fi.when(meeting.date, meeting.month, meeting.start, meeting.end)


def upcoming_meetings(graph: Graph, now: dt.datetime, series: str | None = None
                      ) -> list[tuple[str, Meeting]]:
    """Meetings upcoming at ``now`` (:func:`timing.is_upcoming`), in meeting order."""
    meetings = graph.meetings
    return [(i, meetings[i]) for i in timing.chronological(meetings, series)
            if timing.is_upcoming(meetings[i], now)]


def phases(process: Process) -> list[tuple[int, Phase]]:
    """Phases numbered in reading order (the same numbers as on the web page)."""
    numbers = q.phase_numbers(process)
    return sorted(((numbers[p.id], p) for p in process.phases), key=lambda item: item[0])


def phase_names(process: Process) -> dict[str, str]:
    """``{phase id: "3. name"}`` for labelling transitions; the end as *prosessi päättyy*."""
    numbers = q.phase_numbers(process)
    names = {p.id: f"{numbers[p.id]}. {p.name}" for p in process.phases}
    names[END_PHASE] = "prosessi päättyy"
    return names


def phase_timing(phase: Phase) -> str:
    """``Kesto: 3 kk · Määräaika: … · Tarkistus: …`` (what of it is known)."""
    parts = [f"{label}: {value}" for label, value in (
        ("Kesto", phase.duration), ("Määräaika", phase.deadline),
        ("Tarkistus", phase.review_interval)) if value]
    return " · ".join(parts)


def print_flow(graph: Graph, process_id: str, *, side: bool = True) -> figures.PrintFigure:
    """A process's flow laid out for print: beside the text when ``side`` allows it and
    it stays legible there, else full width (cut into parts if tall) or on a landscape
    page. The pack says ``side=False``: a process there starts mid-page, and a tall float
    that moves on to the next page would leave the heading behind."""
    return figures.print_figure(diagrams.process_flow(graph, process_id, links=False),
                                side=side)


def print_chart(graph: Graph, committee_id: str) -> figures.PrintFigure:
    """The organisation chart of a committee's tree, laid out for print."""
    return figures.print_figure(diagrams.org_chart(graph, committee_id, links=False))


def chart_root(graph: Graph, committee_id: str) -> str:
    """The top of the committee tree ``committee_id`` belongs to: every committee of one
    tree has the same chart, so the pack prints it once, with the first of them."""
    return diagrams.root_of(graph, committee_id)


# --- the pack: laws, joining, the calendar feed, the glossary ----------------------------



def repealed(graph: Graph, law: Law, today: dt.date) -> str:
    """``Kumottu 1.1.2025 (381/2023)`` for a law repealed by ``today``, else ``""``."""
    if not law.repealed(today) or law.repealed_on is None:
        return ""
    by = law.repealed_by
    number = f" ({graph.laws[by].number})" if by and by in graph.laws else ""
    return f"Kumottu {fi.date(law.repealed_on)}{number}"


def laws(graph: Graph, today: dt.date) -> list[tuple[str, Law]]:
    """Laws in force first, then repealed ones; each group by title."""
    return sorted(graph.laws.items(),
                  key=lambda item: (item[1].repealed(today), fi.sort_key(item[1].title)))


@dataclass(frozen=True)
class JoinPage:
    """Where a new member joins the network. The sources name the page on Kuntaliitto's
    site but not its address, so the pack links the site and names the page."""

    page: str
    site: str
    url: str


JOIN = JoinPage("Työllisyyden edistämisen yhdyspinnat", "Kuntaliiton", "https://www.kuntaliitto.fi")


def calendar_feed_url(site_url: str) -> str:
    """The subscription address of the site's calendar of every meeting."""
    return f"{site_url.rstrip('/')}/{ALL_FEED}"


@dataclass(frozen=True)
class GlossaryEntry:
    """One term of the pack's glossary (to be filled from the glossary content kind)."""

    term: str
    definition: str


# --- the date of the content's last change --------------------------------------------


def shown_ids(graph: Graph, entity_id: str, now: dt.datetime) -> set[str]:
    """The entities whose data a handout of ``entity_id`` shows: itself, what it refers to,
    the organisations of the people it names and, for a committee, its upcoming meetings."""
    ids = {entity_id}
    entity = graph.entity(entity_id)
    ids.update(target for _, _, target in walk_refs(entity) if target in graph)
    if isinstance(entity, Committee):
        ids.update(i for i, _ in upcoming_meetings(graph, now, entity_id))
    for person_id in [i for i in ids if graph.kind_of(i) == "person"]:
        person = graph.entity(person_id)
        if isinstance(person, Person) and person.organisation:
            ids.add(person.organisation)
    return ids


def source_file(graph: Graph, entity_id: str, root: Path, content_dir: Path) -> str:
    """An entity's YAML file relative to ``root`` (the key of the git dates)."""
    record = graph.records[entity_id]
    shown = Path(record.document.path)
    absolute = shown if shown.is_absolute() else Path.cwd() / shown
    try:
        return absolute.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        pass
    try:
        base = content_dir.resolve().relative_to(root.resolve())
    except ValueError:
        base = Path(content_dir.name)
    return (base / record.kind.folder / shown.name).as_posix()


def content_date(graph: Graph, ids: Iterable[str], git_dates: dict[str, dt.date],
                 root: Path, content_dir: Path) -> dt.date | None:
    """The newest of the entities' last-commit dates; an entity not in git counts with its
    ``updated`` field. ``None`` when nothing is known (never the build date)."""
    dates = []
    for entity_id in ids:
        known = git_dates.get(source_file(graph, entity_id, root, content_dir))
        if known is None:
            known = graph.entity(entity_id).updated
        if known is not None:
            dates.append(known)
    return max(dates, default=None)
