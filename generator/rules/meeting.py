"""A meeting: its day against its file name, cancellation, times, programme, copies."""

from __future__ import annotations

import datetime as dt
import itertools
import re

from .. import fi
from ..core.clock import HELSINKI
from ..core.diagnostics import Report
from ..core.models import Meeting
from ..graph import Graph
from ..load.validate import Record
from .report import err


def meeting_day(meeting: Meeting) -> tuple[str, str]:
    """The field that dates ``meeting`` and its value as written: ``("date", "2025-09-17")``
    or ``("month", "2025-09")``."""
    if meeting.date is not None:
        return "date", meeting.date.isoformat()
    return "month", meeting.month or ""


_ID_DAY = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?$")



def _check_meeting_id(record: Record, meeting: Meeting, report: Report) -> None:
    """A file named for a day (``verkosto-2025-09-15``) whose meeting is on another day and
    was never changed after publishing (``sequence: 0``): usually a copy whose date was
    left as it was. A meeting moved after publishing keeps its id and has ``sequence``."""
    match = _ID_DAY.search(record.id)
    if match is None or meeting.sequence > 0:
        return
    year, month, day = match.groups()
    named = f"{year}-{month}" + (f"-{day}" if day else "")
    field, written = meeting_day(meeting)
    if not written or written[:len(named)] == named or named[:len(written)] == written:
        return
    err(record, (field,),
         f"{field}: kokous on {written}, mutta tiedoston nimessä on {named}", report,
         "jos tiedosto on kopioitu toisesta kokouksesta, korjaa päivä; jos julkaistun "
         "kokouksen päivä muuttui, kasvata sequence-lukua (tiedostonimi eli tunniste pysyy "
         "ennallaan)", warning=True)



def check_meeting(record: Record, meeting: Meeting, report: Report) -> None:
    _check_meeting_id(record, meeting, report)
    if meeting.cancelled and meeting.sequence < 1:
        where = "sequence" if "sequence" in record.document.data else "status"
        err(record, (where,),
             f"{where}: peruttu kokous tarvitsee sequence-arvon vähintään 1", report,
             "peruminen on muutos: lisää tai kasvata kenttää `sequence` (esim. `sequence: 1`), "
             "jotta kalenterin tilanneiden kalentereissa kokous merkitään perutuksi")
    if meeting.date is not None:
        for name in ("start", "end"):
            value = getattr(meeting, name)
            if value is not None and not _exists_in_helsinki(meeting.date, value):
                err(record, (name,),
                     f"{name}: kellonaikaa {fi.time(value)} ei ole {fi.date(meeting.date)} "
                     "Suomen aikaa (kello siirretään tuolloin kesäaikaan)", report,
                     "valitse toinen kellonaika")
    items = meeting.programme
    for index, item in enumerate(items):
        if item.start is None or meeting.start is None:
            continue
        end = item.end or item.start
        outside = item.start < meeting.start or (meeting.end is not None and end > meeting.end)
        if outside:
            err(record, ("programme", index, "start"),
                 f"programme.{index}: ohjelmakohta {fi.time(item.start)}"
                 f"{'–' + fi.time(item.end) if item.end else ''} on kokouksen ajan ulkopuolella",
                 report)
    timed = [(i, it) for i, it in enumerate(items) if it.start is not None]
    for (_, before), (index, after) in itertools.pairwise(timed):
        assert before.start is not None and after.start is not None
        if after.start < before.start:
            err(record, ("programme", index, "start"),
                 f"programme.{index}: ohjelmakohdat eivät ole aikajärjestyksessä", report)
        elif before.end is not None and after.start < before.end:
            err(record, ("programme", index, "start"),
                 f"programme.{index}: ohjelmakohta alkaa {fi.time(after.start)} ennen kuin "
                 f"edellinen päättyy {fi.time(before.end)}", report)



def check_duplicate_meetings(graph: Graph, report: Report) -> None:
    """A warning at the second of two meetings of one series with the same day (or month)
    and title: usually a copied file whose date and title were left as they were. Not an
    error: two sessions on one day are possible, if unclear in calendars."""
    first: dict[tuple[str, str, str, bool], Record] = {}
    records = [r for r in graph.records.values() if isinstance(r.entity, Meeting)]
    for record in sorted(records, key=lambda r: r.id):  # a copy's id is usually longer
        meeting = record.entity
        assert isinstance(meeting, Meeting)
        field_name, when = meeting_day(meeting)
        key = (meeting.series, when, fi.fold(meeting.title), meeting.cancelled)
        earlier = first.setdefault(key, record)
        if earlier is record:
            continue
        day = fi.date(meeting.date) if meeting.date else when
        err(record, (field_name,),
             f"{field_name}: toimielimen '{meeting.series}' kokous '{meeting.title}' on jo "
             f"{day} tiedostossa {earlier.document.path}; onko tiedosto kopioitu?", report,
             "muuta kopion päivä (date) ja otsikko (title) tai poista ylimääräinen tiedosto; "
             "jos samana päivänä on kaksi kokousta, anna niille eri otsikot", warning=True)



def _exists_in_helsinki(day: dt.date, time: dt.time) -> bool:
    """False for wall-clock times skipped when clocks go forward (e.g. 03.30 in late March)."""
    local = dt.datetime.combine(day, time, tzinfo=HELSINKI)
    back = local.astimezone(dt.UTC).astimezone(HELSINKI)
    return back.replace(tzinfo=None) == local.replace(tzinfo=None)
