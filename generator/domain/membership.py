"""Who sits on a committee on a given day: current and former members, the seat table
(itself in :mod:`.seats`), the leadership. A membership's term is :meth:`Committee.term_of
<generator.core.models.Committee.term_of>`; an ended committee is shown as it was at its
end.
"""

from __future__ import annotations

import datetime as dt

from ..core.models import Committee, Member
from .seats import SeatRow
from .seats import seat_rows as _seat_rows

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


def seat_rows(committee: Committee, today: dt.date) -> list[SeatRow]:
    """The membership table (see :mod:`.seats`): holders, then the places without one."""
    return _seat_rows(committee, current_members, today)


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
