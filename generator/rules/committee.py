"""A committee's seats and members: places filled, memberships that overlap, the term."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from .. import fi
from ..core.diagnostics import Report, did_you_mean
from ..core.models import Committee, Member, Seat
from ..graph import Graph
from ..load.validate import Record
from .report import err

TERM_WARNING_DAYS = 60


def check_committee(record: Record, committee: Committee, graph: Graph, report: Report,
                     today: dt.date) -> None:
    seat_ids = [s.id for s in committee.seats]
    filled: dict[str, int] = defaultdict(int)
    for index, member in enumerate(committee.members):
        if member.seat is not None:
            if member.seat not in seat_ids:
                err(record, ("members", index, "seat"),
                     f"members.{index}.seat: paikkaa '{member.seat}' ei ole tämän toimielimen "
                     "seats-listassa", report, did_you_mean(member.seat, seat_ids))
            elif _is_current(member.start, member.end, today):
                filled[member.seat] += 1
        if committee.term and member.start and member.start < committee.term.start:
            err(record, ("members", index, "start"),
                 f"members.{index}.start: jäsenyys alkaa ennen toimikautta", report,
                 f"toimikausi alkaa {fi.date(committee.term.start)}: korjaa jäsenyyden alku "
                 "tai toimikauden alku (term.start)",
                 warning=True)
    for index, seat in enumerate(committee.seats):
        if not committee.in_force or committee.vacancy_note:
            break  # vacancies are expected (draft, ended) or explained
        if filled[seat.id] < seat.count and not seat.max_count and not seat.vacant:
            open_count = seat.count - filled[seat.id]
            err(record, ("seats", index),
                f"seats.{index}: paikalla '{seat.id}' on {open_count} täyttämätöntä paikkaa",
                report, "näkyy sivulla merkinnällä ”ei nimetty lähteissä”; jos lähteet eivät "
                "nimeä jäseniä, kerro se kentässä vacancy_note; jos lähde kertoo paikan "
                "avoimeksi, merkitse paikalle `vacant: true` ja lähde", warning=True)
    _check_overlapping_members(record, committee, report)
    term = committee.term
    if term and term.end and committee.in_force:
        left = (term.end - today).days
        if 0 <= left <= TERM_WARNING_DAYS:
            err(record, ("term", "end"),
                 f"toimikausi päättyy {left} päivän kuluttua ({term.end.isoformat()})", report,
                 "päivitä toimikausi tai tila, kun uusi toimielin on asetettu", warning=True)



def _is_current(start: dt.date | None, end: dt.date | None, today: dt.date) -> bool:
    return (start is None or start <= today) and (end is None or end >= today)



def _period(committee: Committee, member: Member) -> tuple[dt.date, dt.date]:
    """A membership's start and end, defaulting to the committee's term (as on the page),
    open ends as the earliest and latest dates."""
    start, end = committee.term_of(member)
    return start or dt.date.min, end or dt.date.max



def _overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    """Whether two memberships are in force at the same time. A hand-over on one day (one
    ends on the day the other starts) is not an overlap."""
    return (a[0] < b[1] and b[0] < a[1]) or a == b


_SUCCESSION = ("jos jäsenyys on päättynyt tai vaihtunut, merkitse aiemmalle `end` ja "
               "uudelle `start`")



def _succession(members: list[Member], earlier: int, later: int) -> str:
    """The hint for two clashing memberships: if both dates are there, that they overlap."""
    before, after = members[earlier], members[later]
    if before.end is not None and after.start is not None:
        return (f"jäsenyydet ovat päällekkäin: members.{earlier} päättyy "
                f"{fi.date(before.end)}, mutta members.{later} alkaa jo "
                f"{fi.date(after.start)}; jos toinen seuraa toista, korjaa päivät")
    return _SUCCESSION



def _check_overlapping_members(record: Record, committee: Committee, report: Report) -> None:
    """Places and people of memberships in force at the same time: a seat holds at most
    ``count`` members; a person is one member at a time, the personal deputy of one member
    only, and not a member then. Memberships that follow each other (the earlier one has
    ``end``, the later one ``start``) do not clash. Reported at the later entry."""
    members = committee.members
    periods = [_period(committee, m) for m in members]
    seats = {s.id: s for s in committee.seats}
    deputy_reported: set[int] = set()
    for index, member in enumerate(members):
        during = [j for j in range(index) if _overlap(periods[j], periods[index])]
        same = [j for j in during if members[j].person == member.person]
        if same:
            err(record, ("members", index, "person"),
                 f"members.{index}.person: '{member.person}' on jo toimielimen jäsen samaan "
                 f"aikaan (members.{same[0]})", report,
                 f"henkilö merkitään toimielimeen kerran; poista toinen rivi, tai "
                 f"{_succession(members, same[0], index)}")
        # One message per deputy entry, the first problem found: one fix mends them all.
        for j in during:
            if members[j].deputy == member.person and j not in deputy_reported:
                deputy_reported.add(j)
                _deputy_is_member(record, j, members[j], index, report)
        as_member = [j for j in during if members[j].person == member.deputy]
        as_deputy = [j for j in during if members[j].deputy == member.deputy]
        if member.deputy is not None and as_member:
            deputy_reported.add(index)
            _deputy_is_member(record, index, member, as_member[0], report)
        elif member.deputy is not None and as_deputy:
            deputy_reported.add(index)
            j = as_deputy[0]
            err(record, ("members", index, "deputy"),
                 f"members.{index}.deputy: '{member.deputy}' on jo jäsenen "
                 f"'{members[j].person}' henkilökohtainen varajäsen (members.{j})", report,
                 "henkilökohtainen varajäsen on vain yhden jäsenen varajäsen; valitse "
                 f"toinen varajäsen, tai {_SUCCESSION}")
        seat = seats.get(member.seat) if member.seat is not None else None
        if seat is not None:
            holders = [j for j in during
                       if members[j].seat == seat.id and members[j].person != member.person]
            _check_seat_places(record, index, seat, members, periods, holders, report)



def _deputy_is_member(record: Record, index: int, member: Member, other: int,
                      report: Report) -> None:
    err(record, ("members", index, "deputy"),
         f"members.{index}.deputy: '{member.deputy}' on samaan aikaan itse jäsen "
         f"(members.{other}) eikä voi olla jäsenen '{member.person}' varajäsen", report,
         "valitse toinen varajäsen; jos varajäsenestä on tullut jäsen, jaa tämä rivi kahdeksi "
         "(aiemmalle `end`, uudelle `start`) ja jätä `deputy` pois uudemmasta")



def _check_seat_places(record: Record, index: int, seat: Seat, members: list[Member],
                       periods: list[tuple[dt.date, dt.date]], holders: list[int],
                       report: Report) -> None:
    """Error at ``members.index.seat`` when the seat has more members than places at some
    moment of this membership. ``holders``: the earlier members of the seat whose
    membership overlaps this one."""
    if len(holders) < seat.count:
        return
    # Intervals: the most holders at once are there at the start of one of them.
    own = periods[index]
    most: list[int] = []
    for moment in sorted({own[0], *(periods[j][0] for j in holders)}):
        if moment < own[0]:
            continue
        at = [j for j in holders
              if periods[j][0] <= moment < periods[j][1] or periods[j] == own]
        if len(at) > len(most):
            most = at
    if len(most) < seat.count:
        return
    places = fi.count(seat.count, "paikka", "paikkaa")
    if seat.max_count:
        places = "enintään " + places
    names = ", ".join(f"members.{j} '{members[j].person}'" for j in most)
    err(record, ("members", index, "seat"),
         f"members.{index}.seat: paikalla '{seat.id}' on {places}, mutta sille on merkitty "
         f"samaan aikaan {len(most) + 1} jäsentä ({names} ja members.{index} "
         f"'{members[index].person}')", report,
         f"korjaa paikka (seat) tai paikkamäärä (count), tai "
         f"{_succession(members, most[-1], index)}")
