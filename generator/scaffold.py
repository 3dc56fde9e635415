"""``generator new KIND ID``: a new content file with the required fields to fill in."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from . import fi
from .core.annotations import literal_choices
from .core.formats import PLACEHOLDER, SLUG, SLUG_DESCRIPTION
from .core.models import Kind, or_list
from .schema import schema_comment


def id_problem(entity_id: str) -> str:
    """Why ``entity_id`` cannot name a new content file, in Finnish with the id the editor
    probably meant; "" when it can."""
    if SLUG.match(entity_id):
        return ""
    message = f"tunniste '{entity_id}' ei kelpaa: tunnisteessa saa olla {SLUG_DESCRIPTION}"
    suggestion = fi.slug(entity_id)
    if suggestion and suggestion != entity_id:
        message += f"; tarkoititko '{suggestion}'?"
    return message


def template_for(kind: Kind) -> str:
    """The new file: every required field with its description and the placeholder, which
    ``check`` refuses until it is replaced."""
    lines = [schema_comment(kind),
             f"# {kind.singular}: täytä kentät ja poista {PLACEHOLDER}-merkinnät."]
    lines += _required_fields(kind.model, indent="", also=_ALSO_REQUIRED.get(kind.key, ()))
    return "\n".join(lines) + "\n"


_ALSO_REQUIRED = {"meeting": ("date",)}
"""Optional fields that a model validator requires in practice (a meeting needs a day)."""


def _required_fields(model: type[BaseModel], indent: str, also: tuple[str, ...] = ()
                     ) -> list[str]:
    lines = []
    for name, info in model.model_fields.items():
        if not info.is_required() and name not in also:
            continue
        choices = literal_choices(info.annotation)
        allowed = f" Sallitut: {or_list(choices)}." if choices else ""
        lines.append(f"{indent}# {_doc(info)}{allowed}")
        if name == "sources":
            lines += [f"{indent}sources:", f"{indent}  - document: {PLACEHOLDER}",
                      f"{indent}    location: {PLACEHOLDER}"]
        elif name == "phases":
            lines += [f"{indent}phases:", f"{indent}  - id: vaihe-1",
                      f"{indent}    name: {PLACEHOLDER}"]
        else:
            lines.append(f"{indent}{name}: {PLACEHOLDER}")
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
