"""JSON Schemas for editors' autocompletion, derived from the models (never hand-written)."""

from __future__ import annotations

import json
from pathlib import Path

from .core.models import KINDS, TERM_KIND, Kind

SCHEMA_DIR = "schema"


def schema_for(kind: Kind) -> dict[str, object]:
    schema = kind.model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"{kind.singular} ({kind.key})"
    return schema


def schema_text(kind: Kind) -> str:
    return json.dumps(schema_for(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in (*KINDS, TERM_KIND):
        target = out_dir / f"{kind.key}.schema.json"
        text = schema_text(kind)
        if not target.exists() or target.read_text("utf-8") != text:
            target.write_text(text, "utf-8")
            written.append(target)
    return written


def schema_comment(kind: Kind) -> str:
    """The first line of every content file of ``kind`` (VS Code's YAML extension reads it)."""
    return f"# yaml-language-server: $schema=../../{SCHEMA_DIR}/{kind.key}.schema.json"
