"""A committee's seat table: who holds each seat, and what the sources say of the rest.

A place has three states: a named member; a vacancy a source states (``Seat.vacant``);
or *not named in the sources*. Only the second is "avoin": readers act on the table, and
a place the sources are silent about is unknown, not vacant. The places of one seat that
have no holder form one row with a count ("TEM, 2 paikkaa"), not one row each.

Pages, handouts and the open-data export all read this table.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ..core.models import Committee, Member, Seat

Unfilled = Literal["avoin", "ei nimetty"]
VACANT_LABEL = "avoin"
UNNAMED_LABEL = "ei nimetty lähteissä"


@dataclass(frozen=True)
class SeatRow:
    """One row of a seat: a holder (``member``), or its places without one (``member is
    None``, ``places`` of them, in state ``unfilled``)."""

    seat: Seat
    member: Member | None
    first: bool = True  # the first row of its seat (handouts print the seat's label once)
    rows: int = 1  # rows the seat spans
    places: int = 1  # places this row stands for (more than one only for an unfilled row)

    @property
    def unfilled(self) -> Unfilled | None:
        """``avoin`` (a source states the vacancy), ``ei nimetty``, or ``None`` for a
        holder."""
        if self.member is not None:
            return None
        return "avoin" if self.seat.vacant else "ei nimetty"

    @property
    def unfilled_label(self) -> str:
        """``avoin`` or ``ei nimetty lähteissä`` (``""`` for a holder)."""
        state = self.unfilled
        if state is None:
            return ""
        return VACANT_LABEL if state == "avoin" else UNNAMED_LABEL


def seat_rows(committee: Committee, current: Callable[[Committee, dt.date], list[Member]],
              today: dt.date) -> list[SeatRow]:
    """Each seat's holders, then one row for the places without a holder, if any.

    ``current`` gives the members in office on ``today``. A seat of ``count`` places with
    fewer holders has ``count - holders`` places without one. For an upper bound
    (``max_count``, "enintään 8") the number is not known, so only a seat with no holder at
    all gets a row, of one (unknown) place.
    """
    holders: dict[str, list[Member]] = defaultdict(list)
    for member in current(committee, today):
        if member.seat is not None:
            holders[member.seat].append(member)
    rows: list[SeatRow] = []
    for seat in committee.seats:
        people = holders[seat.id]
        missing = (0 if people else 1) if seat.max_count else max(seat.count - len(people), 0)
        span = len(people) + (1 if missing else 0)
        rows.extend(SeatRow(seat, m, index == 0, span) for index, m in enumerate(people))
        if missing:
            rows.append(SeatRow(seat, None, not people, span, missing))
    return rows


def unfilled_places(rows: list[SeatRow], seat_id: str) -> tuple[int, int]:
    """``(stated vacant, not named in the sources)`` places of one seat."""
    vacant = unnamed = 0
    for row in rows:
        if row.seat.id != seat_id or row.member is not None:
            continue
        if row.unfilled == "avoin":
            vacant += row.places
        else:
            unnamed += row.places
    return vacant, unnamed
