"""Finnish formatting and collation (``generator.fi``): one module for every template."""

from __future__ import annotations

import datetime as dt

import pytest

from generator import fi


def test_collation_follows_sfs_4600() -> None:
    """å, ä, ö come after z, and w sorts as v."""
    names = ["Öljy", "Åke", "Zeta", "Wahl", "Vaara", "Äes"]
    assert sorted(names, key=fi.sort_key) == ["Vaara", "Wahl", "Zeta", "Åke", "Äes", "Öljy"]


def test_collation_ignores_case_and_accents_but_not_finnish_letters() -> None:
    """É sorts as e; Wikström as "vikström", so before Virta."""
    names = ["öljy", "Oja", "Émile", "Ehto", "aalto", "Ähtäri", "Wikström", "Virta", "Vuori"]
    assert sorted(names, key=fi.sort_key) == [
        "aalto", "Ehto", "Émile", "Oja", "Wikström", "Virta", "Vuori", "Ähtäri", "öljy",
    ]


def test_dates_with_and_without_weekday() -> None:
    assert fi.date(dt.date(2025, 3, 24)) == "24.3.2025"
    assert fi.weekday_date(dt.date(2025, 3, 24)) == "ma 24.3.2025"
    assert fi.weekday_date(dt.date(2025, 6, 4)) == "ke 4.6.2025"


def test_times_use_a_full_stop_and_an_en_dash() -> None:
    assert fi.time(dt.time(9, 0)) == "9.00"
    assert fi.time_range(dt.time(12), dt.time(14)) == "klo 12.00–14.00"
    assert fi.time_range(dt.time(9, 30), None) == "klo 9.30"


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (dt.date(2025, 1, 30), dt.date(2027, 12, 31), "30.1.2025–31.12.2027"),
        (dt.date(2025, 1, 30), None, "30.1.2025 alkaen"),
        (None, dt.date(2027, 12, 31), "31.12.2027 asti"),
        (None, None, ""),
    ],
)
def test_date_range(start: dt.date | None, end: dt.date | None, expected: str) -> None:
    assert fi.date_range(start, end) == expected


def test_meeting_time_in_text() -> None:
    assert fi.when(dt.date(2025, 3, 24), None, dt.time(12), dt.time(14)) == (
        "ma 24.3.2025 klo 12.00–14.00"
    )
    assert fi.when(dt.date(2025, 3, 12)) == "ke 12.3.2025"
    assert fi.when(None, "2025-06") == "kesäkuu 2025"


def test_partial_dates_and_ranges() -> None:
    assert fi.partial_date("2025-06-12") == "12.6.2025"
    assert fi.partial_date("2025-06") == "6/2025"
    assert fi.partial_date("2027") == "2027"
    assert fi.partial_range("2026-06", "2026-12") == "6/2026–12/2026"
    assert fi.partial_range("2025-03", None) == "3/2025"


def test_counts_use_the_partitive_after_numbers_other_than_one() -> None:
    assert fi.count(1, "paikka", "paikkaa") == "1 paikka"
    assert fi.count(8, "paikka", "paikkaa") == "8 paikkaa"


@pytest.mark.parametrize(("text", "lines"), [
    # a known second half of a compound: the break (with a hyphen) comes before it
    ("Asiakkaan aktivointisuunnitelmaan kirjataan",
     ["Asiakkaan", "aktivointi-", "suunnitelmaan", "kirjataan"]),
    # no known half in reach: the last syllable boundary that fits
    ("Kuntakokeiluhankkeenvalmistelijat", ["Kuntakokeiluhank-", "keenvalmistelijat"]),
    # the word's own hyphen is the break; no hyphen is added
    ("Etelä-Pohjanmaan-ELY-keskus", ["Etelä-Pohjanmaan-", "ELY-keskus"]),
    ("rivi\ntoinen", ["rivi", "toinen"]),
])
def test_wrap_lines_hyphenates_the_finnish_way(text: str, lines: list[str]) -> None:
    assert fi.wrap_lines(text, 18) == lines
