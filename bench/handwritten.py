"""The yardstick for the full build: the same pages written by hand.

``generate --out`` writes the Markdown (and the SVG, ICS, JSON) the plugin hands to MkDocs;
put next to the hand-written ``docs/`` and built by plain MkDocs + Material with the same
theme, nav and Markdown extensions but without this project's plugin, it is what the site
would cost if editors wrote every page themselves.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

PLUGIN_BLOCK = re.compile(r"\n  - yhdyspinta:\n(?:      .*\n)*")


def project(source: Path, target: Path, env: dict[str, str]) -> Path:
    """A plain MkDocs project in ``target`` holding ``source``'s site as hand-written pages."""
    shutil.rmtree(target, ignore_errors=True)
    docs = target / "docs"
    shutil.copytree(source / "docs", docs)
    shutil.copytree(source / "overrides", target / "overrides")
    command = [sys.executable, "-m", "generator", "generate", "--content",
               str(source / "content"), "--out", str(docs), "--no-handouts"]
    subprocess.run(command, cwd=source, env=env, check=True, capture_output=True, text=True)
    (docs / ".generated.json").unlink(missing_ok=True)
    config = (source / "mkdocs.yml").read_text("utf-8")
    plain = PLUGIN_BLOCK.sub("\n", config, count=1)
    if plain == config:
        raise SystemExit("bench.handwritten: no yhdyspinta plugin block in mkdocs.yml")
    (target / "mkdocs.yml").write_text(plain, "utf-8")
    return target
