"""Model stage: loaded documents → typed, frozen entities; pydantic errors → positions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from .diagnostics import Report, did_you_mean
from .loader import Document
from .models import Entity, Kind

CONTACT_FIELDS = {"email", "e-mail", "sähköposti", "phone", "puhelin", "puhelinnumero", "gsm"}


@dataclass(frozen=True)
class Record:
    """A validated entity with the document it came from (for positions in later stages)."""

    id: str
    kind: Kind
    entity: Entity
    document: Document


def _field_names(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The field names allowed at ``loc`` (for "did you mean" on unknown keys)."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = current.model_fields.get(str(part))
        if field is None:
            return []
        current = _inner_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner_model(annotation: Any) -> Any:
    """The BaseModel inside ``list[X]``, ``X | None`` and the like."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _message(error: Any) -> str:
    kind = error["type"]
    message = str(error["msg"])
    if message.startswith("Value error, "):
        return message.removeprefix("Value error, ")
    translations = {
        "missing": "pakollinen kenttä puuttuu",
        "string_type": "arvon pitää olla tekstiä",
        "list_type": "arvon pitää olla luettelo (rivit alkavat '- ')",
        "model_type": "arvon pitää olla avain–arvo-rakenne",
        "model_attributes_type": "arvon pitää olla avain–arvo-rakenne",
        "dict_type": "arvon pitää olla avain–arvo-rakenne",
        "int_parsing": "arvon pitää olla kokonaisluku",
        "bool_parsing": "arvon pitää olla true tai false",
        "date_from_datetime_parsing": "päivämäärä muodossa VVVV-KK-PP",
        "date_parsing": "päivämäärä muodossa VVVV-KK-PP",
        "date_from_datetime_inexact": "päivämäärä muodossa VVVV-KK-PP",
        "time_parsing": "kellonaika muodossa HH:MM",
        "time_type": "kellonaika muodossa HH:MM",
        "date_type": "päivämäärä muodossa VVVV-KK-PP",
        "string_too_short": "arvo ei saa olla tyhjä",
        "too_short": "luettelossa pitää olla vähintään yksi kohta",
        "greater_than_equal": "arvo on liian pieni",
        "string_pattern_mismatch": "arvo on väärää muotoa",
    }
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"arvo {error.get('input')!r} ei kelpaa; sallitut: {expected}"
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        return f"arvo {error.get('input')!r} on väärää muotoa (odotettu {pattern})"
    return translations.get(kind, message)


def build(documents: list[Document], report: Report) -> list[Record]:
    """Validate each document against its kind's model; every error is reported."""
    records = []
    for document in documents:
        model = document.kind.model
        try:
            entity = model.model_validate(document.data)
        except ValidationError as exc:
            for error in exc.errors():
                _report_error(document, model, error, report)
            continue
        records.append(Record(document.id, document.kind, entity, document))
    return records


def _report_error(document: Document, model: type[Entity], error: Any, report: Report) -> None:
    loc = tuple(error["loc"])
    data_loc = _existing_prefix(document.data, loc)
    field = ".".join(str(p) for p in loc)
    hint = ""
    if error["type"] == "extra_forbidden":
        key = str(loc[-1])
        position = document.position(loc, key=True)
        message = f"tuntematon kenttä '{key}'"
        if key.lower() in CONTACT_FIELDS:
            hint = "henkilöiden yhteystietoja ei julkaista sivustolla; poista kenttä"
        else:
            hint = did_you_mean(key, _field_names(model, loc))
            if not hint:
                allowed = ", ".join(_field_names(model, loc))
                hint = f"sallitut kentät: {allowed}" if allowed else ""
        report.error(document.path, position.line, position.col, message,
                     entity=document.id, hint=hint)
        return
    position = document.position(data_loc)
    message = f"{field}: {_message(error)}" if loc else _message(error)
    report.error(document.path, position.line, position.col, message,
                 entity=document.id, hint=hint)


def _existing_prefix(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """The longest prefix of ``loc`` that exists in ``data``.

    pydantic may add synthetic parts (union branch names); positions follow the data.
    """
    prefix: list[Any] = []
    current = data
    for part in loc:
        in_dict = isinstance(current, dict) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and part < len(current)
        if not (in_dict or in_list):
            break
        current = current[part]
        prefix.append(part)
    return tuple(prefix)
