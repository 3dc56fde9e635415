"""Shared fixtures: small content trees in temp folders, the real content's graph, and one
real ``mkdocs build`` of the project per test session (browser, page and PDF tests read it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.build import register_template_globals
from generator.core.diagnostics import Report
from generator.graph import Graph
from generator.pipeline import check

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXED_EPOCH = "1747000000"  # 2025-05-12, between the spring 2025 meetings

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

BROWSER_TESTS = Path(__file__).resolve().parent / "browser"
# Fixtures that build a whole site or render every PDF handout: a test using one is slow
# and marked `build` (`make test-fast` leaves it out), as are tests marked by hand.
BUILD_FIXTURES = frozenset({
    "built_site",  # the real project, one strict `mkdocs build` (below)
    "hostile_site",  # the hostile corpus, one strict `mkdocs build` (tests/browser/)
    "pdfs",  # every handout of the real content, rendered (tests/test_handouts.py)
})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The markers that follow from where a test lives and what it uses."""
    for item in items:
        if item.path.is_relative_to(BROWSER_TESTS):
            item.add_marker(pytest.mark.browser)
        if BUILD_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)


def is_redirect(html: str) -> bool:
    """Whether a built page is the stub left at a moved page's old address (it forwards
    at once; tests/test_redirects.py checks those stubs)."""
    return 'http-equiv="refresh"' in html


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """Write ``{relative path: text}`` under ``root`` (text is dedented)."""
    for relative, text in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip("\n"), "utf-8")
    return root


@pytest.fixture(scope="session", autouse=True)
def template_globals() -> None:
    """Tests that render one feature's pages directly get the globals the driver registers
    (diagrams, calendar, handout links) in a real build."""
    register_template_globals()


@pytest.fixture
def make_content(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """Create a content folder from ``{"bodies/tem.yaml": "...", ...}``; returns its path."""

    def make(files: dict[str, str]) -> Path:
        return write_tree(tmp_path / "content", files)

    return make


@pytest.fixture
def check_files(make_content: Callable[[dict[str, str]], Path]
                ) -> Callable[[dict[str, str]], tuple[Graph, Report]]:
    """Load, validate and resolve a small content tree."""

    def run(files: dict[str, str]) -> tuple[Graph, Report]:
        return check(make_content(files))

    return run


@pytest.fixture(scope="session")
def real_graph() -> Graph:
    graph, report = check(ROOT / "content")
    assert not report.errors, report.format()
    return graph


def mkdocs_build(project: Path, site_dir: Path, *, epoch: str = FIXED_EPOCH,
                 extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run a real strict ``mkdocs build`` of ``project`` into ``site_dir``."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1",
           **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False,
    )


def copy_project(target: Path, content: Path | None = None) -> Path:
    """A copy of the project's site sources (mkdocs.yml, docs/, content/) in ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", target / "docs")
    overrides = ROOT / "overrides"
    if overrides.exists():
        shutil.copytree(overrides, target / "overrides")
    shutil.copytree(content or ROOT / "content", target / "content")
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built once per session with a fixed SOURCE_DATE_EPOCH."""
    site = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _git_history_of_root(project: Path) -> dict[str, str]:
    """Git variables that give the copy the checkout's history: "Päivitetty" dates, PDF dates
    and the feeds' DTSTAMP come from it (generator/gitdates.py), as in the MkDocs build."""
    git_dir = subprocess.run(["git", "rev-parse", "--absolute-git-dir"], cwd=ROOT,
                             capture_output=True, text=True, check=False).stdout.strip()
    return ({"GIT_DIR": git_dir, "GIT_WORK_TREE": str(project), "GIT_OPTIONAL_LOCKS": "0"}
            if git_dir else {})  # read-only: nothing refreshes the checkout's index


@pytest.fixture(scope="session")
def zensical_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built once per session with Zensical (``make zensical``'s script) in
    a copy of the project, since Zensical writes only inside its project folder."""
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    shutil.copy(ROOT / "zensical.yml", project / "zensical.yml")
    for cache in ("diagrams", "handouts"):  # the same content: no need to draw it again
        if (ROOT / ".cache" / cache).is_dir():
            shutil.copytree(ROOT / ".cache" / cache, project / ".cache" / cache)
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH, **_git_history_of_root(project)}
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "zensical_build.py"), "--project", str(project)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture(scope="session")
def zensical_site(zensical_project: Path) -> Path:
    return zensical_project / "site-zensical"


def pdf_text(data: bytes) -> str:
    """All text of a PDF read back with pypdf, whitespace collapsed (table cells wrap names
    across lines)."""
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())
