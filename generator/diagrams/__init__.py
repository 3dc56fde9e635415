"""Build-time SVG diagrams with Graphviz (to be completed by the diagrams work).

Each function returns inline SVG markup (a :class:`markupsafe.Markup`) or an empty string;
templates call them through the ``diagrams`` global.
"""

from __future__ import annotations

from markupsafe import Markup

from ..render.site import Output, SiteConfig
from ..resolve import Graph


def process_flow(graph: Graph, process_id: str) -> Markup:
    return Markup("")


def org_chart(graph: Graph, committee_id: str) -> Markup:
    return Markup("")


def relation_graph(graph: Graph, focus_id: str | None = None) -> Markup:
    return Markup("")


def timeline(graph: Graph, committee_id: str) -> Markup:
    return Markup("")


def render_diagram_pages(graph: Graph, config: SiteConfig) -> list[Output]:
    """Pages that exist for a diagram alone (the site-wide relation graph)."""
    return []
