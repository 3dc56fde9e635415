"""The editors' workflow: GitHub annotations, CONTRIBUTING.md examples, CI and pre-commit.

* ``check --github`` prints workflow commands GitHub turns into annotations on the lines;
* every YAML example in CONTRIBUTING.md validates against the real content, and every
  error message quoted there is what the validator really prints for that mistake;
* the workflows and the pre-commit hooks run what CONTRIBUTING.md says they run.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from textwrap import dedent
from typing import Any

import pytest
import yaml
from conftest import ROOT, write_tree

from generator.cli import main
from generator.core.diagnostics import Diagnostic

CONTRIBUTING = ROOT / "CONTRIBUTING.md"
SCHEMA = "# yaml-language-server: $schema=../../schema/{}.schema.json\n"
EXAMPLE = re.compile(r"```yaml title=\"(?P<path>[^\"]+)\"\n(?P<body>.*?)```", re.DOTALL)
ANY_YAML = re.compile(r"```ya?ml\b[^\n]*\n")
BROKEN = re.compile(
    r"<!-- virhe: (?P<path>\S+): \"(?P<old>(?:[^\"\\]|\\.)*)\" -> \"(?P<new>(?:[^\"\\]|\\.)*)\" -->"
    r"\n```text\n(?P<expected>.*?)```", re.DOTALL)


# --- GitHub annotations ------------------------------------------------------------------------

@pytest.fixture
def broken_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_tree(tmp_path, {
        "content/bodies/tem.yaml": SCHEMA.format("body") + dedent("""\
            name: Työ- ja elinkeinoministeriö
            type: ministeriö
            sources:
              - url: https://tem.fi
            """),
        "content/meetings/kokous.yaml": SCHEMA.format("meeting") + dedent("""\
            series: tyonvk
            title: Kokous 100 % varmasti
            date: 2025-09-17
            sources:
              - url: https://tem.fi
            """),
        "content/people/nimeton.yaml": """\
            name: Ilman skeemariviä
            sources:
              - url: https://tem.fi
            """,
    })
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_check_github_prints_annotations_on_file_lines(
        broken_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--strict", "--github"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert ("::error file=content/meetings/kokous.yaml,line=2,col=9::series: tuntematon "
            "viittaus 'tyonvk' (toimielin) [kokous]") in out
    warning = next(line for line in out if line.startswith("::warning "))
    assert warning.startswith("::warning file=content/people/nimeton.yaml,line=1,col=1::"
                              "ensimmäinen rivi ei ole skeemarivi [nimeton] (vihje: ")
    for line in out:
        assert re.match(r"^::(error|warning) file=content/[^,:]+\.yaml,line=\d+,col=\d+::\S",
                        line), line


def test_check_without_github_prints_no_annotations(
        broken_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 1
    captured = capsys.readouterr()
    assert "::error" not in captured.out + captured.err
    assert "content/meetings/kokous.yaml:2:9: virhe:" in captured.err


def test_annotation_escapes_what_github_would_misread() -> None:
    item = Diagnostic("content/a.yaml", 3, 5, "virhe", "100 % rivi\nkaksi", "a", "vihje\r")
    assert item.github_annotation() == (
        "::error file=content/a.yaml,line=3,col=5::100 %25 rivi%0Akaksi [a] (vihje: vihje%0D)")
    whole_file = Diagnostic("content/b.yaml", 0, 0, "varoitus", "tiedosto")
    assert whole_file.github_annotation() == "::warning file=content/b.yaml::tiedosto"


# --- CONTRIBUTING.md ---------------------------------------------------------------------------

def examples() -> list[tuple[str, str]]:
    return [(m["path"], m["body"]) for m in EXAMPLE.finditer(CONTRIBUTING.read_text("utf-8"))]


def broken_examples() -> list[dict[str, str]]:
    return [m.groupdict() for m in BROKEN.finditer(CONTRIBUTING.read_text("utf-8"))]


def test_contributing_has_an_example_of_every_task() -> None:
    paths = [path for path, _body in examples()]
    folders = {path.split("/")[1] for path in paths}
    assert {"meetings", "people", "committees", "processes", "laws"} <= folders
    text = CONTRIBUTING.read_text("utf-8")
    assert len(ANY_YAML.findall(text)) == len(paths), "every YAML example needs a title=path"
    committee = next(body for path, body in examples() if "/committees/" in path)
    assert "deputy:" in committee
    for needed in ("make serve", "--github", "saavutettav", "javascript:", "HTML"):
        assert needed in text


@pytest.fixture(scope="module")
def example_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content with every CONTRIBUTING.md example written over it."""
    project = tmp_path_factory.mktemp("contributing")
    shutil.copytree(ROOT / "content", project / "content")
    for path, body in examples():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(body, "utf-8")
    return project


def _check(project: Path, monkeypatch: pytest.MonkeyPatch,
           capsys: pytest.CaptureFixture[str]) -> str:
    monkeypatch.chdir(project)
    main(["check", "--strict"])
    return capsys.readouterr().err


def test_contributing_examples_validate(example_project: Path,
                                        monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """No error or warning in any example file (other files may lose sections the shortened
    law example leaves out; that is not the examples' concern)."""
    err = _check(example_project, monkeypatch, capsys)
    paths = [path for path, _body in examples()]
    problems = [line for line in err.splitlines() if line.split(":", 1)[0] in paths]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("broken", broken_examples(),
                         ids=[b["new"][:40] for b in broken_examples()])
def test_contributing_error_messages_are_real(broken: dict[str, str], example_project: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    target = example_project / broken["path"]
    original = target.read_text("utf-8")
    old, new = (bytes(broken[k], "utf-8").decode("unicode_escape").encode(
        "latin-1").decode("utf-8") for k in ("old", "new"))
    assert old in original, f"{broken['path']} example has no {old!r}"
    try:
        target.write_text(original.replace(old, new, 1), "utf-8")
        err = _check(example_project, monkeypatch, capsys)
    finally:
        target.write_text(original, "utf-8")
    for line in broken["expected"].strip("\n").splitlines():
        assert line in err.splitlines(), f"not printed: {line}\n--- got:\n{err}"


def test_every_error_example_is_tested() -> None:
    """Each ``<!-- virhe: … -->`` marker in CONTRIBUTING.md parses (one that did not would
    leave its example untested without a sound), changes a file the examples create, and
    shows the first line as ``check`` prints it: ``path:line:col: virhe|varoitus: …``."""
    text = CONTRIBUTING.read_text("utf-8")
    broken = broken_examples()
    assert len(broken) == text.count("<!-- virhe:")
    paths = {path for path, _body in examples()}
    for example in broken:
        assert example["path"] in paths, example["path"]
        first = example["expected"].splitlines()[0]
        assert re.match(rf"{re.escape(example['path'])}:\d+:\d+: (virhe|varoitus): \S",
                        first), first


# --- CI workflows and pre-commit ---------------------------------------------------------------

def _workflow(name: str) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())
    return data


def _triggers(workflow: dict[Any, Any]) -> dict[str, Any]:
    triggers = workflow.get("on", workflow.get(True))  # PyYAML reads a bare `on` as True
    assert isinstance(triggers, dict)
    return triggers


def _steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _runs(workflow: dict[Any, Any]) -> str:
    return "\n".join(str(step.get("run", "")) for step in _steps(workflow))


def _uses(workflow: dict[Any, Any]) -> list[str]:
    return [str(step["uses"]).split("@")[0] for step in _steps(workflow) if "uses" in step]


def test_pull_request_workflow() -> None:
    workflow = _workflow("pr.yml")
    assert "pull_request" in _triggers(workflow)
    checkout = next(s for s in _steps(workflow) if str(s.get("uses", "")).startswith(
        "actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    python = next(s for s in _steps(workflow) if str(s.get("uses", "")).startswith(
        "actions/setup-python@"))
    assert str(python["with"]["python-version"]) == "3.11"
    runs = _runs(workflow)
    assert "python -m generator check --strict --github" in runs
    assert "system-deps.sh test" in runs
    assert runs.index("--github") < runs.index("make build") < runs.index("make test")
    upload = next(s for s in _steps(workflow) if str(s.get("uses", "")).startswith(
        "actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"


def test_deploy_workflow() -> None:
    workflow = _workflow("deploy.yml")
    triggers = _triggers(workflow)
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers
    (cron,) = [entry["cron"] for entry in triggers["schedule"]]
    assert len(cron.split()) == 5 and cron.split()[2:] == ["*", "*", "*"]  # every night
    assert workflow["permissions"]["pages"] == "write"
    # Errors stop the publication, warnings (some come with the date) do not.
    runs = _runs(workflow)
    assert "python -m generator check --github" in runs
    assert "check --strict" not in runs
    assert workflow["permissions"]["id-token"] == "write"
    uses = _uses(workflow)
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    assert "make build" in _runs(workflow)


def test_pre_commit_runs_the_validator_and_ruff() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    content = next(h for h in hooks.values() if "generator check" in h["entry"])
    assert re.search(content["files"], "content/meetings/x.yaml")
    assert not re.search(content["files"], "docs/index.md")
    assert content["pass_filenames"] is False
    assert any("ruff check" in h["entry"] and h.get("types") == ["python"]
               for h in hooks.values())


# --- the fast test loop ------------------------------------------------------------------------

FAST = "not browser and not build"


def test_make_test_fast_runs_the_fast_selection_without_bootstrap() -> None:
    """`make test-fast` needs only the venv (no apt, npm, ruff or mypy) and leaves out the
    browser and full-build tests; README.md and CONTRIBUTING.md tell developers about it."""
    makefile = (ROOT / "Makefile").read_text("utf-8")
    rule = re.search(r"^test-fast:([^\n]*)\n((?:\t[^\n]*\n)+)", makefile, re.MULTILINE)
    assert rule is not None
    assert rule.group(1).split() == ["$(STAMP)"]
    assert f'-m "{FAST}"' in rule.group(2)
    for doc in ("README.md", "CONTRIBUTING.md"):
        assert "make test-fast" in (ROOT / doc).read_text("utf-8"), doc


def test_the_fast_selection_leaves_out_browser_and_build_tests() -> None:
    """What pytest collects for the fast loop, from the markers tests/conftest.py sets (on a
    few files: collecting the whole suite twice would cost the loop seconds)."""
    import subprocess
    import sys

    files = ["tests/browser/test_offline.py", "tests/test_links.py", "tests/test_handouts.py",
             "tests/test_reproducible.py", "tests/test_fi.py"]

    def collected(*args: str) -> set[str]:
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
             *args, *files], cwd=ROOT, capture_output=True, text=True, timeout=300,
            check=False)
        assert result.returncode == 0, result.stdout + result.stderr
        return {line for line in result.stdout.splitlines() if "::" in line}

    everything, fast = collected(), collected("-m", FAST)
    assert any(test.startswith("tests/browser/") for test in everything)
    assert not any(test.startswith("tests/browser/") for test in fast)
    # built_site, every PDF, a hand-marked module and test: out; the unit tests: in
    for slow in ("tests/test_links.py::test_internal_links_and_fragments_resolve",
                 "tests/test_handouts.py::test_every_process_committee_and_meeting_has_a_handout",
                 "tests/test_handouts.py::test_make_handouts_command_writes_every_pdf",
                 "tests/test_reproducible.py::test_two_builds_are_byte_identical"):
        assert slow in everything and slow not in fast, slow
    assert "tests/test_handouts.py::test_worker_processes_make_the_same_pdfs" in fast
    assert {test for test in everything if test.startswith("tests/test_fi.py")} < fast
