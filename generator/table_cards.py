"""Markdown extension: tables of records reflow into label–value cards on narrow screens.

A page template marks a table of records (members, laws, relations, meetings…) by wrapping
it in ``<div class="records" markdown>``. Each cell of such a table gets its column's
heading as ``data-label``, which docs/stylesheets/site.css shows before the value when the
table is stacked. No ARIA roles are added to the table's parts: the HTML standard (and the
Nu checker) forbid them on a native table's rows and cells; Chromium and Firefox keep the
table semantics of a ``display: block`` table, WebKit reads it as label–value text.
Other tables (a grid such as an assessment matrix) stay grids and scroll in their box.

Loaded from mkdocs.yml (``markdown_extensions: - generator.table_cards``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

RECORDS_CLASS = "records"


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def label_table(table: ET.Element) -> None:
    """Give every body cell its column heading as ``data-label``."""
    head = table.find("thead/tr")
    labels = [_text(th) for th in head.findall("th")] if head is not None else []
    for row in table.iterfind("tbody/tr"):
        for index, cell in enumerate(row.findall("td")):
            if index < len(labels) and labels[index]:
                cell.set("data-label", labels[index])


class _RecordTables(Treeprocessor):  # type: ignore[misc]  # Markdown has no type hints
    def run(self, root: ET.Element) -> None:
        for holder in root.iter("div"):
            if RECORDS_CLASS in (holder.get("class") or "").split():
                for table in holder.iter("table"):
                    label_table(table)


class TableCardsExtension(Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: Markdown) -> None:
        # After md_in_html (block stage) and the inline patterns (20): labels as plain text.
        md.treeprocessors.register(_RecordTables(md), "record_tables", 15)


def makeExtension(**kwargs: object) -> TableCardsExtension:
    return TableCardsExtension(**kwargs)
