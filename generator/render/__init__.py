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

    Diagrams come from the project's disk cache (``.cache/diagrams``); the ones it lacks are
    drawn first, many to a ``dot`` process. Then the pages, feeds and exports are rendered
    on every CPU (:mod:`.parallel`).
    """
    from ..calendar import render_calendar
    from ..diagrams import cache_folder, diagram_session, prepare, render_diagram_pages
    from ..handouts import render_handouts, size_labels
    from .export import render_data
    from .pages import page_tasks
    from .parallel import run_tasks

    outputs = Outputs()
    with paused_gc(), diagram_session(cache_folder(config)):
        prepare(graph)  # before forking: the workers inherit the drawn diagrams
        # The PDFs before the pages: a page's download link says the PDF's pages and size.
        pdfs = render_handouts(graph, config) if config.handouts else []
        tasks = [
            *page_tasks(graph, config, pdf_labels=size_labels(pdfs)),
            lambda: render_data(graph, config),
            lambda: render_calendar(graph, config),
            lambda: render_diagram_pages(graph, config),
        ]
        outputs.extend(run_tasks(tasks, config.jobs))
        outputs.extend(pdfs)
    return outputs
