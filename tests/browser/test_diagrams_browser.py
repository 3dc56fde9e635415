"""Diagrams in the browser: legible on a 360 px phone, the palette switches in dark mode."""

from __future__ import annotations

from pathlib import Path

from generator.diagrams.dot import MIN_TEXT_PX
from generator.diagrams.palette import INK, NODE

from .support import Session, SiteServer, visit

# The smallest rendered text (font-size × the SVG's on-screen scale) of every diagram.
SMALLEST_TEXT = """() => Math.min(...[...document.querySelectorAll('svg.dg-svg')].map(svg =>
  Math.min(...[...svg.querySelectorAll('text')].map(t =>
    parseFloat(t.getAttribute('font-size'))
      * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width))))"""


def _diagram_pages(built_site: Path) -> list[str]:
    return sorted({p.parent.relative_to(built_site).as_posix() + "/"
                   for p in built_site.glob("*/*/index.html")
                   if 'class="diagram ' in p.read_text("utf-8")})


def test_text_stays_legible_on_a_360px_phone(built_site: Path, site_server: SiteServer,
                                            phone: Session) -> None:
    """Diagrams shrink to fit only until the smallest text is 11 CSS px, then scroll inside
    their own wrapper; the page itself never scrolls sideways."""
    pages = _diagram_pages(built_site)
    assert any(p.startswith("prosessit/") for p in pages)
    assert any(p.startswith("toimielimet/") for p in pages)
    for path in pages:
        page = visit(phone, site_server.url(path))
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
        assert page.evaluate(SMALLEST_TEXT) >= MIN_TEXT_PX - 0.05, path


def test_dark_palette_recolours_the_svg(site_server: SiteServer, light: Session,
                                        dark: Session) -> None:
    colours = {}
    for name, session in (("light", light), ("dark", dark)):
        page = visit(session, site_server.url("organisaatiot/suhteet/"))
        colours[name] = page.evaluate(
            """() => { const t = document.querySelector('svg.dg-svg text.dg-f-ink');
                       const n = document.querySelector('svg.dg-svg .dg-f-node');
                       return [getComputedStyle(t).fill, getComputedStyle(n).fill]; }""")

    def rgb(hex_colour: str) -> str:
        r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
        return f"rgb({r}, {g}, {b})"

    assert colours["light"] == [rgb(INK.light), rgb(NODE.light)]
    assert colours["dark"] == [rgb(INK.dark), rgb(NODE.dark)]


def test_clicking_an_actor_in_a_flow_opens_its_page(built_site: Path, site_server: SiteServer,
                                                    light: Session) -> None:
    path = next(p for p in _diagram_pages(built_site) if p.startswith("prosessit/"))
    page = visit(light, site_server.url(path))
    link = page.locator("figure.diagram svg.dg-links a").first
    href = link.get_attribute("href") or ""
    assert href.startswith("../../organisaatiot/") or href.startswith("../../toimielimet/")
    # Click where the reader sees the actor's chip: the overlay box is on top of it.
    link.locator("rect").scroll_into_view_if_needed()
    box = link.locator("rect").bounding_box()
    assert box is not None and box["width"] > 20
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**" + href.removeprefix("../.."))
    assert page.locator("h1").count() == 1
