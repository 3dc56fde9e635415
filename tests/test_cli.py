"""Command line: exit codes, generate idempotence, schemas, scaffolding."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.core.models import KINDS
from generator.schema import schema_text

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = "# yaml-language-server: $schema=../../schema/{}.schema.json\n"
TEM = SCHEMA.format("body") + (
    "name: Työ- ja elinkeinoministeriö\nabbreviation: TEM\ntype: ministeriö\n"
    "summary: Ohjaa [[kela]] yhteistyötä.\nsources:\n  - url: https://tem.fi\n"
)
KELA = SCHEMA.format("body") + "name: Kela\ntype: virasto\nsources:\n  - url: https://kela.fi\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "content/bodies").mkdir(parents=True)
    (tmp_path / "content/bodies/tem.yaml").write_text(TEM, "utf-8")
    (tmp_path / "content/bodies/kela.yaml").write_text(KELA, "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_check_ok(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--strict"]) == 0
    assert capsys.readouterr().out == "Sisältö kunnossa: 2 kohdetta.\n"


def test_check_content_error_exit_1(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "content/bodies/kela.yaml").write_text(KELA.replace("virasto", "virasta"), "utf-8")
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("content/bodies/kela.yaml:3:7: virhe: type: arvo 'virasta' ei kelpaa")
    assert err.rstrip().endswith("1 virhe, 0 varoitusta")


def test_check_strict_fails_on_warnings(project: Path) -> None:
    (project / "content/bodies/kela.yaml").write_text(KELA.split("\n", 1)[1], "utf-8")
    assert main(["check"]) == 0
    assert main(["check", "--strict"]) == 1


def test_check_github_annotations(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "content/bodies/kela.yaml").write_text(KELA + "nme: x\n", "utf-8")
    assert main(["check", "--github"]) == 1
    out = capsys.readouterr().out
    assert out == ("::error file=content/bodies/kela.yaml,line=6,col=1::tuntematon kenttä 'nme'"
                   " [kela] (vihje: tarkoititko 'name'?)\n")


@pytest.mark.parametrize("argv", [[], ["frobnicate"], ["generate"], ["new", "lawz", "x"],
                                  ["new", "law", "Bad Id"]])
def test_usage_errors_exit_2(project: Path, argv: list[str]) -> None:
    assert main(argv) == 2


def test_generate_writes_only_changes_and_removes_stale(project: Path) -> None:
    out = project / "out"
    (out / "keep.txt").parent.mkdir()
    (out / "keep.txt").write_text("not ours", "utf-8")
    assert main(["generate", "--out", str(out), "--no-handouts"]) == 0
    tem_page = out / "organisaatiot/tem.md"
    assert "[Kela](kela.md)" in tem_page.read_text("utf-8")
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}

    # A second run with no change writes nothing.
    assert main(["generate", "--out", str(out), "--no-handouts"]) == 0
    after = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    assert after == before

    # Removing an entity removes exactly the files generated for it.
    (project / "content/bodies/kela.yaml").unlink()
    (project / "content/bodies/tem.yaml").write_text(TEM.replace("Ohjaa [[kela]] ", "Ohjaa "),
                                                     "utf-8")
    assert main(["generate", "--out", str(out), "--no-handouts"]) == 0
    assert not (out / "organisaatiot/kela.md").exists()
    assert (out / "keep.txt").read_text("utf-8") == "not ours"
    manifest = json.loads((out / ".generated.json").read_text("utf-8"))
    assert "organisaatiot/tem.md" in manifest and "organisaatiot/kela.md" not in manifest


def test_generate_refuses_bad_content_and_writes_nothing(project: Path) -> None:
    (project / "content/bodies/kela.yaml").write_text("name: [\n", "utf-8")
    out = project / "out"
    assert main(["generate", "--out", str(out)]) == 1
    assert not out.exists()


def test_generate_reports_stdout(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["generate", "--out", "out", "--no-handouts"])
    first = capsys.readouterr().out
    main(["generate", "--out", "out", "--no-handouts"])
    second = capsys.readouterr().out
    assert first.split()[0] != "0"
    assert second.startswith("0 tiedostoa kirjoitettu, 0 poistettu")


def test_schema_files_are_in_sync_with_models() -> None:
    for kind in KINDS:
        committed = (ROOT / "schema" / f"{kind.key}.schema.json").read_text("utf-8")
        assert committed == schema_text(kind), (
            f"schema/{kind.key}.schema.json is stale: run `make schema`"
        )


def test_schema_has_field_descriptions() -> None:
    schema = json.loads(schema_text(KINDS[0]))
    assert schema["properties"]["number"]["description"].startswith("Säädösnumero")
    assert schema["additionalProperties"] is False


def test_new_creates_a_file_that_check_explains(project: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "person", "matti-meikalainen"]) == 0
    created = project / "content/people/matti-meikalainen.yaml"
    text = created.read_text("utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/person.schema.json\n")
    assert "name: TODO" in text and "sources:" in text
    assert main(["new", "person", "matti-meikalainen"]) == 2
    capsys.readouterr()
    assert main(["check"]) == 1  # TODO is not a seed document name
    assert "content/people/matti-meikalainen.yaml" in capsys.readouterr().err


def test_module_entry_point_runs(project: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=project,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    # The entry point exits without the interpreter's teardown: what it printed must
    # still arrive whole, through a pipe, with the exit code main() gave.
    assert result.stdout.startswith("Sisältö kunnossa:") and result.stdout.endswith("\n")
    failed = subprocess.run([sys.executable, "-m", "generator", "check", "--content", "puuttuu"],
                            cwd=project, capture_output=True, text=True, check=False)
    assert failed.returncode == 1
    assert "sisältökansiota ei löydy" in failed.stderr and failed.stderr.endswith("\n")


def test_usage_errors_are_finnish_with_a_suggestion(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["chek"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("käyttö: python -m generator")
    assert "virhe: tuntematon valinta 'chek'" in err and "tarkoititko 'check'" in err
    assert main(["generate"]) == 2
    assert "virhe: pakollinen argumentti puuttuu: --out" in capsys.readouterr().err
    assert main(["check", "--strcit"]) == 2
    assert "tuntemattomia argumentteja: --strcit" in capsys.readouterr().err


def test_generate_into_a_file_is_refused_before_writing(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "taken").write_text("a file", "utf-8")
    for out in ("taken", "taken/site"):
        assert main(["generate", "--out", out, "--no-handouts"]) == 2
        err = capsys.readouterr().err
        assert "virhe: taken on tiedosto, ei kansio" in err and "Traceback" not in err
    assert (project / "taken").read_text("utf-8") == "a file"


def test_generate_strict_names_warnings_as_the_reason(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "content/bodies/kela.yaml").write_text(KELA.split("\n", 1)[1], "utf-8")
    assert main(["generate", "--out", "out", "--strict", "--no-handouts"]) == 1
    assert ("Mitään ei kirjoitettu, koska sisällössä on varoituksia (--strict)."
            in capsys.readouterr().err)
    assert not (project / "out").exists()


def test_new_with_a_bad_id_suggests_one(project: Path, capsys: pytest.CaptureFixture[str]
                                        ) -> None:
    assert main(["new", "person", "Maija Meikäläinen"]) == 2
    err = capsys.readouterr().err
    assert "tunniste 'Maija Meikäläinen' ei kelpaa" in err
    assert "tarkoititko 'maija-meikalainen'?" in err and "^[a-z" not in err
    assert not (project / "content/people").exists()


@pytest.mark.parametrize(("out", "said"), [
    ("content", "kohdekansio content on sisältökansio:"),
    ("content/bodies/site", "on sisältökansion content sisällä"),
    (".", "kohdekansio . sisältää sisältökansion content"),
    ("", "kohdekansio . sisältää sisältökansion content"),
])
def test_generate_never_writes_into_or_around_the_content(
        project: Path, capsys: pytest.CaptureFixture[str], out: str, said: str) -> None:
    def files() -> list[Path]:  # the build caches under .cache/ may be written
        return sorted(p.relative_to(project) for p in project.rglob("*")
                      if ".cache" not in p.relative_to(project).parts)

    before = files()
    assert main(["generate", "--out", out, "--no-handouts"]) == 2
    err = capsys.readouterr().err
    assert said in err and "Mitään ei kirjoitettu." in err
    assert files() == before


def test_a_misspelt_option_or_kind_gets_a_suggestion(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--strickt"]) == 2
    assert "tuntemattomia argumentteja: --strickt; tarkoititko '--strict'?" in (
        capsys.readouterr().err)
    for word in ("kokous", "kokoukset", "meetng"):
        assert main(["new", word, "x"]) == 2
        err = capsys.readouterr().err
        assert f"tuntematon laji '{word}'" in err and "tarkoititko 'meeting'?" in err


def test_check_with_warnings_only_says_so(project: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    (project / "content/bodies/kela.yaml").write_text(KELA.split("\n", 1)[1], "utf-8")
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Ei virheitä: 2 kohdetta.") and "--strict" in out
    assert "kunnossa" not in out
