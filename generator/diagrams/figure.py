"""A diagram's DOT source → ``<figure>`` markup: SVG, link overlay, caption and legend."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import cache

from jinja2 import Environment
from markupsafe import Markup

from ..graph import Graph
from ..site.paths import entity_href, entity_path
from ..site.templates import package_environment
from .dot import MIN_TEXT_PX, SMALL_SIZE
from .palette import LINE, Swatch
from .session import DiagramSession, current_session, run_dot
from .svg import FinishedSvg, finish, finish_key, link_overlay

ENTITY_LINK = "entity:"
# Printed from the browser (print.css): an A4 column 186 mm wide and 263 mm tall, in CSS px.
# Chromium cannot split an inline SVG between pages, so a figure that does not fit in the
# space left on a page moves to the next and leaves that space empty. One taller than half
# a page is not printed inline at all: a note points to the page's PDF handout instead,
# which cuts tall flows into parts (handouts/figures.py).
PRINT_COLUMN_PX = 703.0
PRINT_PAGE_PX = 994.0
PRINT_INLINE_MAX_PX = PRINT_PAGE_PX / 2


@dataclass(frozen=True)
class LegendItem:
    """One line of the legend: a colour swatch or a symbol, a label (linked to an entity)."""

    label: str
    entity: str | None = None
    swatch: Swatch | None = None
    symbol: str = ""
    note: str = ""
    before: str = ""
    after: str = ""
    href: str | None = None


@dataclass(frozen=True)
class Diagram:
    """Everything needed to draw and present one diagram."""

    kind: str
    key: str
    dot: str
    title: str
    desc: str
    caption: str
    legend: tuple[LegendItem, ...] = ()

    @property
    def name(self) -> str:
        """What error messages call the diagram, e.g. ``prosessi/typ``."""
        return f"{self.kind}/{self.key}"

    @property
    def prefix(self) -> str:
        """Prefix of the element ids of the diagram's figure (unique on a page)."""
        return f"dg-{self.kind}-{self.key}"


def entity_link(entity_id: str) -> str:
    """The link target to write into DOT; resolved per page when the figure is rendered."""
    return ENTITY_LINK + entity_id


@cache
def _environment() -> Environment:
    return package_environment("figure", autoescape=True)


def figure_key(session: DiagramSession, diagram: Diagram) -> str:
    """The disk-cache key of the diagram's finished SVG in ``session``: it covers the DOT
    source, the Graphviz version, the finishing arguments and the code of :mod:`.svg`."""
    return finish_key(session.source_key(diagram.dot), prefix=diagram.prefix,
                      title=diagram.title, desc=diagram.desc)


def _finish(diagram: Diagram) -> FinishedSvg:
    return finish(run_dot(diagram.dot, name=diagram.name), prefix=diagram.prefix,
                  title=diagram.title, desc=diagram.desc)


def _finished(diagram: Diagram) -> FinishedSvg:
    """The diagram's SVG post-processed for inlining; in a build, read from the disk cache
    (:func:`figure_key`) unless the source changed, without asking ``dot``."""
    session = current_session()
    if session is None:
        return _finish(diagram)
    text = session.derive(figure_key(session, diagram), lambda: _finish(diagram).to_json())
    return FinishedSvg.from_json(text)


def prints_inline(width: float, height: float) -> bool:
    """Whether a figure ``width`` x ``height`` px prints inline: at most half a page tall
    at its printed size (its natural size, or the column's width if it is wider)."""
    return height * min(1.0, PRINT_COLUMN_PX / width) <= PRINT_INLINE_MAX_PX


def render_figure(graph: Graph, diagram: Diagram, *, page: str | None, links: bool = True,
                  base_url: str | None = None, print_copy: str | None = None) -> Markup:
    """Inline figure for the page ``page`` (docs path; links are relative to it).
    ``print_copy`` is the address of a printable copy (the PDF handout) that a note names
    in print when the figure is too tall to print inline."""
    prefix = diagram.prefix
    svg = _finished(diagram)
    here = page or "index.md"

    def href(entity_id: str | None) -> str | None:
        """Link to another entity's page; none to the page itself."""
        if not links or entity_id is None or entity_id not in graph:
            return None
        if entity_path(graph, entity_id) == here:
            return None
        return entity_href(graph, here, entity_id, base_url=base_url)

    hrefs = {}
    for link in svg.links:
        url = href(link.target.removeprefix(ENTITY_LINK))
        if link.target.startswith(ENTITY_LINK) and url is not None:
            hrefs[link.target] = url
    legend = [replace(item, href=href(item.entity)) for item in diagram.legend]
    html = _environment().get_template("diagrams/figure.html.j2").render(
        kind=diagram.kind, prefix=prefix, svg=Markup(svg.markup),
        overlay=Markup(link_overlay(svg, hrefs)) if links else "",
        width=math.ceil(svg.width), min_width=math.ceil(svg.width * MIN_TEXT_PX / SMALL_SIZE),
        caption=diagram.caption, legend=legend, line=LINE, full_view=links,
        print_tall=not prints_inline(svg.width, svg.height), print_copy=print_copy,
    )
    lines = [line for line in html.splitlines() if line.strip()]
    return Markup("\n".join(lines) + "\n")
