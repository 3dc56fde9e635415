"""Finnish formatting and collation, used by every template and renderer.

Dates ``ti 24.3.2025``, times ``klo 12.00–14.00``, and alphabetical order after SFS 4600
(å, ä, ö after z; w sorts as v; case and accents otherwise ignored), and the line breaking
and hyphenation of diagram labels (:func:`wrap_lines`: compound halves, then syllables).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache

WEEKDAYS = ("ma", "ti", "ke", "to", "pe", "la", "su")
MONTHS = (
    "tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu",
    "heinäkuu", "elokuu", "syyskuu", "lokakuu", "marraskuu", "joulukuu",
)
_ORDER = "abcdefghijklmnopqrstuvxyzåäö"


def date(value: dt.date) -> str:
    """``24.3.2025``"""
    return f"{value.day}.{value.month}.{value.year}"


def weekday_date(value: dt.date) -> str:
    """``ti 24.3.2025``"""
    return f"{WEEKDAYS[value.weekday()]} {date(value)}"


def time(value: dt.time) -> str:
    """``12.00``"""
    return f"{value.hour}.{value.minute:02d}"


def time_range(start: dt.time, end: dt.time | None) -> str:
    """``klo 12.00–14.00`` (en dash, no spaces)."""
    return f"klo {time(start)}–{time(end)}" if end else f"klo {time(start)}"


def month(year: int, month_number: int) -> str:
    """``kesäkuu 2025``"""
    return f"{MONTHS[month_number - 1]} {year}"


def partial_date(value: str) -> str:
    """``2025-06`` → ``6/2025``; ``2025-06-12`` → ``12.6.2025``; ``2025`` → ``2025``."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(dt.date(*parts))
    if len(parts) == 2:
        return f"{parts[1]}/{parts[0]}"
    return str(parts[0])


def partial_range(start: str, end: str | None) -> str:
    """``2025-09`` – ``2026-12`` → ``9/2025–12/2026``."""
    return f"{partial_date(start)}–{partial_date(end)}" if end else partial_date(start)


def date_range(start: dt.date | None, end: dt.date | None) -> str:
    """``1.4.2025–31.3.2027``, ``1.4.2025 alkaen``, ``31.3.2027 asti`` or ``""``."""
    if start and end:
        return f"{date(start)}–{date(end)}"
    if start:
        return f"{date(start)} alkaen"
    if end:
        return f"{date(end)} asti"
    return ""


def month_iso(value: str) -> str:
    """``2025-06`` → ``kesäkuu 2025``."""
    year, month_number = (int(p) for p in value.split("-")[:2])
    return month(year, month_number)


def when(day: dt.date | None, month_value: str | None = None,
         start: dt.time | None = None, end: dt.time | None = None) -> str:
    """A meeting's time: ``ti 24.3.2025 klo 12.00–14.00``, or ``kesäkuu 2025`` if only the
    month is known."""
    if day is None:
        return month_iso(month_value) if month_value else ""
    text = weekday_date(day)
    return f"{text} {time_range(start, end)}" if start else text


def count(number: int, singular: str, plural: str) -> str:
    """``1 paikka``, ``3 paikkaa`` (Finnish partitive after numbers other than one)."""
    return f"{number} {singular if number == 1 else plural}"


def duration(start: dt.time, end: dt.time) -> str:
    """``2 h 30 min``"""
    minutes = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{hours} h {rest} min"
    return f"{hours} h" if hours else f"{rest} min"


def sort_key(text: str) -> tuple[str, str]:
    """Collation key for Finnish alphabetical order (SFS 4600)."""
    return "".join(map(_primary, text.lower())), text


@cache
def _primary(char: str) -> str:
    """One lower-case character's part of :func:`sort_key`: å, ä and ö are letters of
    their own after z, w sorts as v, other accents are ignored, punctuation is dropped."""
    base = char if char in "åäö" else unicodedata.normalize("NFD", char)[0]
    if base == "w":
        base = "v"
    if not (base.isalnum() or base == " "):
        return ""
    return chr(0x100 + _ORDER.index(base)) if base in _ORDER else base


# Jinja filters for every template environment (pages, handouts): one place for Finnish
# formatting in templates.
TEMPLATE_FILTERS = {
    "date": date,
    "weekday_date": weekday_date,
    "time": time,
    "time_range": time_range,
    "partial_date": partial_date,
}


_NOT_DECOMPOSED = str.maketrans({"ø": "o", "æ": "ae", "đ": "d", "ł": "l"})


def fold(text: str) -> str:
    """``text`` for comparing names: case, accents and spacing ignored (``Hyvil`` ~
    ``hyvil``, ``Kyynäräinen`` ~ ``kyynarainen``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_NOT_DECOMPOSED))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split())


def slug(text: str) -> str:
    """The id ``text`` would have as a file name: ``Maija Meikäläinen`` →
    ``maija-meikalainen``; "" when nothing usable is left."""
    return "-".join(re.findall(r"[a-z0-9]+", fold(text)))


COMPOUND_PARTS = (
    # Second halves of the long compounds in this field's names, in their stem forms, so
    # inflected words match too (``suunnitelm`` in *aktivointisuunnitelmaan*). A diagram
    # label breaks a long word before one of these (*aktivointi-* / *suunnitelmaan*)
    # rather than at the last syllable that fits (*aktivointisuunni-* / *telmaan*).
    "alue", "arvio", "asiakas", "asiakk", "etuu", "harkin", "integraatio", "jaosto",
    "johtaja", "järjestelm", "kaavio", "keskus", "keskustelu", "kokonaisuu", "kokou",
    "kysely", "mahdollisuu", "malli", "ministeriö", "neuvottelu", "ohjau", "organisaatio",
    "palvelu", "projekti", "prosessi", "puheenvuoro", "päiväraha", "raja", "ryhmä",
    "selvity", "sopimu", "suunnitelm", "tarkastu", "tiimi", "toimeentulo", "toiminta",
    "toimisto", "tuki", "tunnistu", "työllistämi", "valmennu", "velvoite", "verkosto",
    "viranomai", "yhteistyö", "yhtiö",
)

_VOWELS = frozenset("aeiouyåäöAEIOUYÅÄÖéÉüÜ")
WRAP_SLACK = 3  # a word may overrun the width by this much before it is broken


def wrap_lines(text: str, width: int = 18) -> list[str]:
    """Split ``text`` (a diagram label) into lines of about ``width`` characters.

    Lines break between words; a word longer than ``width + WRAP_SLACK`` breaks after its
    own hyphens or slashes first (``Pohjois-`` / ``Savon``), then, with a hyphen added,
    between the halves of a compound whose second half is known (``Aktivointi-`` /
    ``suunnitelman``), else at a Finnish syllable boundary (before a consonant that
    precedes a vowel). Explicit newlines are kept.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            for index, (piece, soft) in enumerate(_split_word(word, width)):
                glue = "" if index > 0 else " "
                candidate = current + (glue if current else "") + piece
                if current and len(candidate) > width:
                    lines.append(current + ("-" if index > 0 and soft else ""))
                    current = piece
                else:
                    current = candidate
        lines.append(current)
    return lines


def _split_word(word: str, width: int) -> list[tuple[str, bool]]:
    """``word`` in pieces of at most ``width`` characters.

    Each piece carries ``soft``: the break before it is inside a word part and needs an
    added hyphen if the line breaks there (the pieces join without one otherwise).
    """
    if len(word) <= width + WRAP_SLACK:
        return [(word, False)]
    pieces: list[tuple[str, bool]] = []
    for part in re.findall(r"[^-/]+[-/]*|[-/]+", word):
        chunks = (_word_chunks(part, width - 1) if len(part) > width + WRAP_SLACK
                  else [part])
        pieces.extend((chunk, i > 0) for i, chunk in enumerate(chunks))
    return pieces


_COMPOUND_PART = re.compile("|".join(sorted(COMPOUND_PARTS, key=len, reverse=True)))
_MIN_COMPOUND_HALF = 4  # characters on each side of a compound break


def _compound_cut(part: str, limit: int) -> int:
    """The last position up to ``limit`` where a known compound half starts, or 0."""
    lowered = part.lower()
    last = min(limit, len(part) - _MIN_COMPOUND_HALF)
    return next((pos for pos in range(last, _MIN_COMPOUND_HALF - 1, -1)
                 if _COMPOUND_PART.match(lowered, pos)), 0)


def _syllable_cut(part: str, limit: int) -> int:
    """The last syllable boundary up to ``limit`` (before a consonant that precedes a
    vowel, with a vowel before it), or 0."""
    for pos in range(min(limit, len(part) - 4), 2, -1):
        if (part[pos].isalpha() and part[pos] not in _VOWELS
                and part[pos + 1] in _VOWELS
                and any(c in _VOWELS for c in part[:pos])):
            return pos
    return 0


def _word_chunks(part: str, limit: int) -> list[str]:
    """Break ``part`` into chunks of at most ``limit`` characters: before a known second
    half of a compound (:data:`COMPOUND_PARTS`) if one starts in reach, else at the
    last syllable boundary that fits, else at ``limit``."""
    chunks = []
    while len(part) > limit + WRAP_SLACK:
        cut = _compound_cut(part, limit) or _syllable_cut(part, limit) or limit
        chunks.append(part[:cut])
        part = part[cut:]
    chunks.append(part)
    return chunks
