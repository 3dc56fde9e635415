"""The converted-page cache (generator/mkdocs_pages.py) in real MkDocs builds: a warm build
converts nothing and writes the same site; an edit re-converts only the pages it changed;
a conversion that warned is converted (and warns) again; a damaged cache is ignored."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXED_EPOCH, FIXTURES, copy_project

pytestmark = pytest.mark.build

COUNTS = re.compile(r"Sivuja muunnettu (\d+), välimuistista (\d+)")
MEMOS = re.compile(r"(HTML-käsittely|Hakuindeksin rivit): tehty (\d+), välimuistista (\d+)")


def memo_counts(log: str) -> dict[str, tuple[int, int]]:
    """``{memo: (computed, reused)}`` from a ``-v`` build log (generator/mkdocs_reuse.py)."""
    return {name: (int(done), int(reused)) for name, done, reused in MEMOS.findall(log)}


def _build(project: Path, site: Path, *, strict: bool = True) -> tuple[int, int, str]:
    """(pages converted, pages from the cache, log) of one ``mkdocs build -v``."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-v", "-f",
               str(project / "mkdocs.yml"), "-d", str(site)]
    result = subprocess.run([*command, *(["--strict"] if strict else [])], cwd=project,
                            env=env, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    found = COUNTS.search(result.stderr)
    assert found, result.stderr[-3000:]
    return int(found[1]), int(found[2]), result.stderr


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project", FIXTURES / "pages" / "content")


def test_warm_build_converts_nothing_and_writes_the_same_site(project: Path,
                                                             tmp_path: Path) -> None:
    converted, cached, log = _build(project, tmp_path / "cold")
    assert converted > 20 and cached == 0
    assert (project / ".cache/pages/pages.marshal").is_file()
    cold = memo_counts(log)
    assert cold["HTML-käsittely"][0] > 20 and cold["Hakuindeksin rivit"][0] > 20
    converted, cached, log = _build(project, tmp_path / "warm")
    assert (converted, cached) == (0, converted + cached) and cached > 20
    # The HTML pass and the search plugin's entries came from the memos too.
    assert memo_counts(log) == {name: (0, sum(counts)) for name, counts in cold.items()}
    assert _digest(tmp_path / "warm") == _digest(tmp_path / "cold")


def test_an_edit_converts_only_the_pages_it_changed(project: Path, tmp_path: Path) -> None:
    first, _, _ = _build(project, tmp_path / "before")
    person = project / "content/people/ake-aberg.yaml"
    person.write_text(person.read_text("utf-8").replace("name: Åke Åberg", "name: Åke Åbergh"),
                      "utf-8")
    converted, cached, _ = _build(project, tmp_path / "after")
    # The person's page, the pages that name them, the index: a handful, not all.
    assert 1 <= converted < first // 3 and cached > 0
    page = (tmp_path / "after/henkilot/ake-aberg/index.html").read_text("utf-8")
    assert "Åke Åbergh" in page
    index = json.loads((tmp_path / "after/search/search_index.json").read_text("utf-8"))
    assert any("Åke Åbergh" in doc["title"] for doc in index["docs"])
    # The same site as a build that converted and indexed every page.
    for memo in (project / ".cache/pages").glob("*.marshal"):
        memo.unlink()
    _build(project, tmp_path / "fresh")
    assert _digest(tmp_path / "after") == _digest(tmp_path / "fresh")


def test_a_conversion_that_warned_is_not_remembered(project: Path, tmp_path: Path) -> None:
    about = project / "docs/tietoa.md"
    about.write_text(about.read_text("utf-8") + "\n[Puuttuva](puuttuva-sivu.md)\n", "utf-8")
    for run in ("first", "second"):
        _, _, log = _build(project, tmp_path / run, strict=False)
        assert "puuttuva-sivu.md" in log, run  # MkDocs warns on every build


def test_a_damaged_cache_is_ignored(project: Path, tmp_path: Path) -> None:
    converted, _, log = _build(project, tmp_path / "first")
    first = memo_counts(log)
    for name in ("pages", "html", "search"):
        cache = project / f".cache/pages/{name}.marshal"
        cache.write_bytes(cache.read_bytes()[:-100] + b"x" * 100)
    again, cached, log = _build(project, tmp_path / "second")
    assert (again, cached) == (converted, 0)
    assert memo_counts(log) == first  # everything worked out again
    assert _digest(tmp_path / "second") == _digest(tmp_path / "first")
