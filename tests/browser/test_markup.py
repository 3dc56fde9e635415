"""The W3C Nu Html Checker finds no errors in any built page, apart from two known ones in
Material's own templates.

The checker is ``vnu-jar`` (pinned in package.json/package-lock.json, installed by
``npm ci``) and runs on Java (Debian: default-jre-headless; scripts/system-deps.sh test).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .support import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors that come from Material's templates on every Material site and that no override
# here changes: its nav labels carry an empty tabindex, its toggles' checkboxes an
# autocomplete. Matched by the checker's message text, nothing else is let through.
THEME_MESSAGES = (
    "Bad value “” for attribute “tabindex” on element “label”",
    "Attribute “autocomplete” is only allowed when the input type is",
)

# A page with the error figure.html.j2 used to make, to prove the checker runs and reports.
BROKEN = """<!DOCTYPE html><html lang="fi"><head><title>x</title></head><body>
<figure><div>kaavio</div><figcaption>kuvateksti</figcaption><ul><li>selite</li></ul></figure>
</body></html>"""


def run_vnu(*targets: Path) -> list[dict[str, str]]:
    java = shutil.which("java")
    if java is None:
        pytest.fail("java missing: run scripts/system-deps.sh test (default-jre-headless)")
    if not VNU.is_file():
        pytest.fail(f"{VNU} missing: run `npm ci` (make test does it)")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html",
         *map(str, targets)],
        capture_output=True, text=True, check=False, timeout=600)
    # The JSON report goes to stderr; the exit status is 1 when there are errors.
    report = json.loads(result.stderr or result.stdout)
    messages: list[dict[str, str]] = report["messages"]
    return messages


def test_every_page_is_valid_html(built_site: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.html"
    broken.write_text(BROKEN, "utf-8")
    messages = run_vnu(built_site, broken)
    assert any(m.get("url", "").endswith("broken.html") and "“ul” not allowed" in m["message"]
               for m in messages), messages[:3]
    errors = [m for m in messages
              if not m.get("url", "").endswith("broken.html")
              and not m["message"].startswith(THEME_MESSAGES)]
    shown = [f"{m.get('url', '').split(str(built_site))[-1]}: {m['message']}"
             for m in errors[:20]]
    assert not errors, f"{len(errors)} errors:\n" + "\n".join(shown)
