"""The pipeline in one place: load → model → resolve. Rendering starts from its graph."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .diagnostics import ContentError, Report
from .gcpause import paused_gc
from .loader import load
from .resolve import Graph, resolve
from .validate import build


def check(content: Path, *, today: dt.date | None = None) -> tuple[Graph, Report]:
    """Load, validate and resolve ``content``; the report holds every problem found."""
    report = Report()
    seen: set[str] = set()
    with paused_gc():
        documents = load(content, report, seen)
        records = build(documents, report)
        graph = resolve(records, report, today=today, broken=seen - {r.id for r in records})
    return graph, report


def load_graph(content: Path, *, strict: bool = False) -> tuple[Graph, Report]:
    """Like :func:`check`, but raise :class:`ContentError` when the content fails."""
    graph, report = check(content)
    if report.failed(strict=strict):
        raise ContentError(report)
    return graph, report
