"""Links from inline SVG and figure HTML to other pages.

Raw HTML in Markdown is not rewritten by MkDocs (only Markdown links are), so these links
must be final URLs: the site uses directory URLs (MkDocs' default, ``prosessit/typ.md`` is
served at ``prosessit/typ/``), and links are relative to the page that inlines the figure.
"""

from __future__ import annotations

from ..graph import Graph
from ..site.output import relative
from ..site.templates import entity_path


def page_url(docs_path: str) -> str:
    """Site-root URL of a docs page: ``prosessit/typ.md`` → ``prosessit/typ/``."""
    if docs_path == "index.md":
        return ""
    if docs_path.endswith("/index.md"):
        return docs_path.removesuffix("index.md")
    return docs_path.removesuffix(".md") + "/"


def page_href(from_docs: str, to_docs: str, *, base_url: str | None = None) -> str:
    """Link from the page ``from_docs`` to the page ``to_docs`` (absolute with ``base_url``)."""
    target = page_url(to_docs)
    if base_url is not None:
        return base_url.rstrip("/") + "/" + target
    # relative() links from a file, so the start folder gets a slash (string arithmetic, as
    # posixpath.relpath would give for these clean paths, without its os.getcwd calls)
    path = relative(page_url(from_docs), target.rstrip("/") or ".")
    return "./" if path == "." else path + "/"


def entity_href(graph: Graph, from_docs: str, entity_id: str, *,
                base_url: str | None = None) -> str:
    return page_href(from_docs, entity_path(graph, entity_id), base_url=base_url)
