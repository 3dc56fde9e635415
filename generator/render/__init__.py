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

    Diagrams come from the project's disk cache (``.cache/diagrams``); those not cached are
    drawn first, several ``dot`` processes at a time, before any page asks for them.
    """
    from ..calendar import render_calendar
    from ..diagrams import cache_folder, diagram_session, prepare, render_diagram_pages
    from ..handouts import render_handouts
    from .export import render_data
    from .pages import render_pages

    outputs = Outputs()
    with paused_gc(), diagram_session(cache_folder(config)):
        prepare(graph)
        outputs.extend(render_pages(graph, config))
        outputs.extend(render_data(graph, config))
        outputs.extend(render_calendar(graph, config))
        outputs.extend(render_diagram_pages(graph, config))
        if config.handouts:
            outputs.extend(render_handouts(graph, config))
    return outputs
