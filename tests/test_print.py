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
LABELS = """() => [...document.querySelectorAll('.md-content svg.dg-svg text')]
    .map((t) => t.textContent.trim()).filter((t) => t)"""


def print_page(site: Path, page_path: str) -> tuple[list[str], bytes]:
    """The diagram labels of ``page_path`` and the page printed on A4."""
    from browser.support import CHROMIUM, CHROMIUM_ARGS, SiteServer
    from playwright.sync_api import sync_playwright

    server = SiteServer(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                page.goto(server.url(page_path))
                labels: list[str] = page.evaluate(LABELS)
                page.emulate_media(media="print")
                printed = page.pdf(format="A4")
            finally:
                browser.close()
    finally:
        server.close()
    return labels, printed


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
    """The widest flow: at the column's width its labels must still be 8 pt."""
    from generator import diagrams
    from generator.handouts import figures

    if not real_graph.processes:
        pytest.skip("the real content has no processes yet")

    def width(process_id: str) -> float:
        svg = str(diagrams.process_flow(real_graph, process_id, links=False))
        return figures._size(svg)[2]

    widest = max(real_graph.processes, key=width)
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
