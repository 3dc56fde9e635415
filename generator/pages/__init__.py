"""Entity pages, per-kind index pages and the home page.

Every page is a template under ``templates/pages/`` rendered with the same context: the
graph, the derived relations in :mod:`generator.domain.queries` (as ``q``), the Finnish
formatting module (``fi``), the Finlex link builders (``finlex``), the build's reference
date and whether PDF handouts are produced. The templates also get the diagrams, the
calendar helpers and ``handout_path`` from the driver (:mod:`generator.build`).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .. import fi
from ..core.clock import build_time
from ..core.models import KINDS, KINDS_BY_KEY, NETWORK_ID, Kind, Law, LawSection
from ..domain import queries, timing
from ..domain.queries import Queries
from ..graph import Graph
from ..site import finlex
from ..site.gitdates import commit_dates
from ..site.output import Output, SiteConfig
from ..site.paths import CALENDAR_PAGE, HOME, entity_path, index_path, source_path
from ..site.templates import render
from .changes import render_changes
from .glossary import GLOSSARY_PAGE, glossary_markdown
from .redirects import render_redirects

__all__ = ["GLOSSARY_PAGE", "page_tasks", "render_changes", "render_pages", "render_redirects"]

SEED_DOCUMENTS = {
    "000_29a47eed100e93b4.txt": "Yhdyspintaverkoston kokous 24.3.2025 (esitysaineisto)",
    "001_f157d4d2c9d0a428.txt": "Raportti Työllisyyden edistämisen yhdyspinnat "
                                "(Kuntaliitto, Hyvil, Tamora Oy)",
    "002_0a8cca719d05b656.txt": "Tutkimushanke Palvelujen ja etuuksien koordinaatio "
                                "(2025–2027)",
    "003_aa7ec13768e6e888.txt": "TEM: Monialaiset palvelut ja verkostoyhteistyö (2020)",
    "004_e7e343fc53db2e6d.txt": "Yhdyspintaverkoston kokous 9.9.2024 (esitysaineisto)",
}
"""Readable titles of the source documents that ``sources[].document`` names."""

SUBSCRIBE_PAGE = "kalenteri/tilaa.md"
JOIN = ("kuntaliitto", "Työllisyyden edistämisen yhdyspinnat")
"""Where to join the network and find more: the page the sources name ("Lisätietoa ja mukaan
verkostoon: Työllisyyden edistämisen yhdyspinnat | Kuntaliitto.fi", 000 slide 1) on the
website of that body. The sources give no deeper address, so the home page links the body's
own ``website`` and names the page (as the footer does from mkdocs.yml ``extra.join``)."""
ENTRY_POINTS = (
    ("process", "kuka tekee mitäkin, missä järjestyksessä ja millä säädösperustalla"),
    ("committee", "kokoonpanot paikoittain, jäsenet ja henkilökohtaiset varajäsenet"),
    ("law", "säädökset, pykälät ja linkit Finlexiin"),
    ("body", "kuka asettaa, ohjaa, rahoittaa ja tukee ketäkin"),
    ("person", "roolit toimielimissä ja puheenvuorot kokouksissa"),
    ("calendar", "tulevat ja menneet kokoukset, kalenterin tilaus"),
    ("topic", "hyvät käytännöt, tutkimus, käsitteet ja työkalut"),
)
"""The home page's entry points, in the order a reader looks for them."""

SEARCH_BOOST = {"law": 3, "committee": 3, "body": 2, "process": 2, "topic": 2}
"""Search ranks an entity's own page above pages that only mention it (a meeting, a
person's roles): the ``search.boost`` of its page (Material multiplies the score by it)."""


@dataclass(frozen=True)
class EntryPoint:
    label: str
    path: str
    count: int
    text: str


def entry_points(graph: Graph) -> list[EntryPoint]:
    entries = []
    for key, text in ENTRY_POINTS:
        if key == "calendar":
            count = len(graph.meetings)
            entries.append(EntryPoint("Kalenteri", CALENDAR_PAGE, count, text))
            continue
        kind = KINDS_BY_KEY[key]
        count = len(queries.ids_of_kind(graph, kind))
        entries.append(EntryPoint(kind.plural, index_path(key), count, text))
    return entries


def seed_title(document: str | None) -> str:
    return SEED_DOCUMENTS.get(document or "", document or "")


def sorted_ids(q: Queries, kind: Kind) -> list[str]:
    """Entity ids of ``kind`` in Finnish alphabetical order; meetings newest first."""
    ids = queries.ids_of_kind(q.graph, kind)
    if kind.key == "meeting":
        meetings = q.graph.meetings
        return sorted(ids, key=lambda i: timing.sort_key(i, meetings[i]), reverse=True)
    return q.by_name(ids)


def section_anchor(section: LawSection) -> str:
    """The id of a section's heading on the law page: ``pykala-3-22`` or ``pykala-4``."""
    number = "".join(section.number.split())
    return f"pykala-{section.chapter}-{number}" if section.chapter else f"pykala-{number}"


def law_section(law: Law, number: str) -> LawSection | None:
    return next((s for s in law.sections if s.number == number), None)


def page_context(graph: Graph, config: SiteConfig, now: dt.datetime,
                 pdf_labels: Mapping[str, str] | None = None) -> dict[str, Any]:
    """What every page template may use besides the Jinja environment's globals.
    ``pdf_labels`` (``PDF, 3 sivua, 120 kt`` by handout path) is known when the PDFs were
    rendered first (:func:`..render.render_site`)."""
    labels = dict(pdf_labels or {})
    return {
        "pdf_label": lambda path: labels.get(path, ""),
        "q": Queries(graph, now),
        "fi": fi,
        "finlex": finlex,
        "today": now.date(),
        "now": now,
        "handouts": config.handouts,
        "config": config,
        "seed_title": seed_title,
        "section_anchor": section_anchor,
        "law_section": law_section,
        "network_id": NETWORK_ID if NETWORK_ID in graph.committees else None,
        "calendar_page": CALENDAR_PAGE,
        "search_boost": SEARCH_BOOST,
        "subscribe_page": SUBSCRIBE_PAGE,
        "join": _join(graph),
    }


def _join(graph: Graph) -> dict[str, str] | None:
    body_id, page = JOIN
    body = graph.bodies.get(body_id)
    if body is None or not body.website:
        return None
    return {"page": page, "url": body.website, "site": body.website.split("//", 1)[-1]
            .removeprefix("www.").rstrip("/")}


def render_pages(graph: Graph, config: SiteConfig, *, now: dt.datetime | None = None
                 ) -> list[Output]:
    """The home page, one index per kind and one page per entity, as of ``now`` (default:
    the build clock)."""
    return [output for task in page_tasks(graph, config, now=now) for output in task()]


def page_tasks(graph: Graph, config: SiteConfig, *, now: dt.datetime | None = None,
               pdf_labels: Mapping[str, str] | None = None
               ) -> list[Callable[[], list[Output]]]:
    """:func:`render_pages` as one task per page, to be run in any order and process."""
    now = now or build_time()
    root = config.project_root or config.content_dir.parent
    updated = commit_dates(graph, root, config.content_dir.name)
    context = page_context(graph, config, now, pdf_labels)

    def index(kind: Kind, ids: list[str]) -> list[Output]:
        path = index_path(kind.key)
        return [Output(path, tidy(render("pages/index.md.j2", graph, path, kind=kind,
                                         ids=ids, **context)))]

    def entity(kind: Kind, entity_id: str) -> list[Output]:
        path = entity_path(graph, entity_id)
        source = source_path(graph, entity_id, config)
        text = render(
            f"pages/{kind.key}.md.j2", graph, path,
            id=entity_id, entity=graph.entity(entity_id), kind=kind,
            updated=updated.get(source), source=source,
            index_path=index_path(kind.key), **context,
        )
        return [Output(path, tidy(text), source=source)]

    tasks: list[Callable[[], list[Output]]] = [
        lambda: [_home(graph, config, context, updated)],
        lambda: [_glossary(graph, context)]]
    for kind in KINDS:
        ids = sorted_ids(context["q"], kind)
        tasks.append(functools.partial(index, kind, ids))
        tasks += [functools.partial(entity, kind, entity_id) for entity_id in ids]
    return tasks


def _glossary(graph: Graph, context: dict[str, Any]) -> Output:

    return Output(GLOSSARY_PAGE, tidy(glossary_markdown(graph, context)))


def tidy(markdown: str) -> str:
    """At most one blank line in a row: templates leave gaps where optional parts are off."""
    # str.replace scans with memchr: several times faster than a regex over pages with
    # inline SVG; each pass shortens every run of three or more newlines.
    while "\n\n\n" in markdown:
        markdown = markdown.replace("\n\n\n", "\n\n")
    return markdown.strip("\n") + "\n"


def _home(graph: Graph, config: SiteConfig, context: dict[str, Any],
          updated: dict[str, dt.date]) -> Output:
    network = context["network_id"]
    source = source_path(graph, network, config) if network else None
    text = render("pages/home.md.j2", graph, HOME, entries=entry_points(graph),
                  updated=updated.get(source) if source else None, **context)
    return Output(HOME, tidy(text), source=source)
