"""``<abbr title>`` on the first use of each glossary term in a page's body text.

Done once, on the page's rendered HTML (the MkDocs plugin's ``on_page_content``), so every
page gets it the same way, whether its text came from a template or an editor's Markdown.
Text inside headings, links, code, SVG and other ``<abbr>`` elements is left as it is; the
search index reads the text of an ``<abbr>`` and not its title, so snippets stay clean.
"""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>|<!--.*?-->", re.DOTALL)
SKIPPED = frozenset({"a", "abbr", "button", "code", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
                     "kbd", "nav", "pre", "script", "style", "svg", "textarea", "title"})
"""Elements whose text never gets an ``<abbr>``: headings (the page's own title too), the
breadcrumbs (``nav``, which repeat the title), links (a link's text is its own label), code
and inline SVG diagrams."""


def pattern(terms: list[str]) -> re.Pattern[str]:
    """Any of ``terms`` as a whole word; an inflection after a colon (``TEM:n``) or a
    compound after a hyphen (``TYM-laki``) still counts, a longer word (``PSHVA``) not."""
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alternatives})(?!\w)")


def mark_first_uses(page_html: str, expansions: dict[str, str]) -> str:
    """``page_html`` with the first body-text use of each term of ``expansions`` wrapped
    in ``<abbr title="expansion">``."""
    if not expansions:
        return page_html
    remaining = dict(expansions)
    finder = pattern(list(remaining))
    out: list[str] = []
    skipping: list[str] = []
    position = 0
    for tag in _TAG.finditer(page_html):
        out.append(_mark(page_html[position:tag.start()], remaining, finder, skipping))
        out.append(tag.group())
        position = tag.end()
        closing, name, self_closing = tag.group(1), (tag.group(2) or "").lower(), tag.group(3)
        if name in SKIPPED and not self_closing:
            if not closing:
                skipping.append(name)
            elif name in skipping:
                del skipping[len(skipping) - 1 - skipping[::-1].index(name):]
        if not remaining:
            out.append(page_html[position:])
            return "".join(out)
    out.append(_mark(page_html[position:], remaining, finder, skipping))
    return "".join(out)


def _mark(text: str, remaining: dict[str, str], finder: re.Pattern[str],
          skipping: list[str]) -> str:
    if skipping or not text.strip() or not remaining:
        return text

    def wrap(match: re.Match[str]) -> str:
        term = match.group(1)
        expansion = remaining.pop(term, None)
        if expansion is None:  # used already on this page
            return term
        return f'<abbr title="{html.escape(expansion, quote=True)}">{term}</abbr>'

    return finder.sub(wrap, text)
