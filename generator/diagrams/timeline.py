"""Timeline of a committee's term and milestones, top to bottom, grouped by year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import groupby, pairwise

from .. import fi
from ..graph import Graph
from .common import digraph
from .dot import Html, Value, bold, font, row, table, text
from .figure import Diagram
from .palette import MUTED, NODE, TERMINAL

ITEM_WIDTH = 26
TABLE_WIDTH_POINTS = 200


@dataclass(frozen=True, order=True)
class Entry:
    """One point on the timeline; sorts by date (partial dates first), then by order."""

    key: tuple[int, int, int, int]
    when: str
    title: str
    term: bool = False
    period: bool = False
    inferred: bool = False  # the editor inferred the date: the node says *päätelty*


def _partial_key(value: str) -> tuple[int, int, int]:
    parts = [int(p) for p in value.split("-")] + [0, 0]
    return parts[0], parts[1], parts[2]


def _date_key(value: dt.date) -> tuple[int, int, int]:
    return value.year, value.month, value.day


def _period(start: str, end: str) -> str:
    """``1–6/2026`` within one year at month precision, else ``fi.partial_range``."""
    a, b = start.split("-"), end.split("-")
    if len(a) == len(b) == 2 and a[0] == b[0]:
        return f"{int(a[1])}–{int(b[1])}/{a[0]}"
    return fi.partial_range(start, end)


def entries(graph: Graph, committee_id: str) -> list[Entry]:
    committee = graph.committees[committee_id]
    items = [
        Entry((*_partial_key(m.date), 1),
              _period(m.date, m.end) if m.end else fi.partial_date(m.date), m.title,
              period=m.end is not None, inferred=m.inferred is not None)
        for m in committee.milestones
    ]
    if committee.term:
        items.append(Entry((*_date_key(committee.term.start), 0),
                           fi.date(committee.term.start), "Toimikausi alkaa", term=True))
        if committee.term.end:
            items.append(Entry((*_date_key(committee.term.end), 2),
                               fi.date(committee.term.end), "Toimikausi päättyy", term=True))
    return sorted(items)


def timeline_diagram(graph: Graph, committee_id: str) -> Diagram | None:
    """``None`` when the committee has no milestones (a bare term needs no picture)."""
    committee = graph.committees[committee_id]
    if not committee.milestones:
        return None
    items = entries(graph, committee_id)
    dot = digraph(f"aikajana-{committee_id}", ranksep=0.3, nodesep=0.2)
    names = []
    for year, group in groupby(enumerate(items), key=lambda pair: pair[1].key[0]):
        dot.subgraph(f"cluster_{year}", label=str(year), labeljust="l", style="rounded",
                     color=MUTED.light, fontcolor=MUTED.light, fontsize=14,
                     id=f"vuosi-{year}", **{"class": "dg-year"})
        for index, entry in group:
            node = f"m{index}"
            names.append(node)
            rows: list[Html] = [
                row(font(bold(text(entry.when + (" (päätelty)" if entry.inferred else "")))),
                    align="left"),
                row(text(entry.title, ITEM_WIDTH, align="LEFT"), align="left", balign="left"),
            ]
            attrs: dict[str, Value] = {"id": f"aika-{index}",
                                       "fillcolor": TERMINAL.light if entry.term
                                       else NODE.light}
            classes = ["dg-milestone"]
            if entry.term:
                classes.append("dg-term")
            if entry.period:
                classes.append("dg-period")
                attrs["peripheries"] = 2
            # A fixed table width lines the dates up at the same left edge in every node.
            dot.node(node, label=table(rows, width=TABLE_WIDTH_POINTS), **attrs,
                     **{"class": " ".join(classes)})
        dot.end()
    for tail, head in pairwise(names):
        dot.edge(tail, head)
    term = committee.term
    span = fi.date_range(term.start, term.end) if term else ""
    count = len(committee.milestones)
    return Diagram(
        kind="aikajana",
        key=committee_id,
        dot=dot.source(),
        title=f"{committee.name}: aikajana",
        desc=(f"Aikajana: {f'toimikausi {span} ja ' if span else ''}"
              f"{fi.count(count, 'virstanpylväs', 'virstanpylvästä')} aikajärjestyksessä "
              "ylhäältä alas, vuosittain ryhmiteltynä. Samat tiedot ovat sivulla luettelona."),
        caption=(f"{committee.name}: toimikausi ja virstanpylväät"
                 + (f" {term.start.year}–{term.end.year}" if term and term.end else "")
                 + ". Jakso (alku–loppu) on merkitty kaksoisreunuksella."),
    )
