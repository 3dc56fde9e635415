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

import hashlib
from collections.abc import Callable
from pathlib import Path

from markupsafe import Markup

from .. import fi
from ..core.fingerprint import code_fingerprint
from ..graph import Graph
from ..site.output import Output, SiteConfig
from ..site.paths import RELATIONS_PAGE, entity_path
from ..site.templates import render
from .dot import SMALL_SIZE
from .dot_process import DiagramError
from .figure import Diagram, figure_key, render_figure
from .org import org_diagram, root_of
from .process import process_diagram
from .relations import relation_diagram, relation_edges
from .session import CACHE_FOLDER, current_session, diagram_session
from .timeline import timeline_diagram

__all__ = [
    "RELATIONS_PAGE",
    "SMALL_SIZE",
    "DiagramError",
    "cache_folder",
    "current_session",
    "diagram_session",
    "org_chart",
    "page_diagrams",
    "prepare",
    "process_flow",
    "relation_graph",
    "render_diagram_pages",
    "root_of",
    "timeline",
]


def _diagram(graph: Graph, build: Callable[[Graph, str], Diagram | None],
             entity_id: str) -> Diagram | None:
    """``build(graph, entity_id)``, once per graph: pages and handouts show the same
    diagrams, and the build draws them all ahead (:func:`page_diagrams`)."""
    return graph.memo(("diagram", build.__name__, entity_id),
                      lambda: build(graph, entity_id))


def _site_relations(graph: Graph) -> Diagram | None:
    return graph.memo(("diagram", "relations", None), lambda: relation_diagram(graph))


def _figure(graph: Graph, diagram: Diagram | None, default_page: str, page: str | None,
            links: bool, base_url: str | None, print_copy: str | None = None) -> Markup:
    if diagram is None:
        return Markup("")
    return render_figure(graph, diagram, page=page or default_page, links=links,
                         base_url=base_url, print_copy=print_copy)


def process_flow(graph: Graph, process_id: str, *, page: str | None = None,
                 links: bool = True, base_url: str | None = None,
                 print_copy: str | None = None) -> Markup:
    """Flow of a process: start, phases with actors, decisions with labelled branches, end.
    ``print_copy``: the address of its PDF handout, named in print if the flow is too tall
    to print inline."""
    return _figure(graph, _diagram(graph, process_diagram, process_id),
                   entity_path(graph, process_id), page, links, base_url, print_copy)


def org_chart(graph: Graph, committee_id: str, *, page: str | None = None,
              links: bool = True, base_url: str | None = None) -> Markup:
    """The committee tree ``committee_id`` belongs to, with it highlighted."""
    return _figure(graph, _diagram(graph, org_diagram, committee_id),
                   entity_path(graph, committee_id), page, links, base_url)


def relation_graph(graph: Graph, focus_id: str | None = None, *, page: str | None = None,
                   links: bool = True, base_url: str | None = None) -> Markup:
    """All relations between bodies and committees, or those of ``focus_id``."""
    default = entity_path(graph, focus_id) if focus_id else RELATIONS_PAGE
    diagram = (_diagram(graph, relation_diagram, focus_id) if focus_id
               else _site_relations(graph))
    return _figure(graph, diagram, default, page, links, base_url)


def timeline(graph: Graph, committee_id: str, *, page: str | None = None,
             links: bool = True, base_url: str | None = None) -> Markup:
    """A committee's term and milestones in time order."""
    return _figure(graph, _diagram(graph, timeline_diagram, committee_id),
                   entity_path(graph, committee_id), page, links, base_url)


def render_diagram_pages(graph: Graph, config: SiteConfig) -> list[Output]:
    """Pages that exist for a diagram alone: the site-wide relation graph."""
    edges = sorted(relation_edges(graph), key=lambda e: (
        fi.sort_key(graph.name(e.source)), e.verb, fi.sort_key(graph.name(e.target))))
    text = render("diagrams/relations.md.j2", graph, RELATIONS_PAGE,
                  figure=relation_graph(graph), edges=edges)
    return [Output(RELATIONS_PAGE, text)]


def page_diagrams(graph: Graph) -> list[Diagram]:
    """Every diagram the site's pages show (the handouts show some of the same): a
    process's flow, a committee's chart and timeline, a body's relations, and all
    relations. A build draws them ahead, in parallel (:func:`prepare`); a diagram missing
    here is still drawn when its page asks for it, one at a time."""
    found = [_diagram(graph, process_diagram, i) for i in graph.processes]
    for committee_id in graph.committees:
        found += [_diagram(graph, org_diagram, committee_id),
                  _diagram(graph, timeline_diagram, committee_id)]
    found += [_diagram(graph, relation_diagram, i) for i in graph.bodies]
    found.append(_site_relations(graph))
    return [d for d in found if d is not None]


def prepare(graph: Graph) -> None:
    """Draw the :func:`page_diagrams` whose finished figures the current
    :func:`diagram_session`'s disk cache lacks, many to a ``dot`` process, one process per
    CPU. Nothing to do when the content and the code are those of the last build that
    drew them ahead and its figures are all in the cache: then even building the diagrams'
    sources (~0.06 s at 1,000 entities, before the pages can be shared among processes)
    is left to the pages that show them."""
    session = current_session()
    if session is None:
        return
    code = code_fingerprint()
    inputs = None if code is None else hashlib.sha256(
        f"{graph.content_digest()}\0{code}\0{session.graphviz()[1]}".encode()).hexdigest()
    if inputs is not None and session.prefetched(inputs):
        return
    wanted = [(d.dot, d.name, figure_key(session, d)) for d in page_diagrams(graph)]
    session.prefetch(wanted)
    if inputs is not None:
        session.remember_prefetch(inputs, (key for _, _, key in wanted))


def cache_folder(config: SiteConfig) -> Path | None:
    """The build's diagram cache: ``.cache/diagrams`` under the project root, if known."""
    root = config.project_root
    return root / CACHE_FOLDER if root is not None else None
