"""Where a committee stands in its life cycle, as the sources describe it, read at build time.

A plan is not an event: a committee *being prepared* (``valmisteilla``) whose expected
appointment date has passed still reads as a plan, with a notice that the date has passed
and the sources do not confirm the appointment. The wording lives here so that pages and
handouts say the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import fi
from ..core.models import Committee


@dataclass(frozen=True)
class CommitteeState:
    """``label``: the status as shown in fact lists and tables; ``notice``: a sentence for
    the reader when the status needs one (a plan, or a plan whose date has passed)."""

    status: str
    label: str
    notice: str = ""
    overdue: bool = False  # the expected date has passed and nothing confirms the step


def partial_date_passed(value: str, today: dt.date) -> bool:
    """``2025-04`` has passed once April 2025 is over; ``2025`` once 2025 is over."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(*parts) < today
    if len(parts) == 2:
        return (today.year, today.month) > (parts[0], parts[1])
    return today.year > parts[0]


def committee_state(committee: Committee, today: dt.date) -> CommitteeState:
    status = committee.status
    label = status  # the status words read as they are: voimassa, valmisteilla, …
    expected = committee.expected
    if not (committee.preparing or committee.draft):
        return CommitteeState(status, label)
    what = ("Toimielimen asettaminen on valmisteilla" if committee.preparing
            else "Toimielin on luonnos: kokoonpano ja tehtävät voivat vielä muuttua")
    if expected is None:
        return CommitteeState(status, label, f"{what}; asettamisajankohtaa lähteet eivät kerro.")
    when = fi.partial_date(expected)
    if partial_date_passed(expected, today):
        return CommitteeState(
            status, f"{label}, arvioitu asettaminen {when} (ajankohta mennyt)",
            f"Lähteiden mukaan toimielin oli tarkoitus asettaa arviolta {when}. Ajankohta on "
            "mennyt; lähteet eivät vahvista, että toimielin asetettiin.", overdue=True)
    return CommitteeState(status, f"{label}, arvioitu asettaminen {when}",
                          f"{what}; lähteiden mukaan se asetetaan arviolta {when}.")
