"""One build's diagrams: drawn ahead in batches, finished once, kept on disk.

* A content-addressed folder (``.cache/diagrams`` under the project, git-ignored; a
  :class:`..cache.Cache`) holds what a build makes of each diagram: the figure finished from
  ``dot``'s SVG (:meth:`DiagramSession.derive`), keyed by a SHA-256 that covers the DOT
  source, ``dot -V`` (the Graphviz version) and whatever else the figure depends on. So
  every later ``mkdocs build``, ``mkdocs serve`` rebuild and ``generate`` reads one file per
  diagram and only calls ``dot`` for diagrams whose source changed. ``dot``'s own SVG is
  kept in memory for the build that drew it: no later build needs it. A build uses the
  folder through :func:`diagram_session`, which also draws the diagrams the folder lacks,
  many at a time (:meth:`DiagramSession.prefetch`, :func:`.dot_process.draw_many`), and
  afterwards deletes the files the build did not use. A damaged file is ignored and
  rewritten, and a cache that cannot be read or written only makes the build slower (one
  warning).
* Outside a session, an in-process cache keyed by the ``dot`` executable and the source hash
  (tests, single figures) that never outlives the process.

Same source and same Graphviz give the same SVG, so either cache returns exactly what
``dot`` would.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import os
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..core.cache import Cache
from . import dot_process
from .dot_process import cache_key, dot_version, find_dot

CACHE_SIZE = 512
CACHE_FOLDER = Path(".cache") / "diagrams"
# Files of the cache folder: figures finished from dot's output (DiagramSession.derive);
# ".svg" files are dot's own output as older versions kept it, pruned like unused figures.
CACHE_SUFFIX = ".json"
# The key of a file in the same folder: the figures the last build found or drew ahead,
# and for which inputs (see DiagramSession.prefetched); never pruned.
LISTING = "drawn-ahead"
STALE_SUFFIXES = (".svg",)
MAX_WORKERS = 4
BATCH_SIZE = 100  # diagrams per `dot` process when a build draws many (DiagramSession.prefetch)

_cache: OrderedDict[tuple[str, str], str] = OrderedDict()


def diagram_cache(folder: Path | None) -> Cache:
    """The figures finished from ``dot``'s SVG, by key, in ``folder`` (``None``: none)."""
    return Cache(folder, CACHE_SUFFIX, stale_suffixes=STALE_SUFFIXES)


class DiagramSession:
    """One build's diagrams: the SVGs drawn so far and the texts derived from them (by key),
    and the disk cache of the derived texts."""

    def __init__(self, cache: Cache, *, workers: int | None = None) -> None:
        self.cache = cache
        self.workers = workers if workers is not None else default_workers()
        self.svgs: dict[str, str] = {}
        self.derived: dict[str, str] = {}
        self.retained: set[str] = set()
        self._recorders: list[set[str]] = []
        self._graphviz: tuple[str, str] | None = None

    def graphviz(self) -> tuple[str, str]:
        """The ``dot`` executable and its version, looked up once per build."""
        if self._graphviz is None:
            dot = find_dot()
            self._graphviz = dot, dot_version(dot)
        return self._graphviz

    def source_key(self, source: str) -> str:
        """:func:`cache_key` of ``source`` with this build's Graphviz."""
        return cache_key(source, self.graphviz()[1])

    def svg(self, source: str, name: str) -> str:
        """``dot``'s SVG of ``source``: drawn ahead (:meth:`prefetch`) or drawn now."""
        key = self.source_key(source)
        found = self.svgs.get(key)
        if found is None:
            found = self.svgs[key] = dot_process.draw(self.graphviz()[0], source, name)
        return found

    def prefetch(self, wanted: Iterable[tuple[str, str, str]]) -> None:
        """Draw the SVGs of ``(source, name, derived key)`` triples whose derived text the
        disk cache lacks, in batches (:func:`.dot_process.draw_many`), ``workers`` ``dot``
        processes at a time. The derived texts on disk are read when asked for
        (:meth:`derive`), by whichever render worker asks; their SVGs are not needed."""
        dot = self.graphviz()[0]
        missing: dict[str, tuple[str, str]] = {}
        for source, name, derived_key in wanted:
            key = self.source_key(source)
            if (key not in self.svgs and key not in missing
                    and derived_key not in self.derived
                    and not self.cache.has(derived_key)):
                missing[key] = (source, name)
        if not missing:
            return

        def work(batch: list[tuple[str, tuple[str, str]]]) -> list[tuple[str, str]]:
            svgs = dot_process.draw_many(dot, [item for _, item in batch])
            return [(key, svg) for (key, _), svg in zip(batch, svgs, strict=True)]

        items = list(missing.items())
        count = max(min(self.workers, len(items)), -(-len(items) // BATCH_SIZE))
        batches = [items[start::count] for start in range(count)]  # big and small mixed
        if count == 1:
            self.svgs.update(work(batches[0]))
            return
        with ThreadPoolExecutor(max_workers=self.workers,
                                thread_name_prefix="dot") as pool:
            for done in pool.map(work, batches):
                self.svgs.update(done)

    def prefetched(self, inputs: str) -> bool:
        """Whether the last build whose diagrams came from ``inputs`` (a key of everything
        they are drawn from) left every figure in the disk cache, and all are still there:
        then nothing needs drawing ahead, nor the diagrams' sources building just to find
        that out. Only a shortcut: a figure missing after all is drawn when asked for."""
        listing = self.cache.get(LISTING)
        if listing is None or self.cache.folder is None:
            return False
        first, _, rest = listing.decode("utf-8", "replace").partition("\n")
        if first != inputs:
            return False
        try:
            present = set(os.listdir(self.cache.folder))
        except OSError:
            return False
        return all(f"{key}{CACHE_SUFFIX}" in present for key in rest.split())

    def remember_prefetch(self, inputs: str, keys: Iterable[str]) -> None:
        """Record that the figures of ``keys`` are all the diagrams of ``inputs``."""
        text = "\n".join([inputs, *sorted(set(keys))])
        self.cache.put(LISTING, text.encode("utf-8"))

    def derive(self, key: str, compute: Callable[[], str]) -> str:
        """Text worked out from a drawn diagram (a finished figure, as JSON), cached on disk
        under ``key``, which must hash everything ``compute`` depends on: the diagram's
        :meth:`source_key` among it."""
        for used in self._recorders:
            used.add(key)
        found = self.derived.get(key)
        if found is None:
            stored = self.cache.get(key)
            if stored is None:
                found = compute()
                self.cache.put(key, found.encode("utf-8"))
            else:
                found = stored.decode("utf-8")
            self.derived[key] = found
        return found

    @contextlib.contextmanager
    def recording(self) -> Iterator[set[str]]:
        """The keys :meth:`derive` is asked for inside the block: what a part of the build
        that may later be reused whole (the handouts) needs kept (:meth:`retain`)."""
        used: set[str] = set()
        self._recorders.append(used)
        try:
            yield used
        finally:
            self._recorders.remove(used)

    def retain(self, keys: Iterable[str]) -> None:
        """Keep the cache files of ``keys`` through :meth:`prune` without reading them: a
        part of the build reused whole did not ask for its figures this time, but will
        when its inputs change."""
        self.retained.update(keys)

    def known(self) -> tuple[Collection[str], Collection[str]]:
        """The keys of the SVGs and derived texts this session holds now."""
        return set(self.svgs), set(self.derived)

    def learned_since(self, known: tuple[Collection[str], Collection[str]]
                      ) -> tuple[dict[str, str], dict[str, str]]:
        """What was drawn or derived after :meth:`known` gave ``known``: a forked render
        worker sends it back, so its parent's :meth:`prune` keeps those cache files (and
        does not draw those diagrams again)."""
        svgs, derived = known
        return ({k: v for k, v in self.svgs.items() if k not in svgs},
                {k: v for k, v in self.derived.items() if k not in derived})

    def merge(self, learned: tuple[dict[str, str], dict[str, str]]) -> None:
        self.svgs.update(learned[0])
        self.derived.update(learned[1])

    def prune(self) -> None:
        self.cache.prune(self.retained.union(self.derived, [LISTING]))


def default_workers() -> int:
    """``dot`` processes at a time: one per available CPU, at most :data:`MAX_WORKERS`."""
    try:
        count = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        count = os.cpu_count() or 1
    return max(1, min(count, MAX_WORKERS))


_session: contextvars.ContextVar[DiagramSession | None] = contextvars.ContextVar(
    "diagram_session", default=None)


def current_session() -> DiagramSession | None:
    return _session.get()


@contextlib.contextmanager
def diagram_session(folder: Path | None, *, prune: bool = True,
                    workers: int | None = None) -> Iterator[DiagramSession]:
    """Draw the diagrams of one build through the disk cache in ``folder`` (``None``: no
    disk cache); on success, delete the cached files the build did not use."""
    session = DiagramSession(diagram_cache(folder), workers=workers)
    token = _session.set(session)
    try:
        yield session
    finally:
        _session.reset(token)
    if prune:
        session.prune()


def run_dot(source: str, *, name: str = "kaavio") -> str:
    """SVG text for DOT ``source``: from the build's session if there is one, else cached
    in-process by source hash."""
    session = _session.get()
    if session is not None:
        return session.svg(source, name)
    dot = find_dot()
    key = (dot, hashlib.sha256(source.encode("utf-8")).hexdigest())
    cached = _cache.get(key)
    if cached is not None:
        _cache.move_to_end(key)
        return cached
    svg = dot_process.draw(dot, source, name)
    _cache[key] = svg
    if len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return svg


def clear_cache() -> None:
    _cache.clear()
