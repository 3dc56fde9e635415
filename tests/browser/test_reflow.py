"""Reflow (WCAG 1.4.10) on every built page at 320, 390 and 1280 px, headings whose words stay
whole on a phone, the subscribe page's copy buttons and the diagrams' full-screen view.

One page in its own context serves the sweep over all pages: the search worker and its
index are not loaded there (they take most of a page load and draw nothing).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from conftest import is_redirect
from playwright.sync_api import Browser, Page, Route

from .support import Session, SiteServer, visit

WIDTHS = (320, 390, 1280)

# What one width of one page looks like: page overflow, record cells outside the viewport,
# overflowing grid wrappers without a region, diagrams wider than their column, words of an
# h1 or h2 broken over two lines (not at a hyphen, dash or slash: those are the split points).
MEASURE = """() => {
  const split = [];
  document.querySelectorAll('.md-content h1, .md-content h2').forEach(h => {
    const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/[^\\s\\-\\u2010-\\u2015\\/]+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width)
          .map(r => Math.round(r.top)));
        if (tops.size > 1) split.push(word[0]);
      }
    }
  });
  const vw = document.documentElement.clientWidth;
  const cut = [];
  document.querySelectorAll('.records td').forEach(td => {
    const r = td.getBoundingClientRect();
    if (r.width && (r.left < -0.5 || r.right > vw + 0.5))
      cut.push(td.textContent.trim().slice(0, 40));
  });
  const unlabelled = [];
  let grids = 0;
  document.querySelectorAll('.md-typeset__scrollwrap').forEach(w => {
    if (w.scrollWidth <= w.clientWidth + 1) return;
    grids += 1;
    const hint = w.previousElementSibling;
    if (w.getAttribute('tabindex') !== '0' || w.getAttribute('role') !== 'region'
        || !w.getAttribute('aria-label')
        || !(hint && hint.classList.contains('scroll-hint') && hint.offsetHeight))
      unlabelled.push(w.textContent.trim().slice(0, 40));
  });
  const diagrams = [];
  const unopenable = [];
  document.querySelectorAll('figure.diagram').forEach(f => {
    const scroll = f.querySelector('.diagram-scroll');
    const column = f.parentElement.getBoundingClientRect().width;
    const svg = f.querySelector('svg.dg-svg').getBoundingClientRect().width;
    const scrolls = scroll.scrollWidth > scroll.clientWidth + 1;
    if (scrolls || svg > column + 0.5) diagrams.push(`${f.id} ${Math.round(svg)}/${column}`);
    const open = f.querySelector('.diagram-full-open');
    if (scrolls && !(open && open.offsetHeight)) unopenable.push(f.id);
  });
  return {page: document.documentElement.scrollWidth, vw, cut, unlabelled, grids, split,
          diagrams, unopenable, records: document.querySelectorAll('.records td').length};
}"""

SETTLED = "() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))"


def _built_pages(built_site: Path) -> list[str]:
    pages = []
    for html in sorted(built_site.rglob("index.html")):
        if is_redirect(html.read_text("utf-8")):
            continue  # a moved page's old address: it only forwards to the page swept anyway
        folder = html.parent.relative_to(built_site).as_posix()
        pages.append("" if folder == "." else folder + "/")
    return pages


def _no_search(route: Route) -> None:
    route.abort("blockedbyclient")


@pytest.fixture(scope="module")
def sweep(browser: Browser) -> Iterator[dict[int, Page]]:
    """One page per width in WIDTHS, in a context without the search worker."""
    context = browser.new_context(locale="fi-FI", service_workers="block")
    context.route("**/search/search_index.json", _no_search)
    context.route("**/assets/javascripts/workers/**", _no_search)
    pages = {}
    for width in WIDTHS:
        pages[width] = context.new_page()
        pages[width].set_viewport_size({"width": width, "height": 800})
    yield pages
    context.close()


@pytest.fixture(scope="module")
def measured(built_site: Path, site_server: SiteServer,
             sweep: dict[int, Page]) -> dict[tuple[str, int], dict[str, Any]]:
    """MEASURE for every built page at every width in WIDTHS; the three widths of a page
    load side by side."""
    results = {}
    for path in _built_pages(built_site):
        url = site_server.url(path)
        with ExitStack() as loads:  # leaving it waits for each page's load event
            for page in sweep.values():
                loads.enter_context(page.expect_navigation(url=url, wait_until="load"))
            for page in sweep.values():
                page.evaluate("url => location.assign(url)", url)
        for width, page in sweep.items():
            page.evaluate(SETTLED)  # site.js's second look after Material's table wrapping
            results[(path, width)] = page.evaluate(MEASURE)
    return results


def test_the_sweep_covers_the_site(measured: dict[tuple[str, int], dict[str, Any]]) -> None:
    pages = {path for path, _width in measured}
    assert len(pages) > 50
    assert {"toimielimet/tyonvk/", "kalenteri/tilaa/", "lait/"} <= pages
    assert any(path.startswith("prosessit/") and path.count("/") == 2 for path in pages)
    # Record tables and diagrams are there to be measured.
    assert measured[("toimielimet/tyonvk/", 320)]["records"] > 20
    assert measured[("lait/", 390)]["records"] > 10


def test_no_page_scrolls_sideways(measured: dict[tuple[str, int], dict[str, Any]]) -> None:
    wide = {f"{path} @ {width}: {result['page']} px"
            for (path, width), result in measured.items() if result["page"] > width}
    assert not wide


def test_no_heading_word_breaks_at_a_letter(
        measured: dict[tuple[str, int], dict[str, Any]]) -> None:
    """A long compound in a title ("Aktivointisuunnitelma" on a 390 px phone) used to wrap
    as "Aktivointisuunnitelm" / "a". Headings are smaller on phones (site.css) and site.js
    shrinks one whose word is still too wide for its line."""
    split = {f"{path} @ {width}: {result['split']}"
             for (path, width), result in measured.items() if result["split"]}
    assert not split


def test_no_record_is_cut_off_on_a_phone(
        measured: dict[tuple[str, int], dict[str, Any]]) -> None:
    """Every cell of a table of records lies within the viewport: the table reflows into
    cards instead of scrolling out of sight."""
    cut = {f"{path} @ {width}: {result['cut'][:3]}"
           for (path, width), result in measured.items() if width < 1280 and result["cut"]}
    assert not cut


def test_a_grid_that_overflows_is_a_labelled_region_with_a_hint(
        measured: dict[tuple[str, int], dict[str, Any]]) -> None:
    grids = sum(result["grids"] for result in measured.values())
    assert grids > 0  # the assessment matrix stays a grid and scrolls at 320 px
    bad = {f"{path} @ {width}: {result['unlabelled']}"
           for (path, width), result in measured.items() if result["unlabelled"]}
    assert not bad


def test_diagrams_fit_the_desktop_column(
        measured: dict[tuple[str, int], dict[str, Any]]) -> None:
    wide = {f"{path}: {result['diagrams']}"
            for (path, width), result in measured.items() if width == 1280 and result["diagrams"]}
    assert not wide
    # On a phone the large diagrams scroll, and each one that does offers the full view.
    assert measured[("prosessit/tym-konsultaatiomalli-pohjois-savo/", 320)]["diagrams"]
    unopenable = {f"{path} @ {width}: {result['unopenable']}"
                  for (path, width), result in measured.items() if result["unopenable"]}
    assert not unopenable


def test_copy_button_copies_a_feed_address(built_site: Path, site_server: SiteServer,
                                           phone: Session) -> None:
    # Without JavaScript the addresses are in the page to copy by hand, no dead buttons.
    html = (built_site / "kalenteri" / "tilaa" / "index.html").read_text("utf-8")
    assert "<button" not in html.split('class="md-content"')[1]
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"],
                                    origin=site_server.url().rstrip("/"))
    page = visit(phone, site_server.url("kalenteri/tilaa/"))
    codes = page.locator(".feeds td code")
    buttons = page.get_by_role("button", name="Kopioi osoite")
    assert codes.count() >= 2 and buttons.count() == codes.count()
    address = codes.nth(1).inner_text().strip()
    assert address.startswith("https://") and address.endswith(".ics")
    assert address in html.replace("<wbr>", "")  # in the page without JavaScript
    status = page.locator(".copy-status")
    assert status.get_attribute("aria-live") == "polite"
    buttons.nth(1).focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.copy-status').textContent "
                           "=== 'Kopioitu'")
    assert page.evaluate("navigator.clipboard.readText()") == address
    # The button says which address it copies.
    described = buttons.nth(1).get_attribute("aria-describedby")
    assert described and page.locator(f"#{described}").inner_text().strip() == address


def test_full_screen_diagram_by_keyboard(site_server: SiteServer, phone: Session) -> None:
    page = visit(phone, site_server.url("prosessit/tym-konsultaatiomalli-pohjois-savo/"))
    figure = page.locator("figure.diagram").first
    figure_id = figure.get_attribute("id")
    opener = figure.get_by_role("link", name="Avaa kaavio koko näytölle")
    # In the tab order: Shift+Tab away from it and Tab back lands on it.
    opener.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Avaa kaavio koko näytölle"
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash.endsWith('-koko')")
    view = figure.locator(".diagram-scroll")
    shown = view.evaluate("""v => ({position: getComputedStyle(v).position,
        width: v.getBoundingClientRect().width, focused: document.activeElement === v,
        svg: v.querySelector('svg').getBoundingClientRect().width,
        natural: v.querySelector('svg').viewBox.baseVal.width})""")
    assert shown["position"] == "fixed" and shown["width"] == 360
    assert shown["focused"]  # keyboard scrolling works at once
    assert abs(shown["svg"] - shown["natural"]) < 1  # the diagram at its own size
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Sulje koko näytön näkymä"
    page.keyboard.press("Escape")
    page.wait_for_function("id => location.hash === '#' + id", arg=figure_id)
    assert view.evaluate("v => getComputedStyle(v).position") != "fixed"
    assert page.evaluate("document.activeElement.textContent") == "Avaa kaavio koko näytölle"
