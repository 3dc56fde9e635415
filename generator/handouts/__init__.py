"""Printable PDF handouts with WeasyPrint (to be completed by the handouts work)."""

from __future__ import annotations

from ..render.site import Output, SiteConfig
from ..resolve import Graph


def handout_path(entity_id: str) -> str:
    """Docs-root path of an entity's PDF handout."""
    return f"pdf/{entity_id}.pdf"


def render_handouts(graph: Graph, config: SiteConfig) -> list[Output]:
    """One PDF per process, committee and meeting, and the induction pack."""
    return []
