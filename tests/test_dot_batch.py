"""Many diagrams to one ``dot`` process (:func:`dot_process.draw_many`): each comes out byte
for byte as ``dot`` draws it alone, whatever was drawn before it in the same process."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

from generator.diagrams import dot_process, page_diagrams
from generator.pipeline import check

FIXTURES = Path(__file__).parent / "fixtures"
CORPORA = [ROOT / "content", FIXTURES / "diagrams" / "content",
           FIXTURES / "hostile" / "content"]


def diagram_sources() -> list[tuple[str, str]]:
    """``(source, name)`` of every diagram the real content and the fixtures' pages show."""
    items: dict[str, str] = {}
    for content in CORPORA:
        graph, _ = check(content, parse_cache=False)
        for diagram in page_diagrams(graph):
            items.setdefault(diagram.dot, f"{diagram.kind}/{diagram.key}")
    return list(items.items())


@pytest.fixture(scope="module")
def drawn_alone() -> tuple[list[tuple[str, str]], dict[str, str], str]:
    dot = dot_process.find_dot()
    items = diagram_sources()
    return items, {source: dot_process.draw(dot, source, name) for source, name in items}, dot


def test_every_diagram_comes_out_of_a_batch_as_drawn_alone(
        drawn_alone: tuple[list[tuple[str, str]], dict[str, str], str]) -> None:
    items, alone, dot = drawn_alone
    kinds = {name.split("/")[0] for _, name in items}
    assert {"prosessi", "organisaatio", "aikajana", "suhteet"} <= kinds, kinds
    # In source order, reversed, and every diagram twice (the second time after all the
    # others): what dot carries over between graphs never shows in the SVG.
    for batch in (items, items[::-1], items + items):
        drawn = dot_process.draw_many(dot, batch)
        assert len(drawn) == len(batch)
        differing = [name for (source, name), svg in zip(batch, drawn, strict=True)
                     if svg != alone[source]]
        assert differing == []


def test_drawn_alone_the_clusters_already_stand_in_id_order(
        drawn_alone: tuple[list[tuple[str, str]], dict[str, str], str]) -> None:
    """Sorting the clusters changes nothing that dot draws alone for these diagrams: the
    years of a timeline are written in their own order."""
    items, alone, dot = drawn_alone
    timelines = [(source, name) for source, name in items if name.startswith("aikajana/")]
    most_clusters = 0
    for source, name in timelines:
        raw = dot_process._run(dot, source, name)
        most_clusters = max(most_clusters, raw.count('class="cluster'))
        assert raw == alone[source], name
    assert most_clusters >= 3  # some timeline spans several years


CLUSTER = '<g id="{id}" class="cluster dg&#45;year">\n<path d="M0,0"/>\n<text>{id}</text>\n</g>\n'


def svg_with(*cluster_ids: str) -> str:
    clusters = "".join(CLUSTER.format(id=i) for i in cluster_ids)
    return ('<svg>\n<g id="graph0" class="graph">\n<polygon/>\n' + clusters
            + '<!-- a -->\n<g id="node1" class="node">\n<text>a</text>\n</g>\n</g>\n</svg>\n')


def test_clusters_are_written_in_id_order() -> None:
    assert dot_process._clusters_in_id_order(svg_with("vuosi-2026", "vuosi-2024", "vuosi-2025")
                                          ) == svg_with("vuosi-2024", "vuosi-2025", "vuosi-2026")
    in_order = svg_with("vuosi-2024", "vuosi-2025")
    assert dot_process._clusters_in_id_order(in_order) == in_order
    # Clusters not written in one run (another element between them) are left as drawn.
    apart = svg_with("b", "a").replace('<g id="a"', '<!-- x -->\n<g id="a"')
    assert dot_process._clusters_in_id_order(apart) == apart


def test_a_failing_batch_is_drawn_one_by_one_so_the_error_names_the_diagram() -> None:
    dot = dot_process.find_dot()
    good = ("digraph a { x -> y; }\n", "hyvä/a")
    broken = ("digraph b { x -> ; }\n", "rikki/b")
    with pytest.raises(dot_process.DiagramError, match="rikki/b"):
        dot_process.draw_many(dot, [good, broken, good])


def test_a_batch_whose_output_does_not_split_evenly_is_drawn_one_by_one(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """One source holding two graphs gives two SVGs: the batch cannot tell which is whose,
    so each source is drawn alone."""
    dot = dot_process.find_dot()
    items = [("digraph a { x; }\ndigraph b { y; }\n", "kaksi"), ("digraph c { z; }\n", "c")]
    alone: list[str] = []
    real_draw = dot_process.draw

    def recording(dot: str, source: str, name: str) -> str:
        alone.append(name)
        return real_draw(dot, source, name)

    monkeypatch.setattr(dot_process, "draw", recording)
    drawn = dot_process.draw_many(dot, items)
    assert alone == ["kaksi", "c"]
    assert drawn[1] == real_draw(dot, *items[1]) and "<title>c</title>" in drawn[1]


def test_a_large_graph_is_drawn_by_a_dot_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """dot's edge routing in a process that drew other graphs can differ for big graphs
    (the relations overview did): those never share a process."""
    large = "digraph big {\n" + "".join(f"  n{i} -> n{i + 1};\n" for i in range(
        dot_process.ALONE_FROM_EDGES)) + "}\n"
    small = ["digraph a {\n  x -> y;\n}\n", "digraph b {\n  p -> q;\n}\n"]
    runs: list[str] = []
    real_run = dot_process._run

    def recording_run(dot: str, source: str, name: str) -> str:
        runs.append(source)
        return real_run(dot, source, name)

    monkeypatch.setattr(dot_process, "_run", recording_run)
    dot = dot_process.find_dot()
    drawn = dot_process.draw_many(dot, [(small[0], "a"), (large, "big"), (small[1], "b")])
    assert runs.count(large) == 1  # alone, not inside a batch
    assert sum(small[0] in run and small[1] in run for run in runs) == 1  # the rest together
    assert drawn[1] == dot_process.draw(dot, large, "big")
    assert "<title>a</title>" in drawn[0] and "<title>b</title>" in drawn[2]
