"""Printable PDF handouts with WeasyPrint: one per process, committee and meeting, and the
induction pack (*perehdytyspaketti*) for new members.

Each handout is an HTML document from ``templates/handouts`` (Jinja autoescape on) that
reuses the site's data and its inline SVG diagrams, rendered as tagged PDF/UA-1 with the
document language ``fi``, title and subject metadata, bookmarks from headings, and running
headers and footers with page numbers and the date of the content's last change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass

from .. import fi
from ..core.cache import Cache
from ..core.clock import build_time
from ..core.models import NETWORK_ID, Committee, Meeting, Process
from ..diagrams import current_session
from ..graph import Graph
from ..rules import glossary as glossary_terms
from ..site.gitdates import commit_dates
from ..site.output import Output, SiteConfig
from ..site.paths import entity_url, handout_path
from . import data, pdf, reuse
from .environment import render
from .pdf import CACHE_FOLDER, pdf_cache, render_all

PACK_ID = "perehdytyspaketti"
PACK_PATH = handout_path(PACK_ID)


@dataclass(frozen=True)
class PdfOutput(Output):
    """A rendered handout, with its number of pages (for the download link's label)."""

    pages: int = 0


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
        self.git_dates = commit_dates(graph, self.root, folder)
        self.now = build_time()
        self.today = self.now.date()

    def updated(self, ids: set[str]) -> dt.date | None:
        return data.content_date(self.graph, ids, self.git_dates, self.root,
                                 self.config.content_dir)

    def render(self, template: str, *, title: str, subject: str, url: str,
               updated: dt.date | None, **extra: object) -> str:
        return render(
            f"handouts/{template}.html.j2",
            graph=self.graph, site_url=self.config.site_url, site_name=self.config.site_name,
            today=self.today, now=self.now, doc_title=title, subject=subject, online_url=url,
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
        updated=ctx.updated(data.shown_ids(ctx.graph, process_id, ctx.now)),
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
        updated=ctx.updated(data.shown_ids(ctx.graph, committee_id, ctx.now)),
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
        updated=ctx.updated(data.shown_ids(ctx.graph, meeting_id, ctx.now)),
    )
    return Handout(handout_path(meeting_id), html, ctx.source(meeting_id))


@dataclass(frozen=True)
class PackSection:
    """One chapter of the pack: a bookmark, a contents line and a page break before it.
    ``entries`` are ``(id, label, depth)``: a jaosto is listed under its parent."""

    id: str
    title: str
    kind: str
    prefix: str
    entries: list[tuple[str, str, int]]
    meetings: list[tuple[str, Meeting]]


def _by_name(graph: Graph, ids: list[str]) -> list[str]:
    return sorted(ids, key=lambda i: fi.sort_key(graph.name(i)))


def committee_order(graph: Graph, ids: list[str]) -> list[tuple[str, int]]:
    """Committees as a tree: each parent before its own committees (jaostot, sihteeristö),
    siblings by name; ``(id, depth)``."""
    wanted = set(ids)
    children: dict[str | None, list[str]] = {}
    for committee_id in ids:
        parent = graph.committees[committee_id].parent
        children.setdefault(parent if parent in wanted else None, []).append(committee_id)
    order: list[tuple[str, int]] = []

    def visit(parent: str | None, depth: int) -> None:
        for committee_id in _by_name(graph, children.get(parent, [])):
            order.append((committee_id, depth))
            visit(committee_id, depth + 1)

    visit(None, 0)
    return order


def pack_sections(graph: Graph, now: dt.datetime) -> list[PackSection]:
    """The network, the other (current) committees as a tree, the processes, the laws,
    the calendar and, when there is one, the glossary."""
    committees = [i for i, c in graph.committees.items() if not c.ended]
    sections = []
    if NETWORK_ID in committees:
        sections.append(PackSection("verkosto", "Verkosto", "network", "toimielin-",
                                    [(NETWORK_ID, graph.name(NETWORK_ID), 0)], []))
    others = committee_order(graph, [i for i in committees if i != NETWORK_ID])
    if others:
        sections.append(PackSection(
            "toimielimet", "Toimielimet", "committee", "toimielin-",
            [(i, graph.name(i), depth) for i, depth in others], []))
    processes = _by_name(graph, list(graph.processes))
    if processes:
        sections.append(PackSection("prosessit", "Keskeiset prosessit", "process",
                                    "prosessi-", [(i, graph.name(i), 0) for i in processes],
                                    []))
    if graph.laws:
        sections.append(PackSection("lait", "Lait ja asetukset", "law", "laki-", [], []))
    sections.append(PackSection("kalenteri", "Kalenteri", "calendar", "", [],
                                data.upcoming_meetings(graph, now)))
    return sections


def pack_handout(ctx: _Context, glossary: list[data.GlossaryEntry] | None = None) -> Handout:
    """The induction pack. ``glossary`` (term, definition) adds a glossary chapter: the
    build passes the site's glossary (:func:`pack_glossary`)."""
    sections = pack_sections(ctx.graph, ctx.now)
    if glossary:
        sections.append(PackSection("sanasto", "Sanasto", "glossary", "", [], []))
    ids: set[str] = set(ctx.graph.laws)
    for section in sections:
        for entity_id, _, _ in section.entries:
            ids |= data.shown_ids(ctx.graph, entity_id, ctx.now)
        ids.update(meeting_id for meeting_id, _ in section.meetings)
    html = ctx.render(
        "pack", sections=sections, glossary=glossary or [],
        calendar_feed=data.calendar_feed_url(ctx.config.site_url),
        join=data.JOIN,
        title=f"Perehdytyspaketti – {ctx.config.site_name}",
        subject="Uuden jäsenen perehdytyspaketti: verkosto, toimielimet, keskeiset prosessit, "
                "lait, kalenteri",
        url=ctx.config.site_url, updated=ctx.updated(ids),
    )
    return Handout(PACK_PATH, html)


def handouts(graph: Graph, config: SiteConfig) -> list[Handout]:
    """Every handout's HTML, without rendering PDFs (tests and previews use this)."""
    return _handouts(_Context(graph, config))


def _handouts(ctx: _Context) -> list[Handout]:
    found: list[Handout] = []
    for entity_id, entity in sorted(ctx.graph.records.items()):
        if isinstance(entity.entity, Process):
            found.append(process_handout(ctx, entity_id))
        elif isinstance(entity.entity, Committee):
            found.append(committee_handout(ctx, entity_id))
        elif isinstance(entity.entity, Meeting):
            found.append(meeting_handout(ctx, entity_id))
    found.append(pack_handout(ctx, pack_glossary(ctx.graph)))
    return found


def pack_glossary(graph: Graph) -> list[data.GlossaryEntry]:
    """The Sanasto page's lines (terms and the entities' abbreviations) for the pack."""
    return [data.GlossaryEntry(entry.term, entry.expansion)
            for entry in glossary_terms.entries(graph)]


def size_label(data_: bytes, pages: int) -> str:
    """``PDF, 3 sivua, 120 kt``: what a download link says about a file of ``pages``."""
    kilobytes = max(1, round(len(data_) / 1024))
    size = (f"{kilobytes} kt" if kilobytes < 1000
            else f"{kilobytes / 1024:.1f} Mt".replace(".", ","))
    return f"PDF, {fi.count(pages, 'sivu', 'sivua')}, {size}"


def size_labels(outputs: Sequence[PdfOutput]) -> dict[str, str]:
    """:func:`size_label` of every rendered handout by its docs-root path."""
    return {output.path: size_label(output.data, output.pages) for output in outputs}


def cache_for(config: SiteConfig) -> Cache:
    root = config.project_root
    return pdf_cache(root / CACHE_FOLDER if root is not None else None)


def render_handouts(graph: Graph, config: SiteConfig) -> list[PdfOutput]:
    """One PDF per process, committee and meeting, and the induction pack: the previous
    build's when nothing they are made from changed (:mod:`.reuse`), else rendered (each
    PDF from the PDF cache while its HTML is the same)."""
    ctx = _Context(graph, config)
    cache = cache_for(config)
    listings = reuse.listing_cache(cache)
    session = current_session()
    key = reuse.inputs_key(
        graph, config, now=ctx.now, git_dates=ctx.git_dates,
        versions=[pdf.engine_version(), session.graphviz()[1] if session else "-"])
    listing = reuse.load(listings, key) if key is not None else None
    if listing is not None:
        reused = _reused(listing, cache)
        if reused is not None:
            if session is not None:
                session.retain(listing.diagrams)
            return reused
    recording = session.recording() if session is not None else nullcontext(set[str]())
    with recording as figures:
        items = _handouts(ctx)
    htmls = [item.html for item in items]
    pdfs = render_all(htmls, cache)
    outputs = [PdfOutput(item.path, data, source=item.source, pages=pdf.page_count(data))
               for item, data in zip(items, pdfs, strict=True)]
    if key is not None:
        entries = [reuse.Entry(o.path, pdf.cache_key(html), o.source, o.pages)
                   for o, html in zip(outputs, htmls, strict=True)]
        reuse.store(listings, key, reuse.Listing(entries, sorted(figures)))
    return outputs


def _reused(listing: reuse.Listing, cache: Cache) -> list[PdfOutput] | None:
    """The listed PDFs from the PDF cache; ``None`` if any of them is gone."""
    outputs: list[PdfOutput] = []
    for entry in listing.entries:
        data = cache.get(entry.pdf)
        if data is None:
            return None
        outputs.append(PdfOutput(entry.path, data, source=entry.source, pages=entry.pages))
    cache.prune(entry.pdf for entry in listing.entries)
    return outputs


__all__ = ["PACK_ID", "PACK_PATH", "Handout", "PdfOutput", "handouts", "render_handouts",
           "size_label", "size_labels"]
