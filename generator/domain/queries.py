"""Derived relations the pages show: who sits where, who acts in which phase, who cites what.

Two layers:

* plain functions about one entity (a committee's seat table, a process's flow order), used
  by pages and by the open-data export alike;
* :class:`Queries`, made once per render, for everything that looks across the graph
  ("committees where this body holds seats", "roles of this person"). It builds each reverse
  index once, on first use, so a page asks a dict instead of scanning every entity: with
  1,000 entities the per-page scans made rendering quadratic.

Templates reach both through the ``q`` context variable. Nothing here formats text.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from pydantic import BaseModel

from .. import fi
from ..core.annotations import legal_refs
from ..core.models import (
    END_PHASE,
    KINDS,
    Committee,
    Kind,
    Member,
    Phase,
    Process,
    ProgrammeItem,
    Relation,
    Seat,
)
from ..graph import Graph
from .membership import (
    DEPUTY_ROLE,
    current_members,
    former_members,
    is_former,
    leadership,
    seat_rows,
    unseated_members,
)
from .seats import SeatRow
from .timing import chronological, is_upcoming, sort_key, upcoming_until

# --- one entity -----------------------------------------------------------------------


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


def ids_of_kind(graph: Graph, kind: Kind) -> list[str]:
    return list(graph.of_kind(kind.model))


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


def relations_of(graph: Graph, entity_id: str) -> list[Relation]:
    """An organisation's or committee's own typed relations."""
    return list(getattr(graph.entity(entity_id), "relations", []))


# --- records the graph-wide queries return ---------------------------------------------


@dataclass(frozen=True)
class NextCandidate:
    """A meeting that may be "the next one" when the page is read, and when it is over."""

    meeting: str
    ends: str  # when it stops being upcoming (timing.upcoming_until), ISO 8601, for data-ends


@dataclass(frozen=True)
class Talk:
    """A programme item of a meeting with at least one of the people asked about speaking."""

    meeting: str
    item: ProgrammeItem


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


@dataclass(frozen=True)
class BodySeats:
    """A committee where a body is represented: its seats there and who holds them."""

    committee: str
    seats: list[Seat]
    places: int
    holders: list[Member]
    vacant: int  # places a source states vacant
    unnamed: int = 0  # places whose holders the sources do not name


@dataclass(frozen=True)
class Citation:
    """An entity citing a law: where (e.g. a process phase) and for what."""

    entity: str
    section: str | None
    context: str | None  # a phase name, when a process phase cites it
    note: str | None


# --- across the graph -----------------------------------------------------------------


class Queries:
    """Graph-wide lookups for one render, each backed by an index built on first use."""

    def __init__(self, graph: Graph, now: dt.datetime) -> None:
        self.graph = graph
        self.now = now  # meetings: upcoming or past (timing.is_upcoming)
        self.today = now.date()  # memberships: current or former
        self._seat_rows: dict[str, list[SeatRow]] = {}
        self._flow: dict[str, list[Phase]] = {}

    # sorting

    @cached_property
    def _sort_keys(self) -> dict[str, tuple[tuple[str, str], str]]:
        return {i: (fi.sort_key(sort_name(self.graph, i)), i) for i in self.graph.records}

    def by_name(self, ids: Iterable[str]) -> list[str]:
        """``ids`` without duplicates, in Finnish alphabetical order (SFS 4600)."""
        return sorted(set(ids), key=self._sort_keys.__getitem__)

    def _group_by(self, entities: Mapping[str, BaseModel], field: str) -> dict[str, list[str]]:
        """Ids of ``entities`` (in Finnish order) by the id their ``field`` refers to."""
        index: dict[str, list[str]] = defaultdict(list)
        for entity_id in self.by_name(entities):
            target = getattr(entities[entity_id], field)
            if target:
                index[target].append(entity_id)
        return index

    # one entity, cached (pages and indexes ask for the same committee many times)

    def seat_rows(self, committee: Committee) -> list[SeatRow]:
        key = self._id_of(committee)
        if key not in self._seat_rows:
            self._seat_rows[key] = seat_rows(committee, self.today)
        return self._seat_rows[key]

    def flow_order(self, process: Process) -> list[Phase]:
        key = self._id_of(process)
        if key not in self._flow:
            self._flow[key] = flow_order(process)
        return self._flow[key]

    def phase_numbers(self, process: Process) -> dict[str, int]:
        return {p.id: n for n, p in enumerate(self.flow_order(process), start=1)}

    def phase_actors(self, process: Process) -> list[str]:
        """Every actor named in any phase, in order of first appearance (flow order)."""
        return list(dict.fromkeys(a for phase in self.flow_order(process)
                                  for a in phase.actor_ids))

    def former_members(self, committee: Committee) -> list[Member]:
        return former_members(committee, self.today)

    def unseated_members(self, committee: Committee) -> list[Member]:
        return unseated_members(committee, self.today)

    def leadership(self, committee: Committee) -> list[tuple[str, list[Member]]]:
        return leadership(committee, self.today)

    @cached_property
    def _ids_by_object(self) -> dict[int, str]:
        return {id(r.entity): i for i, r in self.graph.records.items()}

    def _id_of(self, entity: BaseModel) -> str:
        return self._ids_by_object[id(entity)]

    # hierarchy

    @cached_property
    def _children(self) -> dict[str, list[str]]:
        children: dict[str, list[str]] = defaultdict(list)
        for entity_id, record in self.graph.records.items():
            parent = getattr(record.entity, "parent", None)
            if parent:
                children[parent].append(entity_id)
        return {k: self.by_name(v) for k, v in children.items()}

    def sub_units(self, body_id: str) -> list[str]:
        return [i for i in self._children.get(body_id, []) if self.graph.kind_of(i) == "body"]

    def sub_committees(self, committee_id: str) -> list[str]:
        return [i for i in self._children.get(committee_id, [])
                if self.graph.kind_of(i) == "committee"]

    def parent_chain(self, entity_id: str) -> list[str]:
        """Ancestors (via ``parent``) from the top down; stops at a cycle or unknown id."""
        graph = self.graph
        chain: list[str] = []
        current = getattr(graph.entity(entity_id), "parent", None)
        while current and current in graph and current not in chain and current != entity_id:
            chain.append(current)
            current = getattr(graph.entity(current), "parent", None)
        return list(reversed(chain))

    # relations

    def relations_of(self, entity_id: str) -> list[Relation]:
        return relations_of(self.graph, entity_id)

    @cached_property
    def _relations_in(self) -> dict[str, list[tuple[str, Relation]]]:
        index: dict[str, list[tuple[str, Relation]]] = defaultdict(list)
        for source in self.by_name([*self.graph.bodies, *self.graph.committees]):
            for relation in relations_of(self.graph, source):
                index[relation.target].append((source, relation))
        return index

    def relations_in(self, target_id: str) -> list[tuple[str, Relation]]:
        """``[(source id, relation)]`` of every relation (of any body or committee) pointing
        at ``target_id``: the other direction of :meth:`relations_of`."""
        return self._relations_in.get(target_id, [])

    @cached_property
    def _appointed(self) -> dict[str, list[str]]:
        return self._group_by(self.graph.committees, "appointed_by")

    def appointed_committees(self, body_id: str) -> list[str]:
        return self._appointed.get(body_id, [])

    # committees, seats and people

    def chair(self, committee_id: str) -> str | None:
        """The current chair's person id, if any."""
        for member in current_members(self.graph.committees[committee_id], self.today):
            if member.role == "puheenjohtaja":
                return member.person
        return None

    @cached_property
    def _seats_by_org(self) -> dict[str, list[BodySeats]]:
        index: dict[str, list[BodySeats]] = defaultdict(list)
        for committee_id in self.by_name(self.graph.committees):
            committee = self.graph.committees[committee_id]
            by_org: dict[str, list[Seat]] = defaultdict(list)
            for seat in committee.seats:
                if seat.organisation:
                    by_org[seat.organisation].append(seat)
            rows = self.seat_rows(committee)
            for org, seats in by_org.items():
                ids = {s.id for s in seats}
                mine = [r for r in rows if r.seat.id in ids]
                index[org].append(BodySeats(
                    committee_id, seats, sum(s.count for s in seats),
                    [r.member for r in mine if r.member is not None],
                    sum(r.places for r in mine if r.unfilled == "avoin"),
                    sum(r.places for r in mine if r.unfilled == "ei nimetty")))
        return index

    def body_seats(self, body_id: str) -> list[BodySeats]:
        return self._seats_by_org.get(body_id, [])

    @cached_property
    def _people_by_org(self) -> dict[str, list[str]]:
        return self._group_by(self.graph.people, "organisation")

    def body_people(self, body_id: str) -> list[str]:
        return self._people_by_org.get(body_id, [])

    @cached_property
    def _roles(self) -> dict[str, tuple[list[Role], list[Role]]]:
        index: dict[str, tuple[list[Role], list[Role]]] = defaultdict(lambda: ([], []))
        for committee_id in self.by_name(self.graph.committees):
            committee = self.graph.committees[committee_id]
            for member in committee.members:
                start, end = committee.term_of(member)
                seat = committee.seat_by_id(member.seat)
                ended = committee.ended or is_former(committee, member,
                                                                     self.today)
                slot = 1 if ended else 0
                index[member.person][slot].append(
                    Role(committee_id, member.role, seat, start, end, deputy=member.deputy))
                if member.deputy:
                    index[member.deputy][slot].append(
                        Role(committee_id, DEPUTY_ROLE, seat, start, end,
                             deputy_of=member.person))
        return dict(index)

    def person_roles(self, person_id: str) -> tuple[list[Role], list[Role]]:
        """``(current, former)`` roles of a person on committees."""
        return self._roles.get(person_id, ([], []))

    # processes

    @cached_property
    def _acting(self) -> dict[str, list[tuple[str, list[Phase]]]]:
        index: dict[str, list[tuple[str, list[Phase]]]] = defaultdict(list)
        for process_id in self.by_name(self.graph.processes):
            phases: dict[str, list[Phase]] = defaultdict(list)
            for phase in self.flow_order(self.graph.processes[process_id]):
                for actor in dict.fromkeys(phase.actor_ids):
                    phases[actor].append(phase)
            for actor, found in phases.items():
                index[actor].append((process_id, found))
        return index

    def acting_processes(self, actor_id: str) -> list[tuple[str, list[Phase]]]:
        """``[(process id, phases in flow order where actor_id is responsible)]``."""
        return self._acting.get(actor_id, [])

    @cached_property
    def _owned(self) -> dict[str, list[str]]:
        return self._group_by(self.graph.processes, "owner")

    def owned_processes(self, body_id: str) -> list[str]:
        return self._owned.get(body_id, [])

    # meetings

    @cached_property
    def _chronological(self) -> list[str]:
        return chronological(self.graph.meetings)

    def split_meetings(self, series: str) -> tuple[list[str], list[str]]:
        """``(upcoming oldest first, past newest first)`` meetings of ``series``."""
        meetings = self.graph.meetings
        ids = [i for i in self._chronological if meetings[i].series == series]
        upcoming = [i for i in ids if is_upcoming(meetings[i], self.now)]
        past = [i for i in reversed(ids) if not is_upcoming(meetings[i], self.now)]
        return upcoming, past

    def next_candidates(self, first: str | None, series: str | None = None,
                        limit: int = 5) -> list[NextCandidate]:
        """``first`` (the build-time next meeting) and the meetings after it, not cancelled.

        A static page goes stale: a small script shows the first of these that is not over
        by the reader's clock; without the script the build-time answer stands.
        """
        if first is None:
            return []
        meetings = self.graph.meetings
        ordered = sorted(
            (i for i, m in meetings.items()
             if not m.cancelled and (series is None or m.series == series)),
            key=lambda i: sort_key(i, meetings[i]),
        )
        if first not in ordered:
            return []
        chosen = ordered[ordered.index(first):][:limit]
        return [NextCandidate(i, upcoming_until(meetings[i]).isoformat()) for i in chosen]

    @cached_property
    def _talks(self) -> dict[str, list[Talk]]:
        index: dict[str, list[Talk]] = defaultdict(list)
        meetings = self.graph.meetings
        for meeting_id in self._chronological:
            for item in meetings[meeting_id].programme:
                for speaker in dict.fromkeys(item.speakers):
                    index[speaker].append(Talk(meeting_id, item))
        return index

    @cached_property
    def _meeting_order(self) -> dict[str, int]:
        return {m: n for n, m in enumerate(self._chronological)}

    def talks(self, people: Iterable[str]) -> list[Talk]:
        """Programme items where any of ``people`` spoke, oldest meeting first."""
        order = self._meeting_order
        found: dict[tuple[str, int], Talk] = {}
        for person in people:
            for talk in self._talks.get(person, []):
                found[(talk.meeting, id(talk.item))] = talk
        return sorted(found.values(), key=lambda t: (
            order[t.meeting], self.graph.meetings[t.meeting].programme.index(t.item)))

    # laws

    @cached_property
    def _citations(self) -> dict[str, list[Citation]]:
        index: dict[str, list[Citation]] = defaultdict(list)
        for entity_id in self.by_name(self.graph.records):
            for _, owner, ref in legal_refs(self.graph.entity(entity_id)):
                context = owner.name if isinstance(owner, Phase) else None
                index[ref.law].append(Citation(entity_id, ref.section, context, ref.note))
        return index

    def citations_by_section(self, law_id: str) -> list[tuple[str | None, list[Citation]]]:
        """Citations grouped by section in the law's own order; the whole act (``None``)
        last."""
        law = self.graph.laws[law_id]
        grouped: dict[str | None, list[Citation]] = defaultdict(list)
        for citation in self._citations.get(law_id, []):
            grouped[citation.section].append(citation)
        order: list[str | None] = [s.number for s in law.sections]
        order.append(None)
        return [(s, grouped[s]) for s in order if grouped.get(s)]

    # back-links

    def backlinks_by_kind(self, entity_id: str) -> list[tuple[Kind, list[str]]]:
        """Entities that refer to ``entity_id``, grouped by kind (in the site's kind order)."""
        graph = self.graph
        sources = {b.source for b in graph.referrers(entity_id) if b.source != entity_id}
        groups = []
        for kind in KINDS:
            ids = [s for s in sources if graph.kind_of(s) == kind.key]
            if not ids:
                continue
            if kind.key == "meeting":
                meetings = graph.meetings
                ids = sorted(ids, key=lambda i: sort_key(i, meetings[i]), reverse=True)
            else:
                ids = self.by_name(ids)
            groups.append((kind, ids))
        return groups
