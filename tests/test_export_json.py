"""The open-data exports are written by pydantic's serializer (fast); they must be byte for
byte what ``json.dumps(model_dump(mode="json"), ensure_ascii=False, indent=1)`` writes."""

from __future__ import annotations

import datetime as dt
import typing
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from pydantic import BaseModel

from generator.build import SiteConfig
from generator.opendata import (
    GraphExport,
    PopoloExport,
    _json,
    _model_json,
    graph_export,
    popolo_export,
)
from generator.pipeline import check


@pytest.mark.parametrize("content", [ROOT / "content", FIXTURES / "hostile" / "content"],
                         ids=["real", "hostile"])
def test_exports_are_what_json_dumps_writes(content: Path) -> None:
    graph, _ = check(content)
    config = SiteConfig(content_dir=content)
    for model in (graph_export(graph, config), popolo_export(graph, config, dt.date(2025, 5, 12))):
        assert _model_json(model) == _json(model.model_dump(mode="json"))


def _annotations(model: type[BaseModel], seen: set[type]) -> list[object]:
    found: list[object] = []
    if model in seen:
        return found
    seen.add(model)
    for info in model.model_fields.values():
        stack: list[object] = [info.annotation]
        while stack:
            annotation = stack.pop()
            found.append(annotation)
            stack.extend(typing.get_args(annotation))
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                found += _annotations(annotation, seen)
    return found


def test_exports_have_no_floats() -> None:
    """Floats are where the two serializers differ (``1e-05`` / ``0.00001``)."""
    for model in (GraphExport, PopoloExport):
        assert float not in _annotations(model, set())
