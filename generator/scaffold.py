"""``generator new KIND ID``: a new content file with the required fields to fill in."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .models import Kind
from .schema import schema_comment


def template_for(kind: Kind) -> str:
    lines = [schema_comment(kind), f"# {kind.singular}: täytä kentät ja poista TODO-merkinnät."]
    lines += _required_fields(kind.model, indent="")
    return "\n".join(lines) + "\n"


def _required_fields(model: type[BaseModel], indent: str) -> list[str]:
    lines = []
    for name, info in model.model_fields.items():
        if not info.is_required():
            continue
        lines.append(f"{indent}# {_doc(info)}")
        if name == "sources":
            lines += [f"{indent}sources:", f"{indent}  - document: TODO",
                      f"{indent}    location: TODO"]
        elif name == "phases":
            lines += [f"{indent}phases:", f"{indent}  - id: vaihe-1", f"{indent}    name: TODO"]
        else:
            lines.append(f"{indent}{name}: TODO")
    return lines


def _doc(info: FieldInfo) -> str:
    return (info.description or "").splitlines()[0] if info.description else ""


def create(content_dir: Path, kind: Kind, entity_id: str) -> Path:
    target = content_dir / kind.folder / f"{entity_id}.yaml"
    if target.exists():
        raise FileExistsError(str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(template_for(kind), "utf-8")
    return target
