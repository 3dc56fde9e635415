"""Resolve stage: validated records → one :class:`~generator.graph.Graph`, checked.

The rules, one module per concern: :mod:`.refs` (references, mentions, law sections,
``parent`` chains), :mod:`.links` (links in texts), :mod:`.committee`, :mod:`.process`,
:mod:`.meeting`. Each reports at the field the editor wrote (:mod:`.report`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..core.clock import build_date
from ..core.diagnostics import Report
from ..core.models import Committee, Meeting, Process
from ..graph import Backlink, Graph
from ..load.validate import Record
from .committee import check_committee
from .meeting import check_duplicate_meetings, check_meeting
from .moves import check_moves
from .process import check_process
from .refs import (
    check_parent_cycles,
    check_refs,
    check_relation_targets,
    check_repealed,
    check_sections,
    check_texts,
)


def resolve(records: list[Record], report: Report, *, today: dt.date | None = None,
            broken: set[str] | None = None) -> Graph:
    """Build the graph; report duplicates, dangling references and broken structure.

    ``broken`` holds ids of files that exist but failed to load or validate: their own
    errors are reported already, so references to them are not reported again.
    """
    today = today or build_date()
    by_id: dict[str, Record] = {}
    for record in records:
        if record.id in by_id:
            first = by_id[record.id]
            report.error(record.document.path, 1, 1,
                         f"tunniste '{record.id}' on jo käytössä: {first.document.path}",
                         entity=record.id,
                         hint="tunnisteen (tiedostonimen) pitää olla yksilöllinen "
                         "kaikissa kansioissa")
            continue
        by_id[record.id] = record
    graph = Graph(by_id)
    backlinks: dict[str, list[Backlink]] = defaultdict(list)
    quiet = broken or set()
    for record in by_id.values():
        check_refs(record, graph, report, backlinks, quiet)
        check_texts(record, graph, report, backlinks, quiet)
    for record in by_id.values():
        entity = record.entity
        if isinstance(entity, Committee):
            check_committee(record, entity, graph, report, today)
        elif isinstance(entity, Process):
            check_process(record, entity, graph, report)
        elif isinstance(entity, Meeting):
            check_meeting(record, entity, report)
        check_sections(record, graph, report)
        check_repealed(record, graph, report, today)
        check_relation_targets(record, graph, report)
    check_parent_cycles(graph, report)
    check_moves(by_id, report)
    check_duplicate_meetings(graph, report)
    graph.backlinks = {k: sorted(set(v), key=lambda b: (b.source, b.field))
                       for k, v in backlinks.items()}
    return graph
