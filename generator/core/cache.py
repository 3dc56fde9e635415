"""Build results kept on disk between builds: one implementation for every kind.

The build keeps three kinds of results under ``.cache/`` (git-ignored), each in a folder of
its own: the parse results of the content files (``.cache/content``), the diagrams finished
from ``dot``'s SVG (``.cache/diagrams``) and the PDF handouts (``.cache/handouts``). A
:class:`Cache` is one such folder: bytes by key, a file ``<key><suffix>`` each. Callers
choose keys that hash everything a result depends on, so a key never names a stale result.

A file is ``sha256:<hex of the rest>`` on its first line, then the bytes. The cache only
ever saves time, so nothing here raises:

* a file that is missing, or in another format (e.g. written by an older version, without
  the checksum line) is simply not there: the caller works the result out again and
  :meth:`Cache.put` replaces it;
* a damaged file (the checksum does not match) is treated the same way, with a warning;
* a folder that cannot be read or written only makes the build slower (one warning per
  cache, not one per file);
* files are written under a temporary name and renamed, so a parallel build reads the old
  file or the new one, never half of one;
* :meth:`Cache.prune` deletes the files a build did not use, so the folder stays small
  however long ``mkdocs serve`` runs.

This module imports nothing from the rest of the generator: any stage can use it.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
from collections.abc import Iterable
from pathlib import Path

CHECKSUM = b"sha256:"
TEMPORARY_SUFFIX = ".tmp"

log = logging.getLogger(__name__)


def digest(data: bytes) -> str:
    """SHA-256 of ``data`` as hex: the checksum of a file, and a key for a caller to use."""
    return hashlib.sha256(data).hexdigest()


class Cache:
    """Bytes by key in ``folder`` (``None``: remember nothing), a file ``<key><suffix>``
    each. ``stale_suffixes``: files an older version kept in the folder, deleted by
    :meth:`prune` like unused ones."""

    def __init__(self, folder: Path | None, suffix: str, *,
                 stale_suffixes: Iterable[str] = ()) -> None:
        self.folder = folder
        self.suffix = suffix
        self._prunable = frozenset((suffix, *stale_suffixes, TEMPORARY_SUFFIX))
        self._warned = False
        self._lock = threading.Lock()

    def _warn(self, message: str, *args: object) -> None:
        with self._lock:
            if self._warned:
                return
            self._warned = True
        log.warning(message, *args)

    def path(self, key: str) -> Path | None:
        return self.folder / f"{key}{self.suffix}" if self.folder is not None else None

    def has(self, key: str) -> bool:
        """Whether a file for ``key`` exists (:meth:`get` checks it when it reads it)."""
        path = self.path(key)
        return path is not None and path.is_file()

    def get(self, key: str) -> bytes | None:
        """The bytes stored under ``key``, or ``None`` when there are none to trust."""
        path = self.path(key)
        if path is None:
            return None
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            self._warn("Välimuistia %s ei voi lukea: %s", self.folder, error)
            return None
        head, newline, body = data.partition(b"\n")
        if not head.startswith(CHECKSUM) or not newline:
            log.debug("cache file %s is in another format; made again", path)
            return None
        if head[len(CHECKSUM):] != digest(body).encode():
            self._warn("Välimuistin tiedosto %s on vioittunut; sen sisältö tehdään "
                       "uudelleen", path)
            return None
        return body

    def put(self, key: str, data: bytes) -> None:
        """Store ``data`` under ``key`` (atomically; a failure is only a warning)."""
        target = self.path(key)
        if target is None or self.folder is None:
            return
        temporary = target.with_name(
            f"{key}.{os.getpid()}.{threading.get_ident()}{TEMPORARY_SUFFIX}")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with temporary.open("wb") as file:
                file.write(CHECKSUM + digest(data).encode() + b"\n")
                file.write(data)
            os.replace(temporary, target)  # atomic: a parallel build never reads half a file
        except OSError as error:  # e.g. a read-only checkout: build on, just slower
            self._warn("Välimuistiin %s ei voi kirjoittaa: %s", self.folder, error)
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)

    def prune(self, keep: Iterable[str]) -> None:
        """Delete this cache's files (and left-over temporary files) whose key is not in
        ``keep``; files of other names in the folder are left alone."""
        if self.folder is None or not self.folder.is_dir():
            return
        wanted = {f"{key}{self.suffix}" for key in keep}
        try:
            for file in self.folder.iterdir():
                if file.name not in wanted and file.suffix in self._prunable:
                    file.unlink(missing_ok=True)
        except OSError as error:
            self._warn("Välimuistia %s ei voi siivota: %s", self.folder, error)
