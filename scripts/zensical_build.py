"""Build the whole site with Zensical instead of MkDocs (``make zensical``, site-zensical/).

Zensical reads ``mkdocs.yml`` but runs no MkDocs plugins, so the project's plugin, which hands
the generated pages to MkDocs in memory, is replaced by three steps:

1. ``python -m generator generate --out build/zensical-docs`` writes the generated pages,
   diagrams, calendar feeds, PDF handouts and open data (only the files that changed);
2. the hand-written ``docs/`` (pages, styles, scripts) is copied beside them, each page with
   ``edit_path: "docs/…"`` in its front matter (the generated pages name their YAML there),
   as the plugin points every page's edit link at its source under MkDocs;
3. ``zensical build -f zensical.yml`` (``mkdocs.yml`` with that folder as ``docs_dir``) builds
   the site into ``site-zensical/``.

``--json`` prints the two steps' times as one JSON line last (for the benchmark).
Exit codes: 0 built, 1 content errors or a failed build, 2 a hand-written file clashes with a
generated one.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

STAGING = Path("build/zensical-docs")
OVERRIDES = Path("build/zensical-overrides")
MATERIAL_ONLY = {"partials/toc.html", "partials/search.html"}
"""Overrides that are edited copies of Material's own partials: Zensical's templates are not
Material's (their variables differ), so it keeps its own version of these."""
CONFIG = "zensical.yml"
MANIFEST = ".generated.json"  # generator.generate.MANIFEST
FRONT_MATTER = b"---\n"


def _with_edit_path(relative: str, data: bytes) -> bytes:
    line = f"edit_path: {json.dumps('docs/' + relative)}\n".encode()  # YAML-quoted
    if data.startswith(FRONT_MATTER):
        return FRONT_MATTER + line + data[len(FRONT_MATTER):]
    return FRONT_MATTER + line + FRONT_MATTER + data


def stage_docs(docs: Path, staging: Path) -> list[str]:
    """Copy ``docs/`` into ``staging`` beside the generated files and remove what neither
    wrote; the clashes with generated files (nothing is copied then)."""
    generated = set(json.loads((staging / MANIFEST).read_text("utf-8")))
    written = {p.relative_to(docs).as_posix(): p for p in docs.rglob("*") if p.is_file()}
    clashes = sorted(written.keys() & generated)
    if clashes:
        return clashes
    for relative, source in written.items():
        data = source.read_bytes()
        if relative.endswith(".md"):
            data = _with_edit_path(relative, data)
        target = staging / relative
        try:
            if target.read_bytes() == data:
                continue  # unchanged: Zensical's cache keeps its page
        except OSError:
            target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    keep = generated | written.keys() | {MANIFEST}
    for path in sorted(staging.rglob("*"), reverse=True):  # files before their folders
        relative = path.relative_to(staging).as_posix()
        if path.is_file() and relative not in keep:
            path.unlink()  # a hand-written file since deleted from docs/
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return []


def stage_overrides(overrides: Path, staging: Path) -> None:
    """``overrides/`` without :data:`MATERIAL_ONLY`, for ``zensical.yml``'s ``custom_dir``."""
    shutil.rmtree(staging, ignore_errors=True)
    for source in overrides.rglob("*"):
        relative = source.relative_to(overrides).as_posix()
        if source.is_file() and relative not in MATERIAL_ONLY:
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/zensical_build.py",
                                     description="Rakenna sivusto Zensicalilla.")
    parser.add_argument("--project", type=Path, default=Path.cwd(),
                        help="projektikansio (oletus: nykyinen)")
    parser.add_argument("--no-handouts", action="store_true", help="älä tuota PDF-tiedostoja")
    parser.add_argument("--json", action="store_true", help="tulosta vaiheiden ajat JSONina")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    staging = project / STAGING
    started = time.perf_counter()
    generate = [sys.executable, "-m", "generator", "generate", "--out", str(staging)]
    if args.no_handouts:
        generate.append("--no-handouts")
    if subprocess.run(generate, cwd=project, check=False).returncode != 0:
        return 1
    clashes = stage_docs(project / "docs", staging)
    if clashes:
        for relative in clashes:
            print(f"virhe: docs/{relative} on myös generoitu tiedosto; poista toinen",
                  file=sys.stderr)
        return 2
    stage_overrides(project / "overrides", project / OVERRIDES)
    generated = time.perf_counter()
    zensical = shutil.which("zensical", path=str(Path(sys.executable).parent)) or "zensical"
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    build = subprocess.run([zensical, "build", "--strict", "-f", CONFIG], cwd=project, env=env,
                           check=False)
    built = time.perf_counter()
    if args.json:
        print(json.dumps({"generate_s": generated - started, "zensical_s": built - generated}))
    return 0 if build.returncode == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
