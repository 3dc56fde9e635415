"""All escaping lives here: Markdown, HTML, Markdown table cells, Graphviz labels, URLs.

Content is text written by editors, never markup. Policy (documented in CONTRIBUTING.md):
raw HTML in any content field is *escaped* and shows as text; Markdown links may only point
to ``https:``, ``http:`` or ``mailto:`` targets or to site-relative paths, other targets
(``javascript:``, ``data:``, …) are rendered as plain text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

_MD_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(([^)\s]*)(\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
SAFE_SCHEMES = ("https:", "http:", "mailto:")
_MENTION = re.compile(r"\[\[([^\[\]\n]*)\]\]")


def html_text(value: object) -> str:
    """Escape text for HTML element content and attribute values."""
    return html.escape(str(value), quote=True)


def is_safe_url(url: str) -> bool:
    lowered = "".join(url.split()).lower()
    if ":" not in lowered.split("/", 1)[0]:
        return not lowered.startswith("//")  # relative path; protocol-relative is external
    return lowered.startswith(SAFE_SCHEMES)


def md_inline(value: object) -> str:
    """Plain text → Markdown that renders as exactly that text (one line)."""
    text = " ".join(str(value).split())
    text = html.escape(text, quote=False)
    return re.sub(r"([\\`*_\[\]#|!~])", r"\\\1", text)


def md_cell(value: object) -> str:
    """Plain text for a Markdown table cell."""
    return md_inline(value)


def markdown(value: str, mention: Callable[[str], str]) -> str:
    """Editor-written Markdown → safe Markdown.

    Raw HTML is escaped, unsafe link targets are dropped (the text stays), and ``[[id]]``
    becomes whatever ``mention(id)`` returns (a Markdown link).
    """
    text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # Autolinks were escaped above; bring back only safe ones.
    text = re.sub(r"&lt;(https://[^\s&]*)&gt;", r"<\1>", text)

    def link(match: re.Match[str]) -> str:
        bang, label, url, _title = match.groups()
        if bang or not is_safe_url(url.replace("&amp;", "&")):
            return label
        return match.group(0)

    text = _MD_LINK.sub(link, text)
    return _MENTION.sub(lambda m: mention(m.group(1).strip()), text)


def dot_string(value: object) -> str:
    """A Graphviz double-quoted string (``"…"``) that cannot break out of its quotes."""
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{text}"'


def dot_html_label(value: object) -> str:
    """Text for Graphviz HTML-like labels (``<…>``); newlines become line breaks."""
    parts = [html.escape(p, quote=True) for p in str(value).splitlines() or [""]]
    return '<BR ALIGN="CENTER"/>'.join(parts)


def md_cell_markdown(value: str) -> str:
    """Safe Markdown (output of :func:`markdown`) → the content of one table cell.

    A cell is one line: paragraphs are joined with a line break, other newlines become
    spaces, and pipes that would end the cell are escaped.
    """
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", value.strip())]
    text = "<br>".join(p for p in paragraphs if p)
    return re.sub(r"(?<!\\)\|", r"\\|", text)
