"""Graphviz SVG → markup ready to inline in a page (and in WeasyPrint's HTML).

* the XML prolog, DOCTYPE and comments (Graphviz's version stamp) go: output is byte-stable;
* every ``id`` gets a per-diagram prefix, so several diagrams fit on one page;
* ``role="img"`` and ``aria-labelledby`` point at a new ``<title>`` and ``<desc>``; the
  per-node ``<title>`` elements (Graphviz's internal node names) go;
* every painted element gets a class per palette colour, for the dark scheme;
* links (``<a>``) are taken out of the picture and returned as boxes: an element with
  ``role="img"`` must not contain focusable content (axe ``nested-interactive``), so the
  links live in a separate, ``aria-hidden`` overlay (see :func:`link_overlay`), and the
  same links are in the legend under the figure for keyboard and screen-reader users.
"""

from __future__ import annotations

import hashlib
import json
import platform
import re
import xml.etree.ElementTree as ET
from dataclasses import astuple, dataclass
from pathlib import Path

from .. import escape
from .palette import BY_LIGHT

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_S = f"{{{SVG_NS}}}"
_HREF = f"{{{XLINK_NS}}}href"
_XTITLE = f"{{{XLINK_NS}}}title"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@dataclass(frozen=True)
class LinkBox:
    """A link taken out of the picture: its target, name and box in the graph's units."""

    target: str
    label: str
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class FinishedSvg:
    markup: str
    width: float
    height: float
    view_box: str
    transform: str
    links: tuple[LinkBox, ...]

    def to_json(self) -> str:
        """Exact round trip with :meth:`from_json` (floats are written as ``repr``)."""
        return json.dumps([self.markup, self.width, self.height, self.view_box,
                           self.transform, [astuple(link) for link in self.links]],
                          ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> FinishedSvg:
        markup, width, height, view_box, transform, links = json.loads(text)
        return cls(markup, float(width), float(height), view_box, transform,
                   tuple(LinkBox(t, label, float(x), float(y), float(w), float(h))
                         for t, label, x, y, w, h in links))


def _code_version() -> str:
    """What :func:`finish`'s output depends on besides its arguments: this module, the
    palette and Python (ElementTree). Part of the key of finished figures on disk."""
    from . import palette

    digest = hashlib.sha256(f"python {platform.python_version()}".encode())
    for module in (__file__, palette.__file__):
        digest.update(Path(module).read_bytes())
    return digest.hexdigest()


FINISH_VERSION = _code_version()


def finish_key(drawn_key: str, *, prefix: str, title: str, desc: str) -> str:
    """The disk-cache key of ``finish(svg_text, …)``, where ``drawn_key`` hashes everything
    ``svg_text`` depends on (:func:`.dot_process.cache_key`)."""
    parts = json.dumps([FINISH_VERSION, drawn_key, prefix, title, desc], ensure_ascii=False)
    return hashlib.sha256(parts.encode("utf-8")).hexdigest()


def finish(svg_text: str, *, prefix: str, title: str, desc: str) -> FinishedSvg:
    """Post-process Graphviz output (see the module docstring)."""
    root = ET.fromstring(svg_text.encode("utf-8"))
    view_box = root.get("viewBox", "0 0 0 0")
    _, _, width, height = (float(n) for n in view_box.split())
    links = _take_links(root)
    _drop_node_titles(root)
    for element in root.iter():
        _prefix_id(element, prefix)
        _palette_classes(element)
    transform = next((g.get("transform", "") for g in root.iter(f"{_S}g")
                      if g.get("class") == "graph"), "")
    for name in ("width", "height"):
        root.attrib.pop(name, None)
    root.attrib.update({
        "width": _num(width), "height": _num(height), "viewBox": view_box,
        "class": "dg-svg", "role": "img",
        "aria-labelledby": f"{prefix}-title {prefix}-desc",
        "style": "display:block;width:100%;height:auto",
    })
    title_el = ET.Element(f"{_S}title", {"id": f"{prefix}-title"})
    title_el.text = title
    desc_el = ET.Element(f"{_S}desc", {"id": f"{prefix}-desc"})
    desc_el.text = desc
    root.insert(0, desc_el)
    root.insert(0, title_el)
    _tidy_whitespace(root)
    for element in root.iter():  # plain names; the root declares the namespace itself
        element.tag = element.tag.removeprefix(_S)
    root.attrib = {"xmlns": SVG_NS, **root.attrib}
    markup = ET.tostring(root, encoding="unicode")
    return FinishedSvg(markup, width, height, view_box, transform, tuple(links))


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _parents(root: ET.Element) -> dict[ET.Element, ET.Element]:
    return {child: parent for parent in root.iter() for child in parent}


def _take_links(root: ET.Element) -> list[LinkBox]:
    """Unwrap every ``<a>`` (keeping its drawing) and return the links' boxes."""
    links = []
    parents = _parents(root)
    for anchor in list(root.iter(f"{_S}a")):
        target = anchor.get(_HREF) or anchor.get("href") or ""
        label = anchor.get(_XTITLE) or ""
        box = _bbox(anchor)
        if target and box is not None:
            links.append(LinkBox(target, label, *box))
        parent = parents[anchor]
        index = list(parent).index(anchor)
        parent.remove(anchor)
        for offset, child in enumerate(list(anchor)):
            parent.insert(index + offset, child)
    return links


def _bbox(element: ET.Element) -> tuple[float, float, float, float] | None:
    xs: list[float] = []
    ys: list[float] = []
    for shape in element.iter():
        tag = shape.tag.removeprefix(_S)
        if tag == "polygon" or tag == "path":
            numbers = [float(n) for n in _NUMBER.findall(
                shape.get("points", "") if tag == "polygon" else shape.get("d", ""))]
            xs.extend(numbers[0::2])
            ys.extend(numbers[1::2])
        elif tag == "ellipse":
            cx, cy = float(shape.get("cx", 0)), float(shape.get("cy", 0))
            rx, ry = float(shape.get("rx", 0)), float(shape.get("ry", 0))
            xs.extend((cx - rx, cx + rx))
            ys.extend((cy - ry, cy + ry))
    if not xs or not ys:
        return None
    return min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)


def _drop_node_titles(root: ET.Element) -> None:
    for group in root.iter(f"{_S}g"):
        for child in list(group):
            if child.tag == f"{_S}title":
                group.remove(child)


def _prefix_id(element: ET.Element, prefix: str) -> None:
    value = element.get("id")
    if value is not None:
        element.set("id", f"{prefix}-{value}")


def _palette_classes(element: ET.Element) -> None:
    classes = [c for c in (element.get("class") or "").split() if c]
    for attr, letter in (("fill", "f"), ("stroke", "s")):
        swatch = BY_LIGHT.get((element.get(attr) or "").lower())
        if swatch is not None:
            classes.append(f"dg-{letter}-{swatch.name}")
    if classes:
        element.set("class", " ".join(classes))


def _tidy_whitespace(root: ET.Element) -> None:
    for element in root.iter():
        if element.text is not None and not element.text.strip():
            element.text = "\n" if len(element) else None
        if element.tail is not None and not element.tail.strip():
            element.tail = "\n"
    root.tail = None


def link_overlay(svg: FinishedSvg, hrefs: dict[str, str]) -> str:
    """An ``aria-hidden`` SVG over the picture with a clickable box per link.

    ``hrefs`` maps link targets to URLs; unknown targets get no box. The boxes are for the
    mouse only (``tabindex="-1"``); the legend carries the same links for everyone else.
    """
    boxes = []
    for link in svg.links:
        href = hrefs.get(link.target)
        if href is None:
            continue
        boxes.append(
            f'<a href="{escape.html_text(href)}" tabindex="-1">'
            f"<title>{escape.html_text(link.label)}</title>"
            f'<rect x="{_num(link.x)}" y="{_num(link.y)}" width="{_num(link.width)}" '
            f'height="{_num(link.height)}" rx="3" fill="transparent"/></a>'
        )
    if not boxes:
        return ""
    return (
        f'<svg xmlns="{SVG_NS}" class="dg-links" aria-hidden="true" focusable="false" '
        f'viewBox="{escape.html_text(svg.view_box)}" '
        'style="position:absolute;top:0;left:0;width:100%;height:100%">'
        f'<g transform="{escape.html_text(svg.transform)}">' + "".join(boxes) + "</g></svg>"
    )
