"""generator.table_cards: cells of record tables carry their column's label, grids do not."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import markdown

SOURCE = """<div class="records" markdown>

| Henkilö | Rooli | *Kausi* |
| --- | --- | --- |
| [Aili Öhman](aili.md) | jäsen | |

</div>

| Osa-alue | 1 | 2 |
| --- | --- | --- |
| Asuminen | Ei huolia | Huolta |
"""


def test_record_cells_carry_their_column_label_and_grids_stay_plain() -> None:
    html = markdown.markdown(SOURCE, extensions=["tables", "md_in_html",
                                                 "generator.table_cards"])
    root = ET.fromstring(f"<body>{html}</body>")
    records, grid = root.iter("table")
    cells = records.findall("tbody/tr/td")
    assert [c.get("data-label") for c in cells] == ["Henkilö", "Rooli", "Kausi"]
    assert "".join(cells[0].itertext()) == "Aili Öhman"  # the value itself is untouched
    assert all(c.get("data-label") is None for c in grid.iter("td"))
    # No ARIA roles on a native table's parts (the Nu checker rejects them).
    assert all(e.get("role") is None for e in root.iter())
