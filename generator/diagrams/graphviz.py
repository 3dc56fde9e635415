"""Running Graphviz ``dot``: one clear error when it is missing, a timeout, and two caches.

* A content-addressed folder (``.cache/diagrams`` under the project, git-ignored) holds what
  a build makes of each diagram: the figure finished from ``dot``'s SVG
  (:meth:`DiagramSession.derive`), keyed by a SHA-256 that covers the DOT source, ``dot -V``
  (the Graphviz version) and whatever else the figure depends on. So every later
  ``mkdocs build``, ``mkdocs serve`` rebuild and ``generate`` reads one file per diagram
  and only calls ``dot`` for diagrams whose source changed. ``dot``'s own SVG is kept in
  memory for the build that drew it: no later build needs it. A build uses the folder
  through :func:`diagram_session`, which also draws the diagrams the folder lacks, many at
  a time (:meth:`DiagramSession.prefetch`), and afterwards deletes the files the build did
  not use. Each file carries the SHA-256 of its text: a damaged file is ignored and
  rewritten, and a cache that cannot be read or written only makes the build slower (one
  warning).
* Outside a session, an in-process cache keyed by the ``dot`` executable and the source hash
  (tests, single figures) that never outlives the process.

Same source and same Graphviz give the same SVG, so either cache returns exactly what
``dot`` would. (Graphviz also measures text with the installed fonts: after changing fonts,
delete ``.cache/diagrams``.)

A build's missing diagrams are drawn many to a ``dot`` process (:func:`draw_many`): most of
a ``dot`` run is its start-up (loading cairo, pango and fontconfig), ~15 ms against ~1.5 ms
of layout. What one ``dot`` carries from graph to graph is taken care of: linked cells of
HTML-like labels are numbered on by a counter (the diagrams give every linked cell an
``ID``), the root graph's element id gets a page prefix (put back), and clusters are written
in the order of their names' memory addresses (:func:`draw` and :func:`draw_many` both sort
them). Tests check that every diagram comes out of a batch, in any order, byte for byte as
from a ``dot`` of its own.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import logging
import os
import re
import shutil
import subprocess
import threading
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

DOT_TIMEOUT_SECONDS = 60
CACHE_SIZE = 512
CACHE_FOLDER = Path(".cache") / "diagrams"
MAX_WORKERS = 4
BATCH_SIZE = 100  # diagrams per `dot` process when a build draws many (DiagramSession.prefetch)
INSTALL_HINT = (
    "Kaaviot piirretään Graphviz-ohjelmalla, mutta komentoa `dot` ei löydy (PATH). "
    "Asenna Debian-paketti graphviz: sudo apt-get install graphviz"
)
_CHECKSUM = "sha256:"
OUTPUT_FORMAT = "2"  # raise when what is kept of dot's output changes (2: clusters sorted)
# Files of the cache folder: figures finished from dot's output (DiagramSession.derive);
# ".svg" files are dot's own output as older versions kept it, pruned like unused figures.
SUFFIXES = (".json", ".svg")

log = logging.getLogger(__name__)

_cache: OrderedDict[tuple[str, str], str] = OrderedDict()


class DiagramError(RuntimeError):
    """A diagram could not be drawn (``dot`` missing, failing or too slow)."""


def find_dot() -> str:
    """Path of the ``dot`` executable, or :class:`DiagramError` naming the package."""
    path = shutil.which("dot")
    if path is None:
        raise DiagramError(INSTALL_HINT)
    return path


def dot_version(dot: str) -> str:
    """``dot -V`` of the executable (asked once per executable and modification time)."""
    try:
        stat = os.stat(dot)
    except OSError as error:
        raise DiagramError(f"Graphviz-ohjelmaa {dot} ei voitu ajaa: {error}") from None
    return _version(dot, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _version(dot: str, _mtime_ns: int, _size: int) -> str:
    try:
        result = subprocess.run([dot, "-V"], capture_output=True,
                                timeout=DOT_TIMEOUT_SECONDS, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise DiagramError(f"Graphviz-ohjelmaa {dot} ei voitu ajaa: {error}") from None
    return (result.stderr + result.stdout).decode("utf-8", "replace").strip()


def cache_key(source: str, version: str) -> str:
    """What ``dot`` makes of ``source`` depends on: SHA-256 of the Graphviz version, the DOT
    source and :data:`OUTPUT_FORMAT` (the key of a build's SVGs, and the base of the keys of
    what is derived from them)."""
    return hashlib.sha256(f"{OUTPUT_FORMAT}\0{version}\0{source}".encode()).hexdigest()


def draw(dot: str, source: str, name: str) -> str:
    """Run ``dot -Tsvg`` once; the SVG text or :class:`DiagramError`."""
    return _clusters_in_id_order(_run(dot, source, name))


def _run(dot: str, source: str, name: str) -> str:
    try:
        result = subprocess.run(
            [dot, "-Tsvg"], input=source.encode("utf-8"), capture_output=True,
            timeout=DOT_TIMEOUT_SECONDS, check=False,
        )
    except subprocess.TimeoutExpired:
        raise DiagramError(
            f"Graphviz ei saanut kaaviota {name} valmiiksi {DOT_TIMEOUT_SECONDS} sekunnissa"
        ) from None
    except OSError as error:
        raise DiagramError(f"Graphviz-ohjelmaa {dot} ei voitu ajaa: {error}") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DiagramError(
            f"Graphviz ei piirtänyt kaaviota {name} (paluuarvo {result.returncode}): "
            + " / ".join(message[:5])
        )
    return result.stdout.decode("utf-8")


_SVG_START = "<?xml "  # each graph's SVG starts with the XML declaration
# A cluster's group, as `dot` writes it for the diagrams' clusters (no links inside).
_CLUSTER = re.compile(r'<g id="([^"]*)" class="cluster[^"]*">\n(?:(?!<g ).*\n)*?</g>\n')
# From the second graph on, `dot` prefixes the root graph's id with the page it last drew.
_CARRIED_GRAPH_ID = re.compile(r'<g id="page\d+,\d+_graph0" class="graph"')


def draw_many(dot: str, items: list[tuple[str, str]]) -> list[str]:
    """The SVGs of ``(source, name)`` pairs drawn by one ``dot`` process, each the text
    :func:`draw` gives it alone. If ``dot`` fails on the batch, each is drawn alone, so the
    error names the diagram at fault."""
    if len(items) > 1:
        sources = "\n".join(source for source, _ in items)
        try:
            parts = _run(dot, sources, f"{len(items)} kaaviota").split(_SVG_START)
        except DiagramError:
            parts = []
        if len(parts) == len(items) + 1 and not parts[0].strip():
            return [_clusters_in_id_order(_CARRIED_GRAPH_ID.sub(
                '<g id="graph0" class="graph"', _SVG_START + part, count=1))
                for part in parts[1:]]
    return [draw(dot, source, name) for source, name in items]


def _clusters_in_id_order(svg: str) -> str:
    """``svg`` with its clusters written in the order of their ids.

    ``dot`` writes clusters in the order of the memory addresses of their names, which
    within one fresh process follows the source but in a process that drew other graphs
    before does not, and not even the same way from run to run. Placement does not depend
    on it in these diagrams (a timeline's year boxes follow its chain), only the order of
    the groups in the file does, so sorting them makes the text depend on the source alone.
    """
    blocks = [(match.group(1), match.group(0)) for match in _CLUSTER.finditer(svg)]
    if len(blocks) < 2:
        return svg
    written = "".join(block for _, block in blocks)
    start = svg.find(written)
    if start < 0:  # not one run of clusters (nested ones, say): leave as drawn
        return svg
    in_order = "".join(block for _, block in sorted(blocks))
    return svg[:start] + in_order + svg[start + len(written):]


class DiskCache:
    """Texts by key in ``folder`` (``None``: no disk cache), a file per key and suffix.

    A file is ``sha256:<hex of the text>`` on its first line, then the text. Problems are
    logged once per cache and never raised: the build works the text out again.
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._warned = False
        self._lock = threading.Lock()

    def _warn(self, message: str, *args: object) -> None:
        with self._lock:
            if self._warned:
                return
            self._warned = True
        log.warning(message, *args)

    def get(self, key: str, suffix: str) -> str | None:
        if self.folder is None:
            return None
        path = self.folder / f"{key}{suffix}"
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            self._warn("Kaaviovälimuistia %s ei voi lukea: %s", self.folder, error)
            return None
        head, _, body = data.partition(b"\n")
        if head != f"{_CHECKSUM}{hashlib.sha256(body).hexdigest()}".encode():
            self._warn("Kaaviovälimuistin tiedosto %s on vioittunut; kaavio piirretään "
                       "uudelleen", path)
            return None
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:  # pragma: no cover - the checksum matched
            return None

    def has(self, key: str, suffix: str) -> bool:
        """Whether a file for ``key`` exists (:meth:`get` checks it when it reads it)."""
        return self.folder is not None and (self.folder / f"{key}{suffix}").is_file()

    def put(self, key: str, text: str, suffix: str) -> None:
        if self.folder is None:
            return
        body = text.encode("utf-8")
        data = f"{_CHECKSUM}{hashlib.sha256(body).hexdigest()}\n".encode() + body
        target = self.folder / f"{key}{suffix}"
        temporary = target.with_name(f"{key}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
            os.replace(temporary, target)  # atomic: a parallel build never reads half a file
        except OSError as error:  # e.g. a read-only checkout: build on, just slower
            self._warn("Kaaviovälimuistiin %s ei voi kirjoittaa: %s", self.folder, error)
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)

    def prune(self, keep: Iterable[str]) -> None:
        """Delete cached files (``keep``: the names to keep) the current build did not use,
        so the folder stays small however long ``mkdocs serve`` runs."""
        if self.folder is None or not self.folder.is_dir():
            return
        wanted = set(keep)
        try:
            for file in self.folder.iterdir():
                if file.name not in wanted and file.suffix in (*SUFFIXES, ".tmp"):
                    file.unlink(missing_ok=True)
        except OSError as error:
            self._warn("Kaaviovälimuistia %s ei voi siivota: %s", self.folder, error)


class DiagramSession:
    """One build's diagrams: the SVGs drawn so far and the texts derived from them (by key),
    and the disk cache of the derived texts."""

    DERIVED = ".json"

    def __init__(self, cache: DiskCache, *, workers: int | None = None) -> None:
        self.cache = cache
        self.workers = workers if workers is not None else default_workers()
        self.svgs: dict[str, str] = {}
        self.derived: dict[str, str] = {}
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
            found = self.svgs[key] = draw(self.graphviz()[0], source, name)
        return found

    def prefetch(self, wanted: Iterable[tuple[str, str, str]]) -> None:
        """Draw the SVGs of ``(source, name, derived key)`` triples whose derived text the
        disk cache lacks, in batches (:func:`draw_many`), ``workers`` ``dot`` processes at a
        time. The derived texts on disk are read when asked for (:meth:`derive`), by
        whichever render worker asks; their SVGs are not needed."""
        dot = self.graphviz()[0]
        missing: dict[str, tuple[str, str]] = {}
        for source, name, derived_key in wanted:
            key = self.source_key(source)
            if (key not in self.svgs and key not in missing
                    and derived_key not in self.derived
                    and not self.cache.has(derived_key, self.DERIVED)):
                missing[key] = (source, name)
        if not missing:
            return

        def work(batch: list[tuple[str, tuple[str, str]]]) -> list[tuple[str, str]]:
            svgs = draw_many(dot, [item for _, item in batch])
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

    def derive(self, key: str, compute: Callable[[], str]) -> str:
        """Text worked out from a drawn diagram (a finished figure, as JSON), cached on disk
        under ``key``, which must hash everything ``compute`` depends on: the diagram's
        :meth:`source_key` among it."""
        found = self.derived.get(key)
        if found is None:
            found = self.cache.get(key, self.DERIVED)
            if found is None:
                found = compute()
                self.cache.put(key, found, self.DERIVED)
            self.derived[key] = found
        return found

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
        self.cache.prune(f"{key}{self.DERIVED}" for key in self.derived)


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
    session = DiagramSession(DiskCache(folder), workers=workers)
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
    svg = draw(dot, source, name)
    _cache[key] = svg
    if len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return svg


def clear_cache() -> None:
    _cache.clear()
