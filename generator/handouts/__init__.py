"""Printable PDF handouts with WeasyPrint: one per process, committee and meeting, and the
induction pack (*perehdytyspaketti*) for new members.

Each handout is an HTML document from ``templates/handouts`` (Jinja autoescape on) that
reuses the site's data and its inline SVG diagrams, rendered as tagged PDF/UA-1 with the
document language ``fi``, title and subject metadata, bookmarks from headings, and running
headers and footers with page numbers and the date of the content's last change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import fi, glossary
from ..clock import build_date
from ..gitdates import last_commit_dates
from ..models import Committee, Meeting, Process
from ..render.site import Output, SiteConfig
from ..resolve import Graph
from . import data
from .environment import entity_url, render
from .pdf import CACHE_FOLDER, PdfCache, render_all

PACK_ID = "perehdytyspaketti"
NETWORK_ID = "yhdyspintaverkosto"
PACK_PATH = f"pdf/{PACK_ID}.pdf"


def handout_path(entity_id: str) -> str:
    """Docs-root path of an entity's PDF handout."""
    return f"pdf/{entity_id}.pdf"


@dataclass(frozen=True)
class Handout:
    """One handout before rendering: where it goes, its HTML, and the YAML behind it."""

    path: str
    html: str
    source: str | None = None


class _Context:
    """What every handout needs: the graph, site settings, git dates and today's date."""

    def __init__(self, graph: Graph, config: SiteConfig) -> None:
        self.graph = graph
        self.config = config
        self.root = (config.project_root or config.content_dir.parent).resolve()
        try:
            folder = config.content_dir.resolve().relative_to(self.root).as_posix()
        except ValueError:
            folder = config.content_dir.name
        self.git_dates = last_commit_dates(self.root, folder)
        self.today = build_date()

    def updated(self, ids: set[str]) -> dt.date | None:
        return data.content_date(self.graph, ids, self.git_dates, self.root,
                                 self.config.content_dir)

    def render(self, template: str, *, title: str, subject: str, url: str,
               updated: dt.date | None, **extra: object) -> str:
        return render(
            f"handouts/{template}.html.j2",
            graph=self.graph, site_url=self.config.site_url, site_name=self.config.site_name,
            today=self.today, doc_title=title, subject=subject, online_url=url,
            updated=updated, body_class=template, **extra,
        )

    def source(self, entity_id: str) -> str:
        return data.source_file(self.graph, entity_id, self.root, self.config.content_dir)


def _title(name: str, abbreviation: str | None) -> str:
    return f"{name} ({abbreviation})" if abbreviation else name


def process_handout(ctx: _Context, process_id: str) -> Handout:
    process = ctx.graph.processes[process_id]
    html = ctx.render(
        "process", id=process_id,
        title=_title(process.name, process.abbreviation),
        subject=f"Prosessikuvaus: {process.name} – vaiheet, vastuutahot ja säädösperusta",
        url=entity_url(ctx.config.site_url, ctx.graph, process_id),
        updated=ctx.updated(data.shown_ids(ctx.graph, process_id, ctx.today)),
    )
    return Handout(handout_path(process_id), html, ctx.source(process_id))


def committee_handout(ctx: _Context, committee_id: str) -> Handout:
    committee = ctx.graph.committees[committee_id]
    html = ctx.render(
        "committee", id=committee_id,
        title=_title(committee.name, committee.abbreviation),
        subject=f"{committee.type.capitalize()}: {committee.name} – johto, jäsenet, "
                "tehtävät ja tulevat kokoukset",
        url=entity_url(ctx.config.site_url, ctx.graph, committee_id),
        updated=ctx.updated(data.shown_ids(ctx.graph, committee_id, ctx.today)),
    )
    return Handout(handout_path(committee_id), html, ctx.source(committee_id))


def meeting_handout(ctx: _Context, meeting_id: str) -> Handout:
    meeting = ctx.graph.meetings[meeting_id]
    when = data.meeting_when(meeting)
    html = ctx.render(
        "meeting", id=meeting_id,
        title=f"{meeting.title} {when}",
        subject=f"Kokouskutsu ja ohjelma: {ctx.graph.name(meeting.series)}, {when}",
        url=entity_url(ctx.config.site_url, ctx.graph, meeting_id),
        updated=ctx.updated(data.shown_ids(ctx.graph, meeting_id, ctx.today)),
    )
    return Handout(handout_path(meeting_id), html, ctx.source(meeting_id))


@dataclass(frozen=True)
class PackSection:
    id: str
    title: str
    kind: str
    prefix: str
    entries: list[tuple[str, str]]
    meetings: list[tuple[str, Meeting]]


def _by_name(graph: Graph, ids: list[str]) -> list[tuple[str, str]]:
    return sorted(((i, graph.name(i)) for i in ids), key=lambda item: fi.sort_key(item[1]))


def pack_sections(graph: Graph, today: dt.date) -> list[PackSection]:
    """The network, its other (current) committees, the processes and the calendar."""
    committees = {i: c for i, c in graph.committees.items() if c.status != "päättynyt"}
    sections = []
    if NETWORK_ID in committees:
        sections.append(PackSection("verkosto", "Verkosto", "committee", "toimielin-",
                                    [(NETWORK_ID, graph.name(NETWORK_ID))], []))
    others = _by_name(graph, [i for i in committees if i != NETWORK_ID])
    if others:
        sections.append(PackSection("toimielimet", "Toimielimet", "committee", "toimielin-",
                                    others, []))
    processes = _by_name(graph, list(graph.processes))
    if processes:
        sections.append(PackSection("prosessit", "Keskeiset prosessit", "process",
                                    "prosessi-", processes, []))
    sections.append(PackSection("kalenteri", "Kalenteri", "calendar", "", [],
                                data.upcoming_meetings(graph, today)))
    return sections


def pack_handout(ctx: _Context) -> Handout:
    sections = pack_sections(ctx.graph, ctx.today)
    ids: set[str] = set()
    for section in sections:
        for entity_id, _ in section.entries:
            ids |= data.shown_ids(ctx.graph, entity_id, ctx.today)
        ids.update(meeting_id for meeting_id, _ in section.meetings)
    html = ctx.render(
        "pack", sections=sections,
        title=f"Perehdytyspaketti – {ctx.config.site_name}",
        subject="Uuden jäsenen perehdytyspaketti: verkosto, toimielimet, keskeiset prosessit "
                "ja kalenteri",
        url=ctx.config.site_url, updated=ctx.updated(ids),
        glossary=glossary.entries(ctx.graph),
    )
    return Handout(PACK_PATH, html)


def handouts(graph: Graph, config: SiteConfig) -> list[Handout]:
    """Every handout's HTML, without rendering PDFs (tests and previews use this)."""
    ctx = _Context(graph, config)
    found: list[Handout] = []
    for entity_id, entity in sorted(graph.records.items()):
        if isinstance(entity.entity, Process):
            found.append(process_handout(ctx, entity_id))
        elif isinstance(entity.entity, Committee):
            found.append(committee_handout(ctx, entity_id))
        elif isinstance(entity.entity, Meeting):
            found.append(meeting_handout(ctx, entity_id))
    found.append(pack_handout(ctx))
    return found


def cache_for(config: SiteConfig) -> PdfCache:
    root = config.project_root
    return PdfCache(root / CACHE_FOLDER if root is not None else None)


def render_handouts(graph: Graph, config: SiteConfig) -> list[Output]:
    """One PDF per process, committee and meeting, and the induction pack."""
    items = handouts(graph, config)
    pdfs = render_all([item.html for item in items], cache_for(config))
    return [Output(item.path, pdf, source=item.source)
            for item, pdf in zip(items, pdfs, strict=True)]


__all__ = ["PACK_ID", "PACK_PATH", "Handout", "handout_path", "handouts", "render_handouts"]
