"""Organisation chart of a committee tree: root → secretariat, sub-committees → their
sub-committees, with the appointing body above; the page's own committee highlighted."""

from __future__ import annotations

from .. import fi
from ..core import relation_types
from ..core.models import Committee
from ..graph import Graph
from .common import digraph, label, small_cell, title_cell
from .dot import Html, Value, bold, font, row, text
from .figure import Diagram, LegendItem, entity_link
from .palette import COMMITTEE, CURRENT, CURRENT_LINE, NODE

TYPE_ORDER = ("neuvottelukunta", "verkosto", "johtoryhmä", "sihteeristö", "jaosto",
              "alajaosto", "tiimi")
WIDE = 3  # more children than this under one node: lay the chart out left to right


def root_of(graph: Graph, committee_id: str) -> str:
    committees = graph.committees
    current, seen = committee_id, {committee_id}
    while (parent := committees[current].parent) in committees and parent not in seen:
        seen.add(parent)
        current = parent
    return current


def children_of(graph: Graph) -> dict[str, list[str]]:
    """Parent id → child committee ids, secretariat first, then by type and Finnish name.

    Computed once per graph (do not mutate)."""
    return graph.memo("committee_children", lambda: _children_of(graph))


def _children_of(graph: Graph) -> dict[str, list[str]]:
    committees = graph.committees
    children: dict[str, list[str]] = {}
    for cid, committee in committees.items():
        if committee.parent in committees:
            children.setdefault(committee.parent, []).append(cid)
    for ids in children.values():
        ids.sort(key=lambda i: (_type_rank(committees[i]), fi.sort_key(committees[i].name), i))
    return children


def _type_rank(committee: Committee) -> int:
    return TYPE_ORDER.index(committee.type) if committee.type in TYPE_ORDER else len(TYPE_ORDER)


def tree(graph: Graph, root: str) -> list[tuple[str, int]]:
    """``(id, depth)`` of every committee under ``root`` (itself first), depth-first."""
    children = children_of(graph)
    out: list[tuple[str, int]] = []
    stack = [(root, 0)]
    seen: set[str] = set()
    while stack:
        cid, depth = stack.pop()
        if cid in seen:
            continue
        seen.add(cid)
        out.append((cid, depth))
        stack.extend((c, depth + 1) for c in reversed(children.get(cid, [])))
    return out


SPONSOR_TYPES = ("asettaa", "koordinoi")
"""Relations that put a body above a committee tree in its chart, named by their role
(:func:`..core.relation_types.inverse`: *asettaja*, *koordinoija*)."""


def sponsors(graph: Graph, root: str) -> list[tuple[str, str]]:
    """``(body id, relation type)`` of the bodies that appoint or coordinate ``root``."""
    committee = graph.committees[root]
    found: list[tuple[str, str]] = []
    if committee.appointed_by is not None and committee.appointed_by in graph:
        found.append((committee.appointed_by, "asettaa"))
    found += graph.memo("sponsor_relations", lambda: _sponsor_relations(graph)).get(root, [])
    return list(dict.fromkeys(found))


def _sponsor_relations(graph: Graph) -> dict[str, list[tuple[str, str]]]:
    """Target id → ``(body id, relation type)`` of every appointing or coordinating
    relation, bodies in id order: one pass over the bodies instead of one per chart."""
    found: dict[str, list[tuple[str, str]]] = {}
    for body_id, body in sorted(graph.bodies.items()):
        for relation in body.relations:
            if relation.type in SPONSOR_TYPES:
                found.setdefault(relation.target, []).append((body_id, relation.type))
    return found


def _kind_line(committee: Committee) -> str:
    parts: list[str] = [committee.type]
    if committee.abbreviation:
        parts.append(committee.abbreviation)
    if not committee.in_force:  # luonnos, päättynyt
        parts.append(committee.status)
    return " · ".join(parts)


def org_diagram(graph: Graph, committee_id: str) -> Diagram | None:
    """The chart of the tree ``committee_id`` belongs to, or ``None`` for a lone committee."""
    root = root_of(graph, committee_id)
    members = tree(graph, root)
    above = sponsors(graph, root)
    if len(members) < 2 and not above:
        return None
    committees = graph.committees
    children = children_of(graph)
    wide = any(len(children.get(cid, [])) > WIDE for cid, _ in members)
    dot = digraph(f"organisaatio-{root}", rankdir="LR" if wide else "TB", ordering="out")
    roles: dict[str, list[str]] = {}
    for body_id, kind in above:
        roles.setdefault(body_id, []).append(relation_types.inverse(kind))
    for body_id, role in roles.items():
        dot.node(f"org-{body_id}", id=f"org-{body_id}", shape="box", style="filled",
                 fillcolor=NODE.light, href=entity_link(body_id), tooltip=graph.name(body_id),
                 label=label([title_cell(graph.name(body_id)), small_cell(", ".join(role))]),
                 **{"class": "dg-body"})
    for body_id, kind in above:
        dot.edge(f"org-{body_id}", f"org-{root}", label=kind, style="dashed")
    for cid, _depth in members:
        committee = committees[cid]
        rows: list[Html] = [title_cell(committee.name), small_cell(_kind_line(committee))]
        attrs: dict[str, Value] = {"id": f"org-{cid}", "fillcolor": COMMITTEE.light}
        if cid == committee_id:
            rows.append(row(font(bold(text("(tämä sivu)")))))
            attrs.update(fillcolor=CURRENT.light, color=CURRENT_LINE.light, penwidth=3)
            attrs["class"] = "dg-committee dg-current"
        else:
            attrs.update(href=entity_link(cid), tooltip=committee.name)
            attrs["class"] = "dg-committee"
        if not committee.in_force:
            attrs["style"] = "rounded,filled,dashed"
        dot.node(f"org-{cid}", label=label(rows), **attrs)
    for cid, _depth in members:
        for child in children.get(cid, []):
            dot.edge(f"org-{cid}", f"org-{child}")
    root_name = committees[root].name
    legend = [LegendItem(graph.name(b), entity=b, note=", ".join(r)) for b, r in roles.items()]
    legend += [
        LegendItem(committees[cid].name, entity=cid,
                   note=_kind_line(committees[cid]) + (", tämä sivu" if cid == committee_id
                                                       else ""))
        for cid, _depth in members
    ]
    subs = len(members) - 1
    return Diagram(
        kind="organisaatio",
        key=committee_id,
        dot=dot.source(),
        title=f"{root_name}: organisaatiokaavio",
        desc=f"{root_name} ja sen alaiset toimielimet "
             f"({fi.count(subs, 'toimielin', 'toimielintä')})"
             + "".join(f", {relation_types.inverse(k)} {graph.name(b)}" for b, k in above)
             + f". Korostettuna tämä sivu: {committees[committee_id].name}.",
        caption=f"{root_name}: organisaatio. Tämän sivun toimielin on korostettu.",
        legend=tuple(legend),
    )
