"""The Graphviz ``dot`` process: one clear error when it is missing, a timeout, and many
diagrams to one process.

A build's missing diagrams are drawn many to a ``dot`` process (:func:`draw_many`): most of
a ``dot`` run is its start-up (loading cairo, pango and fontconfig), ~15 ms against ~1.5 ms
of layout. What one ``dot`` carries from graph to graph is taken care of: linked cells of
HTML-like labels are numbered on by a counter (the diagrams give every linked cell an
``ID``), the root graph's element id gets a page prefix (put back), and clusters are written
in the order of their names' memory addresses (:func:`draw` and :func:`draw_many` both sort
them). Tests check that every diagram comes out of a batch, in any order, byte for byte as
from a ``dot`` of its own.

Same source and same Graphviz give the same SVG: :func:`cache_key` names it. (Graphviz also
measures text with the installed fonts: after changing fonts, delete ``.cache/diagrams``.)
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from functools import lru_cache

DOT_TIMEOUT_SECONDS = 60
INSTALL_HINT = (
    "Kaaviot piirretään Graphviz-ohjelmalla, mutta komentoa `dot` ei löydy (PATH). "
    "Asenna Debian-paketti graphviz: sudo apt-get install graphviz"
)
OUTPUT_FORMAT = "2"  # raise when what is kept of dot's output changes (2: clusters sorted)


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


ALONE_FROM_EDGES = 30
"""A graph with this many edges or more is drawn by a ``dot`` of its own: in a process that
had drawn other graphs, ``dot`` now and then routed one edge of the 41-edge relations
overview differently (its edge order, like the clusters' below, follows memory addresses).
Small graphs have shown no such difference (tests/test_dot_batch.py)."""


def draw_many(dot: str, items: list[tuple[str, str]]) -> list[str]:
    """The SVGs of ``(source, name)`` pairs drawn by one ``dot`` process, each the text
    :func:`draw` gives it alone. Large graphs (:data:`ALONE_FROM_EDGES`) get a process each.
    If ``dot`` fails on the batch, each is drawn alone, so the error names the diagram at
    fault."""
    large = {i for i, (source, _) in enumerate(items)
             if source.count(" -> ") >= ALONE_FROM_EDGES}
    drawn = iter(_batch(dot, [item for i, item in enumerate(items) if i not in large]))
    return [_clusters_in_id_order(_run(dot, *item)) if i in large else next(drawn)
            for i, item in enumerate(items)]


def _batch(dot: str, items: list[tuple[str, str]]) -> list[str]:
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
