"""The glossary page (``sanasto/index.md``): every glossary term and entity abbreviation."""

from __future__ import annotations

from typing import Any

from ..graph import Graph
from ..rules import glossary
from ..site.templates import render

GLOSSARY_PAGE = "sanasto/index.md"


def glossary_markdown(graph: Graph, context: dict[str, Any]) -> str:
    """The page's Markdown; ``context`` is every page's context (:func:`pages.page_context`)."""
    return render("pages/glossary.md.j2", graph, GLOSSARY_PAGE,
                  entries=glossary.entries(graph), terms=glossary.terms(graph), **context)
