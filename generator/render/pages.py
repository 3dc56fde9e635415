"""Entity pages and per-kind index pages."""

from __future__ import annotations

from pathlib import Path

from .. import fi
from ..gitdates import last_commit_dates
from ..models import KINDS, Kind
from ..resolve import Graph
from .env import entity_path, index_path, render
from .site import Output, SiteConfig


def source_path(graph: Graph, entity_id: str, config: SiteConfig) -> str:
    """The YAML file behind an entity, relative to the project root (for edit links)."""
    record = graph.records[entity_id]
    kind = record.kind
    return f"content/{kind.folder}/{Path(record.document.path).name}"


def sorted_ids(graph: Graph, kind: Kind) -> list[str]:
    """Entity ids of ``kind`` in Finnish alphabetical order of their names."""
    ids = [i for i, r in graph.records.items() if r.kind.key == kind.key]
    return sorted(ids, key=lambda i: fi.sort_key(_sort_name(graph, i)))


def _sort_name(graph: Graph, entity_id: str) -> str:
    entity = graph.entity(entity_id)
    sort_name = getattr(entity, "sort_name", None)
    if sort_name:
        return str(sort_name)
    if graph.kind_of(entity_id) == "person":
        parts = entity.display_name.split()
        return " ".join([parts[-1], *parts[:-1]])
    return entity.display_name


def render_pages(graph: Graph, config: SiteConfig) -> list[Output]:
    root = config.project_root or config.content_dir.parent
    updated = last_commit_dates(root, config.content_dir.name)
    outputs = []
    for kind in KINDS:
        ids = sorted_ids(graph, kind)
        path = index_path(kind.key)
        outputs.append(Output(path, render("pages/index.md.j2", graph, path, kind=kind, ids=ids)))
        for entity_id in ids:
            path = entity_path(graph, entity_id)
            source = source_path(graph, entity_id, config)
            text = render(
                f"pages/{kind.key}.md.j2", graph, path,
                id=entity_id, entity=graph.entity(entity_id), kind=kind,
                updated=updated.get(source), source=source,
            )
            outputs.append(Output(path, text, source=source))
    return outputs
