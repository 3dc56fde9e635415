"""Parsed content files remembered between builds, by the SHA-256 of each file's bytes.

Parsing YAML is most of the load stage (~0.09 s of 0.11 s at 1,000 entities), and between
two builds almost every file is unchanged. A file's parse result (its data and the
positions of its keys and values) depends only on its bytes and on the loader's code, so
it is kept under ``.cache/content/`` next to the diagram cache: one ``marshal`` file read
once per build (~0.02 s at 1,000 entities), written again only when something changed,
and holding only the files of the last build.

The cache only ever saves time. The file starts with the SHA-256 of the rest, and its
entries are thrown away whenever the loader's code or PyYAML changes; a file that cannot be
read, is damaged or cannot be written makes the build parse everything, as without it.
Files that fail to parse are never cached: their messages always come from the parser.
Warnings found while parsing (e.g. a ``#`` comment that cut a value short) are part of
a file's entry, so a build that reads the cache reports them too.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import os
import threading
from functools import cache
from pathlib import Path
from typing import Any

import yaml

FOLDER = Path(".cache") / "content"
FILE_NAME = "yaml.marshal"
PARSER_MODULES = ("load/files.py", "load/problems.py")
"""The code a parse result depends on (:func:`code_version`)."""
_MAGIC = b"yaml-parse-cache 2\n"  # 2: warnings in each entry

#: ``(data, value positions, key positions, warnings)``, positions as ``(line, col)``
#: tuples, warnings as ``(line, col, message, hint)``: a warm build reports them too.
Parsed = tuple[Any, dict[Any, tuple[int, int]], dict[Any, tuple[int, int]],
               tuple[tuple[int, int, str, str], ...]]

log = logging.getLogger(__name__)


@cache
def code_version() -> str | None:
    """What a parse result depends on besides the file: the loader's code (with the
    module that finds the warnings kept in a result) and PyYAML. ``None`` when that code
    cannot be read (then nothing is cached)."""
    digest = hashlib.sha256()
    for module in PARSER_MODULES:
        try:
            digest.update((Path(__file__).parent / module).read_bytes())
        except OSError:  # e.g. installed without sources
            return None
    digest.update(f"{yaml.__version__} {getattr(yaml, '__with_libyaml__', False)}".encode())
    return digest.hexdigest()


def key_of(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


class ParseCache:
    """The parse results of ``folder`` (``None``: remember nothing) for one load."""

    def __init__(self, folder: Path | None) -> None:
        usable = folder is not None and code_version() is not None
        self.path = folder / FILE_NAME if usable and folder is not None else None
        self._stored: dict[str, Parsed] = self._read()
        self._used: dict[str, Parsed] = {}
        self._changed = False

    def _read(self) -> dict[str, Parsed]:
        if self.path is None:
            return {}
        try:
            blob = self.path.read_bytes()
        except OSError:  # none yet, or unreadable: parse everything
            return {}
        head, _, body = blob.partition(b"\n")
        if head + b"\n" != _MAGIC:
            return {}
        checksum, _, body = body.partition(b"\n")
        if checksum != hashlib.sha256(body).hexdigest().encode():
            log.debug("damaged parse cache %s ignored", self.path)
            return {}
        try:
            version, entries = marshal.loads(body)
        except (EOFError, ValueError, TypeError):  # pragma: no cover - checksum matched
            return {}
        return entries if version == code_version() else {}

    def get(self, key: str) -> Parsed | None:
        """The parse result for the file whose bytes hash to ``key``, once per load: a
        second file with the same bytes is parsed again, so no two documents share data."""
        found = self._stored.pop(key, None)
        if found is not None:
            self._used[key] = found
        return found

    def put(self, key: str, parsed: Parsed) -> None:
        self._used[key] = parsed
        self._changed = True

    def save(self) -> None:
        """Write what this load used, if it differs from what was stored; entries of
        files that are gone are dropped."""
        if self.path is None or not (self._changed or self._stored):
            return
        body = marshal.dumps((code_version(), self._used))
        data = _MAGIC + hashlib.sha256(body).hexdigest().encode() + b"\n" + body
        temporary = self.path.with_name(
            f"{FILE_NAME}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(data)
            os.replace(temporary, self.path)  # atomic: a parallel build reads old or new
        except OSError as error:  # e.g. a read-only checkout: next build parses again
            log.debug("parse cache %s not written: %s", self.path, error)
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
