"""Reproducible builds: one commit + one SOURCE_DATE_EPOCH = byte-identical site trees.

Two copies of the project, each in its own folder with its own git history (same commits,
same fixed dates, so the pages' "Päivitetty" dates are there), are built cold: no PDF
cache, another hash seed (set and dict order of strings) and another machine time zone for
the second, so output that depends on any of those shows up, WeasyPrint's PDFs included.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
from pathlib import Path

import pytest
from conftest import FIXED_EPOCH, copy_project, mkdocs_build

pytestmark = pytest.mark.build  # real mkdocs builds

GIT_DATE = "2025-05-01T12:00:00+03:00"


def project_with_history(target: Path) -> Path:
    """A copy of the site sources committed to a fresh git repository at a fixed date."""
    project = copy_project(target)
    env = {**os.environ, "GIT_AUTHOR_DATE": GIT_DATE, "GIT_COMMITTER_DATE": GIT_DATE,
           "GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.org"}
    for command in (["git", "init", "-q"], ["git", "add", "-A"],
                    ["git", "commit", "-q", "--no-gpg-sign", "-m", "snapshot"]):
        subprocess.run(command, cwd=project, env=env, check=True, capture_output=True)
    return project


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    sites = []
    for name, env in (("first", {"PYTHONHASHSEED": "1", "TZ": "Europe/Helsinki"}),
                      ("second-elsewhere", {"PYTHONHASHSEED": "4242",
                                            "TZ": "America/New_York"})):
        root = tmp_path_factory.mktemp(name)
        project = project_with_history(root / "project")
        site = root / "out" / "site"
        result = mkdocs_build(project, site, extra_env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        sites.append(site)
    return sites[0], sites[1]


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def first_difference(a: bytes, b: bytes) -> str:
    index = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                 min(len(a), len(b)))
    start = max(0, index - 60)
    return (f"sizes {len(a)}/{len(b)}, first difference at byte {index}:\n"
            f"      {a[start:index + 60]!r}\n      {b[start:index + 60]!r}")


def test_two_builds_are_byte_identical(two_builds: tuple[Path, Path]) -> None:
    first, second = (tree(site) for site in two_builds)
    assert sorted(first) == sorted(second), (
        f"only in the first: {sorted(set(first) - set(second))}\n"
        f"only in the second: {sorted(set(second) - set(first))}")
    differing = [f"{path}: {first_difference(first[path], second[path])}"
                 for path in first if first[path] != second[path]]
    assert not differing, f"{len(differing)} files differ:\n" + "\n".join(differing[:10])


def test_the_builds_made_pdfs_and_dated_pages(two_builds: tuple[Path, Path]) -> None:
    """The comparison covers the cold-rendered PDFs and the git dates."""
    site = two_builds[0]
    assert list(site.rglob("*.pdf")), "no PDF handouts in the build"
    pages = "".join(p.read_text("utf-8") for p in site.rglob("index.html"))
    assert "1.5.2025" in pages, "no 'Päivitetty' date from the git history on any page"


def test_compressed_sitemap_carries_the_build_epoch(built_site: Path) -> None:
    """gzip stores an mtime; it must come from SOURCE_DATE_EPOCH (MkDocs uses the build
    date's midnight, UTC), not the clock."""
    data = (built_site / "sitemap.xml.gz").read_bytes()
    epoch = int(FIXED_EPOCH)
    assert int.from_bytes(data[4:8], "little") == epoch - epoch % 86400
    assert gzip.decompress(data) == (built_site / "sitemap.xml").read_bytes()


def test_build_dates_come_from_the_epoch(built_site: Path) -> None:
    """The sitemap's lastmod dates are the epoch's date (UTC, as MkDocs computes it)."""
    sitemap = (built_site / "sitemap.xml").read_text("utf-8")
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", sitemap))
    assert dates == {"2025-05-11"}, dates
