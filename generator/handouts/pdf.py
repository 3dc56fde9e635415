"""HTML → tagged PDF with WeasyPrint: no network, a cache keyed by the HTML, and worker
processes when many PDFs must be made at once.

The PDF bytes depend only on the HTML (which carries the CSS, the inline SVG diagrams and
the content date as ``dcterms.created``) and on the WeasyPrint version, so a PDF made once
is reused from a content-addressed folder (``.cache/handouts``, git-ignored; a
:class:`..cache.Cache`) by every later ``mkdocs serve`` rebuild, ``mkdocs build`` and
``make handouts``. No state is kept in memory between builds: a key can never point at a
stale PDF.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import tempfile
import zlib
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from ..core.cache import Cache

PDF_OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1"}
CACHE_FOLDER = Path(".cache") / "handouts"
CACHE_SUFFIX = ".pdf"
PARALLEL_FROM = 12  # fewer documents render in-process: a worker costs ~0.8 s to start
WORKER_START_DOCS = 2.0  # a worker's start-up, counted in average documents
MAX_WORKERS = 8
PACKAGE_PARENT = Path(__file__).resolve().parents[2]


@cache
def engine_version() -> str:
    """What the PDF bytes depend on besides the HTML: WeasyPrint's version and options."""
    return f"weasyprint {metadata.version('weasyprint')}\0{sorted(PDF_OPTIONS.items())}"


def cache_key(html: str) -> str:
    text = f"{engine_version()}\0{html}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def html_to_pdf(html: str) -> bytes:
    """One tagged PDF/UA-1 document from a complete HTML string."""
    # Imported here, not at the top: WeasyPrint takes ~0.5 s of CPU to import, and a build
    # whose PDFs all come from the cache never needs it.
    from .weasy import write_pdf

    return write_pdf(html, PDF_OPTIONS)


def pdf_cache(folder: Path | None) -> Cache:
    """Finished PDFs by :func:`cache_key` in ``folder`` (``None``: no cache)."""
    return Cache(folder, CACHE_SUFFIX)


def render_all(htmls: list[str], cache: Cache, *, workers: int | None = None) -> list[bytes]:
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
