"""Parsed content files remembered between builds, by the SHA-256 of each file's bytes.

Parsing YAML is most of the load stage (~0.09 s of 0.11 s at 1,000 entities), and between
two builds almost every file is unchanged. A file's parse result (its data and the
positions of its keys and values) depends only on its bytes and on the loader's code, so
it is kept under ``.cache/content/`` next to the diagram cache: one ``marshal`` file read
once per build (~0.02 s at 1,000 entities), written again only when something changed,
and holding only the files of the last build.

The cache only ever saves time. The file is kept by :class:`.cache.Cache` (a checksum, an
atomic write; a damaged or unreadable file is not used), and its entries are thrown away
whenever the loader's code or PyYAML changes; a file that cannot be read, is damaged or
cannot be written makes the build parse everything, as without it.
Files that fail to parse are never cached: their messages always come from the parser.
Warnings found while parsing (e.g. a ``#`` comment that cut a value short) are part of
a file's entry, so a build that reads the cache reports them too.
"""

from __future__ import annotations

import hashlib
import marshal
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .core.cache import Cache

FOLDER = Path(".cache") / "content"
KEY = "yaml"  # one file, .cache/content/yaml.marshal, holds every entry
SUFFIX = ".marshal"
FILE_NAME = KEY + SUFFIX
PARSER_MODULES = ("load/files.py", "load/problems.py")
"""The code a parse result depends on (:func:`code_version`)."""
ENTRY_FORMAT = 2  # raise when an entry's shape changes (2: warnings in each entry)

#: ``(data, value positions, key positions, warnings)``, positions as ``(line, col)``
#: tuples, warnings as ``(line, col, message, hint)``: a warm build reports them too.
Parsed = tuple[Any, dict[Any, tuple[int, int]], dict[Any, tuple[int, int]],
               tuple[tuple[int, int, str, str], ...]]


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
    digest.update(f"{ENTRY_FORMAT} {yaml.__version__} "
                  f"{getattr(yaml, '__with_libyaml__', False)}".encode())
    return digest.hexdigest()


def key_of(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


class ParseCache:
    """The parse results of ``folder`` (``None``: remember nothing) for one load."""

    def __init__(self, folder: Path | None) -> None:
        usable = folder is not None and code_version() is not None
        self.file = Cache(folder if usable else None, SUFFIX)
        self._stored: dict[str, Parsed] = self._read()
        self._used: dict[str, Parsed] = {}
        self._changed = False

    def _read(self) -> dict[str, Parsed]:
        body = self.file.get(KEY)
        if body is None:  # none yet, unreadable, damaged or of an older format
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
        if self.file.folder is None or not (self._changed or self._stored):
            return
        self.file.put(KEY, marshal.dumps((code_version(), self._used)))
