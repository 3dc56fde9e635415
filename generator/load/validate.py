"""Model stage: loaded documents → typed, frozen entities; pydantic errors → positions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from .. import fi
from ..core.annotations import field_info, field_names, literal_choices
from ..core.diagnostics import Report, did_you_mean
from ..core.formats import (
    DAY_FORMAT,
    TIME_FORMAT,
    FieldError,
    TooLong,
    may_hold_placeholder,
    pattern_problem,
    placeholder_in,
)
from ..core.models import Entity, Kind, Law, or_list
from .files import Document
from .problems import string_values

CONTACT_FIELDS = {"email", "e-mail", "sähköposti", "phone", "puhelin", "puhelinnumero", "gsm"}


@dataclass(frozen=True)
class Record:
    """A validated entity with the document it came from (for positions in later stages)."""

    id: str
    kind: Kind
    entity: Entity
    document: Document


_EMPTY_VALUE_TYPES = {"string_type", "literal_error", "list_type", "model_type",
                      "model_attributes_type", "dict_type", "int_type", "bool_type",
                      "date_type", "time_type", "float_type"}
_TRANSLATIONS = {
    "missing": "pakollinen kenttä puuttuu",
    "string_type": "arvon pitää olla tekstiä",
    "list_type": "arvon pitää olla luettelo (rivit alkavat '- ')",
    "model_type": "arvon pitää olla avain–arvo-rakenne",
    "model_attributes_type": "arvon pitää olla avain–arvo-rakenne",
    "dict_type": "arvon pitää olla avain–arvo-rakenne",
    "int_parsing": "arvon pitää olla kokonaisluku",
    "int_type": "arvon pitää olla kokonaisluku",
    "int_from_float": "arvon pitää olla kokonaisluku",
    "bool_parsing": "arvon pitää olla true tai false",
    "bool_type": "arvon pitää olla true tai false",
    "date_from_datetime_parsing": DAY_FORMAT,
    "date_parsing": DAY_FORMAT,
    "date_from_datetime_inexact": DAY_FORMAT,
    "time_parsing": TIME_FORMAT,
    "time_type": TIME_FORMAT,
    "date_type": DAY_FORMAT,
    "string_too_short": "arvo ei saa olla tyhjä",
    "too_short": "luettelossa pitää olla vähintään yksi kohta",
    "greater_than_equal": "arvo on liian pieni",
    "string_pattern_mismatch": "arvo on väärää muotoa",
}


@dataclass(frozen=True)
class _Problem:
    """One message to report: where (a path in the model's data), what and how to fix it."""

    loc: tuple[Any, ...]
    message: str
    hint: str = ""
    fragment: str = ""  # a part of the value to point at
    first: tuple[Any, ...] | None = None  # a duplicate's first occurrence


def _problems(model: type[BaseModel], error: Any) -> list[_Problem]:
    """The problems of one pydantic error: a :class:`FieldError` may name several, each at
    its own path below the error's location."""
    loc = tuple(error["loc"])
    raised = error.get("ctx", {}).get("error") if error["type"] == "value_error" else None
    if isinstance(raised, FieldError):
        return [_Problem((*loc, *e.at), e.message,
                         _too_long_hint(model, (*loc, *e.at)) if isinstance(e, TooLong)
                         else e.hint, e.fragment,
                         (*loc, *e.first) if e.first is not None else None)
                for e in raised.all()]
    message, hint = _message(model, error)
    return [_Problem(loc, message, hint)]


def _message(model: type[BaseModel], error: Any) -> tuple[str, str]:
    """Message and hint for a pydantic error that no validator of ours raised."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx", {})
    loc = tuple(error["loc"])
    if value is None and kind in _EMPTY_VALUE_TYPES:
        if loc and isinstance(loc[-1], int):
            return "luettelon kohta on tyhjä", "kirjoita kohtaan arvo tai poista rivi"
        return "kenttä on tyhjä", "kirjoita arvo kaksoispisteen jälkeen samalle riville"
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        allowed = or_list(choices)
        if not isinstance(value, str):
            return f"arvon pitää olla jokin sallituista: {allowed}", ""
        hint = _closest(value, choices)
        if not hint and len(choices) == 1:  # a one-value field (a phase's `client`)
            hint = f"kirjoita '{choices[0]}' tai poista kenttä"
        return f"arvo {value!r} ei kelpaa; sallitut: {allowed}", hint
    if kind == "string_pattern_mismatch" and isinstance(value, str):
        return pattern_problem(str(ctx.get("pattern", "")), value)
    if kind == "greater_than_equal":
        return f"arvon pitää olla vähintään {ctx.get('ge')}", ""
    if kind == "int_parsing" and isinstance(value, str):
        numbers = re.findall(r"\d+", value)
        hint = f"tarkoititko {int(numbers[0])}?" if len(numbers) == 1 else ""
        return "arvon pitää olla kokonaisluku", hint
    if kind == "bool_parsing":
        return "arvon pitää olla true tai false", "kirjoita true (kyllä) tai false (ei)"
    if kind == "string_type" and isinstance(value, dict):
        return ("arvon pitää olla tekstiä",
                "jos tekstissä on kaksoispiste ja välilyönti (': '), kirjoita koko teksti "
                "lainausmerkkeihin")
    if kind == "string_type" and isinstance(value, list):
        return "arvon pitää olla tekstiä", "tähän kenttään tulee yksi teksti, ei luetteloa"
    if kind in ("model_type", "model_attributes_type") and isinstance(value, str):
        fields = field_names(model, (*loc, "?"))
        hint = (f"kirjoita kentät sisennettyinä seuraaville riveille, esim. {fields[0]}: …"
                if fields else "")
        return _TRANSLATIONS[kind], hint
    message = str(error["msg"])
    if message.startswith("Value error, "):
        return message.removeprefix("Value error, "), ""
    return _TRANSLATIONS.get(kind, "arvo ei kelpaa tähän kenttään"), ""


def _closest(value: str, choices: list[str]) -> str:
    """``tarkoititko 'pidetty'?`` for ``Pidetty`` (case and close misspellings)."""
    same = [c for c in choices if fi.slug(c) == fi.slug(value)]
    if same:  # differs in case, ä/ö or spacing only
        return f"tarkoititko '{same[0]}'?"
    return did_you_mean(value.lower(), choices)


def _too_long_hint(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """Where the longer text belongs: a description field of the same item or the entity."""
    names = [p for p in loc if isinstance(p, str)]
    if names and names[-1] in ("abbreviation", "short_name"):
        return "lyhenne on lyhyt nimi, esim. TEM; koko nimi kuuluu kenttään name tai title"
    long_fields = ("summary", "description", "text")
    for fields in (field_names(model, loc), list(model.model_fields)):
        found = [f for f in long_fields if f in fields]
        if found:
            return f"lyhennä tekstiä; pidempi kuvaus kuuluu kenttään {' tai '.join(found)}"
    return "lyhennä tekstiä"


# --- the scaffold's placeholders --------------------------------------------------------


def _placeholders(data: Any) -> Iterator[tuple[tuple[Any, ...], str, bool]]:
    """``(path, placeholder, whole)`` for every text value that still holds the scaffold's
    placeholder; ``whole``: the value is nothing but the placeholder."""
    for path, text in string_values(data):
        found = placeholder_in(text)
        if found:
            yield path, found, text.strip() == found


def _report_placeholders(document: Document, model: type[Entity], report: Report
                         ) -> list[tuple[Any, ...]]:
    """Report every unfilled placeholder; their paths (other errors there are not shown)."""
    paths = []
    for path, found, whole in _placeholders(document.data):
        paths.append(path)
        field = ".".join(str(p) for p in path)
        if not whole:
            position = document.position_of(path, found)
            report.error(document.path, position.line, position.col,
                         f"{field}: tekstissä on vielä täyttämätön kohta ({found})",
                         entity=document.id,
                         hint=f"kirjoita puuttuva teksti {found}-merkinnän tilalle")
            continue
        info = field_info(model, path)
        what = "oikea arvo"
        if info is not None and info.description:
            first = re.split(r"\.\s+(?=[A-ZÅÄÖ])", info.description.strip(), maxsplit=1)[0]
            what += f" ({' '.join(first.split()).rstrip('.')})"
        choices = literal_choices(info.annotation) if info is not None else ()
        if choices:
            what += f"; sallitut: {or_list(choices)}"
        if isinstance(path[-1], int):
            hint = f"kirjoita {found}:n tilalle {what} tai poista kohta"
        elif info is not None and not info.is_required():
            hint = f"kirjoita {found}:n tilalle {what} tai poista valinnainen kenttä"
        else:
            hint = f"kirjoita {found}:n tilalle {what}"
        if path[-1] == "document":
            hint += "; verkkosivulähteelle kirjoita document-rivin tilalle `url: https://…`"
        position = document.position(path)
        report.error(document.path, position.line, position.col,
                     f"{field}: kenttä on vielä täyttämättä ({found})", entity=document.id,
                     hint=hint)
    return paths


# --- notes for editors in text readers see ----------------------------------------------

# Phrases of notes about reading the sources (transcription, OCR, "for the editor"): such
# notes belong in ``editor_note``, which no page, PDF, feed or export shows.
_EDITORIAL = re.compile(r"tekstintunnist\w*|\bOCR\b|toimittajalle", re.IGNORECASE)
_EDITORIAL_PROBES = ("tekstintunnist", "ocr", "toimittajalle")


def _report_editorial(document: Document, report: Report) -> None:
    lowered = document.text.lower()
    if not any(probe in lowered for probe in _EDITORIAL_PROBES):  # most files: none
        return
    for path, text in string_values(document.data):
        if "editor_note" in path:
            continue
        found = _EDITORIAL.search(text)
        if found is None:
            continue
        position = document.position_of(path, found.group())
        field = ".".join(str(p) for p in path)
        report.warning(
            document.path, position.line, position.col,
            f"{field}: teksti näyttää toimittajille tarkoitetulta huomiolta "
            f"(”{found.group()}”), mutta se näkyy lukijoille", entity=document.id,
            hint="siirrä lähteen lukemista koskeva huomio kenttään editor_note (samalle "
            "kohteelle tai kohdalle); editor_note ei näy sivuilla, PDF-tiedostoissa, "
            "kalentereissa eikä avoimessa datassa")


# --- checks that need the file name ------------------------------------------------------

_LAW_ID = re.compile(r"^([a-z]+(?:-[a-z]+)*)-(\d+)-(\d{4})$")
_EU_TYPES = ("EU-asetus", "direktiivi")


def _check_law_number(document: Document, law: Law, report: Report) -> None:
    """``laki-380-2023.yaml`` must hold law 380/2023: the id is how pages refer to the law,
    the number is where its Finlex links point, and they must be the same statute."""
    match = _LAW_ID.match(document.id)
    if not match:
        return
    prefix, serial, year = match.groups()
    number, _, number_year = law.number.partition("/")
    if (int(number), number_year) == (int(serial), year):
        return
    if law.type in _EU_TYPES and (number, number_year) == (year, serial):
        return  # EU acts are also written year first (2019-1152)
    position = document.position(("number",))
    report.error(
        document.path, position.line, position.col,
        f"number: säädösnumero {law.number} ei vastaa tiedostonimeä {document.id}.yaml "
        f"({int(serial)}/{year})", entity=document.id,
        hint=f"Finlex-linkit muodostetaan numerosta: korjaa numero ({int(serial)}/{year}) tai, "
        f"jos numero on oikein, nimeä tiedosto {prefix}-{int(number)}-{number_year}.yaml ja "
        "korjaa viittaukset siihen")


def build(documents: list[Document], report: Report) -> list[Record]:
    """Validate each document against its kind's model; every error is reported."""
    records = []
    for document in documents:
        model = document.kind.model
        filled_in_later = (_report_placeholders(document, model, report)
                           if may_hold_placeholder(document.text) else [])
        _report_editorial(document, report)
        try:
            entity = model.model_validate(document.data)
        except ValidationError as exc:
            for error in exc.errors():
                _report_error(document, model, error, report, filled_in_later)
            continue
        if isinstance(entity, Law):
            _check_law_number(document, entity, report)
        records.append(Record(document.id, document.kind, entity, document))
    return records


def _report_error(document: Document, model: type[Entity], error: Any, report: Report,
                  placeholders: list[tuple[Any, ...]] | None = None) -> None:
    loc = tuple(error["loc"])
    if error["type"] == "extra_forbidden":
        key = str(loc[-1])
        position = document.position(loc, key=True)
        message = f"tuntematon kenttä '{key}'"
        if key.lower() in CONTACT_FIELDS:
            hint = "henkilöiden yhteystietoja ei julkaista sivustolla; poista kenttä"
        else:
            hint = did_you_mean(key, field_names(model, loc))
            if not hint:
                allowed = ", ".join(field_names(model, loc))
                hint = f"sallitut kentät: {allowed}" if allowed else ""
        report.error(document.path, position.line, position.col, message,
                     entity=document.id, hint=hint)
        return
    for problem in _problems(model, error):
        data_loc = _existing_prefix(document.data, problem.loc)
        if data_loc and any(data_loc[:len(p)] == p for p in placeholders or ()):
            continue  # the placeholder is reported already
        position = (document.position_of(data_loc, problem.fragment) if problem.fragment
                    else document.position(data_loc))
        field = ".".join(str(p) for p in problem.loc)
        message = f"{field}: {problem.message}" if problem.loc else problem.message
        if problem.first is not None:
            first = document.position(_existing_prefix(document.data, problem.first))
            message += f" (ensimmäinen rivillä {first.line})"
        report.error(document.path, position.line, position.col, message,
                     entity=document.id, hint=problem.hint)


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
