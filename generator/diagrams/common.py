"""Defaults shared by every diagram: fonts, colours, sizes."""

from __future__ import annotations

from .dot import FONT, FONT_SIZE, SMALL_SIZE, Digraph, Html, bold, font, row, table, text
from .palette import INK, LINE, MUTED, NODE

TITLE_WIDTH = 22  # characters per line in a node's title
SMALL_WIDTH = 26


def digraph(name: str, *, rankdir: str = "TB", **graph_attrs: str | float) -> Digraph:
    """A graph with the site's fonts and palette as defaults (no white background)."""
    return Digraph(
        name,
        graph={"rankdir": rankdir, "bgcolor": "transparent", "fontname": FONT,
               "fontsize": FONT_SIZE, "fontcolor": INK.light, "pad": 0.1,
               "nodesep": 0.35, "ranksep": 0.45, **graph_attrs},
        node_defaults={"fontname": FONT, "fontsize": FONT_SIZE, "fontcolor": INK.light,
                       "color": LINE.light, "penwidth": 1.2, "shape": "box",
                       "style": "rounded,filled", "fillcolor": NODE.light,
                       "margin": "0.12,0.06"},
        edge_defaults={"fontname": FONT, "fontsize": SMALL_SIZE, "fontcolor": INK.light,
                       "color": LINE.light, "penwidth": 1.2, "arrowsize": 0.8},
    )


def title_cell(value: str, width: int = TITLE_WIDTH) -> Html:
    return row(bold(text(value, width)))


def small_cell(value: str, width: int = SMALL_WIDTH, *, muted: bool = True) -> Html:
    return row(font(text(value, width), size=SMALL_SIZE,
                    color=MUTED.light if muted else INK.light))


def label(rows: list[Html]) -> Html:
    return table(rows)

