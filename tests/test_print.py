"""Printing a site page from Chromium: A4, and the diagram's labels at 8 pt or more.

The page is opened from the real built site, switched to print media and printed to PDF
with ``page.pdf(format="A4")`` (what the browser's print dialog does); pdfplumber reads
back the size at which every word of the diagram's labels was printed.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from generator.graph import Graph

MIN_PT = 8.0
# the labels of the diagrams printed inline (a tall one is replaced by a note in print)
LABELS = """() => [...document.querySelectorAll(
    '.md-content figure.diagram:not(.diagram--print-tall) svg.dg-svg text')]
    .map((t) => t.textContent.trim()).filter((t) => t)"""


def print_page(site: Path, page_path: str) -> tuple[list[str], bytes]:
    """The diagram labels of ``page_path`` and the page printed on A4."""
    return print_pages(site, [page_path])[page_path]


def label_word_sizes(labels: list[str], printed: bytes) -> dict[str, list[float]]:
    """Every printed size of each word that occurs in a diagram label (the same word in
    the page's text counts too: that text is larger, so it cannot hide a small label)."""
    import pdfplumber

    words = {word for label in labels for word in label.split() if len(word) > 3}
    sizes: dict[str, list[float]] = {}
    with pdfplumber.open(io.BytesIO(printed)) as document:
        for page in document.pages:
            for word in page.extract_words(extra_attrs=["size"]):
                if word["text"] in words:
                    sizes.setdefault(word["text"], []).append(float(word["size"]))
    return sizes


def assert_legible_diagram(site: Path, page_path: str) -> None:
    labels, printed = print_page(site, page_path)
    assert labels, f"{page_path}: no diagram"
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(printed))
    box = reader.pages[0].mediabox
    # A4 (Chromium's paper size is 8.27 x 11.7 in, a point over 595 x 842 pt)
    assert abs(float(box.width) - 595) < 2 and abs(float(box.height) - 842) < 2
    sizes = label_word_sizes(labels, printed)
    expected = {word for label in labels for word in label.split() if len(word) > 3}
    assert expected <= set(sizes), expected - set(sizes)  # every label was printed
    small = {word: min(found) for word, found in sizes.items() if min(found) < MIN_PT - 0.01}
    assert not small, f"{page_path}: labels below {MIN_PT} pt: {small}"


def test_printed_process_diagram_is_legible(built_site: Path, real_graph: Graph) -> None:
    """The widest flow printed inline: at the column's width its labels must still be 8 pt."""
    from generator import diagrams
    from generator.diagrams.figure import prints_inline
    from generator.handouts import figures

    sizes = {process_id: figures._size(str(diagrams.process_flow(
        real_graph, process_id, links=False)))[2:] for process_id in real_graph.processes}
    inline = [process_id for process_id, (width, height) in sizes.items()
              if prints_inline(width, height)]
    if not inline:
        pytest.skip("no process flow of the real content prints inline")
    widest = max(inline, key=lambda process_id: sizes[process_id][0])
    assert_legible_diagram(built_site, f"prosessit/{widest}/")


def test_printed_committee_chart_is_legible(built_site: Path, real_graph: Graph) -> None:
    if "tyonvk" not in real_graph.committees:
        pytest.skip("no TyöNVK in the real content")
    assert_legible_diagram(built_site, "toimielimet/tyonvk/")


def test_print_stylesheet_is_print_only() -> None:
    """MkDocs loads extra_css for every medium: every rule must sit inside @media print."""
    from conftest import ROOT

    css = (ROOT / "docs" / "stylesheets" / "print.css").read_text("utf-8")
    body = css.split("*/", 1)[1]  # after the header comment
    depth, outside = 0, []
    for index, char in enumerate(body):
        if char == "{":
            if depth == 0 and not body[:index].rstrip().endswith("@media print"):
                outside.append(body[max(0, index - 40):index].strip())
            depth += 1
        elif char == "}":
            depth -= 1
    assert depth == 0 and not outside, outside
    assert "print-color-adjust: exact" in css


# The printable area of an A4 page under print.css's @page margins (16 mm top, 18 mm
# bottom), in PDF points; the page number sits in the bottom margin, outside it.
AREA_TOP, AREA_BOTTOM = 16 / 25.4 * 72, 842 - 18 / 25.4 * 72
MAX_EMPTY = 0.6


def printed_fill(page: object) -> float:
    """How far down the printable area of a PDF page (pdfplumber) anything is printed:
    text, lines, curves, images, or boxes that are outlined or not white (Chromium paints
    a white background box over every page)."""
    bottoms = [float(o["bottom"]) for o in (page.chars + page.curves + page.lines  # type: ignore[attr-defined]
                                            + page.images)]  # type: ignore[attr-defined]
    for rect in page.rects:  # type: ignore[attr-defined]
        white = tuple(rect.get("non_stroking_color") or ()) in {(1,), (1, 1, 1)}
        if rect.get("stroke") or not white:
            bottoms.append(float(rect["bottom"]))
    inside = [min(b, AREA_BOTTOM) for b in bottoms if AREA_TOP < b < AREA_BOTTOM + 5]
    return (max(inside, default=AREA_TOP) - AREA_TOP) / (AREA_BOTTOM - AREA_TOP)


def print_pages(site: Path, page_paths: list[str]
                ) -> dict[str, tuple[list[str], bytes]]:
    """Each page's diagram labels (as on screen) and the page printed on A4, in one
    Chromium."""
    from browser.support import CHROMIUM, CHROMIUM_ARGS, SiteServer
    from playwright.sync_api import sync_playwright

    printed: dict[str, tuple[list[str], bytes]] = {}
    server = SiteServer(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                for page_path in page_paths:
                    page.goto(server.url(page_path))
                    labels: list[str] = page.evaluate(LABELS)
                    page.emulate_media(media="print")
                    printed[page_path] = (labels, page.pdf(format="A4"))
                    page.emulate_media(media=None)
            finally:
                browser.close()
    finally:
        server.close()
    return printed


def test_printed_process_pages_are_filled_and_legible(built_site: Path,
                                                      real_graph: Graph) -> None:
    """A tall flow that Chromium cannot split used to push to the next page and leave
    pages with only a heading on them. Every process page (and a committee page with its
    chart) prints with no page more than 60 % empty but the last, all text at 8 pt or
    more, and a flow too tall to print inline replaced by a note naming the PDF handout."""
    import pdfplumber

    from generator import diagrams
    from generator.diagrams.figure import prints_inline
    from generator.handouts import figures

    paths = [f"prosessit/{process_id}/" for process_id in sorted(real_graph.processes)]
    if "tyonvk" in real_graph.committees:
        paths.append("toimielimet/tyonvk/")
    if (built_site / "organisaatiot" / "suhteet" / "index.html").is_file():
        paths.append("organisaatiot/suhteet/")  # the relation graph, a tall one too
    assert paths
    tall = []
    for process_id in real_graph.processes:
        _x, _y, width, height = figures._size(str(diagrams.process_flow(
            real_graph, process_id, links=False)))
        if not prints_inline(width, height):
            tall.append(f"prosessit/{process_id}/")
    problems = []
    for page_path, (_, printed) in print_pages(built_site, paths).items():
        with pdfplumber.open(io.BytesIO(printed)) as document:
            fills = [printed_fill(page) for page in document.pages]
            small = {char["text"] for page in document.pages for char in page.chars
                     if char["text"].strip() and float(char["size"]) < MIN_PT - 0.02}
            # without spaces: a line may break anywhere in the note
            text = "".join("".join((page.extract_text() or "").split())
                           for page in document.pages)
        empty = [number for number, fill in enumerate(fills[:-1], 1) if fill < 1 - MAX_EMPTY]
        if empty:
            problems.append(f"{page_path}: pages {empty} of {len(fills)} more than "
                            f"{MAX_EMPTY:.0%} empty ({[round(fill, 2) for fill in fills]})")
        if small:
            problems.append(f"{page_path}: text below {MIN_PT} pt: {sorted(small)}")
        note = "osiinjaettunaseonsivunPDF-monisteessa"
        if page_path in tall and note not in text:
            problems.append(f"{page_path}: a tall flow but no note naming the handout")
        if page_path in tall and "/pdf/" + page_path.split("/")[1] + ".pdf" not in text:
            problems.append(f"{page_path}: the note lacks the handout's address")
    assert tall, "no process flow is taller than half a page: the note goes untested"
    assert not problems, "\n".join(problems)


def test_print_note_stays_out_of_search(built_site: Path) -> None:
    """The note that replaces a tall diagram in print is hidden on screen: a search hit on
    it would point at text the reader cannot see (data-search-exclude)."""
    import json

    pages = list(built_site.glob("prosessit/*/index.html"))
    assert any("diagram-print-note" in page.read_text("utf-8") for page in pages)
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    found = [doc["location"] for doc in index["docs"]
             if "liian pitkä tulostettavaksi" in doc["text"]]
    assert not found
