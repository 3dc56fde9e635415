"""HTML → tagged PDF with WeasyPrint: no network, a cache keyed by the HTML, and worker
processes when many PDFs must be made at once.

The PDF bytes depend only on the HTML (which carries the CSS, the inline SVG diagrams and
the content date as ``dcterms.created``) and on the WeasyPrint version, so a PDF made once
is reused from a content-addressed folder (``.cache/handouts``, git-ignored) by every later
``mkdocs serve`` rebuild, ``mkdocs build`` and ``make handouts``. No state is kept in
memory between builds: a key can never point at a stale PDF.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import subprocess
import sys
import tempfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import weasyprint
from weasyprint.urls import URLFetcher

PDF_OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1"}
CACHE_FOLDER = Path(".cache") / "handouts"
PARALLEL_FROM = 12  # fewer documents render in-process: a worker costs ~0.8 s to start
WORKER_START_DOCS = 2.0  # a worker's start-up, counted in average documents
MAX_WORKERS = 8
PACKAGE_PARENT = Path(__file__).resolve().parents[2]

log = logging.getLogger(__name__)


class LocalOnlyFetcher(URLFetcher):  # type: ignore[misc]
    """Refuses every URL except inline ``data:``: handouts never reach the network."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("data",), fail_on_errors=True)


def cache_key(html: str) -> str:
    text = f"weasyprint {weasyprint.__version__}\0{sorted(PDF_OPTIONS.items())}\0{html}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def html_to_pdf(html: str) -> bytes:
    """One tagged PDF/UA-1 document from a complete HTML string."""
    document = weasyprint.HTML(string=html, url_fetcher=LocalOnlyFetcher())
    data: bytes = document.write_pdf(**PDF_OPTIONS)
    return data


class PdfCache:
    """Finished PDFs by :func:`cache_key` in ``folder`` (``None``: no cache)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def get(self, key: str) -> bytes | None:
        if self.folder is None:
            return None
        try:
            return (self.folder / f"{key}.pdf").read_bytes()
        except FileNotFoundError:
            return None

    def put(self, key: str, data: bytes) -> None:
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            target = self.folder / f"{key}.pdf"
            temporary = target.with_name(f"{key}.{os.getpid()}.tmp")
            temporary.write_bytes(data)
            os.replace(temporary, target)  # atomic: a parallel build never reads half a PDF
        except OSError as error:  # e.g. a read-only checkout: build on, just slower
            log.warning("PDF-välimuistiin %s ei voi kirjoittaa: %s", self.folder, error)

    def prune(self, keep: Iterable[str]) -> None:
        """Delete cached PDFs the current build did not use, so the folder stays small
        however long ``mkdocs serve`` runs."""
        if self.folder is None or not self.folder.is_dir():
            return
        wanted = {f"{key}.pdf" for key in keep}
        for file in self.folder.glob("*.pdf"):
            if file.name not in wanted:
                file.unlink(missing_ok=True)


def render_all(htmls: list[str], cache: PdfCache, *, workers: int | None = None) -> list[bytes]:
    """PDFs for ``htmls`` (same order), rendering only those not cached."""
    keys = [cache_key(html) for html in htmls]
    results: dict[str, bytes] = {}
    missing: dict[str, str] = {}
    for key, html in zip(keys, htmls, strict=True):
        found = cache.get(key)
        if found is not None:
            results[key] = found
        else:
            missing.setdefault(key, html)
    if missing:
        for key, data in zip(missing, _render(list(missing.values()), workers), strict=True):
            cache.put(key, data)
            results[key] = data
    cache.prune(keys)
    return [results[key] for key in keys]


def _render(htmls: list[str], workers: int | None) -> list[bytes]:
    count = workers if workers is not None else min(os.cpu_count() or 1, MAX_WORKERS)
    if count <= 1 or len(htmls) < PARALLEL_FROM:
        return [html_to_pdf(html) for html in htmls]
    return _render_parallel(htmls, count)


def _chunks(htmls: list[str], count: int) -> list[list[int]]:
    """Split document indices into ``count`` bins of similar work (HTML length as the
    estimate); bin 0 is rendered in this process, the others pay a worker's start-up."""
    average = sum(len(h) for h in htmls) / len(htmls)
    loads = [0.0] + [WORKER_START_DOCS * average] * (count - 1)
    bins: list[list[int]] = [[] for _ in range(count)]
    for index in sorted(range(len(htmls)), key=lambda i: -len(htmls[i])):
        target = loads.index(min(loads))
        bins[target].append(index)
        loads[target] += len(htmls[index])
    return bins


def _render_parallel(htmls: list[str], count: int) -> list[bytes]:
    """Render in this process and in ``count - 1`` fresh worker processes at once."""
    results: list[bytes | None] = [None] * len(htmls)
    bins = _chunks(htmls, count)
    env = {**os.environ,
           "PYTHONPATH": os.pathsep.join(filter(None, [str(PACKAGE_PARENT),
                                                       os.environ.get("PYTHONPATH")]))}
    with tempfile.TemporaryDirectory(prefix="handouts-") as folder:
        processes: list[tuple[list[int], subprocess.Popen[bytes]]] = []
        try:
            for chunk in (c for c in bins[1:] if c):
                files = []
                for index in chunk:
                    file = Path(folder) / f"{index}.html"
                    file.write_text(htmls[index], "utf-8")
                    files.append(str(file))
                command = [sys.executable, "-m", "generator.handouts.worker", *files]
                processes.append((chunk, subprocess.Popen(
                    command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)))
            for index in bins[0]:
                results[index] = html_to_pdf(htmls[index])
            for chunk, process in processes:
                _, errors = process.communicate()
                if process.returncode != 0:
                    raise RuntimeError("PDF-työprosessi epäonnistui:\n"
                                       + errors.decode("utf-8", "replace"))
                for index in chunk:
                    results[index] = (Path(folder) / f"{index}.pdf").read_bytes()
        finally:
            for _, process in processes:
                if process.poll() is None:
                    process.kill()
                    process.wait()
    done = [data for data in results if data is not None]
    assert len(done) == len(htmls)
    return done


_STREAM = re.compile(rb"/ObjStm.*?stream\r?\n(.*?)\r?\nendstream", re.DOTALL)
_PAGES = re.compile(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b")


def page_count(data: bytes) -> int:
    """The number of pages of a PDF that WeasyPrint made (the page tree's ``/Count``,
    also when it sits in a compressed object stream). 0 when not found."""
    counts = [int(a or b) for a, b in _PAGES.findall(data)]
    for raw in _STREAM.findall(data):
        try:
            text = zlib.decompress(raw)
        except zlib.error:
            continue
        counts += [int(a or b) for a, b in _PAGES.findall(text)]
    return max(counts, default=0)
