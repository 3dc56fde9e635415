"""Derived relations the pages show: who sits where, who acts in which phase, who cites what.

Plain functions from the resolved graph (and a reference date) to small records; templates
call them through the ``q`` context variable. Nothing here formats text.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from .. import fi
from ..models import (
    KINDS,
    Body,
    Committee,
    Kind,
    LegalRef,
    Meeting,
    Member,
    Phase,
    Process,
    ProgrammeItem,
    Relation,
    Seat,
)
from ..resolve import END_PHASE, Graph

LEADERSHIP_ROLES = ("puheenjohtaja", "varapuheenjohtaja", "pääsihteeri", "sihteeri")
ROLE_PLURALS = {
    "puheenjohtaja": "Puheenjohtaja",
    "varapuheenjohtaja": "Varapuheenjohtaja",
    "pääsihteeri": "Pääsihteeri",
    "sihteeri": "Sihteeri",
}
DEPUTY_ROLE = "henkilökohtainen varajäsen"


# --- sorting --------------------------------------------------------------------------


def sort_name(graph: Graph, entity_id: str) -> str:
    """The text an entity sorts by: a person by surname, everything else by name."""
    entity = graph.entity(entity_id)
    explicit = getattr(entity, "sort_name", None)
    if explicit:
        return str(explicit)
    if graph.kind_of(entity_id) == "person":
        parts = entity.display_name.split()
        return " ".join([parts[-1], *parts[:-1]])
    return entity.display_name


def by_name(graph: Graph, ids: Iterable[str]) -> list[str]:
    """``ids`` without duplicates, in Finnish alphabetical order (SFS 4600)."""
    return sorted(set(ids), key=lambda i: (fi.sort_key(sort_name(graph, i)), i))


def ids_of_kind(graph: Graph, kind: Kind) -> list[str]:
    return [i for i, r in graph.records.items() if r.kind.key == kind.key]


# --- meetings -------------------------------------------------------------------------


def meeting_day(meeting: Meeting) -> dt.date:
    """The meeting's date; a month-only meeting counts as the first of its month."""
    if meeting.date is not None:
        return meeting.date
    assert meeting.month is not None  # the model requires date or month
    year, month = (int(p) for p in meeting.month.split("-"))
    return dt.date(year, month, 1)


def meeting_key(meeting: Meeting) -> tuple[dt.date, dt.time, str]:
    return meeting_day(meeting), meeting.start or dt.time(0, 0), meeting.title


def is_upcoming(meeting: Meeting, today: dt.date) -> bool:
    """Today's meetings and later ones; a month-only meeting until its month is over."""
    if meeting.date is not None:
        return meeting.date >= today
    day = meeting_day(meeting)
    return (day.year, day.month) >= (today.year, today.month)


def meetings_chronological(graph: Graph, series: str | None = None) -> list[str]:
    meetings = graph.meetings
    ids = [i for i, m in meetings.items() if series is None or m.series == series]
    return sorted(ids, key=lambda i: (meeting_key(meetings[i]), i))


def split_meetings(graph: Graph, series: str, today: dt.date) -> tuple[list[str], list[str]]:
    """``(upcoming oldest first, past newest first)`` meetings of ``series``."""
    meetings = graph.meetings
    ids = meetings_chronological(graph, series)
    upcoming = [i for i in ids if is_upcoming(meetings[i], today)]
    past = [i for i in reversed(ids) if not is_upcoming(meetings[i], today)]
    return upcoming, past


@dataclass(frozen=True)
class NextCandidate:
    """A meeting that may be "the next one" when the page is read, and when it is over."""

    meeting: str
    ends: str  # ISO 8601 with offset, for the reader's clock


def next_candidates(graph: Graph, first: str | None, series: str | None = None,
                    limit: int = 5) -> list[NextCandidate]:
    """``first`` (the build-time next meeting) and the meetings after it, not cancelled.

    A static page goes stale: a small script shows the first of these that is not over by
    the reader's clock; without the script the build-time answer stands.
    """
    from ..calendar.timing import slot, sort_key

    if first is None:
        return []
    meetings = graph.meetings
    ordered = sorted(
        (i for i, m in meetings.items()
         if m.status != "peruttu" and (series is None or m.series == series)),
        key=lambda i: sort_key(i, meetings[i]),
    )
    if first not in ordered:
        return []
    chosen = ordered[ordered.index(first):][:limit]
    return [NextCandidate(i, slot(meetings[i]).end.isoformat()) for i in chosen]


@dataclass(frozen=True)
class Talk:
    """A programme item of a meeting with at least one of the people asked about speaking."""

    meeting: str
    item: ProgrammeItem


def talks(graph: Graph, people: Iterable[str]) -> list[Talk]:
    """Programme items where any of ``people`` spoke, oldest meeting first."""
    wanted = set(people)
    found = []
    meetings = graph.meetings
    for meeting_id in meetings_chronological(graph):
        for item in meetings[meeting_id].programme:
            if wanted & set(item.speakers):
                found.append(Talk(meeting_id, item))
    return found


# --- committees -----------------------------------------------------------------------


def reference_date(committee: Committee, today: dt.date) -> dt.date:
    """The day membership is judged on: an ended committee is shown as it was at its end."""
    if committee.status == "päättynyt" and committee.term and committee.term.end:
        return min(today, committee.term.end)
    return today


def member_term(committee: Committee, member: Member) -> tuple[dt.date | None, dt.date | None]:
    """A membership's start and end, defaulting to the committee's term."""
    term = committee.term
    start = member.start or (term.start if term else None)
    end = member.end or (term.end if term else None)
    return start, end


def is_former(committee: Committee, member: Member, today: dt.date) -> bool:
    _, end = member_term(committee, member)
    return end is not None and end < reference_date(committee, today)


def current_members(committee: Committee, today: dt.date) -> list[Member]:
    """Members now and those already named for later (not ended), in listing order."""
    return [m for m in committee.members if not is_former(committee, m, today)]


def former_members(committee: Committee, today: dt.date) -> list[Member]:
    """Members whose membership has ended, most recently ended first."""
    former = [m for m in committee.members if is_former(committee, m, today)]
    return sorted(former, key=lambda m: member_term(committee, m)[1] or dt.date.min,
                  reverse=True)


@dataclass(frozen=True)
class SeatRow:
    """One place of a seat: its holder, or ``member is None`` for a vacancy (*avoin*)."""

    seat: Seat
    member: Member | None
    first: bool  # the first row of its seat (carries the seat's label)
    rows: int  # rows the seat spans


def seat_rows(committee: Committee, today: dt.date) -> list[SeatRow]:
    """The membership table: each seat's holders, then one *avoin* row per empty place.

    A seat of ``count`` places with fewer holders shows the missing places as vacant. For
    an upper bound (``max_count``, "enintään 8") only a seat with no holder at all shows
    one vacant row.
    """
    holders: dict[str, list[Member]] = defaultdict(list)
    for member in current_members(committee, today):
        if member.seat is not None:
            holders[member.seat].append(member)
    rows: list[SeatRow] = []
    for seat in committee.seats:
        people: list[Member | None] = list(holders[seat.id])
        wanted = (1 if seat.max_count else seat.count) - len(people)
        people.extend([None] * max(wanted, 0))
        rows.extend(SeatRow(seat, m, index == 0, len(people)) for index, m in enumerate(people))
    return rows


def vacancies(committee: Committee, today: dt.date) -> int:
    return sum(1 for row in seat_rows(committee, today) if row.member is None)


def unseated_members(committee: Committee, today: dt.date) -> list[Member]:
    """Current members outside the seat table (chair, secretaries, experts without a seat)."""
    seats = {s.id for s in committee.seats}
    return [m for m in current_members(committee, today) if m.seat not in seats]


def leadership(committee: Committee, today: dt.date) -> list[tuple[str, list[Member]]]:
    """``[(role, members)]`` for chair, vice-chair, secretary general and secretaries."""
    current = current_members(committee, today)
    result = []
    for role in LEADERSHIP_ROLES:
        people = [m for m in current if m.role == role]
        if people:
            result.append((role, people))
    return result


def chair(graph: Graph, committee_id: str, today: dt.date) -> str | None:
    """The current chair's person id, if any."""
    committee = graph.committees[committee_id]
    for member in current_members(committee, today):
        if member.role == "puheenjohtaja":
            return member.person
    return None


def seat_by_id(committee: Committee, seat_id: str | None) -> Seat | None:
    return next((s for s in committee.seats if s.id == seat_id), None)


def sub_committees(graph: Graph, committee_id: str) -> list[str]:
    return by_name(graph, [i for i, c in graph.committees.items() if c.parent == committee_id])


def parent_chain(graph: Graph, entity_id: str) -> list[str]:
    """Ancestors (via ``parent``) from the top down; stops at a cycle or unknown id."""
    chain: list[str] = []
    current = getattr(graph.entity(entity_id), "parent", None)
    while current and current in graph and current not in chain and current != entity_id:
        chain.append(current)
        current = getattr(graph.entity(current), "parent", None)
    return list(reversed(chain))


# --- people ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Role:
    """A person's place on a committee: as a member, or as someone's personal deputy."""

    committee: str
    role: str
    seat: Seat | None
    start: dt.date | None
    end: dt.date | None
    deputy: str | None = None  # this person's personal deputy
    deputy_of: str | None = None  # whom this person deputises


def person_roles(graph: Graph, person_id: str, today: dt.date) -> tuple[list[Role], list[Role]]:
    """``(current, former)`` roles of a person on committees."""
    current: list[Role] = []
    former: list[Role] = []
    for committee_id in by_name(graph, graph.committees):
        committee = graph.committees[committee_id]
        for member in committee.members:
            start, end = member_term(committee, member)
            seat = seat_by_id(committee, member.seat)
            ended = committee.status == "päättynyt" or is_former(committee, member, today)
            target = former if ended else current
            if member.person == person_id:
                target.append(Role(committee_id, member.role, seat, start, end,
                                   deputy=member.deputy))
            if member.deputy == person_id:
                target.append(Role(committee_id, DEPUTY_ROLE, seat, start, end,
                                   deputy_of=member.person))
    return current, former


# --- bodies ---------------------------------------------------------------------------


def sub_units(graph: Graph, body_id: str) -> list[str]:
    return by_name(graph, [i for i, b in graph.bodies.items() if b.parent == body_id])


def relations_of(graph: Graph, entity_id: str) -> list[Relation]:
    """An organisation's or committee's own typed relations."""
    return list(getattr(graph.entity(entity_id), "relations", []))


def relations_in(graph: Graph, target_id: str) -> list[tuple[str, Relation]]:
    """``[(source id, relation)]`` of every relation (of any body or committee) pointing at
    ``target_id``: the other direction of :func:`relations_of`."""
    sources = [*graph.bodies, *graph.committees]
    found = []
    for source_id in by_name(graph, sources):
        for relation in relations_of(graph, source_id):
            if relation.target == target_id:
                found.append((source_id, relation))
    return found


def appointed_committees(graph: Graph, body_id: str) -> list[str]:
    return by_name(graph, [i for i, c in graph.committees.items() if c.appointed_by == body_id])


@dataclass(frozen=True)
class BodySeats:
    """A committee where a body is represented: its seats there and who holds them."""

    committee: str
    seats: list[Seat]
    places: int
    holders: list[Member]
    vacant: int


def body_seats(graph: Graph, body_id: str, today: dt.date) -> list[BodySeats]:
    result = []
    for committee_id in by_name(graph, graph.committees):
        committee = graph.committees[committee_id]
        seats = [s for s in committee.seats if s.organisation == body_id]
        if not seats:
            continue
        ids = {s.id for s in seats}
        rows = [r for r in seat_rows(committee, today) if r.seat.id in ids]
        holders = [r.member for r in rows if r.member is not None]
        result.append(BodySeats(committee_id, seats, sum(s.count for s in seats), holders,
                                sum(1 for r in rows if r.member is None)))
    return result


def body_people(graph: Graph, body_id: str) -> list[str]:
    return by_name(graph, [i for i, p in graph.people.items() if p.organisation == body_id])


def acting_processes(graph: Graph, actor_id: str) -> list[tuple[str, list[Phase]]]:
    """``[(process id, phases in flow order where actor_id is responsible)]``."""
    result = []
    for process_id in by_name(graph, graph.processes):
        process = graph.processes[process_id]
        phases = [p for p in flow_order(process) if actor_id in p.actors]
        if phases:
            result.append((process_id, phases))
    return result


def owned_processes(graph: Graph, body_id: str) -> list[str]:
    return by_name(graph, [i for i, p in graph.processes.items() if p.owner == body_id])


# --- processes ------------------------------------------------------------------------


def flow_order(process: Process) -> list[Phase]:
    """Phases in the order a reader follows them: breadth-first from the first phase along
    ``next`` (in listing order), then any phase nothing leads to, in listing order."""
    by_id = {p.id: p for p in process.phases}
    seen: list[str] = []
    queue = [process.phases[0].id]
    while queue:
        current = queue.pop(0)
        if current in seen or current not in by_id:
            continue
        seen.append(current)
        queue.extend(t.to for t in by_id[current].next if t.to != END_PHASE)
    seen.extend(p.id for p in process.phases if p.id not in seen)
    return [by_id[i] for i in seen]


def phase_numbers(process: Process) -> dict[str, int]:
    return {p.id: n for n, p in enumerate(flow_order(process), start=1)}


def phase_actors(process: Process) -> list[str]:
    """Every actor named in any phase, in order of first appearance."""
    seen: dict[str, None] = {}
    for phase in flow_order(process):
        for actor in phase.actors:
            seen.setdefault(actor)
    return list(seen)


def incoming_phases(process: Process, phase_id: str) -> list[Phase]:
    return [p for p in flow_order(process) if any(t.to == phase_id for t in p.next)]


# --- laws -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    """An entity citing a law: where (e.g. a process phase) and for what."""

    entity: str
    section: str | None
    context: str | None  # a phase name, when a process phase cites it
    note: str | None


def _legal_refs(model: BaseModel) -> Iterator[tuple[BaseModel, LegalRef]]:
    """``(owner, ref)`` for every legal reference in ``model``, at any depth."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, LegalRef):
                yield model, item
            elif isinstance(item, BaseModel):
                yield from _legal_refs(item)


def citations(graph: Graph, law_id: str) -> list[Citation]:
    found = []
    for entity_id in by_name(graph, graph.records):
        for owner, ref in _legal_refs(graph.entity(entity_id)):
            if ref.law == law_id:
                context = owner.name if isinstance(owner, Phase) else None
                found.append(Citation(entity_id, ref.section, context, ref.note))
    return found


def citations_by_section(graph: Graph, law_id: str) -> list[tuple[str | None, list[Citation]]]:
    """Citations grouped by section in the law's own order; the whole act (``None``) last."""
    law = graph.laws[law_id]
    grouped: dict[str | None, list[Citation]] = defaultdict(list)
    for citation in citations(graph, law_id):
        grouped[citation.section].append(citation)
    order: list[str | None] = [s.number for s in law.sections]
    order.append(None)
    return [(s, grouped[s]) for s in order if grouped.get(s)]


# --- back-links -----------------------------------------------------------------------


def backlinks_by_kind(graph: Graph, entity_id: str) -> list[tuple[Kind, list[str]]]:
    """Entities that refer to ``entity_id``, grouped by kind (in the site's kind order)."""
    sources = {b.source for b in graph.referrers(entity_id) if b.source != entity_id}
    groups = []
    for kind in KINDS:
        ids = [s for s in sources if graph.kind_of(s) == kind.key]
        if not ids:
            continue
        if kind.key == "meeting":
            meetings = graph.meetings
            ids = sorted(ids, key=lambda i: (meeting_key(meetings[i]), i), reverse=True)
        else:
            ids = by_name(graph, ids)
        groups.append((kind, ids))
    return groups


def is_body(graph: Graph, entity_id: str) -> bool:
    return isinstance(graph.entity(entity_id), Body)
