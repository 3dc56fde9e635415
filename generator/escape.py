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
_VOWELS = frozenset("aeiouyåäöAEIOUYÅÄÖéÉüÜ")


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


WRAP_SLACK = 3  # a word may overrun the width by this much before it is broken


def wrap_label(value: object, width: int = 18) -> list[str]:
    """Split a diagram label into lines of about ``width`` characters.

    Lines break between words; a word longer than ``width + WRAP_SLACK`` breaks after its
    own hyphens or slashes first (``Pohjois-`` / ``Savon``), then, with a hyphen added,
    between the halves of a compound whose second half is known (``Aktivointi-`` /
    ``suunnitelman``), else at a Finnish syllable boundary (before a consonant that
    precedes a vowel). Explicit newlines are kept.
    """
    lines: list[str] = []
    for paragraph in _dot_clean(value).split("\n"):
        current = ""
        for word in paragraph.split():
            for index, (piece, soft) in enumerate(_split_word(word, width)):
                glue = "" if index > 0 else " "
                candidate = current + (glue if current else "") + piece
                if current and len(candidate) > width:
                    lines.append(current + ("-" if index > 0 and soft else ""))
                    current = piece
                else:
                    current = candidate
        lines.append(current)
    return lines


def _split_word(word: str, width: int) -> list[tuple[str, bool]]:
    """``word`` in pieces of at most ``width`` characters.

    Each piece carries ``soft``: the break before it is inside a word part and needs an
    added hyphen if the line breaks there (the pieces join without one otherwise).
    """
    if len(word) <= width + WRAP_SLACK:
        return [(word, False)]
    pieces: list[tuple[str, bool]] = []
    for part in re.findall(r"[^-/]+[-/]*|[-/]+", word):
        chunks = (_word_chunks(part, width - 1) if len(part) > width + WRAP_SLACK
                  else [part])
        pieces.extend((chunk, i > 0) for i, chunk in enumerate(chunks))
    return pieces


_COMPOUND_PART = re.compile("|".join(sorted(fi.COMPOUND_PARTS, key=len, reverse=True)))
_MIN_COMPOUND_HALF = 4  # characters on each side of a compound break


def _compound_cut(part: str, limit: int) -> int:
    """The last position up to ``limit`` where a known compound half starts, or 0."""
    lowered = part.lower()
    last = min(limit, len(part) - _MIN_COMPOUND_HALF)
    return next((pos for pos in range(last, _MIN_COMPOUND_HALF - 1, -1)
                 if _COMPOUND_PART.match(lowered, pos)), 0)


def _syllable_cut(part: str, limit: int) -> int:
    """The last syllable boundary up to ``limit`` (before a consonant that precedes a
    vowel, with a vowel before it), or 0."""
    for pos in range(min(limit, len(part) - 4), 2, -1):
        if (part[pos].isalpha() and part[pos] not in _VOWELS
                and part[pos + 1] in _VOWELS
                and any(c in _VOWELS for c in part[:pos])):
            return pos
    return 0


def _word_chunks(part: str, limit: int) -> list[str]:
    """Break ``part`` into chunks of at most ``limit`` characters: before a known second
    half of a compound (:data:`.fi.COMPOUND_PARTS`) if one starts in reach, else at the
    last syllable boundary that fits, else at ``limit``."""
    chunks = []
    while len(part) > limit + WRAP_SLACK:
        cut = _compound_cut(part, limit) or _syllable_cut(part, limit) or limit
        chunks.append(part[:cut])
        part = part[cut:]
    chunks.append(part)
    return chunks


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
