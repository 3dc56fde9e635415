"""The site's diagram figures, laid out for A4 paper with every label at least 8 pt.

A diagram's SVG is drawn in CSS pixels (1 px = 0.75 pt) and its smallest labels are
:data:`~generator.diagrams.dot.SMALL_SIZE` px, so it may be printed at no less than
:data:`MIN_SCALE` of its natural size. A figure that fits the page at that scale is shown
whole; a tall flow is cut between its nodes into parts that stand side by side (columns)
or follow each other, each part a clipped view of the same SVG with only its own labels,
so no text is printed twice. A figure too wide even for that gets a landscape page.

The legend's colour swatches become CSS boxes (``print-color-adjust: exact``): the site's
swatches are small SVGs that a tagged PDF would report as figures without a text.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup

from ..diagrams import SMALL_SIZE

MIN_TEXT_PT = 8.0
PX_PT = 0.75  # one CSS pixel in points
MIN_SCALE = MIN_TEXT_PT / (SMALL_SIZE * PX_PT) * 1.01  # a hair above, for rounding
# The boxes a figure may take, in CSS px at 96 dpi: the portrait text column 186 mm
# (12 mm side margins, handout.css); a landscape page 273 mm x 150 mm.
COLUMN_PX = 703.0
SIDE_PX = (234.0, 870.0)  # the 62 mm column beside a process's text, 230 mm tall
LANDSCAPE_PX = (1031.0, 560.0)
PART_MAX_PX = 880.0  # one part at most a page tall (233 mm)
PART_AIM_PX = 430.0  # …and split to about this (114 mm), so parts fill pages
GAP_PX = 18.0
SCALES = (1.0, 0.93, 0.87, MIN_SCALE)

_VIEWBOX = re.compile(r'viewBox="([-\d.]+) ([-\d.]+) ([\d.]+) ([\d.]+)"')
_TRANSLATE = re.compile(r'class="graph" transform="[^"]*translate\(([-\d.]+) ([-\d.]+)\)"')
_SVG = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" viewBox=.*?</svg>', re.DOTALL)
_GROUP = re.compile(r'(?=<g id="[^"]*" class="(?:node|edge)\b)')
_TEXT = re.compile(r'<text\b[^>]*\by="([-\d.]+)"[^>]*>.*?</text>\n?', re.DOTALL)
_COORDS = re.compile(r'(?:points|d)="([^"]*)"')
_NUMBER_PAIR = re.compile(r'(-?[\d.]+),(-?[\d.]+)')
_ELLIPSE = re.compile(r'cy="([-\d.]+)"[^>]*?ry="([\d.]+)"')
_SWATCH = re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" class="dg-swatch".*?'
                     r'fill="(#[0-9a-fA-F]{3,8})".*?</svg>', re.DOTALL)
_FIGURE_ID = re.compile(r'<figure class="diagram[^"]*" id="([^"]+)"')
_CAPTION = re.compile(r"<figcaption[^>]*>(.*?)</figcaption>", re.DOTALL)
_LEGEND = re.compile(r'<ul class="diagram-legend".*?</ul>', re.DOTALL)


@dataclass(frozen=True)
class Part:
    """One clipped view of a diagram's SVG, printed ``width`` x ``height`` px."""

    svg: Markup
    width: float
    height: float
    number: int = 1


@dataclass(frozen=True)
class PrintFigure:
    """A diagram laid out for print.

    ``layout`` is ``side`` (the column beside a process's text), ``page`` (full width of a
    portrait page), ``wide`` (a landscape page) or ``""`` (no diagram). ``rows`` hold the
    parts; a row's parts stand side by side.
    """

    layout: str
    rows: list[list[Part]]
    caption: Markup
    legend: Markup
    scale: float
    ident: str

    @property
    def parts(self) -> int:
        return sum(len(row) for row in self.rows)

    def __bool__(self) -> bool:
        return bool(self.layout)


def swatches_as_boxes(html: str) -> str:
    """The legend's swatch SVGs as coloured boxes (artifacts in a tagged PDF)."""
    return _SWATCH.sub(
        lambda m: f'<span class="swatch" style="background-color:{m.group(1)}"></span>', html)


def _size(svg: str) -> tuple[float, float, float, float]:
    match = _VIEWBOX.search(svg)
    assert match is not None, "diagram SVG without a viewBox"
    x, y, w, h = (float(g) for g in match.groups())
    return x, y, w, h


def _obstacles(body: str, offset: float) -> list[tuple[float, float]]:
    """Vertical extents (viewBox y) of the nodes and of every label: no cut goes through."""
    spans = []
    for group in _GROUP.split(body):
        if 'class="node' in group:
            ys = [float(y) for coords in _COORDS.findall(group)
                  for _, y in _NUMBER_PAIR.findall(coords)]
            for cy, ry in _ELLIPSE.findall(group):
                ys += [float(cy) - float(ry), float(cy) + float(ry)]
            if ys:
                spans.append((min(ys) + offset - 2, max(ys) + offset + 2))
        for y in _TEXT.findall(group):
            spans.append((float(y) + offset - SMALL_SIZE - 4, float(y) + offset + 5))
    return sorted(spans)


def _cuts(height: float, spans: list[tuple[float, float]], parts: int) -> list[float]:
    """Up to ``parts - 1`` cut lines (viewBox y) in the free gaps nearest to even parts."""
    free = []
    reach = 0.0
    for top, bottom in spans:
        if top > reach:
            free.append((reach, top))
        reach = max(reach, bottom)
    if reach < height:
        free.append((reach, height))
    gaps = sorted({round((a + b) / 2, 1) for a, b in free
                   if b - a >= 6 and 20 < (a + b) / 2 < height - 20})
    # the cuts that make the tallest part least (few gaps: a small dynamic programme)
    points = [0.0, *gaps, height]
    best: dict[tuple[int, int], tuple[float, list[float]]] = {(0, 0): (0.0, [])}
    for used in range(1, parts + 1):
        for end in range(1, len(points)):
            if used == parts and end != len(points) - 1:
                continue
            options = [(max(best[(used - 1, start)][0], points[end] - points[start]),
                        [*best[(used - 1, start)][1], points[end]])
                       for start in range(end) if (used - 1, start) in best]
            if options:
                best[(used, end)] = min(options, key=lambda option: option[0])
    found = best.get((parts, len(points) - 1))
    return found[1][:-1] if found else []


def _part_svg(svg: str, ident: str, index: int, count: int, top: float, bottom: float,
              offset: float, scale: float) -> Part:
    """The view of ``svg`` between viewBox y ``top`` and ``bottom``; labels outside it
    are removed (their shapes are clipped by the view box)."""
    x, _, w, _ = _size(svg)
    height = bottom - top

    def keep(match: re.Match[str]) -> str:
        y = float(match.group(1)) + offset
        return match.group(0) if top <= y <= bottom else ""

    part = _VIEWBOX.sub(f'viewBox="{x:.2f} {top:.2f} {w:.2f} {height:.2f}"', svg, count=1)
    part = re.sub(r'height="[\d.]+"', f'height="{height:.1f}"', part, count=1)
    if count > 1:
        part = _TEXT.sub(keep, part)
        part = part.replace(f'{ident}-', f'{ident}-osa{index}-')
        part = re.sub(r"(</title>)", f" (osa {index}/{count})\\1", part, count=1)
    return Part(Markup(part), round(w * scale, 1), round(height * scale, 1), index)


def _layout(width: float, height: float, avail: float, spans: list[tuple[float, float]]
            ) -> tuple[float, int, list[float]]:
    """The scale, number of columns and cut lines to print the diagram: the largest scale
    whose printed height is within a tenth of the least possible."""
    options: list[tuple[float, float, int, list[float]]] = []
    for scale in SCALES:
        if width * scale > avail:
            continue
        total = height * scale
        columns = max(1, int((avail + GAP_PX) // (width * scale + GAP_PX)))
        if columns > 1:
            parts = min(columns, max(1, math.ceil(total / PART_AIM_PX)))
        else:
            parts = 1 if total <= PART_MAX_PX else math.ceil(total / PART_AIM_PX)
        while total / parts > PART_MAX_PX:
            parts += 1
        cuts = _cuts(height, spans, parts)
        bounds = [0.0, *cuts, height]
        tallest = max(b - a for a, b in pairwise(bounds)) * scale
        rows = math.ceil((len(cuts) + 1) / columns)
        options.append((rows * tallest, scale, columns, cuts))
    least = min(option[0] for option in options)
    _, scale, columns, cuts = next(o for o in options if o[0] <= least * 1.1)
    return scale, columns, cuts


def print_figure(figure: Markup | str, *, side: bool = False) -> PrintFigure:
    """``figure`` (the site's ``<figure>`` markup) laid out for print; ``side`` allows the
    column beside a process's text."""
    html = str(figure)
    found = _SVG.search(html)
    if found is None:
        return PrintFigure("", [], Markup(""), Markup(""), 1.0, "")
    svg = found.group(0)
    ident_match = _FIGURE_ID.search(html)
    ident = ident_match.group(1) if ident_match else "dg"
    caption_match = _CAPTION.search(html)
    caption = Markup(caption_match.group(1).strip()) if caption_match else Markup("")
    legend_match = _LEGEND.search(html)
    legend = Markup(swatches_as_boxes(legend_match.group(0))) if legend_match else Markup("")
    _, _, width, height = _size(svg)
    translate = _TRANSLATE.search(svg)
    offset = float(translate.group(2)) if translate else 0.0
    if side:
        scale = min(1.0, SIDE_PX[0] / width, SIDE_PX[1] / height)
        if scale >= MIN_SCALE:
            part = _part_svg(svg, ident, 1, 1, 0.0, height, offset, scale)
            return PrintFigure("side", [[part]], caption, legend, scale, ident)
    spans = _obstacles(svg, offset)
    if width * MIN_SCALE <= COLUMN_PX:
        layout, avail = "page", COLUMN_PX
    else:
        layout, avail = "wide", LANDSCAPE_PX[0]
    scale, columns, cuts = _layout(width, height, avail, spans)
    if layout == "wide":
        scale = max(MIN_SCALE, min(scale, LANDSCAPE_PX[1] / height))
    bounds = [0.0, *cuts, height]
    parts = [_part_svg(svg, ident, i + 1, len(bounds) - 1, top, bottom, offset, scale)
             for i, (top, bottom) in enumerate(pairwise(bounds))]
    rows = [parts[i:i + columns] for i in range(0, len(parts), columns)]
    return PrintFigure(layout, rows, caption, legend, scale, ident)
