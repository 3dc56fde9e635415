"""Who sits on a committee on a given day: current and former members, the seat table,
the leadership. A membership's term is :meth:`Committee.term_of
<generator.core.models.Committee.term_of>`; an ended committee is shown as it was at its
end.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from ..core.models import Committee, Member, Seat

LEADERSHIP_ROLES = ("puheenjohtaja", "varapuheenjohtaja", "pääsihteeri", "sihteeri")
DEPUTY_ROLE = "henkilökohtainen varajäsen"


def reference_date(committee: Committee, today: dt.date) -> dt.date:
    """The day membership is judged on: an ended committee is shown as it was at its end."""
    if committee.ended and committee.term and committee.term.end:
        return min(today, committee.term.end)
    return today


def is_former(committee: Committee, member: Member, today: dt.date) -> bool:
    _, end = committee.term_of(member)
    return end is not None and end < reference_date(committee, today)


def current_members(committee: Committee, today: dt.date) -> list[Member]:
    """Members now and those already named for later (not ended), in listing order."""
    return [m for m in committee.members if not is_former(committee, m, today)]


def former_members(committee: Committee, today: dt.date) -> list[Member]:
    """Members whose membership has ended, most recently ended first."""
    former = [m for m in committee.members if is_former(committee, m, today)]
    return sorted(former, key=lambda m: committee.term_of(m)[1] or dt.date.min,
                  reverse=True)


@dataclass(frozen=True)
class SeatRow:
    """One place of a seat: its holder, or ``member is None`` for a vacancy (*avoin*)."""

    seat: Seat
    member: Member | None
    first: bool = True  # the first row of its seat (handouts print the seat's label once)
    rows: int = 1  # rows the seat spans


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
        rows.extend(SeatRow(seat, m, index == 0, len(people))
                    for index, m in enumerate(people))
    return rows


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
