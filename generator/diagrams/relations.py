"""Relation graph of bodies and committees: typed relations, appointments, parents.

Relations may also point at topics (a survey carried out, a system maintained, an
agreement's parties): those are drawn as a third node shape."""

from __future__ import annotations

from dataclasses import dataclass

from ..core import relation_types
from ..core.relation_types import PARENT_EDGE
from ..graph import Graph
from .common import digraph, label, small_cell, title_cell
from .dot import Digraph, Html, Value, bold, font, row, text
from .figure import Diagram, LegendItem, entity_link
from .palette import COMMITTEE, CURRENT, CURRENT_LINE, NODE, TOPIC

_EDGE_STYLE: dict[str, dict[str, Value]] = {
    "asettaa": {"penwidth": 2.2},
    "jäsen": {"style": "dashed"},
    PARENT_EDGE: {"style": "dashed", "arrowhead": "empty"},
}
#: Node look per entity kind: shape, Graphviz style, fill, CSS class.
_NODE_LOOK: dict[str, tuple[str, str, str, str]] = {
    "body": ("box", "filled", NODE.light, "dg-body"),
    "committee": ("box", "rounded,filled", COMMITTEE.light, "dg-committee"),
    "topic": ("note", "filled", TOPIC.light, "dg-topic"),
}


@dataclass(frozen=True, order=True)
class Edge:
    """``source`` —type→ ``target``, with the editor's note."""

    source: str
    type: str
    target: str
    note: str = ""

    @property
    def verb(self) -> str:
        """The label on the arrow (read: source VERB target); *kuuluu* for a parent."""
        return relation_types.verb(self.type)


def relation_edges(graph: Graph) -> list[Edge]:
    """Every relation between bodies and committees, sorted, without duplicates.

    Typed ``relations`` of bodies (and of committees), ``appointed_by`` as *asettaa*, and
    ``parent`` (a unit or sub-committee) as *kuuluu*. Computed once per graph (do not
    mutate the list).
    """
    return graph.memo("relation_edges", lambda: _relation_edges(graph))


def edges_by_entity(graph: Graph) -> dict[str, list[Edge]]:
    """:func:`relation_edges` by each end (an edge's source and target), in the same order."""

    def index() -> dict[str, list[Edge]]:
        found: dict[str, list[Edge]] = {}
        for edge in relation_edges(graph):
            found.setdefault(edge.source, []).append(edge)
            if edge.target != edge.source:
                found.setdefault(edge.target, []).append(edge)
        return found

    return graph.memo("relation_edges_by_entity", index)


def _relation_edges(graph: Graph) -> list[Edge]:
    edges: dict[tuple[str, str, str], Edge] = {}

    def add(source: str, kind: str, target: str, note: str | None = None) -> None:
        if source in graph and target in graph and source != target:
            edges.setdefault((source, kind, target), Edge(source, kind, target, note or ""))

    actors = {**graph.bodies, **graph.committees}
    for source in sorted(actors):
        for relation in getattr(actors[source], "relations", []):
            add(source, relation.type, relation.target, relation.note)
    for cid, committee in sorted(graph.committees.items()):
        if committee.appointed_by:
            add(committee.appointed_by, "asettaa", cid)
        if committee.parent:
            add(cid, PARENT_EDGE, committee.parent)
    for bid, body in sorted(graph.bodies.items()):
        if body.parent:
            add(bid, PARENT_EDGE, body.parent)
    return sorted(edges.values())


def _node(dot_graph: Digraph, graph: Graph, entity_id: str, focus: str | None) -> None:
    entity = graph.entity(entity_id)
    shape, style, fill, css_class = _NODE_LOOK[graph.kind_of(entity_id)]
    rows: list[Html] = [title_cell(entity.display_name)]
    abbreviation = getattr(entity, "abbreviation", None)
    if abbreviation:
        rows.append(small_cell(abbreviation))
    attrs: dict[str, Value] = {
        "id": f"rel-{entity_id}", "shape": shape, "style": style, "fillcolor": fill,
    }
    classes = [css_class]
    if entity_id == focus:
        rows.append(row(font(bold(text("(tämä sivu)")))))
        attrs.update(fillcolor=CURRENT.light, color=CURRENT_LINE.light, penwidth=3)
        classes.append("dg-current")
    else:
        attrs.update(href=entity_link(entity_id), tooltip=entity.display_name)
    dot_graph.node(f"rel-{entity_id}", label=label(rows), **attrs,
                   **{"class": " ".join(classes)})


def relation_diagram(graph: Graph, focus_id: str | None = None) -> Diagram | None:
    """The site-wide graph, or the neighbourhood of ``focus_id``; ``None`` if no relations."""
    edges = (relation_edges(graph) if focus_id is None
             else edges_by_entity(graph).get(focus_id, []))
    if not edges:
        return None
    nodes = sorted({e.source for e in edges} | {e.target for e in edges})
    name = "suhteet" if focus_id is None else f"suhteet-{focus_id}"
    dot = digraph(name, rankdir="LR" if focus_id is None else "TB", nodesep=0.3,
                  ranksep=0.6 if focus_id is None else 0.5)
    for entity_id in nodes:
        _node(dot, graph, entity_id, focus_id)
    for edge in edges:
        dot.edge(f"rel-{edge.source}", f"rel-{edge.target}", label=edge.verb,
                 **_EDGE_STYLE.get(edge.type, {}), **{"class": f"dg-rel dg-rel-{edge.type}"})
    if focus_id is None:
        legend = [
            LegendItem("Organisaatio", swatch=NODE, note="suorakulmio"),
            LegendItem("Toimielin", swatch=COMMITTEE, note="pyöristetyt kulmat"),
        ]
        if any(graph.kind_of(n) == "topic" for n in nodes):
            legend.append(LegendItem("Aihe", swatch=TOPIC,
                                     note="taitettu kulma: esim. kysely, sopimus tai "
                                     "tietojärjestelmä"))
        legend.append(LegendItem("Nuolen teksti", symbol="→", note="suhteen laji luettuna "
                                 "nuolen suuntaan: lähtö + verbi + kohde"))
        focus_name = ""
        title = "Organisaatioiden ja toimielinten suhteet"
        caption = ("Organisaatioiden ja toimielinten suhteet: kuka asettaa, ohjaa, rahoittaa, "
                   "tukee tai koordinoi ketä, ja mitä ne toteuttavat, ylläpitävät tai hakevat.")
    else:
        focus_name = graph.name(focus_id)
        legend = [
            LegendItem(graph.name(e.target if e.source == focus_id else e.source),
                       entity=e.target if e.source == focus_id else e.source,
                       before=(f"{focus_name} → {e.verb} → " if e.source == focus_id
                               else ""),
                       after=("" if e.source == focus_id else f" → {e.verb} → {focus_name}"))
            for e in edges
        ]
        title = f"{focus_name}: suhteet"
        caption = f"{focus_name}: suhteet muihin organisaatioihin, toimielimiin ja aiheisiin."
    count = len(edges)
    desc = (f"Suhdekaavio: {len(nodes)} organisaatiota, toimielintä tai aihetta ja {count} "
            f"{'suhde' if count == 1 else 'suhdetta'}; jokainen nuoli on nimetty verbillä. "
            "Samat suhteet ovat sivulla myös tekstinä.")
    return Diagram(kind="suhteet", key=focus_id or "kaikki", dot=dot.source(), title=title,
                   desc=desc, caption=caption, legend=tuple(legend))
