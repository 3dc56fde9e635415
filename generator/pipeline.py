"""The pipeline in one place: load → model → resolve. Rendering starts from its graph."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import parsecache
from .core.diagnostics import ContentError, Report
from .core.gcpause import paused_gc
from .graph import Graph
from .load.files import load
from .load.validate import build
from .rules import glossary, resolve


def check(content: Path, *, today: dt.date | None = None, parse_cache: bool = True
          ) -> tuple[Graph, Report]:
    """Load, validate and resolve ``content``; the report holds every problem found.
    ``parse_cache``: keep parse results in ``.cache/content`` next to ``content``."""
    report = Report()
    seen: set[str] = set()
    cache_folder = content.parent / parsecache.FOLDER if parse_cache else None
    with paused_gc():
        documents = load(content, report, seen, cache_folder=cache_folder)
        records = build(documents, report)
        broken = seen - {r.id for r in records}
        graph = resolve(records, report, today=today, broken=broken)
        graph.glossary = glossary.load_terms(content, report, cache_folder)
        glossary.check_terms(graph.glossary, graph, report, broken)
    return graph, report


def load_graph(content: Path, *, strict: bool = False) -> tuple[Graph, Report]:
    """Like :func:`check`, but raise :class:`ContentError` when the content fails."""
    graph, report = check(content)
    if report.failed(strict=strict):
        raise ContentError(report)
    return graph, report
