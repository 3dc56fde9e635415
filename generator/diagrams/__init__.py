"""Build-time SVG diagrams with Graphviz: process flows, organisation charts, relation
graphs and timelines, inlined into pages as ``<figure class="diagram">``.

Each function returns the figure as :class:`markupsafe.Markup` (or an empty ``Markup`` when
there is nothing to draw); templates call them through the ``diagrams`` global. They render
for the page of the entity by default; pass ``page`` (a docs path such as
``prosessit/index.md``) to inline a figure elsewhere, ``links=False`` for output without
links, or ``base_url`` for absolute links (e.g. in PDF handouts).

A missing ``dot`` raises :class:`DiagramError` with one message naming the Debian package;
the MkDocs plugin and the CLI report it without a traceback.
"""

from __future__ import annotations

from markupsafe import Markup

from .. import fi
from ..render.env import entity_path, render
from ..render.site import Output, SiteConfig
from ..resolve import Graph
from .figure import Diagram, render_figure
from .graphviz import DiagramError
from .org import org_diagram
from .process import process_diagram
from .relations import relation_diagram, relation_edges
from .timeline import timeline_diagram

RELATIONS_PAGE = "organisaatiot/suhteet.md"

__all__ = [
    "RELATIONS_PAGE",
    "DiagramError",
    "org_chart",
    "process_flow",
    "relation_graph",
    "render_diagram_pages",
    "timeline",
]


def _figure(graph: Graph, diagram: Diagram | None, default_page: str, page: str | None,
            links: bool, base_url: str | None) -> Markup:
    if diagram is None:
        return Markup("")
    return render_figure(graph, diagram, page=page or default_page, links=links,
                         base_url=base_url)


def process_flow(graph: Graph, process_id: str, *, page: str | None = None,
                 links: bool = True, base_url: str | None = None) -> Markup:
    """Flow of a process: start, phases with actors, decisions with labelled branches, end."""
    return _figure(graph, process_diagram(graph, process_id),
                   entity_path(graph, process_id), page, links, base_url)


def org_chart(graph: Graph, committee_id: str, *, page: str | None = None,
              links: bool = True, base_url: str | None = None) -> Markup:
    """The committee tree ``committee_id`` belongs to, with it highlighted."""
    return _figure(graph, org_diagram(graph, committee_id),
                   entity_path(graph, committee_id), page, links, base_url)


def relation_graph(graph: Graph, focus_id: str | None = None, *, page: str | None = None,
                   links: bool = True, base_url: str | None = None) -> Markup:
    """All relations between bodies and committees, or those of ``focus_id``."""
    default = entity_path(graph, focus_id) if focus_id else RELATIONS_PAGE
    return _figure(graph, relation_diagram(graph, focus_id), default, page, links, base_url)


def timeline(graph: Graph, committee_id: str, *, page: str | None = None,
             links: bool = True, base_url: str | None = None) -> Markup:
    """A committee's term and milestones in time order."""
    return _figure(graph, timeline_diagram(graph, committee_id),
                   entity_path(graph, committee_id), page, links, base_url)


def render_diagram_pages(graph: Graph, config: SiteConfig) -> list[Output]:
    """Pages that exist for a diagram alone: the site-wide relation graph."""
    edges = sorted(relation_edges(graph), key=lambda e: (
        fi.sort_key(graph.name(e.source)), e.verb, fi.sort_key(graph.name(e.target))))
    text = render("diagrams/relations.md.j2", graph, RELATIONS_PAGE,
                  figure=relation_graph(graph), edges=edges)
    return [Output(RELATIONS_PAGE, text)]
