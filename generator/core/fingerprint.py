"""What a generated file depends on besides the content: the generator's own code.

A cache that skips rendering (not only converting) must know when the code that renders
changed. :func:`code_fingerprint` hashes every file of the ``generator`` package (modules,
templates, styles, hyphenation data) and the versions of the Python and libraries that
shape the text it writes, so a checkout with other code or another library never reuses
what this one made.

It is worked out once per process: a long ``mkdocs serve`` keeps running the code it
imported, so the fingerprint of that code is the right one even after the files change.
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import cache
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
LIBRARIES = ("jinja2", "markupsafe", "markdown", "pydantic", "pydantic-core", "pyyaml")


def package_version(name: str) -> str:
    """The installed version of the distribution ``name``, ``-`` when it is not installed."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


@cache
def code_fingerprint() -> str | None:
    """SHA-256 over the package's files and the libraries' versions; ``None`` when the
    package's files cannot be read (e.g. installed without sources): then nothing that
    depends on the code may be reused."""
    digest = hashlib.sha256(sys.version.encode())
    for library in LIBRARIES:
        digest.update(f"\0{library}={package_version(library)}".encode())
    try:
        for folder, subfolders, files in os.walk(PACKAGE):
            subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".pyc", ".tmp")):
                    continue
                path = Path(folder, name)
                digest.update(f"\0{path.relative_to(PACKAGE).as_posix()}\0".encode())
                digest.update(path.read_bytes())
    except OSError:
        return None
    return digest.hexdigest()
