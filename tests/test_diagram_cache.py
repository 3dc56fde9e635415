"""The diagrams' disk cache (``.cache/diagrams``): a second build draws nothing, a damaged
or unwritable cache never breaks a build, unused files are pruned, and the build draws
every diagram its pages show ahead of the pages."""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

from generator import diagrams
from generator.build import SiteConfig, render_site
from generator.core import cache
from generator.diagrams import dot_process, page_diagrams, session
from generator.diagrams.figure import figure_key
from generator.pipeline import check

CONTENT = Path(__file__).parent / "fixtures" / "diagrams" / "content"
REAL = ROOT / "content"


def render(project: Path, content: Path = CONTENT, *, handouts: bool = False
           ) -> dict[str, bytes]:
    """Every generated file, from a freshly loaded graph (no per-graph memo carried over)."""
    graph, report = check(content)
    assert not report.errors, report.format()
    outputs = render_site(graph, SiteConfig(content_dir=content, project_root=project,
                                            handouts=handouts))
    return {path: output.data for path, output in outputs.files.items()}


def cached(project: Path) -> dict[str, bytes]:
    """The cache's figure files (not the listing of what was drawn ahead)."""
    folder = project / session.CACHE_FOLDER
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.name != session.LISTING + session.CACHE_SUFFIX}


@pytest.fixture
def drawn_ahead(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many diagrams each build's :func:`diagrams.prepare` looked at (none: skipped)."""
    sizes: list[int] = []
    real_prefetch = session.DiagramSession.prefetch

    def spying(self: session.DiagramSession, wanted: Any) -> None:
        wanted = list(wanted)
        sizes.append(len(wanted))
        real_prefetch(self, wanted)

    monkeypatch.setattr(session.DiagramSession, "prefetch", spying)
    return sizes


@pytest.fixture
def dot_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Records every ``dot -Tsvg`` run (other subprocesses, e.g. git, run as usual)."""
    calls: list[list[str]] = []
    real_run = subprocess.run

    def recording(command: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(command, list) and "-Tsvg" in command:
            calls.append(command)
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(dot_process.subprocess, "run", recording)
    return calls


@pytest.fixture
def no_dot_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any ``dot -Tsvg`` run fails the test."""
    real_run = subprocess.run

    def failing(command: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(command, list) and "-Tsvg" in command:
            raise AssertionError(f"dot was run: {command}")
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(dot_process.subprocess, "run", failing)


def test_second_build_reads_every_diagram_from_the_cache(
        tmp_path: Path, dot_calls: list[list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    session.clear_cache()
    graph, _ = check(CONTENT)
    first = render(tmp_path)
    files = cached(tmp_path)
    # drawn in batches, one `dot` per worker (the fixture has fewer than BATCH_SIZE)
    assert len(files) > session.default_workers()
    assert len(dot_calls) == session.default_workers()
    # one file per diagram: the figure finished from dot's SVG (parsed, ids prefixed, links
    # taken out); dot's SVG itself is not kept
    assert len(files) == len(page_diagrams(graph))
    assert all(name.endswith(".json") for name in files)
    assert all(b'"<svg xmlns=' in data for data in files.values())

    session.clear_cache()  # no in-process copy either: only the disk cache can answer
    real_run = subprocess.run

    def failing(command: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(command, list) and "-Tsvg" in command:
            raise AssertionError("dot was run although the diagram is cached")
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(dot_process.subprocess, "run", failing)
    assert render(tmp_path) == first
    assert cached(tmp_path) == files


def test_cached_output_is_what_dot_draws(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A build with a warm cache, one with a cold cache and one without a disk cache (the
    in-process path) give the same bytes."""
    warm_project = tmp_path / "warm"
    render(warm_project)
    warm = render(warm_project)
    cold = render(tmp_path / "cold")
    session.clear_cache()
    monkeypatch.setattr(diagrams, "cache_folder", lambda config: None)
    plain = render(tmp_path / "plain")
    assert not (tmp_path / "plain").exists()
    assert warm == cold == plain


def test_damaged_cache_file_is_ignored_and_rewritten(
        tmp_path: Path, caplog: pytest.LogCaptureFixture,
        dot_calls: list[list[str]]) -> None:
    first = render(tmp_path)
    files = cached(tmp_path)
    folder = tmp_path / session.CACHE_FOLDER
    names = sorted(files)
    (folder / names[0]).write_bytes(files[names[0]][: len(files[names[0]]) // 2])  # cut short
    (folder / names[1]).write_bytes(files[names[1]].replace(b"<svg", b"<gvs", 1))  # edited
    (folder / names[2]).write_bytes(b"")  # empty
    (folder / names[3]).write_bytes(files[names[3]].replace(b'"', b"'"))
    dot_calls.clear()
    with caplog.at_level(logging.WARNING, logger=cache.__name__):
        assert render(tmp_path) == first
    assert len(dot_calls) == 4  # exactly the damaged figures were drawn again, each alone
    assert cached(tmp_path) == files  # …and rewritten
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "vioittunut" in warnings[0].getMessage()


def test_unwritable_cache_only_warns(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    expected = render(tmp_path / "normal")
    project = tmp_path / "blocked"
    (project / ".cache").mkdir(parents=True)
    (project / session.CACHE_FOLDER).write_text("not a folder", "utf-8")
    with caplog.at_level(logging.WARNING, logger=cache.__name__):
        assert render(project) == expected
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1, [r.getMessage() for r in warnings]  # once, not per diagram
    assert "ei voi" in warnings[0].getMessage()


def test_unused_files_are_pruned_but_not_after_a_failed_build(tmp_path: Path) -> None:
    render(tmp_path)
    files = cached(tmp_path)
    folder = tmp_path / session.CACHE_FOLDER
    stale = folder / ("0" * 64 + ".svg")
    stale.write_text("sha256:0\n<svg/>", "utf-8")
    stale_figure = folder / ("2" * 64 + ".json")
    stale_figure.write_text("sha256:0\n[]", "utf-8")
    leftover = folder / ("1" * 64 + ".123.456.tmp")
    leftover.write_text("half", "utf-8")
    other = folder / "README"  # not the cache's: left alone
    other.write_text("x", "utf-8")

    with pytest.raises(RuntimeError), session.diagram_session(folder):
        raise RuntimeError("the build failed")
    assert stale.exists()

    render(tmp_path)
    assert not stale.exists() and not stale_figure.exists() and not leftover.exists()
    assert other.exists()
    other.unlink()
    assert cached(tmp_path) == files


def test_unchanged_content_skips_drawing_ahead_and_changed_content_does_not(
        tmp_path: Path, drawn_ahead: list[int], dot_calls: list[list[str]]) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    project = tmp_path / "project"
    first = render(project, content)
    assert len(drawn_ahead) == 1 and drawn_ahead[0] > 0
    dot_calls.clear()
    # The same content and code: the last build's figures are all there, so not even the
    # diagrams' sources are built ahead; the pages read the figures from the cache.
    assert render(project, content) == first
    assert len(drawn_ahead) == 1 and not dot_calls
    body = next((content / "bodies").glob("*.yaml"))
    body.write_text(body.read_text("utf-8").replace("name: ", "name: Uusi ", 1), "utf-8")
    changed = render(project, content)
    assert len(drawn_ahead) == 2 and changed != first


def test_a_missing_figure_is_drawn_ahead_again(
        tmp_path: Path, drawn_ahead: list[int], dot_calls: list[list[str]]) -> None:
    first = render(tmp_path)
    files = cached(tmp_path)
    (tmp_path / session.CACHE_FOLDER / sorted(files)[0]).unlink()
    dot_calls.clear()
    assert render(tmp_path) == first
    assert len(drawn_ahead) == 2  # not skipped: the listing names a figure that is gone
    assert len(dot_calls) == 1  # the one figure, drawn ahead in a batch of its own
    assert cached(tmp_path) == files


def test_key_depends_on_source_and_graphviz_version() -> None:
    key = dot_process.cache_key("digraph a {}", "dot - graphviz version 2.43.0 (0)")
    assert key != dot_process.cache_key("digraph b {}", "dot - graphviz version 2.43.0 (0)")
    assert key != dot_process.cache_key("digraph a {}", "dot - graphviz version 9.0.0 (0)")
    assert key == dot_process.cache_key("digraph a {}", "dot - graphviz version 2.43.0 (0)")


@pytest.mark.build  # the whole real site and its PDFs
@pytest.mark.parametrize("jobs", [1, 2])
def test_build_draws_each_diagram_once_in_batches_before_the_pages(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    """Pages and handouts ask for no diagram that :func:`page_diagrams` leaves out (it would
    be drawn late, one ``dot`` for it alone): every one is drawn ahead, in batches, by the
    pool, before the pages are rendered here or in forked workers (``jobs=2``)."""
    import threading

    batches: list[tuple[str, int]] = []
    real_draw_many = dot_process.draw_many

    def spying(dot: str, items: list[tuple[str, str]]) -> list[str]:
        batches.append((threading.current_thread().name, len(items)))
        return real_draw_many(dot, items)

    def failing(dot: str, source: str, name: str) -> str:
        raise AssertionError(f"{name} was drawn alone, not ahead of the pages")

    monkeypatch.setattr(dot_process, "draw_many", spying)
    monkeypatch.setattr(dot_process, "draw", failing)
    monkeypatch.setattr(session, "default_workers", lambda: 2)
    monkeypatch.setattr(session, "BATCH_SIZE", 10)
    sessions: list[session.DiagramSession] = []
    real_prune = session.DiagramSession.prune

    def recording(self: session.DiagramSession) -> None:
        sessions.append(self)
        real_prune(self)

    monkeypatch.setattr(session.DiagramSession, "prune", recording)
    graph, _ = check(REAL)
    render_site(graph, SiteConfig(content_dir=REAL, project_root=tmp_path, handouts=True,
                                  jobs=jobs))
    version = dot_process.dot_version(dot_process.find_dot())
    expected = {dot_process.cache_key(d.dot, version) for d in page_diagrams(graph)}
    (build,) = sessions
    assert set(build.svgs) == expected
    figures = {figure_key(build, d) for d in page_diagrams(graph)}
    assert set(build.derived) == figures  # each finished once (pages, handouts)
    # Every kept file is one this build used.
    assert sorted(cached(tmp_path)) == sorted(f"{key}.json" for key in figures)
    # Batches of at most BATCH_SIZE, as even as can be, drawn by the pool's threads.
    sizes = [size for _, size in batches]
    assert sum(sizes) == len(expected)
    assert max(sizes) <= 10 and max(sizes) - min(sizes) <= 1
    assert all(name.startswith("dot") for name, _ in batches), batches
