"""Render stage: the resolved graph → generated files (Markdown pages, SVG, ICS, JSON, PDF).

Each feature has its own module producing :class:`Output` objects; :func:`render_site`
collects them. Nothing here knows about MkDocs.
"""

from __future__ import annotations

from ..gcpause import paused_gc
from ..resolve import Graph
from .site import Output, Outputs, SiteConfig

__all__ = ["Output", "Outputs", "SiteConfig", "render_site"]


def render_site(graph: Graph, config: SiteConfig) -> Outputs:
    """Every generated file of the site.

    Diagrams come from the project's disk cache (``.cache/diagrams``). The pages, feeds
    and exports are rendered on every CPU (:mod:`.parallel`), each worker drawing the
    uncached diagrams of its pages; rendered here alone, the uncached diagrams are drawn
    first, several ``dot`` processes at a time.
    """
    from ..calendar import render_calendar
    from ..diagrams import cache_folder, diagram_session, prepare, render_diagram_pages
    from ..handouts import render_handouts
    from .export import render_data
    from .pages import page_tasks
    from .parallel import run_tasks, workers_for

    outputs = Outputs()
    with paused_gc(), diagram_session(cache_folder(config)) as session:
        tasks = [
            *page_tasks(graph, config),
            lambda: render_data(graph, config),
            lambda: render_calendar(graph, config),
            lambda: render_diagram_pages(graph, config),
        ]
        if workers_for(len(tasks), config.jobs) == 1:
            # Rendering here alone: draw the uncached diagrams first, a `dot` per CPU.
            # Forked workers draw each page's diagrams as they go, as many at once.
            prepare(graph)
        else:
            session.graphviz()  # `dot -V` asked once here, not once in every worker
        outputs.extend(run_tasks(tasks, config.jobs))
        if config.handouts:
            outputs.extend(render_handouts(graph, config))
    return outputs
