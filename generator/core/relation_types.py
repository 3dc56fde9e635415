"""The relation types of ``relations`` lists: Finnish labels, meanings and fitting targets.

One table serves every place a relation is shown or checked: the JSON Schema description
(``models.Relation.type``), the source page (forward verb), the target page (inverse role),
the relation diagram's arrows, the open data and the resolver's target-kind check. The keys
must equal ``models.RelationType`` (a test compares them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

ACTORS = ("body", "committee")
TOPIC = ("topic",)
_KIND_NAMES = {"body": "organisaatio", "committee": "toimielin", "topic": "aihe"}
_KIND_ILLATIVES = {"body": "organisaatioon", "committee": "toimielimeen", "topic": "aiheeseen"}


@dataclass(frozen=True)
class RelationKind:
    """One relation type: read ``source VERB target`` forwards, ``source is the INVERSE``
    of the target on the target's page."""

    key: str
    verb: str
    """Forward label: what the source does to the target (``ohjaa``, ``on osapuolena``)."""
    inverse: str
    """The source's role as the target's page names it (``ohjaaja``, ``osapuoli``)."""
    targets: tuple[str, ...]
    """Entity kinds the target may be."""
    meaning: str
    """What the type means, for editors (JSON Schema)."""


RELATION_TYPES: dict[str, RelationKind] = {t.key: t for t in (
    RelationKind("asettaa", "asettaa", "asettaja", ACTORS,
                 "asettaa toimielimen tai perustaa organisaation"),
    RelationKind("ohjaa", "ohjaa", "ohjaaja", ACTORS, "ohjaa kohteen toimintaa"),
    RelationKind("rahoittaa", "rahoittaa", "rahoittaja", ACTORS, "rahoittaa kohdetta"),
    RelationKind("tukee", "tukee", "tukija", ACTORS, "tukee kohdetta sen tehtävissä"),
    RelationKind("koordinoi", "koordinoi", "koordinoija", ACTORS,
                 "koordinoi kohteen toimintaa, esim. kutsuu koolle"),
    RelationKind("valvoo", "valvoo", "valvoja", ACTORS, "valvoo kohdetta"),
    RelationKind("raportoi", "raportoi", "raportoija", ACTORS,
                 "raportoi kohteelle tai antaa sille selvityksen"),
    RelationKind("jäsen", "on jäsenenä", "jäsen", ACTORS,
                 "on kohteen (toimielimen, verkoston) jäsen"),
    RelationKind("nimittää", "nimittää", "nimittäjä", ACTORS,
                 "nimittää kohteeseen (esim. toimielimeen) henkilöt tiettyihin rooleihin; "
                 "`note` kertoo roolit, esim. puheenjohtajan ja varapuheenjohtajan"),
    RelationKind("alueella", "toimii alueella", "alueella toimiva", ("body",),
                 "toimii kohdeorganisaation (esim. hyvinvointialueen) maantieteellisellä "
                 "alueella; `note` kertoo, jos vain osittain"),
    RelationKind("toteuttaa", "toteuttaa", "toteuttaja", TOPIC,
                 "toteuttaa tai toteutti aiheen (esim. kyselyn, selvityksen tai hankkeen)"),
    RelationKind("ylläpitää", "ylläpitää", "ylläpitäjä", TOPIC,
                 "ylläpitää aihetta (esim. tietojärjestelmää tai työkalua)"),
    RelationKind("osapuoli", "on osapuolena", "osapuoli", TOPIC,
                 "on sopimuksen tai muun yhteisen päätöksen osapuoli"),
    RelationKind("hakija", "on hakijana", "hakija", TOPIC,
                 "on hakijana aiheessa (esim. ohjelman hankkeissa tai rahoitushaussa); "
                 "yhteishakemus kerrotaan `note`-kentässä"),
)}

#: The diagram's extra edge kind: ``parent`` drawn as *kuuluu* (not an editor's type).
PARENT_EDGE = "kuuluu"


def verb(key: str) -> str:
    """The forward label of a relation type (or of the diagram's *kuuluu* edge)."""
    found = RELATION_TYPES.get(key)
    return found.verb if found else key


def inverse(key: str) -> str:
    """The source's role, as the target's page shows it."""
    found = RELATION_TYPES.get(key)
    return found.inverse if found else key


def kind_names(kinds: tuple[str, ...]) -> str:
    return " tai ".join(_KIND_NAMES[k] for k in kinds)


def schema_description() -> str:
    """``Relation.type``'s JSON Schema description: every type with its meaning."""
    lines = [f"- `{t.key}` ({kind_names(t.targets)}): {t.meaning}"
             for t in RELATION_TYPES.values()]
    return ("Suhteen laji, luettuna: tämä + suhde + kohde (esim. TEM ohjaa "
            "työvoimaviranomaista). Suhde sopii vain suluissa mainittuun kohteeseen:\n"
            + "\n".join(lines))


def target_problems(relations: list[Any], kind_of: Callable[[str], str | None]
                    ) -> Iterator[tuple[int, str, str]]:
    """``(index, message, hint)`` for each relation whose type does not fit its target's
    kind. ``kind_of`` gives an id's kind, or ``None`` for an unknown id (reported already).
    """
    for index, relation in enumerate(relations):
        kind = kind_of(relation.target)
        wanted = RELATION_TYPES[relation.type].targets
        if kind is None or kind in wanted or kind not in _KIND_NAMES:
            continue
        fitting = [t.key for t in RELATION_TYPES.values() if kind in t.targets]
        listed = " ja ".join(", ".join(fitting).rsplit(", ", 1))
        yield (index,
               f"suhde '{relation.type}' ei sovi kohteeseen '{relation.target}', joka on "
               f"{_KIND_NAMES[kind]}: suhteen '{relation.type}' kohde on "
               f"{kind_names(wanted)}",
               f"{_KIND_ILLATIVES[kind]} sopivat suhteet: {listed}; muuten vaihda kohde")
