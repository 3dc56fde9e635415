"""The handouts of the previous build, reused whole while nothing they are made from changed.

The PDF cache (:mod:`.pdf`) is keyed by each handout's HTML, so finding a PDF there means
rendering its HTML first: ~0.4 s of every warm build at 1,000 entities, the one part of
such a build that renders everything. This module keys the whole set of handouts by what
that HTML is made of instead, and remembers, under that key, which PDF each handout got:

* the content: every content file's path and text (:meth:`..graph.Graph.content_digest`;
  the graph is built from nothing else);
* the code (:func:`..core.fingerprint.code_fingerprint`: modules, templates, styles,
  library versions), ``dot -V`` (the inline diagrams) and WeasyPrint's version;
* the site settings, the project's folder and the working folder (the YAML paths printed);
* the clock, as far as a handout shows it: the build date, and which meetings are
  upcoming (:func:`..domain.timing.is_upcoming`; a meeting's state follows from it);
* the date of each content file's last commit (the handouts' "päivitetty").

Any change to any of these renders every handout's HTML again, as before; a PDF whose HTML
is unchanged still comes from the PDF cache. The listing also names the diagram figures the
handouts used, so a build that reuses the handouts keeps those figures in the diagram cache.
A listing that is missing, damaged, or names a PDF the cache no longer has is ignored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass

from ..core.cache import Cache
from ..core.fingerprint import code_fingerprint
from ..domain import timing
from ..graph import Graph
from ..site.output import SiteConfig

FORMAT = 1
LISTING_SUFFIX = ".json"


@dataclass(frozen=True)
class Entry:
    """One handout as the previous build made it."""

    path: str
    pdf: str  # the PDF's key in the PDF cache (:func:`.pdf.cache_key` of its HTML)
    source: str | None
    pages: int


@dataclass(frozen=True)
class Listing:
    entries: list[Entry]
    diagrams: list[str]  # the diagram cache keys the handouts' figures came from


def inputs_key(graph: Graph, config: SiteConfig, *, now: dt.datetime,
               git_dates: dict[str, dt.date], versions: Iterable[str]) -> str | None:
    """The key of everything the handouts' HTML is made of; ``None`` when the code cannot
    be fingerprinted (then nothing is reused)."""
    code = code_fingerprint()
    if code is None:
        return None
    digest = hashlib.sha256()

    def add(*parts: object) -> None:
        for part in parts:
            digest.update(str(part).encode("utf-8", "surrogatepass"))
            digest.update(b"\0")

    add(FORMAT, code, *versions)
    add(config.site_url, config.site_name, config.content_dir, config.project_root,
        os.getcwd())
    add(now.date().isoformat(),
        *sorted(i for i, m in graph.meetings.items() if timing.is_upcoming(m, now)))
    for path, date in sorted(git_dates.items()):
        add(path, date.isoformat())
    add(graph.content_digest())
    return digest.hexdigest()


def listing_cache(pdf_cache: Cache) -> Cache:
    """The listings, in the PDF cache's folder (its pruning leaves them alone)."""
    return Cache(pdf_cache.folder, LISTING_SUFFIX)


def load(cache: Cache, key: str) -> Listing | None:
    data = cache.get(key)
    if data is None:
        return None
    try:
        raw = json.loads(data)
        if raw.get("format") != FORMAT:
            return None
        entries = [Entry(e["path"], e["pdf"], e["source"], int(e["pages"]))
                   for e in raw["handouts"]]
        return Listing(entries, [str(k) for k in raw["diagrams"]])
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def store(cache: Cache, key: str, listing: Listing) -> None:
    data = {"format": FORMAT,
            "handouts": [e.__dict__ for e in listing.entries],
            "diagrams": sorted(listing.diagrams)}
    cache.put(key, json.dumps(data, ensure_ascii=False, indent=0).encode("utf-8"))
    cache.prune([key])
