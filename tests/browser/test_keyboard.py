"""Keyboard use: the skip link works, focus is always visible, everything is reachable by Tab.

Focus visibility is measured, not inferred from CSS: for every Tab stop the viewport is
photographed with the element focused and again after ``blur()``; the pixels must differ
(an outline, a ring, a colour change, an opened panel…). Text fields are the one exception:
their focus indicator is the blinking caret, which screenshots hide on purpose.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image, ImageChops
from playwright.sync_api import Page

from .support import PageCase, Session, SiteServer, page_cases, require_page, visit

KEYBOARD_PAGES = ("", "kalenteri/", "kalenteri/tilaa/", "saavutettavuusseloste/")
KEYBOARD_KINDS = ("process", "committee", "meeting")
CASES = [c for c in page_cases()
         if c.path in KEYBOARD_PAGES or c.what.split(":")[0] in KEYBOARD_KINDS]
MAX_TAB_STOPS = 400
CHANGED_PIXELS = 20  # a 1 px ring round a 10×10 px icon already changes ~40 pixels

# Mark every element with a stable key so Python can name what has focus.
MARK = """() => { let n = 0; for (const e of document.querySelectorAll('*')) {
  e.dataset.kbd = String(n++); } }"""
ACTIVE = """() => { const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  // Where a focus indicator would be drawn: the element and the labels that stand for it
  // (Material's palette switch is a hidden radio button shown as its label), with room
  // for an outline or ring around them.
  const rects = [e.getBoundingClientRect()];
  for (const l of (e.labels || [])) rects.push(l.getBoundingClientRect());
  if (e.nextElementSibling && e.nextElementSibling.tagName === 'LABEL')
    rects.push(e.nextElementSibling.getBoundingClientRect());
  const seen = rects.filter(r => r.width > 0 && r.height > 0);
  let clip = null;
  if (seen.length) {
    const pad = 12, w = innerWidth, h = innerHeight;
    const x0 = Math.max(0, Math.min(...seen.map(r => r.left)) - pad);
    const y0 = Math.max(0, Math.min(...seen.map(r => r.top)) - pad);
    const x1 = Math.min(w, Math.max(...seen.map(r => r.right)) + pad);
    const y1 = Math.min(h, Math.max(...seen.map(r => r.bottom)) + pad);
    if (x1 - x0 >= 1 && y1 - y0 >= 1) clip = {x: x0, y: y0, width: x1 - x0, height: y1 - y0};
  }
  return {key: e.dataset.kbd || '?', tag: e.tagName.toLowerCase(), clip,
          text: (e.getAttribute('aria-label') || e.textContent || e.title || '')
                  .trim().replace(/\\s+/g, ' ').slice(0, 40),
          cls: String(e.className || ''), editable: e.matches(
            'input:not([type]), input[type=text], input[type=search], input[type=email],' +
            'input[type=url], input[type=tel], input[type=number], textarea,' +
            '[contenteditable=""], [contenteditable=true]')}; }"""
# What a keyboard user must be able to reach: visible, enabled, not removed from the order.
FOCUSABLE = """() => {
  const sel = 'a[href], area[href], button, input:not([type=hidden]), select, textarea,' +
              'iframe, summary, [tabindex], [contenteditable], audio[controls], video[controls]';
  const out = [];
  for (const e of document.querySelectorAll(sel)) {
    if (e.disabled || e.tabIndex < 0 || e.closest('[inert]')) continue;
    if (!e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    out.push({key: e.dataset.kbd, tag: e.tagName.toLowerCase(),
              text: (e.getAttribute('aria-label') || e.textContent || '').trim()
                      .replace(/\\s+/g, ' ').slice(0, 40),
              href: e.getAttribute('href') || ''});
  }
  return out; }"""


def _describe(info: dict[str, Any]) -> str:
    classes = "." + ".".join(info["cls"].split()) if info.get("cls") else ""
    return f"<{info['tag']}{classes}> {info['text']!r}"


def _shot(page: Page, clip: dict[str, float] | None) -> Image.Image:
    """The viewport, or the part of it around the focused element (``None``: all of it)."""
    data = page.screenshot(animations="disabled", clip=clip)  # type: ignore[arg-type]
    return Image.open(io.BytesIO(data)).convert("L")


def _changed_pixels(before: Image.Image, after: Image.Image) -> int:
    diff = ImageChops.difference(before, after).point(lambda v: 255 if v > 24 else 0)
    return diff.histogram()[255]


def tab_through(page: Page, *, measure: bool) -> tuple[list[dict[str, Any]], list[str]]:
    """Press Tab from the top until focus leaves the page; returns the stops (and, when
    ``measure``, the stops whose focus could not be seen)."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); "
                  "window.scrollTo(0, 0); }")
    stops: list[dict[str, Any]] = []
    invisible: list[str] = []
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        info = page.evaluate(ACTIVE)
        if info is None:
            # Focus is on nothing: it left the page (into the browser's own controls), or
            # something took it away mid-page, which the tests of what must be reachable
            # then catch. (Material's back-to-top button did, so it is not enabled.)
            break
        if stops and info["key"] == stops[0]["key"]:
            break
        stops.append(info)
        if measure and not info["editable"]:
            focused = _shot(page, info["clip"])
            page.evaluate("() => document.activeElement.blur()")
            blurred = _shot(page, info["clip"])
            page.evaluate("k => document.querySelector(`[data-kbd='${k}']`).focus()",
                          info["key"])
            if _changed_pixels(focused, blurred) < CHANGED_PIXELS:
                invisible.append(_describe(info))
    else:
        pytest.fail(f"focus did not leave the page after {MAX_TAB_STOPS} Tab presses")
    return stops, invisible


@pytest.fixture
def keyboard_page(request: pytest.FixtureRequest, light: Session,
                  site_server: SiteServer) -> Page:
    case: PageCase = request.param
    require_page(case)
    page = visit(light, site_server.url(case.path))
    page.evaluate(MARK)
    return page


@pytest.mark.parametrize("keyboard_page", CASES, ids=[c.id for c in CASES], indirect=True)
def test_skip_link_moves_to_the_content(keyboard_page: Page) -> None:
    page = keyboard_page
    page.keyboard.press("Tab")
    first = page.evaluate(ACTIVE)
    assert first is not None, "Tab from the top of the page focused nothing"
    skip = page.locator(f"[data-kbd='{first['key']}']")
    assert "md-skip" in first["cls"], f"first Tab stop is {_describe(first)}, not the skip link"
    assert first["text"] in ("Siirry sisältöön", "Hyppää sisältöön"), first["text"]
    href = skip.get_attribute("href") or ""
    assert href.startswith("#") and len(href) > 1, href
    assert skip.is_visible(), "the skip link must become visible when focused"
    target_inside_main = page.evaluate(
        "id => !!document.getElementById(id)?.closest('main, [role=main], .md-content')",
        href[1:])
    assert target_inside_main, f"skip link target {href} is not in the main content"

    page.keyboard.press("Enter")
    page.wait_for_function("h => location.hash === h", arg=href)
    in_view = page.evaluate(
        """id => { const r = document.getElementById(id).getBoundingClientRect();
                   return r.top >= 0 && r.top < innerHeight; }""", href[1:])
    assert in_view, f"{href} was not scrolled into view"
    # The next Tab must continue from the content, skipping the header and navigation.
    page.keyboard.press("Tab")
    after = page.evaluate(
        """id => { const t = document.getElementById(id), e = document.activeElement;
                   if (!e || e === document.body) return 'nothing';
                   if (e.closest('.md-header, .md-sidebar--primary, .md-tabs'))
                     return 'navigation: ' + e.textContent.trim().slice(0, 40);
                   return t.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING
                     ? 'ok' : 'before the target: ' + e.textContent.trim().slice(0, 40); }""",
        href[1:])
    assert after in ("ok", "nothing"), f"after the skip link, Tab went to {after}"


@pytest.mark.parametrize("keyboard_page", CASES, ids=[c.id for c in CASES], indirect=True)
def test_every_interactive_element_is_reachable_by_tab(keyboard_page: Page) -> None:
    page = keyboard_page
    expected = page.evaluate(FOCUSABLE)
    stops, _ = tab_through(page, measure=False)
    reached = {s["key"] for s in stops}
    missing = [f"<{e['tag']}> {e['text']!r} {e['href']}" for e in expected
               if e["key"] not in reached]
    assert not missing, "not reachable with Tab:\n" + "\n".join(missing)
    assert len(stops) >= len(expected) > 0


@pytest.mark.parametrize("keyboard_page", CASES, ids=[c.id for c in CASES], indirect=True)
def test_focus_is_always_visible(keyboard_page: Page) -> None:
    _stops, invisible = tab_through(keyboard_page, measure=True)
    assert not invisible, "focus not visible on:\n" + "\n".join(invisible)


def test_the_detector_tells_visible_from_invisible_focus(light: Session) -> None:
    """Measured on a page made for it: the default ring and a colour change count as
    visible, ``outline: none`` alone does not."""
    page = light.page
    light.recorder.clear()
    page.set_content("""<!doctype html><html lang="fi"><body style="margin:40px">
        <style>.none:focus { outline: none } .colour:focus { outline: none;
          background: #ffeb3b; }</style>
        <p><a href="#a">oletus</a></p>
        <p><a href="#b" class="none">ei näkyvää</a></p>
        <p><a href="#c" class="colour">väri</a></p></body></html>""")
    page.evaluate(MARK)
    stops, invisible = tab_through(page, measure=True)
    assert [s["text"] for s in stops] == ["oletus", "ei näkyvää", "väri"]
    assert invisible == ["<a.none> 'ei näkyvää'"]
