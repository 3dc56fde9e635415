"""The formats editors write values in, checked with messages that say what to write.

Ids, https addresses, dates, months, times, law and section numbers, lengths, and the
scaffold's ``TODO`` placeholder. Each check raises :class:`FieldError` with a Finnish
message and, where the fix is clear, a hint with the value the editor probably meant
(``31.12.2025`` → ``2025-12-31``); never a regular expression. The models in
:mod:`.models` attach these checks to their fields.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from .. import fi

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG = re.compile(SLUG_PATTERN)
SLUG_DESCRIPTION = ("pieniä kirjaimia a–z, numeroita ja väliviivoja (ei ääkkösiä, isoja "
                    "kirjaimia eikä välilyöntejä), esim. maija-meikalainen")
"""What an id (file name) may hold, in words editors understand (for messages)."""

PLACEHOLDER = "TODO"
"""What ``generator new`` writes where the editor still has to fill in a value."""
_PLACEHOLDER = re.compile(r"(?<![\w-])TODO(?![\w-])")


class FieldError(ValueError):
    """A validation error that says where in the validated value it is and how to fix it.

    ``at`` is a path relative to the value the validator checks (a model validator names
    the offending field or list item, e.g. ``("phases", 3, "id")``); ``fragment`` is a part
    of the text value to point at; ``others`` are further problems found by the same check.
    ``first`` names a duplicate's first occurrence (its line is added to the message).
    ``validate`` appends ``at`` to the error's location and shows ``hint`` as the *vihje*.
    """

    def __init__(self, message: str, *, at: tuple[str | int, ...] = (), hint: str = "",
                 fragment: str = "", first: tuple[str | int, ...] | None = None,
                 others: tuple[FieldError, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.at = at
        self.hint = hint
        self.fragment = fragment
        self.first = first
        self.others = others

    @classmethod
    def of(cls, problems: list[FieldError]) -> FieldError:
        """One error carrying every problem of ``problems`` (not empty)."""
        first = problems[0]
        return cls(first.message, at=first.at, hint=first.hint, fragment=first.fragment,
                   first=first.first, others=tuple(problems[1:]))

    def all(self) -> tuple[FieldError, ...]:
        return (self, *self.others)


_STAND_INS = re.compile(r"(?i)todo|xxx|\?{2,3}|\.{3}")
"""Whole values editors write for "not known yet" (``todo``, ``XXX``, ``??``, ``...``)."""
_STAND_IN_HINTS = ("todo", "Todo", "xxx", "XXX", "??", ": ...", "- ...")
"""What a file holding a stand-in contains (besides ``TODO``): plain substring searches,
~1 ms per MB each; a regular expression or ``str.lower`` over every file cost 3–10 times
more, in every build."""


def placeholder_in(text: str) -> str | None:
    """The scaffold's placeholder if ``text`` still holds it (``TODO``, ``TODO: …``), or
    the whole value if it is a stand-in for a value not known yet (``todo``, ``??``)."""
    match = _PLACEHOLDER.search(text)
    if match:
        return match.group()
    stripped = text.strip()
    return stripped if _STAND_INS.fullmatch(stripped) else None


def may_hold_placeholder(file_text: str) -> bool:
    """Whether a file may hold a :func:`placeholder_in` value (:data:`_STAND_IN_HINTS`)."""
    return PLACEHOLDER in file_text or any(hint in file_text for hint in _STAND_IN_HINTS)


def check_slug(value: str) -> str:
    if not SLUG.match(value):
        suggestion = fi.slug(value)
        hint = f"tunnisteessa saa olla {SLUG_DESCRIPTION}"
        if suggestion and suggestion != value:
            hint = f"tarkoititko '{suggestion}'? {hint}"
        raise FieldError(
            f"tunnisteen pitää olla pienaakkosia a–z, numeroita ja väliviivoja: {value!r}",
            hint=hint)
    return value


SITE_PATH = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*")


def check_site_path(value: str) -> str:
    """An address on this site without the host: ``prosessit/palkkatuki`` (slashes at the
    ends and a trailing ``.md``/``.html`` or ``index.html`` are dropped)."""
    path = value.strip().strip("/")
    for suffix in ("/index.html", ".html", ".md"):
        path = path.removesuffix(suffix)
    if not SITE_PATH.fullmatch(path):
        raise FieldError(f"sivun vanha osoite ilman palvelinta, esim. 'prosessit/palkkatuki': "
                         f"{value!r}", hint="kirjoita osoitteen polku kansioineen: pienaakkosia "
                         "a–z, numeroita, väliviivoja ja kauttaviivoja")
    return path


_URL_FORBIDDEN = re.compile(r"[\s\"'<>`\\{}|^]")


def check_https(value: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc:
        hint = ""
        if parts.scheme == "http" and parts.netloc:
            hint = (f"tarkoititko '{'https' + value[4:]}'? Tarkista, että sivu avautuu "
                    "https-osoitteella")
        elif not parts.scheme and re.match(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$", value):
            hint = f"tarkoititko 'https://{value}'?"
        raise FieldError(f"linkin pitää olla muotoa https://…, ei {value!r}", hint=hint)
    bad = _URL_FORBIDDEN.search(value)
    if bad:  # characters that have no place in a URL (RFC 3986) and could break markup
        raise FieldError(f"linkissä on merkki {bad.group()!r}, joka ei kuulu osoitteeseen: "
                         f"{value!r}")
    return value


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# --- dates and times: Finnish messages that say what is wrong and what to write -----------

_MONTHS_IN = ("tammikuussa", "helmikuussa", "maaliskuussa", "huhtikuussa", "toukokuussa",
              "kesäkuussa", "heinäkuussa", "elokuussa", "syyskuussa", "lokakuussa",
              "marraskuussa", "joulukuussa")
_MONTH_NAMES = ("tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys",
                "loka", "marras", "joulu")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")
_FINNISH_DAY = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\.?")  # 31.12.2025
_LOOSE_DAY = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")  # 2025-1-5, 2025/01/05
_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]\S.*")
_LOOSE_MONTH = re.compile(r"(\d{1,2})\s?[/.-]\s?(\d{4})")  # 6/2025, 6.2025
_LOOSE_ISO_MONTH = re.compile(r"(\d{4})[-/.](\d{1,2})")  # 2025-6
_NAMED_MONTH = re.compile(r"([a-zåäö]+)\s+(\d{4})")  # kesäkuu 2025, kesäkuussa 2025
_ISO_TIME = re.compile(r"(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?")
_LOOSE_TIME = re.compile(r"(?:(?:klo|kello)\.?\s*)?(\d{1,2})(?:\s*[.:,]\s*(\d{2}))?")
_COMPACT_TIME = re.compile(r"(\d{2})(\d{2})")  # 0900
DAY_FORMAT = "päivämäärä muodossa VVVV-KK-PP"
TIME_FORMAT = "kellonaika muodossa HH:MM"


def _day_error(year: int, month: int, day: int, text: str) -> FieldError | None:
    """Why ``year-month-day`` (written as ``text``) is no date, or ``None`` if it is one."""
    if year < 1:
        return FieldError(f"päivämäärää {text} ei ole: vuosi {year:04d} ei kelpaa",
                          hint="muoto on VVVV-KK-PP (vuosi-kuukausi-päivä)")
    if not 1 <= month <= 12:
        hint = "muoto on VVVV-KK-PP (vuosi-kuukausi-päivä)"
        if 1 <= day <= 12 and _day_error(year, day, month, text) is None:
            hint = f"tarkoititko {year:04d}-{day:02d}-{month:02d}? {hint}"
        return FieldError(f"päivämäärää {text} ei ole: kuukausi {month:02d} ei ole välillä "
                          "01–12", hint=hint)
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return FieldError(f"päivämäärää {text} ei ole: {_MONTHS_IN[month - 1]} {year} on "
                          f"{last} päivää", hint=f"päivä on 01–{last}; tarkista päivä ja "
                          "kuukausi")
    return None


def _year(text: str) -> int:
    return int(text) if len(text) == 4 else 2000 + int(text)


def _loose_day(text: str) -> tuple[int, int, int] | None:
    """``(year, month, day)`` of a date written in another common way (``31.12.2025``)."""
    match = _FINNISH_DAY.fullmatch(text)
    if match:
        day, month, year = match.groups()
        return _year(year), int(month), int(day)
    match = _LOOSE_DAY.fullmatch(text)
    if match:
        year, month, day = match.groups()
        return int(year), int(month), int(day)
    return None


def _iso_day(text: str) -> tuple[int, int, int] | None:
    match = _ISO_DAY.fullmatch(text)
    return (int(match.group(1)), int(match.group(2)), int(match.group(3))) if match else None


def parse_day(value: Any) -> Any:
    """A date ``VVVV-KK-PP`` only: no timestamps, no other forms (each explained)."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    iso = _iso_day(text)
    parts = iso or _loose_day(text)
    if parts is not None:
        year, month, day = parts
        error = _day_error(year, month, day, text)
        if error is not None:
            raise error
        if iso:
            return dt.date(year, month, day)
        raise FieldError(DAY_FORMAT, hint=f"kirjoita {year:04d}-{month:02d}-{day:02d}")
    datetime = _DATETIME.fullmatch(text)
    if datetime:
        raise FieldError(f"{DAY_FORMAT} ilman kellonaikaa",
                         hint=f"kirjoita {datetime.group(1)}; kokouksen kellonaika kuuluu "
                         "kenttiin start ja end")
    raise FieldError(DAY_FORMAT, hint="vuosi, kuukausi ja päivä numeroina, esim. 2025-09-17")


def _month_of(text: str) -> tuple[int, int] | None:
    """``(year, month)`` of a month written in another common way (``6/2025``)."""
    match = _LOOSE_MONTH.fullmatch(text)
    if match:
        return int(match.group(2)), int(match.group(1))
    match = _LOOSE_ISO_MONTH.fullmatch(text)
    if match:
        return int(match.group(1)), int(match.group(2))
    match = _NAMED_MONTH.fullmatch(text.lower())
    if match:
        for number, name in enumerate(_MONTH_NAMES, start=1):
            if match.group(1).startswith(name + "ku"):
                return int(match.group(2)), number
    return None


def _month_error(year: int, month: int, text: str) -> FieldError | None:
    if not 1 <= month <= 12:
        return FieldError(f"kuukautta {text} ei ole: kuukausi {month:02d} ei ole välillä 01–12",
                          hint="muoto on VVVV-KK (vuosi-kuukausi)")
    return None


def check_partial_date(value: str) -> str:
    match = _PARTIAL_DATE.match(value)
    message = f"päivämäärä muodossa VVVV, VVVV-KK tai VVVV-KK-PP, ei {value!r}"
    if not match:
        loose_day = _loose_day(value)
        if loose_day is not None:
            error = _day_error(*loose_day, value)
            if error is not None:
                raise error
            year, month, day = loose_day
            raise FieldError(message, hint=f"kirjoita {year:04d}-{month:02d}-{day:02d}")
        loose_month = _month_of(value)
        if loose_month is not None and _month_error(*loose_month, value) is None:
            raise FieldError(message, hint=f"kirjoita {loose_month[0]:04d}-{loose_month[1]:02d}")
        raise FieldError(message, hint="esim. 2026, 2026-06 tai 2026-06-15")
    year_text, month_text, day_text = match.groups()
    error = None
    if day_text is not None:
        error = _day_error(int(year_text), int(month_text), int(day_text), value)
    elif month_text is not None:
        error = _month_error(int(year_text), int(month_text), value)
    if error is not None:
        raise error
    return value


def check_month(value: str) -> str:
    match = _ISO_MONTH.fullmatch(value)
    parts = (int(match.group(1)), int(match.group(2))) if match else _month_of(value)
    if parts is not None:
        error = _month_error(*parts, value)
        if error is not None:
            raise error
        if match:
            return value
    message = f"kuukausi muodossa VVVV-KK, ei {value!r}"
    if parts is not None:
        raise FieldError(message, hint=f"kirjoita {parts[0]:04d}-{parts[1]:02d}")
    if _iso_day(value) or _loose_day(value):
        raise FieldError(message, hint="kun päivä tiedetään, kirjoita se kenttään date "
                         "(ja poista month)")
    raise FieldError(message, hint="esim. 2025-09")


def parse_time(value: Any) -> Any:
    """A wall-clock time ``HH:MM``; other ways of writing it get the fixed form as a hint."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    match = _ISO_TIME.fullmatch(text)
    if match:
        hours, minutes, seconds = (int(p) if p else 0 for p in match.groups()[:3])
        if hours > 23:
            hint = "keskiyö on 00:00; käytä päivän lopulle 23:59" if hours == 24 else ""
            raise FieldError(f"kellonaikaa {text} ei ole: tunnit ovat 00–23", hint=hint)
        if minutes > 59 or seconds > 59:
            raise FieldError(f"kellonaikaa {text} ei ole: minuutit ovat 00–59")
        return text  # pydantic parses it; a time-zone offset is refused after that
    loose = _LOOSE_TIME.fullmatch(text.lower()) or _COMPACT_TIME.fullmatch(text)
    if loose:
        hours, minutes = int(loose.group(1)), int(loose.group(2) or 0)
        if hours <= 23 and minutes <= 59:
            raise FieldError(TIME_FORMAT, hint=f'kirjoita "{hours:02d}:{minutes:02d}" '
                             "(kaksoispiste ja lainausmerkit)")
    raise FieldError(TIME_FORMAT, hint='tunnit ja minuutit kaksoispisteellä ja '
                     'lainausmerkeissä, esim. "13:00"')


# --- formats given as patterns: described in words, with the fixed value when it is clear ---

SECTION_PATTERN = r"^\d+(?: ?[a-z])?$"
LAW_NUMBER_PATTERN = r"^\d+/\d{4}$"
SEED_DOCUMENT_PATTERN = r"^\d{3}_[0-9a-f]{16}\.txt$"


def _fix_section(value: str) -> str | None:
    text = re.sub(r"§|\bpykälä\b|\bpyk\b\.?", " ", value, flags=re.IGNORECASE)
    match = re.fullmatch(r"\s*(?:\d+\s*(?:luku|luvun|l\.)\s*)?(\d+)\s*([a-zA-Z])?\s*", text)
    if not match:
        return None
    number, letter = match.groups()
    return f"{int(number)} {letter.lower()}" if letter else str(int(number))


def _fix_law_number(value: str) -> str | None:
    found = re.findall(r"(?<!\d)(\d{1,4})\s*[/-]\s*(\d{4})(?!\d)", value)
    if len(found) == 1:
        return f"{int(found[0][0])}/{found[0][1]}"
    found = re.findall(r"(?<!\d)(\d{4})\s*/\s*(\d{1,3})(?!\d)", value)
    if len(found) == 1:  # year first (2023/380)
        return f"{int(found[0][1])}/{found[0][0]}"
    return None


def _fix_document(value: str) -> str | None:
    match = re.search(r"(\d{3}_[0-9a-fA-F]{16})(?:\.txt)?", value)
    return match.group(1).lower() + ".txt" if match else None


PATTERNS: dict[str, tuple[str, Any]] = {
    SECTION_PATTERN: ("pykälän numero ilman §-merkkiä, esim. 22 tai 22 a", _fix_section),
    LAW_NUMBER_PATTERN: ("säädösnumero muodossa numero/vuosi, esim. 380/2023",
                         _fix_law_number),
    SEED_DOCUMENT_PATTERN: ("lähdeaineiston tiedostonimi kansiosta shared/seeds, esim. "
                            "000_29a47eed100e93b4.txt", _fix_document),
    SLUG_PATTERN: (f"tunniste: {SLUG_DESCRIPTION}", fi.slug),
}
"""Every pattern a model uses: the format in words, and a function that gives the value the
editor probably meant (or ``None``)."""


def pattern_problem(pattern: str, value: str) -> tuple[str, str]:
    """Message and hint for ``value`` that does not match ``pattern`` (never the regex)."""
    described, fix = PATTERNS.get(pattern, ("", None))
    message = (f"arvo {value!r} on väärää muotoa: odotettu {described}" if described
               else f"arvo {value!r} on väärää muotoa")
    fixed = fix(value) if fix is not None else None
    hint = f"tarkoititko '{fixed}'?" if fixed and fixed != value else ""
    return message, hint


# --- lengths: names and titles are headings on pages and printouts ---------------------------

NAME_MAX = 300
"""Names and titles: a heading on pages and in printed handouts. The longest real one is
~120 characters; the hostile corpus (tests/fixtures/hostile) shows 300 still lays out."""
PERSON_FIELD_MAX = 150
SHORT_MAX = 40
"""Abbreviations and short names."""


class TooLong(FieldError):
    """A text over its field's maximum length (``validate`` names where longer text goes)."""


@dataclass(frozen=True)
class MaxLength:
    """Field metadata: at most ``limit`` characters. Checked after pydantic's own checks
    with a Finnish :class:`TooLong` (``validate`` adds where longer text belongs), and
    written to the JSON Schema as ``maxLength``, so VS Code warns while the editor types."""

    limit: int

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler
                                     ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(self._check, handler(source))

    def __get_pydantic_json_schema__(self, schema: core_schema.CoreSchema,
                                     handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema["maxLength"] = self.limit
        return json_schema

    def _check(self, value: str) -> str:
        if len(value) > self.limit:
            raise TooLong(f"teksti on liian pitkä: {len(value)} merkkiä, enintään "
                          f"{self.limit}", hint="lyhennä tekstiä")
        return value
