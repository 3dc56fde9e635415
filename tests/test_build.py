"""Real MkDocs builds in temp folders: strict build, edit links, no writes into docs/,
content errors abort the build, and `mkdocs serve` keeps the last good site."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import copy_project, mkdocs_build, write_tree

pytestmark = pytest.mark.build  # real mkdocs builds

SCHEMA = "# yaml-language-server: $schema=../../schema/{}.schema.json\n"
CONTENT = {
    "bodies/tem.yaml": SCHEMA.format("body") + """\
name: Työ- ja elinkeinoministeriö
abbreviation: TEM
type: ministeriö
summary: Ohjaa työvoimapalveluja.
sources:
  - url: https://tem.fi
""",
    "people/tiina-korhonen.yaml": SCHEMA.format("person") + """\
name: Tiina Korhonen
title: osastopäällikkö
organisation: tem
sources:
  - document: 000_29a47eed100e93b4.txt
    location: Neuvottelukunnan organisoituminen
""",
}


def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def small_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("project"))
    for child in (project / "content").iterdir():
        if child.is_dir():
            for file in child.iterdir():
                file.unlink()
    write_tree(project / "content", CONTENT)
    return project


def test_strict_build_with_edit_links_and_no_writes_into_docs(small_project: Path,
                                                             tmp_path: Path) -> None:
    docs_before = _tree_digest(small_project / "docs")
    content_before = _tree_digest(small_project / "content")
    site = tmp_path / "site"
    result = mkdocs_build(small_project, site)
    assert result.returncode == 0, result.stderr
    person = (site / "henkilot/tiina-korhonen/index.html").read_text("utf-8")
    assert "Tiina Korhonen" in person
    assert "/edit/main/content/people/tiina-korhonen.yaml" in person
    tem = (site / "organisaatiot/tem/index.html").read_text("utf-8")
    assert 'href="../../henkilot/tiina-korhonen/"' in tem  # back-link
    statement = (site / "saavutettavuusseloste/index.html").read_text("utf-8")
    assert "/edit/main/docs/saavutettavuusseloste.md" in statement
    assert _tree_digest(small_project / "docs") == docs_before
    assert _tree_digest(small_project / "content") == content_before


def test_content_error_aborts_build_and_keeps_the_old_site(small_project: Path,
                                                           tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert mkdocs_build(small_project, site).returncode == 0
    good = _tree_digest(site)
    broken = small_project / "content/people/tiina-korhonen.yaml"
    original = broken.read_text("utf-8")
    broken.write_text(original.replace("organisation: tem", "organisation: temm"), "utf-8")
    try:
        result = mkdocs_build(small_project, site)
    finally:
        broken.write_text(original, "utf-8")
    assert result.returncode != 0
    assert ("content/people/tiina-korhonen.yaml:4:15: virhe: organisation: tuntematon viittaus "
            "'temm' (organisaatio) [tiina-korhonen]") in result.stderr
    assert "Traceback" not in result.stderr
    assert _tree_digest(site) == good  # nothing was cleaned or half-written


def test_fresh_build_with_content_error_writes_no_site(small_project: Path,
                                                       tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", content=small_project / "content")
    (project / "content/bodies/tem.yaml").write_text("name: [\n", "utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert ("content/bodies/tem.yaml:1:7: virhe: rivillä 1 avattu hakasulku [ jää sulkematta"
            in result.stderr)
    assert not (tmp_path / "site").exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def _wait_for(predicate: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():  # type: ignore[operator]
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_rebuilds_on_content_change_and_survives_errors(small_project: Path,
                                                              tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p", content=small_project / "content")
    port = _free_port()
    log = (tmp_path / "serve.log").open("w+")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=log, stderr=subprocess.STDOUT, env=env,
    )
    url = f"http://127.0.0.1:{port}/henkilot/tiina-korhonen/"
    person = project / "content/people/tiina-korhonen.yaml"
    try:
        assert _wait_for(lambda: "osastopäällikkö" in _get(url), 60), log.read()
        person.write_text(person.read_text("utf-8").replace("osastopäällikkö", "ylijohtaja"),
                          "utf-8")
        assert _wait_for(lambda: "ylijohtaja" in _get(url), 60), "content/ is not watched"
        person.write_text(person.read_text("utf-8").replace("organisation: tem",
                                                            "organisation: temm"), "utf-8")

        def logged_error() -> bool:
            log.seek(0)
            return "tuntematon viittaus 'temm'" in log.read()

        assert _wait_for(logged_error, 60)
        assert "ylijohtaja" in _get(url)  # the last good site is still served
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
