"""The *Muutokset* page and its Atom feed, from :mod:`..changes`.

Each change reads as one Finnish line (*TyöNVK: jäsenet muuttuivat*, *Uusi kokous: …*,
*Poistettu: …*), linked to the entity's page while it exists. Dates are the commits' dates
in Helsinki; nothing here reads the build's clock except the feed's date when there is no
history to date it by.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import cache
from itertools import groupby
from urllib.parse import urlsplit

from jinja2 import Environment

from .. import fi
from ..core.clock import HELSINKI, build_time
from ..core.models import KINDS_BY_KEY
from ..domain.field_labels import changed_fields
from ..graph import Graph
from ..site.history import (
    ADDED,
    CACHE_FOLDER,
    CHANGED,
    MAX_ENTRIES,
    MOVED,
    REMOVED,
    Change,
    History,
    history,
)
from ..site.output import Output, SiteConfig
from ..site.paths import entity_url
from ..site.templates import package_environment, render

PAGE = "muutokset/index.md"
FEED = "muutokset/atom.xml"
UNAVAILABLE = "Muutoshistoria ei ole saatavilla tässä rakennuksessa."


@dataclass(frozen=True)
class Entry:
    """One change as a reader sees it: ``before`` ``label`` (a link to ``entity`` while it
    exists) ``after``; with ``colon``, a colon joins the label and ``after``."""

    change: Change
    entity: str | None
    label: str
    before: str = ""
    after: str = ""
    colon: bool = False

    @property
    def text(self) -> str:
        """The whole line as plain text (the feed's title)."""
        text = f"{self.before} {self.label}" if self.before else self.label
        if self.after:
            text += (":" if self.colon else "") + " " + self.after
        return text

    @property
    def day(self) -> dt.date:
        return self.moment.astimezone(HELSINKI).date()

    @property
    def moment(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.change.time, tz=dt.UTC)


def entry(graph: Graph, change: Change) -> Entry:
    linked = change.id if (change.action != REMOVED and change.id in graph
                           and graph.kind_of(change.id) == change.kind) else None
    kind = KINDS_BY_KEY[change.kind]
    if change.action == ADDED:
        return Entry(change, linked, change.name, f"Uusi {kind.singular.lower()}:")
    if change.action == REMOVED:
        return Entry(change, None, change.name, "Poistettu:", f"({kind.singular.lower()})")
    if change.action == MOVED:
        old = KINDS_BY_KEY[change.old_kind].plural.lower()
        return Entry(change, linked, change.name, "Siirretty:",
                     f"({old} → {kind.plural.lower()})")
    assert change.action == CHANGED
    return Entry(change, linked, change.name,
                 after=changed_fields(list(change.fields), change.kind), colon=True)


@cache
def _xml() -> Environment:
    return package_environment("changes", autoescape=True, keep_trailing_newline=True)


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def render_changes(graph: Graph, config: SiteConfig) -> list[Output]:
    root = config.project_root or config.content_dir.parent
    found = history(root, config.content_dir.name, cache=root / CACHE_FOLDER)
    return changes_outputs(graph, config, found)


def _day(change: Change) -> dt.date:
    return dt.datetime.fromtimestamp(change.time, tz=dt.UTC).astimezone(HELSINKI).date()


def merged(changes: tuple[Change, ...]) -> list[Change]:
    """One line per entity and day: the same day's edits of an entity (newest first) are
    one change with their fields together; an entity added and then edited that day is
    just new."""
    found: list[Change] = []
    at: dict[tuple[dt.date, str, str], int] = {}
    for change in changes:
        key = (_day(change), change.kind, change.id)
        index = at.get(key)
        if index is None or found[index].action != CHANGED or change.action not in (
                CHANGED, ADDED):
            at[key] = len(found)
            found.append(change)
            continue
        newer = found[index]
        if change.action == CHANGED:
            order = {name: i for i, name in
                     enumerate(KINDS_BY_KEY[change.kind].model.model_fields)}
            fields = sorted(set(newer.fields) | set(change.fields),
                            key=lambda f: (order.get(f, len(order)), f))
            found[index] = replace(newer, fields=tuple(fields))
        else:
            found[index] = replace(change, commit=newer.commit, time=newer.time,
                                   name=newer.name)
    return found


def changes_outputs(graph: Graph, config: SiteConfig, found: History) -> list[Output]:
    entries = [entry(graph, change) for change in merged(found.changes)]
    days = [(day, list(items)) for day, items in groupby(entries, key=lambda e: e.day)]
    page = render("pages/changes.md.j2", graph, PAGE, available=found.available, days=days,
                  feed="atom.xml", fi=fi, limit=MAX_ENTRIES)
    site = config.site_url.rstrip("/") + "/"
    host = urlsplit(site).hostname or "localhost"
    # Without entries, the build's day: two builds on one day write the same feed.
    updated = entries[0].moment if entries else build_time().replace(
        hour=0, minute=0, second=0, microsecond=0)
    feed = _xml().get_template("site/atom.xml.j2").render(
        site_name=config.site_name, site=site, page=site + "muutokset/", feed=site + FEED,
        updated=_stamp(updated), available=found.available, unavailable=UNAVAILABLE,
        entries=[{
            "id": f"tag:{host},{e.day.isoformat()}:muutokset/{e.change.commit}/{e.change.id}",
            "title": e.text,
            "updated": _stamp(e.moment),
            "link": (entity_url(config.site_url, graph, e.entity) if e.entity
                     else site + "muutokset/"),
        } for e in entries])
    return [Output(PAGE, page), Output(FEED, feed)]
