"""Running Graphviz ``dot``: one clear error when it is missing, a timeout, an in-process cache.

The cache is keyed by the ``dot`` executable and the SHA-256 of the DOT source, so
``mkdocs serve`` rebuilds only call ``dot`` for diagrams whose source changed. It holds
pure function results (same source → same SVG) and never outlives the process.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections import OrderedDict

DOT_TIMEOUT_SECONDS = 60
CACHE_SIZE = 512
INSTALL_HINT = (
    "Kaaviot piirretään Graphviz-ohjelmalla, mutta komentoa `dot` ei löydy (PATH). "
    "Asenna Debian-paketti graphviz: sudo apt-get install graphviz"
)

_cache: OrderedDict[tuple[str, str], str] = OrderedDict()


class DiagramError(RuntimeError):
    """A diagram could not be drawn (``dot`` missing, failing or too slow)."""


def find_dot() -> str:
    """Path of the ``dot`` executable, or :class:`DiagramError` naming the package."""
    path = shutil.which("dot")
    if path is None:
        raise DiagramError(INSTALL_HINT)
    return path


def run_dot(source: str, *, name: str = "kaavio") -> str:
    """SVG text for DOT ``source`` (cached in-process by source hash)."""
    dot = find_dot()
    key = (dot, hashlib.sha256(source.encode("utf-8")).hexdigest())
    cached = _cache.get(key)
    if cached is not None:
        _cache.move_to_end(key)
        return cached
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
    svg = result.stdout.decode("utf-8")
    _cache[key] = svg
    if len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return svg


def clear_cache() -> None:
    _cache.clear()
