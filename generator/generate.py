"""Write generated files into a folder for any engine (MkDocs, Zensical, …).

Only files whose bytes changed are written; files this command wrote earlier and no longer
produces are removed (tracked in a manifest); nothing else in the folder is touched.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from .build import Outputs

MANIFEST = ".generated.json"


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
        data = output.data
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


def _prune_empty(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
