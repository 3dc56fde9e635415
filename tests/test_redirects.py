"""An entity that moved keeps its old address working: a redirect page at each
``formerly`` address, in a real MkDocs build and in ``generate --out``."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import copy_project, mkdocs_build, write_tree

from generator.cli import main
from generator.core.diagnostics import Report
from generator.core.models import KINDS_BY_FOLDER
from generator.graph import Graph
from generator.pipeline import check
from generator.schema import schema_comment

SRC = 'sources: [{url: "https://tem.fi/palkkatuki"}]\n'
TOPIC = """\
title: Palkkatuki
type: palvelu
summary: Tuki työnantajalle.
formerly: [prosessit/palkkatuki, /vanhat/palkka-tuki/]
""" + SRC
BODY = "name: Kansaneläkelaitos\ntype: virasto\n" + SRC

Files = dict[str, str]


def tree(**extra: str) -> Files:
    files = {"topics/palkkatuki.yaml": TOPIC, "bodies/kela.yaml": BODY, **extra}
    return {path: schema_comment(KINDS_BY_FOLDER[path.split("/")[0]]) + "\n" + text
            for path, text in files.items()}


def assert_redirect(html: str, target: str) -> None:
    assert html.startswith("<!doctype html>\n<html lang=\"fi\">")
    assert f'<meta http-equiv="refresh" content="0; url={target}">' in html
    assert '<meta name="robots" content="noindex">' in html
    assert '<link rel="canonical" href="https://yhdyspintaverkosto.fi/aiheet/palkkatuki/">' \
        in html
    assert f'<p>Sivu on siirtynyt: <a href="{target}">Palkkatuki</a></p>' in html


def test_mkdocs_build_serves_the_old_addresses(tmp_path: Path) -> None:
    content = write_tree(tmp_path / "src", tree())
    project = copy_project(tmp_path / "project", content)
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    old = (site / "prosessit/palkkatuki/index.html").read_text("utf-8")
    assert_redirect(old, "../../aiheet/palkkatuki/")
    # the relative target is the new page as built
    assert (site / "prosessit/palkkatuki" / "../../aiheet/palkkatuki/index.html").resolve(
    ).is_file()
    assert_redirect((site / "vanhat/palkka-tuki/index.html").read_text("utf-8"),
                    "../../aiheet/palkkatuki/")
    # a redirect is not a page of the site: not in the search index
    index = (site / "search/search_index.json").read_text("utf-8")
    assert "Sivu on siirtynyt" not in index


def test_generate_out_writes_the_redirect(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    write_tree(tmp_path / "content", tree())
    monkeypatch.chdir(tmp_path)
    assert main(["generate", "--out", "out", "--no-handouts"]) == 0
    html = (tmp_path / "out/prosessit/palkkatuki/index.html").read_text("utf-8")
    assert_redirect(html, "../../aiheet/palkkatuki/")
    assert re.search(r"<title>Sivu on siirtynyt: Palkkatuki</title>", html)


@pytest.fixture
def run(make_content: Callable[[Files], Path], monkeypatch: pytest.MonkeyPatch
        ) -> Callable[[Files], tuple[Graph, Report]]:
    def go(files: Files) -> tuple[Graph, Report]:
        root = make_content(files)
        monkeypatch.chdir(root.parent)
        return check(root)
    return go


def test_an_old_address_must_be_free(run: Callable[[Files], tuple[Graph, Report]]) -> None:
    taken = TOPIC.replace("/vanhat/palkka-tuki/", "organisaatiot/kela")
    _, report = run(tree(**{"topics/palkkatuki.yaml": taken}))
    assert [e.format() for e in report.errors] == [
        "content/topics/palkkatuki.yaml:5:34: virhe: formerly.1: 'organisaatiot/kela' on "
        "sivun 'kela' nykyinen osoite [palkkatuki]\n    vihje: vanha osoite voi olla vain "
        "osoite, jossa ei enää ole sivua; poista kohta, jos asia ei ole siirtynyt"]
    twice = BODY + "formerly: [prosessit/palkkatuki]\n"
    _, report = run(tree(**{"bodies/kela.yaml": twice}))
    assert [e.message for e in report.errors] == [
        "formerly.0: 'prosessit/palkkatuki' on jo sivun 'kela' vanha osoite"]


def test_an_old_address_is_a_path(run: Callable[[Files], tuple[Graph, Report]]) -> None:
    bad = TOPIC.replace("/vanhat/palkka-tuki/", "https://example.fi/palkkatuki")
    _, report = run(tree(**{"topics/palkkatuki.yaml": bad}))
    assert [e.message for e in report.errors] == [
        "formerly.1: sivun vanha osoite ilman palvelinta, esim. 'prosessit/palkkatuki': "
        "'https://example.fi/palkkatuki'"]
