"""Results an MkDocs build keeps per page, by key: in memory for as long as the plugin lives
(all of ``mkdocs serve``) and in one file under ``.cache/pages/`` between builds.

Used for the converted pages (:mod:`.mkdocs_pages`), the search plugin's entries and the
HTML pass (:mod:`.mkdocs_reuse`). A key hashes everything its value is computed from, so a
key never names a stale value; a build keeps only the values it used.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .core.cache import Cache

SUFFIX = ".marshal"


class Memo:
    """Results by key: in memory for as long as the plugin lives, on disk in ``folder``
    (``None``: memory only) as one file named ``name``. Values must be marshal-able."""

    def __init__(self, folder: Path | None, name: str) -> None:
        self.file = Cache(folder, SUFFIX)
        self.name = name
        self._stored: dict[str, Any] = self._read()
        self._used: dict[str, Any] = {}
        self._added = False
        self.hits = 0
        self.misses = 0

    def _read(self) -> dict[str, Any]:
        body = self.file.get(self.name)
        if body is None:
            return {}
        try:
            stored = marshal.loads(body)
        except (EOFError, ValueError, TypeError):  # pragma: no cover - checksum matched
            return {}
        return stored if isinstance(stored, dict) else {}

    def start_build(self) -> None:
        self._stored.update(self._used)  # serve: the last build's results stay reusable
        self._used = {}
        self._added = False
        self.hits = self.misses = 0

    def find(self, key: str) -> Any:
        """The value kept under ``key`` (``None``: none); it is kept for the next build."""
        found = self._used.get(key)
        if found is None:
            found = self._stored.get(key)
        if found is not None:
            self._used[key] = found
            self.hits += 1
        return found

    def keep(self, key: str, value: Any) -> None:
        """Remember ``value`` under ``key`` for this build and the next."""
        self._used[key] = value
        self._added = True
        self.misses += 1

    def get(self, key: str, compute: Callable[[], Any]) -> Any:
        """The value kept under ``key``, else ``compute()`` (then kept)."""
        found = self.find(key)
        if found is None:
            found = compute()
            self.keep(key, found)
        return found

    def save(self) -> None:
        """Keep this build's results (only those) for the next build; best effort."""
        if self._added or self._used.keys() != self._stored.keys():
            self.file.put(self.name, marshal.dumps(self._used))
        self._stored = dict(self._used)
