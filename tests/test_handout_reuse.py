"""Handouts reused whole (:mod:`generator.handouts.reuse`): a build whose inputs did not
change takes the previous build's PDFs without rendering their HTML, and anything that
HTML is made of renders them again.

The fixture tree's PDFs are rendered once per module; every test works on a copy of that
project (content and ``.cache``), so its first build finds every PDF in the PDF cache.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXED_EPOCH, FIXTURES, pdf_text

import generator.handouts as handouts_module
from generator.core import fingerprint
from generator.core.cache import Cache
from generator.core.clock import HELSINKI
from generator.diagrams import diagram_session
from generator.handouts import PdfOutput, render_handouts, reuse
from generator.handouts.pdf import page_count
from generator.pipeline import check
from generator.site.output import Output, SiteConfig

CONTENT = FIXTURES / "handouts" / "content"


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)


def build(root: Path) -> list[Output]:
    graph, report = check(root / "content")
    assert not report.errors, report.format()
    config = SiteConfig(content_dir=root / "content", project_root=root)
    with diagram_session(root / ".cache" / "diagrams"):
        return render_handouts(graph, config)


def as_tuples(outputs: list[Output]) -> list[tuple[str, bytes, str | None, int]]:
    return [(o.path, o.data, o.source, getattr(o, "pages", -1)) for o in outputs]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("reuse")
    shutil.copytree(CONTENT, root / "content")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
        build(root)
    return root


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(built, root)
    return root


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many times the handouts' HTML was rendered (one item per build that did)."""
    calls: list[int] = []
    original = handouts_module._handouts

    def counted(ctx: object) -> object:
        calls.append(1)
        return original(ctx)  # type: ignore[arg-type]

    monkeypatch.setattr(handouts_module, "_handouts", counted)
    yield calls


def test_a_build_with_unchanged_inputs_reuses_the_previous_pdfs(
        project: Path, renders: list[int]) -> None:
    first = build(project)
    assert len(renders) == 1
    second = build(project)
    assert len(renders) == 1, "the second build rendered the handouts' HTML again"
    assert as_tuples(second) == as_tuples(first)
    assert all(isinstance(o, PdfOutput) and o.pages == page_count(o.data) > 0 for o in second)


def test_a_content_change_renders_the_handouts_again(project: Path, renders: list[int]) -> None:
    build(project)
    meeting = project / "content" / "meetings" / "verkosto-2025-06-04.yaml"
    meeting.write_text(meeting.read_text("utf-8").replace(
        "title: Yhdyspintaverkoston kesäkokous", "title: Yhdyspintaverkoston alkukesän kokous"),
        "utf-8")
    outputs = {o.path: o for o in build(project)}
    assert len(renders) == 2
    assert "alkukesän kokous" in pdf_text(outputs["pdf/verkosto-2025-06-04.pdf"].data)


def test_a_missing_pdf_renders_the_handouts_again(project: Path, renders: list[int]) -> None:
    first = build(project)
    victim = next((project / ".cache" / "handouts").glob("*.pdf"))
    victim.unlink()
    assert as_tuples(build(project)) == as_tuples(first)
    assert len(renders) == 2
    assert victim.exists(), "the PDF was not rendered again"


@pytest.mark.parametrize("damage", ["bytes", "shape"])
def test_a_damaged_listing_is_ignored(project: Path, renders: list[int], damage: str) -> None:
    first = build(project)
    (listing,) = (project / ".cache" / "handouts").glob("*.json")
    if damage == "bytes":  # the file's checksum no longer matches
        listing.write_bytes(listing.read_bytes().replace(b'"pages"', b'"sivut"'))
    else:  # a valid file of another shape (e.g. from another version)
        cache = reuse.listing_cache(Cache(listing.parent, ".pdf"))
        cache.put(listing.stem, b'{"format": 1, "handouts": [{"path": 3}]}')
    assert as_tuples(build(project)) == as_tuples(first)
    assert len(renders) == 2
    assert as_tuples(build(project)) == as_tuples(first)
    assert len(renders) == 2, "the listing was not written again"


def test_a_reused_build_keeps_the_handouts_figures_in_the_diagram_cache(
        project: Path, renders: list[int]) -> None:
    build(project)
    figures = sorted(p.name for p in (project / ".cache" / "diagrams").iterdir())
    build(project)
    assert len(renders) == 1
    assert sorted(p.name for p in (project / ".cache" / "diagrams").iterdir()) == figures
    (listing,) = (project / ".cache" / "handouts").glob("*.json")
    kept = reuse.load(Cache(listing.parent, ".json"), listing.stem)
    assert kept is not None and kept.diagrams
    assert {f"{key}.json" for key in kept.diagrams} <= set(figures)


def test_the_key_follows_the_meetings_passing_not_the_minutes(project: Path) -> None:
    graph, _ = check(project / "content")
    config = SiteConfig(content_dir=project / "content", project_root=project)

    def key_at(hour: int, minute: int) -> str | None:
        now = dt.datetime(2025, 6, 4, hour, minute, tzinfo=HELSINKI)
        return reuse.inputs_key(graph, config, now=now, git_dates={}, versions=["v"])

    during = key_at(10, 0)
    assert key_at(8, 0) == during  # the same meetings upcoming, the same date
    assert key_at(11, 30) != during  # the meeting (09–11) has passed
    assert reuse.inputs_key(graph, config, now=dt.datetime(2025, 6, 4, 10, tzinfo=HELSINKI),
                            git_dates={"content/bodies/tem.yaml": dt.date(2025, 1, 2)},
                            versions=["v"]) != during
    assert reuse.inputs_key(graph, config, now=dt.datetime(2025, 6, 4, 10, tzinfo=HELSINKI),
                            git_dates={}, versions=["w"]) != during


def test_the_code_fingerprint_follows_every_package_file(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "generator"
    (package / "templates").mkdir(parents=True)
    (package / "__pycache__").mkdir()
    (package / "module.py").write_text("A = 1\n")
    (package / "templates" / "page.md.j2").write_text("{{ a }}\n")
    monkeypatch.setattr(fingerprint, "PACKAGE", package)

    def current() -> str | None:
        fingerprint.code_fingerprint.cache_clear()
        return fingerprint.code_fingerprint()

    try:
        before = current()
        (package / "__pycache__" / "module.cpython-311.pyc").write_bytes(b"\0")
        assert current() == before  # compiled files are not code
        (package / "templates" / "page.md.j2").write_text("{{ b }}\n")
        assert current() != before
    finally:
        fingerprint.code_fingerprint.cache_clear()
