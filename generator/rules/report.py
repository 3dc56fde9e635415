"""Reporting a problem at a field of a record, where the editor wrote it."""

from __future__ import annotations

from ..core.diagnostics import Report
from ..load.validate import Record


def err(record: Record, path: tuple[str | int, ...], message: str, report: Report,
         hint: str = "", *, warning: bool = False, key: bool = False,
         fragment: str = "") -> None:
    """Report at ``path``'s key or value; with ``fragment``, where it stands in the value."""
    document = record.document
    position = (document.position_of(path, fragment) if fragment
                else document.position(path, key=key))
    add = report.warning if warning else report.error
    add(record.document.path, position.line, position.col, message, entity=record.id, hint=hint)



def dotted(path: tuple[str | int, ...]) -> str:
    return ".".join(str(p) for p in path)
