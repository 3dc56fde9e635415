"""Write generated files into a folder for any engine (MkDocs, Zensical, …).

Only files whose bytes changed are written; files this command wrote earlier and no longer
produces are removed (tracked in a manifest); nothing else in the folder is touched.

A page written here names its YAML source in its front matter (``edit_path``): under MkDocs
the project's plugin sets each page's edit link itself, but another engine (Zensical) only
sees the folder, so the theme override ``overrides/partials/actions.html`` builds the link
from it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from .build import Output, Outputs

MANIFEST = ".generated.json"
FRONT_MATTER = b"---\n"


@dataclass(frozen=True)
class WriteResult:
    written: list[str]
    removed: list[str]
    unchanged: int


def write_outputs(outputs: Outputs, out_dir: Path) -> WriteResult:
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest_file = out_dir / MANIFEST
    try:
        previous = set(json.loads(manifest_file.read_text("utf-8")))
    except (OSError, ValueError):
        previous = set()
    written, unchanged = [], 0
    for path, output in sorted(outputs.files.items()):
        target = out_dir / path
        data = _with_edit_path(path, output)
        try:
            if target.read_bytes() == data:
                unchanged += 1
                continue
        except OSError:
            pass
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_bytes(data)
        os.replace(temporary, target)  # atomic: a reader never sees half a file
        written.append(path)
    removed = []
    for path in sorted(previous - set(outputs.files)):
        stale = out_dir / path
        if stale.is_file():
            stale.unlink()
            removed.append(path)
            _prune_empty(stale.parent, out_dir)
    manifest = json.dumps(sorted(outputs.files), ensure_ascii=False, indent=0) + "\n"
    if not manifest_file.exists() or manifest_file.read_text("utf-8") != manifest:
        manifest_file.write_text(manifest, "utf-8")
    return WriteResult(written, removed, unchanged)


def _with_edit_path(path: str, output: Output) -> bytes:
    """A Markdown page's bytes with ``edit_path: "<its YAML source>"`` in its front matter;
    ``""`` for a page that no single file is behind (an index), which has no edit link."""
    data = output.data
    if not path.endswith(".md"):
        return data
    line = f"edit_path: {json.dumps(output.source or '')}\n".encode()  # YAML-quoted
    if data.startswith(FRONT_MATTER):
        return FRONT_MATTER + line + data[len(FRONT_MATTER):]
    return FRONT_MATTER + line + FRONT_MATTER + data


def _prune_empty(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
