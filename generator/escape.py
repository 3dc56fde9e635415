"""All escaping lives here: Markdown, HTML, Markdown table cells, Graphviz labels, URLs.

Content is text written by editors, never markup. Policy (documented in CONTRIBUTING.md):
raw HTML in any content field is *escaped* and shows as text; Markdown links may only point
to ``https:``, ``http:`` or ``mailto:`` targets or to site-relative paths, other targets
(``javascript:``, ``data:``, …) are rendered as plain text; images are not embedded (an
image becomes a link to it, under the same rule); attribute lists (``{: onclick=…}``) are
not available to content and show as text. The check stage goes further: a target kept
as a link must also work on the site (``https:`` or ``mailto:``; see :func:`link_targets`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from . import fi
from .core.models import MENTION

# A link target may hold one level of balanced parentheses, as in Markdown itself:
# `[x](javascript:alert(1))` must be matched whole, or its tail would be left as text.
_MD_LINK = re.compile(
    r"(!?)\[([^\]\n]*)\]\(((?:[^()\s]|\([^()\s]*\))*)(\s+\"[^\"]*\")?\)"
)
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
SAFE_SCHEMES = ("https:", "http:", "mailto:")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|!~{}])")
_SAFE_AUTOLINK = re.compile(r"&lt;(https://[^\s&]*)&gt;")
# Any inline link destination: "](" then everything up to ")" (whitespace, newlines and a
# title included; Python-Markdown allows all of them, browsers drop tabs and newlines).
_LINK_DESTINATION = re.compile(r"\]\(([^)]*)")
# A reference definition "[id]: url" (the URL may be on the next line, as in Python-Markdown).
_REFERENCE = re.compile(r"^( {0,3})\[([^\[\]\n]*)\]:[ \t]*\n?[ \t]*(\S*)", re.MULTILINE)


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
    return _MD_SPECIAL.sub(r"\\\1", text)


def md_cell(value: object) -> str:
    """Plain text for a Markdown table cell."""
    return md_inline(value)


def markdown(value: str, mention: Callable[[str], str]) -> str:
    """Editor-written Markdown → safe Markdown.

    Raw HTML is escaped, unsafe link targets are dropped (the text stays), and ``[[id]]``
    becomes whatever ``mention(id)`` returns (a Markdown link). Characters are neutralised
    with HTML character references (``&#123;``), never with backslashes, so a backslash
    typed in front of them cannot undo the escape.
    """
    text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # Autolinks were escaped above; bring back only safe ones. (Each pass below runs only
    # when its pattern can match: most fields have no links at all.)
    if "&lt;https://" in text:
        text = _SAFE_AUTOLINK.sub(r"<\1>", text)
    # Attribute lists ({: onclick="…"}) would put any attribute on the element.
    text = text.replace("{", "&#123;")

    def link(match: re.Match[str]) -> str:
        bang, label, url, _title = match.groups()
        if bang or not is_safe_url(_unescape(url)):
            return label
        return match.group(0)

    if "](" in text:
        text = _MD_LINK.sub(link, text)
    # Whatever the simple pattern missed: images in other forms become links…
    text = text.replace("![", "&#33;[")

    # …and every remaining link destination or reference definition is checked.
    def destination(match: re.Match[str]) -> str:
        if is_safe_url(_unescape(match.group(1))):
            return match.group(0)
        return "&#93;(" + match.group(1)

    def reference(match: re.Match[str]) -> str:
        if is_safe_url(_unescape(match.group(3))):
            return match.group(0)
        return match.group(1) + "&#91;" + match.group(0)[len(match.group(1)) + 1:]

    if "](" in text:
        text = _LINK_DESTINATION.sub(destination, text)
    if "]:" in text:
        text = _REFERENCE.sub(reference, text)
    if "[[" in text:
        text = MENTION.sub(lambda m: mention(m.group(1).strip()), text)
    return text


def _unescape(url: str) -> str:
    """A link target as the browser will see it (our own escapes undone)."""
    return html.unescape(url)


def link_targets(value: str) -> list[tuple[str, str]]:
    """``(as written, target)`` for every link :func:`markdown` keeps as a link in
    ``value``, in the order found: inline links, any other link destination and reference
    definitions whose target :func:`is_safe_url` accepts. Links it turns into text (unsafe
    targets, images) are left out, and so are autolinks (only ``<https://…>`` ones stay
    links). The check stage uses this to reject, at the link, targets that would render as
    links but do not work on the site (relative paths such as ``tem.fi``, ``http:``).

    It finds links the way :func:`markdown` does, on the text before escaping: escaping
    changes no character the patterns look at, and :func:`_unescape` would undo it.
    """
    found: list[tuple[str, str]] = []
    if "](" not in value and "]:" not in value:
        return found
    text = value

    def inline(match: re.Match[str]) -> str:
        bang, label, url, _title = match.groups()
        if not bang and is_safe_url(url):
            found.append((match.group(0), url))
        return label  # taken: the pass below must not see it again

    def destination(match: re.Match[str]) -> str:
        if is_safe_url(match.group(1)):
            target = match.group(1).strip().split()
            found.append((match.group(0), target[0] if target else ""))
        return ""

    if "](" in text:
        text = _MD_LINK.sub(inline, text)
        text = _LINK_DESTINATION.sub(destination, text)
    if "]:" in text:
        for match in _REFERENCE.finditer(text):
            if is_safe_url(match.group(3)):
                found.append((match.group(0)[len(match.group(1)):], match.group(3)))
    return found


_DOT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _dot_clean(value: object) -> str:
    """Newlines normalised to ``\\n``; tabs become spaces; other control characters dropped."""
    text = value if type(value) is str else str(value)
    if text.isprintable():  # no control character at all: the usual case, nothing to do
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _DOT_CONTROL.sub("", text)


def dot_string(value: object) -> str:
    """A Graphviz double-quoted string (``"…"``) that cannot break out of its quotes.

    Backslashes are doubled, so Graphviz's escapes (``\\N`` node name, ``\\G``, ``\\l``…)
    show as typed; newlines become centred line breaks.
    """
    text = _dot_clean(value)
    if "\\" in text or '"' in text or "\n" in text:
        text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


def dot_html_label(value: object, align: str = "CENTER") -> str:
    """Text for Graphviz HTML-like labels (``<…>``); newlines become line breaks.

    Graphviz expands ``\\N``-style escapes in HTML labels too (after decoding entities),
    so backslashes are doubled after escaping ``& < > " '``. ``align`` (``CENTER``,
    ``LEFT``, ``RIGHT``) aligns the line before each break.
    """
    if align not in ("CENTER", "LEFT", "RIGHT"):
        raise ValueError(f"align must be CENTER, LEFT or RIGHT, not {align!r}")
    lines = _dot_clean(value).split("\n")
    parts = [html.escape(p, quote=True).replace("\\", "\\\\") for p in lines]
    return f'<BR ALIGN="{align}"/>'.join(parts)


def wrap_label(value: object, width: int = 18) -> list[str]:
    """A diagram label cleaned for Graphviz (:func:`_dot_clean`) in lines of about
    ``width`` characters, broken and hyphenated the Finnish way (:func:`.fi.wrap_lines`)."""
    return fi.wrap_lines(_dot_clean(value), width)


def css_string(value: object) -> str:
    """A CSS double-quoted string (``"…"``) safe inside a ``<style>`` element.

    Quotes and backslashes are escaped, newlines become ``\\A``, and ``<``, ``>`` and ``&``
    are written as CSS hex escapes so the text can never close the element.
    """
    out = []
    for char in str(value):
        if char in '"\\<>&' or ord(char) < 0x20:
            out.append(f"\\{ord(char):X} ")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def md_cell_markdown(value: str) -> str:
    """Safe Markdown (output of :func:`markdown`) → the content of one table cell.

    A cell is one line: paragraphs are joined with a line break, other newlines become
    spaces, and pipes that would end the cell are escaped.
    """
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", value.strip())]
    text = "<br>".join(p for p in paragraphs if p)
    return re.sub(r"(?<!\\)\|", r"\\|", text)
