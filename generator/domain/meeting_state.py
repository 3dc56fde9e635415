"""What a meeting's status means at build time: a plan is not an event.

A meeting still marked ``suunniteltu`` after its date has not become ``pidetty``: only a
source from the meeting or after it can say that. Until an editor records it, pages, PDFs
and the calendar say the date has passed and the sources do not confirm it was held.
All of that is decided here, in one function, so every output says the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from ..core.models import Meeting
from .timing import is_upcoming

State = Literal["suunniteltu", "pidetty", "peruttu", "vahvistamatta"]
UNCONFIRMED_NOTICE = "Ajankohta on mennyt; lähteet eivät vahvista, että kokous pidettiin."
LABELS: dict[State, str] = {
    "suunniteltu": "Suunniteltu",
    "pidetty": "Pidetty",
    "peruttu": "Peruttu",
    "vahvistamatta": UNCONFIRMED_NOTICE.removesuffix("."),
}


@dataclass(frozen=True)
class MeetingState:
    state: State
    label: str  # for the "Tila" line and lists
    notice: str = ""  # a sentence for the reader, when the label needs one


def meeting_state(meeting: Meeting, now: dt.datetime) -> MeetingState:
    """The meeting's status as a reader should read it at ``now``.

    A meeting passes when the upcoming/past rule says so (:func:`.timing.is_upcoming`: at
    its end time; a month-only meeting when its month is over).
    """
    if meeting.planned and not is_upcoming(meeting, now):
        return MeetingState("vahvistamatta", LABELS["vahvistamatta"], UNCONFIRMED_NOTICE)
    state: State = meeting.status
    return MeetingState(state, LABELS[state])
