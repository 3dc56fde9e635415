"""Reproducible builds: one commit + one SOURCE_DATE_EPOCH = byte-identical site trees.

The second build runs in another folder, with another hash seed (set and dict order of
strings) and another machine time zone, so output that depends on any of those shows up.
"""

from __future__ import annotations

import gzip
import os
import re
from pathlib import Path

from conftest import FIXED_EPOCH, ROOT, mkdocs_build


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def first_difference(a: bytes, b: bytes) -> str:
    index = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                 min(len(a), len(b)))
    start = max(0, index - 60)
    return (f"sizes {len(a)}/{len(b)}, first difference at byte {index}:\n"
            f"      {a[start:index + 60]!r}\n      {b[start:index + 60]!r}")


def test_two_builds_are_byte_identical(built_site: Path, tmp_path: Path) -> None:
    again = tmp_path / "elsewhere" / "site"
    result = mkdocs_build(ROOT, again, extra_env={
        "PYTHONHASHSEED": "4242" if os.environ.get("PYTHONHASHSEED") != "4242" else "7",
        "TZ": "America/New_York",
    })
    assert result.returncode == 0, result.stdout + result.stderr
    first, second = tree(built_site), tree(again)
    assert sorted(first) == sorted(second), (
        f"only in the first: {sorted(set(first) - set(second))}\n"
        f"only in the second: {sorted(set(second) - set(first))}")
    differing = [f"{path}: {first_difference(first[path], second[path])}"
                 for path in first if first[path] != second[path]]
    assert not differing, f"{len(differing)} files differ:\n" + "\n".join(differing[:10])


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
