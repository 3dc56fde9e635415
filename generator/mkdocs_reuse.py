"""MkDocs adapter: the rest of a page's MkDocs-side work, reused while its input is the same.

After the Markdown conversion (:mod:`.mkdocs_pages`), a rebuild still spent most of its
time on three things that give the same result for the same input:

* the project's own pass over each page's HTML (abbreviations, search exclusions:
  :meth:`.plugin.YhdyspintaPlugin.on_page_content`), by the HTML and the glossary;
* Material's search plugin parsing each page's HTML into index entries (~20 % of a
  ``mkdocs serve`` rebuild), by the page's HTML, address, title, table of contents and
  search metadata;
* Jinja compiling the theme's templates, which MkDocs does again in every build because it
  makes a new environment each time: :func:`keep_compiled_templates` gives that environment
  a bytecode cache, which Jinja checks against each template's source.

The first two are a :class:`.mkdocs_memo.Memo` each: kept in memory for all of ``mkdocs
serve`` and in ``.cache/pages/`` between builds, pruned to what the last build used. A key hashes
everything the result is computed from, so a key never names a stale result.
"""

from __future__ import annotations

import hashlib
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from .core.fingerprint import package_version
from .mkdocs_memo import Memo
from .site.templates import bytecode_cache


def keep_compiled_templates(env: Environment) -> None:
    """Give MkDocs's theme environment a bytecode cache of its own: one per MkDocs and
    Material version and set of Jinja extensions, since those change the compiled code."""
    settings = "|".join([package_version("mkdocs"), package_version("mkdocs-material"),
                         *sorted(env.extensions)])
    name = "theme-" + hashlib.sha256(settings.encode()).hexdigest()[:16]
    env.bytecode_cache = bytecode_cache(name)


def _digest(*parts: object, text: str) -> str:
    digest = hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass"))
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def html_key(html: str, *settings: object) -> str:
    """The key of a pass over ``html`` whose result depends on nothing but ``settings``."""
    return _digest("html", *settings, text=html)


def _toc(items: Any) -> list[Any]:
    return [(item.id, item.url, item.title, item.level, _toc(item.children))
            for item in items]


def search_key(page: Page) -> str:
    """What Material's search plugin reads from a page to index it."""
    meta = {name: page.meta.get(name) for name in ("search", "tags", "title")}
    return _digest("search", package_version("mkdocs-material"), page.url, str(page.title),
                   repr(sorted(meta.items())), _toc(page.toc), text=page.content or "")


def reuse_search_entries(config: MkDocsConfig, memo: Memo) -> None:
    """Make Material's search plugin take each page's index entries from ``memo`` when
    the page is the same as when they were made. Without the plugin, nothing to do."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(search, "search_index", None)
    original = getattr(index, "add_entry_from_context", None)
    if index is None or original is None or not isinstance(getattr(index, "entries", None),
                                                             list):
        return

    def add_entry_from_context(page: Page) -> None:
        def compute() -> list[dict[str, Any]]:
            start = len(index.entries)
            original(page)
            added: list[dict[str, Any]] = index.entries[start:]
            del index.entries[start:]
            return added

        index.entries.extend(dict(entry) for entry in memo.get(search_key(page), compute))

    # Instance attribute over the method: only this build's index.
    index.add_entry_from_context = add_entry_from_context
