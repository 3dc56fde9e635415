"""Material's search works offline and finds Finnish words in inflected forms.

Material turns each query term into a prefix query, and lunr skips the Finnish stemmer for
prefix queries; ``generator/search_fi.py`` explains the fix these tests check.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page

from .support import Session, SiteServer, find_entity, visit

WORD = "aktivointisuunnitelma"


def _process_id() -> str:
    process_id = find_entity(lambda e: WORD in e.name.lower(), "process")
    if process_id is None:
        pytest.fail(f"content/ has no process whose name contains {WORD!r} yet")
    return process_id


def search(page: Page, query: str) -> list[str]:
    """Search with Material's search box; the result links (paths, no query string).

    The query is filled in at once and one key is released, so the worker gets exactly one
    query and the first result count shown belongs to it.
    """
    box = page.locator(".md-search__input")
    box.click()
    box.fill(query)
    box.press("End")
    page.wait_for_function(
        """() => { const m = document.querySelector('.md-search-result__meta');
                   return m && /dokument/.test(m.textContent); }""")
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link",
        "links => links.map(a => new URL(a.href).pathname)")
    return list(hrefs)


def _page_text(built_site: Path, path: str) -> str:
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    return " ".join(d["title"] + " " + d["text"] for d in index["docs"]
                    if d["location"].split("#")[0] == path).lower()


def test_search_finds_the_genitive_form(light: Session, site_server: SiteServer) -> None:
    process_id = _process_id()
    page = visit(light, site_server.url(""))
    results = search(page, "aktivointisuunnitelman")
    assert f"/prosessit/{process_id}/" in results, results
    assert not light.recorder.external, light.recorder.external
    searched = [u for u in light.recorder.requests if "search" in u]
    assert any("search_index.json" in u for u in searched), searched
    assert any("/workers/search." in u for u in searched), searched


SUFFIXES = ["n", "a", "ssa", "lla", "sta", "t"]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_search_finds_inflected_forms(suffix: str, light: Session,
                                      site_server: SiteServer) -> None:
    process_id = _process_id()
    page = visit(light, site_server.url(""))
    assert f"/prosessit/{process_id}/" in search(page, WORD + suffix)


def test_some_searched_forms_are_absent_from_the_page(built_site: Path) -> None:
    """So finding them proves stemming, not just a verbatim match in the index."""
    text = _page_text(built_site, f"prosessit/{_process_id()}/")
    absent = [WORD + suffix for suffix in SUFFIXES if WORD + suffix not in text]
    assert len(absent) >= 3, absent


def search_results(page: Page, query: str) -> list[tuple[str, str]]:
    """``search`` with each result's visible text (title, snippet, "Puuttuu: …" if any)."""
    hrefs = search(page, query)
    texts = page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link",
        "links => links.map(a => a.innerText.replace(/\\s+/g, ' ').trim())")
    return list(zip(hrefs, texts, strict=True))


@pytest.mark.parametrize("query, first", [
    ("380/2023", "/lait/laki-380-2023/"),
    ("189/2001", "/lait/laki-189-2001/"),
    ("TyöNVK", "/toimielimet/tyonvk/"),
])
def test_a_statute_number_or_an_abbreviation_finds_its_own_page_first(
        query: str, first: str, light: Session, site_server: SiteServer) -> None:
    page = visit(light, site_server.url(""))
    results = search_results(page, query)
    assert results and results[0][0] == first, results[:5]
    assert len(results) > 1, "the law index or meetings should mention it too"


@pytest.mark.parametrize("query", ["perehdytyspaketti", "aktivointisuunnitelman", "TyöNVK",
                                   "380/2023", "kokous"])
def test_result_snippets_are_clean(query: str, light: Session, site_server: SiteServer
                                   ) -> None:
    """No "Puuttuu" for a word found in an inflected form, no breadcrumbs ("Etusivu › …")
    and no text the page hides (the next meetings that a script reveals)."""
    page = visit(light, site_server.url(""))
    results = search_results(page, query)
    assert results
    for href, text in results:
        assert "Puuttuu" not in text, (href, text)
        assert "›" not in text, (href, text)
        assert "Tulevia kokouksia ei ole tiedossa" not in text, (href, text)


def test_hidden_text_and_breadcrumbs_are_not_indexed(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    texts = {d["location"]: d["text"] for d in index["docs"]}
    assert not [loc for loc, text in texts.items() if "Etusivu ›" in text]
    assert not [loc for loc, text in texts.items() if "Tulevia kokouksia ei ole" in text]
    committee = " ".join(t for loc, t in texts.items() if loc.startswith("toimielimet/tyonvk/"))
    assert "TyöNVK:n kokous" in committee  # the visible next meeting is still there


def test_search_runs_in_a_worker_served_by_the_site(built_site: Path) -> None:
    """The worker, its index and the Finnish lunr files are part of the built site."""
    workers = list((built_site / "assets" / "javascripts" / "workers").glob("search.*.js"))
    assert workers
    lunr_fi = built_site / "assets" / "javascripts" / "lunr" / "min" / "lunr.fi.min.js"
    assert lunr_fi.is_file()
    assert "prefixStemming" in lunr_fi.read_text("utf-8"), "the stemming patch is not served"
    config = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    assert config["config"]["lang"] == ["fi"]
    assert "stemmer" in config["config"]["pipeline"], config["config"]


# --- the patch itself, without a browser ----------------------------------------------------


def test_patch_is_appended_to_the_theme_file() -> None:
    from generator.search_fi import PATCH, patched_lunr_fi

    patched = patched_lunr_fi("/* theme */\n!function(){}();\n")
    assert patched.startswith("/* theme */") and patched.endswith(PATCH)
    assert "usePipeline = true" in PATCH and 'word + "*"' in PATCH


@pytest.mark.parametrize("configured, expected", [
    (None, ["stemmer", "stopWordFilter", "trimmer"]),
    (["stopWordFilter"], ["stopWordFilter"]),  # an explicit choice in mkdocs.yml stays
])
def test_configure_search_keeps_an_explicit_pipeline(
        configured: list[str] | None, expected: list[str]) -> None:
    from types import SimpleNamespace
    from typing import Any, cast

    from generator.search_fi import configure_search

    search = SimpleNamespace(config={"lang": ["fi"], "pipeline": configured})
    config = SimpleNamespace(plugins={"material/search": search})
    configure_search(cast(Any, config))
    assert search.config["pipeline"] == expected


def test_exclusion_marks_breadcrumbs_and_hidden_elements_only() -> None:
    from generator.search_fi import exclude_from_index

    html = ('<nav aria-label="Murupolku" class="breadcrumbs"><a>Etusivu</a></nav>'
            '<p data-ends="x" hidden>b</p><div hidden="hidden">c</div>'
            '<a title="ei hidden-attribuutti" href="x">d</a><p class="breadcrumbs-like">e</p>')
    marked = exclude_from_index(html)
    assert marked.count("data-search-exclude") == 3
    assert 'class="breadcrumbs" data-search-exclude>' in marked
    assert '<p data-ends="x" hidden data-search-exclude>' in marked
    assert '<div hidden="hidden" data-search-exclude>' in marked
    assert '<a title="ei hidden-attribuutti" href="x">' in marked
