"""The VTIMEZONE for Europe/Helsinki that every feed with timed events carries.

Written as the two yearly EU rules (last Sunday of March 03.00 → 04.00, last Sunday of
October 04.00 → 03.00) rather than generated from zoneinfo: the rule form is the one every
client reads (Outlook ignores RDATE lists in VTIMEZONE), stays valid for meetings added later,
and does not depend on the tzdata of the machine that builds. Before using it, the rule is
checked against zoneinfo for every year the feed covers; if Finland's rules ever change, the
feed falls back to icalendar's zoneinfo-generated VTIMEZONE for exactly those years.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

from ..core.clock import HELSINKI

TZID = "Europe/Helsinki"
EET = dt.timedelta(hours=2)
EEST = dt.timedelta(hours=3)


def _last_sunday(year: int, month: int) -> dt.date:
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - 6) % 7)


def rule_holds(year: int) -> bool:
    """Does zoneinfo agree with the EU rule (changes at 01.00 UTC) in ``year``?"""
    utc = dt.UTC
    for month, before, after in ((3, EET, EEST), (10, EEST, EET)):
        change = dt.datetime.combine(_last_sunday(year, month), dt.time(1), tzinfo=utc)
        just_before = (change - dt.timedelta(minutes=1)).astimezone(HELSINKI).utcoffset()
        if just_before != before or change.astimezone(HELSINKI).utcoffset() != after:
            return False
    winter = dt.datetime(year, 1, 15, tzinfo=HELSINKI).utcoffset()
    summer = dt.datetime(year, 7, 15, tzinfo=HELSINKI).utcoffset()
    return winter == EET and summer == EEST


def _observance(kind: type[TimezoneStandard] | type[TimezoneDaylight], name: str,
                offset_from: dt.timedelta, offset_to: dt.timedelta, start: dt.datetime,
                month: int) -> TimezoneStandard | TimezoneDaylight:
    part = kind()
    part.add("tzname", name)
    part.add("tzoffsetfrom", offset_from)
    part.add("tzoffsetto", offset_to)
    part.add("dtstart", start)
    part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
    return part


def rule_timezone() -> Timezone:
    """Europe/Helsinki as the EU daylight-saving rule (in force in Finland since 1996)."""
    zone = Timezone()
    zone.add("tzid", TZID)
    zone.add("x-lic-location", TZID)
    zone.add_component(_observance(TimezoneDaylight, "EEST", EET, EEST,
                                   dt.datetime(1970, 3, 29, 3), 3))
    zone.add_component(_observance(TimezoneStandard, "EET", EEST, EET,
                                   dt.datetime(1970, 10, 25, 4), 10))
    return zone


def helsinki(years: Iterable[int]) -> Timezone:
    """The VTIMEZONE for feeds whose events fall in ``years``."""
    covered = sorted(set(years))
    if all(rule_holds(year) for year in covered):
        return rule_timezone()
    return Timezone.from_tzid(TZID, first_date=dt.date(covered[0], 1, 1),
                              last_date=dt.date(covered[-1] + 1, 1, 1))
