"""What each actor of a process phase does there, in Finnish, for pages, PDFs and diagrams.

A phase names its actors with a role (``vastaa`` by default): the site must not call an
actor responsible when the source says it only takes part or sends a notice.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.models import ACTOR_ROLES, CLIENT_ROLES, Phase

RESPONSIBLE = "vastaa"
LABELS: dict[str, tuple[str, str]] = {
    "vastaa": ("Vastuutaho", "Vastuutahot"),
    "osallistuu": ("Osallistuu", "Osallistuvat"),
    "ilmoittaa": ("Ilmoittaa", "Ilmoittavat"),
}
"""``role: (label for one actor, label for several)`` on pages and in PDFs."""
assert set(LABELS) == set(ACTOR_ROLES), "every role needs its Finnish labels"

CLIENT_LABEL = "Asiakas"
CLIENT_PHRASES: dict[str, str] = {"osallistuu": "osallistuu"}
"""``client role: what the client does`` after *Asiakas:* (the client is a role, not an
organisation: shown as a line of text, never as an actor box or link)."""
assert set(CLIENT_PHRASES) == set(CLIENT_ROLES), "every client role needs its Finnish text"


@dataclass(frozen=True)
class RoleGroup:
    """The actors of one role in a phase, with the label to show before them."""

    role: str
    label: str
    actors: list[str]


def role_groups(phase: Phase) -> list[RoleGroup]:
    """The phase's actors grouped by role: the responsible first, then the others in the
    order of :data:`ACTOR_ROLES`; roles without actors are left out."""
    groups = []
    for role in ACTOR_ROLES:
        actors = phase.actors_in(role)
        if not actors:
            continue
        one, many = LABELS[role]
        label = one if len(actors) == 1 else many
        if role == RESPONSIBLE and phase.joint and len(actors) > 1:
            label = "Vastuutahot yhdessä"
        groups.append(RoleGroup(role, label, actors))
    return groups


def client_part(phase: Phase) -> str | None:
    """What the client does in the phase (``osallistuu``), or ``None`` when not named."""
    return CLIENT_PHRASES[phase.client] if phase.client else None
