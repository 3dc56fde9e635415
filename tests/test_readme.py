"""The README's example file for each kind is valid content (with the real content around it)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.core.models import KINDS, TERM_KIND
from generator.pipeline import check

ROOT = Path(__file__).resolve().parent.parent
# "### Kind (`content/…yaml`)", any prose (not another heading), then the ```yaml block.
EXAMPLE = re.compile(
    r"^### [^\n]*\(`(content/[a-z]+/[a-z0-9-]+\.yaml)`\)\n(?:(?!^#).)*?^```yaml\n(.*?)^```",
    re.MULTILINE | re.DOTALL,
)


def examples() -> dict[str, str]:
    return dict(EXAMPLE.findall((ROOT / "README.md").read_text("utf-8")))


def test_readme_has_one_example_per_kind() -> None:
    folders = {path.split("/")[1] for path in examples()}
    assert folders == {kind.folder for kind in (*KINDS, TERM_KIND)}


def test_readme_examples_validate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for path, text in examples().items():
        (tmp_path / path).write_text(text, "utf-8")
    monkeypatch.chdir(tmp_path)
    _, report = check(content)
    assert report.errors == [], report.format()
