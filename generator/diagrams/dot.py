"""A small DOT builder. Every label and attribute value goes through :mod:`generator.escape`.

Attribute values are plain strings (quoted with :func:`~generator.escape.dot_string`) or
:class:`Html` fragments (Graphviz HTML-like labels), which only the helpers below build:
:func:`text` escapes and wraps content text, :func:`tag` wraps fragments in markup whose
names and attributes come from this code, never from content.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import escape

FONT = "Helvetica"
FONT_SIZE = 14
SMALL_SIZE = 13  # the smallest text; the page lets a diagram scroll before it shrinks below
MIN_TEXT_PX = 10  # …this many CSS pixels; a full-screen view shows it at 13


@dataclass(frozen=True)
class Html:
    """A fragment of a Graphviz HTML-like label that is already escaped."""

    markup: str

    def __add__(self, other: Html) -> Html:
        return Html(self.markup + other.markup)


def text(value: object, width: int | None = None, *, align: str = "CENTER") -> Html:
    """Content text for an HTML-like label: escaped, wrapped to ``width`` characters."""
    lines = escape.wrap_label(value, width) if width else [str(value)]
    return Html(escape.dot_html_label("\n".join(lines), align=align))


def tag(name: str, body: Html, **attrs: str | int) -> Html:
    """``<NAME attr="…">body</NAME>``; attribute values are escaped."""
    rendered = "".join(
        f' {key.upper().replace("_", "-")}="{escape.html_text(value)}"'
        for key, value in attrs.items()
    )
    return Html(f"<{name}{rendered}>{body.markup}</{name}>")


def join(parts: list[Html]) -> Html:
    return Html("".join(p.markup for p in parts))


def row(cell: Html, **attrs: str | int) -> Html:
    """One table row with one cell."""
    return tag("TR", tag("TD", cell, **attrs))


def table(rows: list[Html], **attrs: str | int) -> Html:
    settings: dict[str, str | int] = {"border": 0, "cellborder": 0, "cellspacing": 2,
                                      "cellpadding": 3}
    settings.update(attrs)
    return tag("TABLE", join(rows), **settings)


def font(body: Html, *, size: int | None = None, color: str | None = None) -> Html:
    attrs: dict[str, str | int] = {}
    if size:
        attrs["point_size"] = size
    if color:
        attrs["color"] = color
    return tag("FONT", body, **attrs) if attrs else body


def bold(body: Html) -> Html:
    return tag("B", body)


Value = str | int | float | Html


def _attrs(attrs: dict[str, Value]) -> str:
    parts = []
    for key, value in attrs.items():
        if isinstance(value, Html):
            parts.append(f"{key}=<{value.markup}>")
        else:
            parts.append(f"{key}={escape.dot_string(value)}")
    return ", ".join(parts)


@dataclass
class Digraph:
    """A directed graph that renders to DOT source in insertion order (deterministic)."""

    name: str
    graph: dict[str, Value] = field(default_factory=dict)
    node_defaults: dict[str, Value] = field(default_factory=dict)
    edge_defaults: dict[str, Value] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def node(self, node_id: str, **attrs: Value) -> None:
        self.lines.append(f"  {escape.dot_string(node_id)} [{_attrs(attrs)}];")

    def edge(self, tail: str, head: str, **attrs: Value) -> None:
        self.lines.append(
            f"  {escape.dot_string(tail)} -> {escape.dot_string(head)} [{_attrs(attrs)}];"
        )

    def subgraph(self, name: str, **attrs: Value) -> None:
        """Open ``subgraph name {`` with graph attributes; close with :meth:`end`."""
        self.lines.append(f"  subgraph {escape.dot_string(name)} {{")
        if attrs:
            self.lines.append(f"  graph [{_attrs(attrs)}];")

    def end(self) -> None:
        self.lines.append("  }")

    def source(self) -> str:
        head = [f"digraph {escape.dot_string(self.name)} {{"]
        for kind, attrs in (("graph", self.graph), ("node", self.node_defaults),
                            ("edge", self.edge_defaults)):
            if attrs:
                head.append(f"  {kind} [{_attrs(attrs)}];")
        return "\n".join([*head, *self.lines, "}"]) + "\n"
