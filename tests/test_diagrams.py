"""Diagrams: Graphviz SVG for processes, committee trees, relations and timelines.

Assertions read the SVG as XML: the text a reader sees, the classes and attributes that
carry accessibility and palette, the links. Fixture content lives in
``tests/fixtures/diagrams/content``; the real content is checked through ``real_graph``.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT, copy_project, mkdocs_build
from markupsafe import Markup

from generator import diagrams, escape, fi
from generator.diagrams import dot_process, palette, session
from generator.diagrams.dot import MIN_TEXT_PX, SMALL_SIZE
from generator.diagrams.process import process_diagram
from generator.graph import Graph
from generator.pipeline import check
from generator.site.output import SiteConfig

FIXTURE = Path(__file__).parent / "fixtures" / "diagrams"
CONTENT = FIXTURE / "content"
GOLDEN = FIXTURE / "golden"
SVG = "{http://www.w3.org/2000/svg}"
DARK_PAGE = "#1e2129"  # Material slate background: hsl(225 15% 14%)


@pytest.fixture(scope="module")
def graph() -> Graph:
    result, report = check(CONTENT)
    assert not report.errors, report.format()
    return result


# --- helpers ---------------------------------------------------------------------------


def figure_xml(markup: str) -> ET.Element:
    """The whole figure parsed as XML (it must be well-formed)."""
    assert markup.startswith("<figure"), markup[:200]
    return ET.fromstring(markup)


def picture(figure: ET.Element) -> ET.Element:
    """The ``role="img"`` SVG inside a figure."""
    found = [e for e in figure.iter(f"{SVG}svg") if e.get("role") == "img"]
    assert len(found) == 1
    return found[0]


def texts(element: ET.Element) -> list[str]:
    return [t.text or "" for t in element.iter(f"{SVG}text")]


def squash(value: str) -> str:
    """Text without whitespace and hyphens: wrapped lines compare equal to the original."""
    return re.sub(r"[\s\-]", "", value)


def shows(element: ET.Element, value: str) -> bool:
    return squash(value) in squash("".join(texts(element)))


def groups(svg: ET.Element, css_class: str) -> list[ET.Element]:
    return [g for g in svg.iter(f"{SVG}g") if css_class in (g.get("class") or "").split()]


def luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# --- process flows ---------------------------------------------------------------------


def test_every_real_process_shows_every_phase_and_actor(real_graph: Graph) -> None:
    assert real_graph.processes, "content/processes is empty"
    for process_id, process in sorted(real_graph.processes.items()):
        svg = picture(figure_xml(diagrams.process_flow(real_graph, process_id)))
        for phase in process.phases:
            assert shows(svg, phase.name), (process_id, phase.id)
            for actor in phase.actor_ids:
                assert shows(svg, real_graph.name(actor)), (process_id, phase.id, actor)
            if phase.client:
                assert shows(svg, f"asiakas {phase.client}"), (process_id, phase.id)


def test_an_actor_that_only_takes_part_is_drawn_under_its_role(graph: Graph) -> None:
    """Kela takes part in the TYP phase but is not responsible (`role: osallistuu`): the
    node draws it after the responsible actors under *osallistuu:*, and the description
    names only the responsible ones as *Vastuutahot*."""
    figure = figure_xml(diagrams.process_flow(graph, "aktivointi"))
    node = next(g for g in groups(picture(figure), "dg-phase") if shows(g, "TYP-palvelu"))
    lines = [squash(t) for t in texts(node) if t.strip()]
    assert lines.index("osallistuu:") < lines.index(squash("Kansaneläkelaitos"))
    assert lines.index(squash("TE-toimisto")) < lines.index("osallistuu:")
    desc = process_diagram(graph, "aktivointi").desc
    assert "Vastuutahot: TE-toimisto, Kunta, Pohjois-Savon hyvinvointialue." in desc
    assert "Kansaneläkelaitos" not in desc


def test_the_client_is_a_text_row_not_an_actor_box(graph: Graph) -> None:
    """`client: osallistuu` is drawn as *asiakas osallistuu* below the actors, as small
    as the *yhdessä:* label, with no box of its own and no legend entry."""
    figure = figure_xml(diagrams.process_flow(graph, "aktivointi"))
    svg = picture(figure)
    node = next(g for g in groups(svg, "dg-phase") if shows(g, "laatiminen yhdessä"))
    lines = [squash(t) for t in texts(node) if t.strip()]
    assert lines.index(squash("asiakas osallistuu")) > lines.index(squash("Kunta"))
    sizes = {squash(t.text or ""): t.get("font-size") for t in node.iter(f"{SVG}text")}
    assert sizes[squash("asiakas osallistuu")] == sizes["yhdessä:"]
    # Actor boxes are cells of their own (a group with a coloured polygon); the client's
    # row is bare text in the node.
    boxes = [squash("".join(texts(cell))) for cell in node.findall(f"{SVG}g")]
    assert squash("Kunta") in boxes and not any("asiakas" in box for box in boxes)
    assert "asiakas osallistuu" in [t.text for t in node.findall(f"{SVG}text")]
    others = [g for g in groups(svg, "dg-phase") if not shows(g, "laatiminen yhdessä")]
    assert not any(shows(g, "asiakas osallistuu") for g in others)
    assert "".join(figure.itertext()).lower().count("asiakas") == 1  # not in the legend


def test_an_inferred_milestone_says_so_on_the_timeline(real_graph: Graph) -> None:
    """TyöNVK's 5–6/2026 was read from OCR-damaged "5_g/2026" (content/committees)."""
    svg = picture(figure_xml(diagrams.timeline(real_graph, "tyonvk")))
    nodes = [squash("".join(texts(g))) for g in groups(svg, "dg-milestone")]
    inferred = [n for n in nodes if "(päätelty)" in n]
    assert inferred == [squash("5–6/2026 (päätelty)Yhteistyö- ja seurantakeskustelut")], nodes


def test_real_decisions_have_labelled_branches(real_graph: Graph) -> None:
    decisions = [(pid, ph) for pid, p in sorted(real_graph.processes.items())
                 for ph in p.phases if ph.kind == "päätös"]
    assert decisions, "no decision phases in content (the TYM consultation model has them)"
    for process_id, phase in decisions:
        svg = picture(figure_xml(diagrams.process_flow(real_graph, process_id)))
        labels = {squash("".join(texts(g))) for g in groups(svg, "dg-branch")}
        for step in phase.next:
            assert step.label and squash(step.label) in labels, (process_id, phase.id)


def test_fixture_flow_start_end_decision_joint_and_details(graph: Graph) -> None:
    figure = figure_xml(diagrams.process_flow(graph, "aktivointi"))
    svg = picture(figure)
    assert texts(groups(svg, "dg-start")[0]) == ["Alku"]
    assert texts(groups(svg, "dg-end")[0]) == ["Loppu"]
    branches = sorted(t for g in groups(svg, "dg-branch") for t in texts(g))
    assert branches == ["Ei", "Kyllä"]
    (decision,) = groups(svg, "dg-decision")
    assert decision.find(f"{SVG}polygon") is not None  # a diamond, not a rounded box
    assert shows(decision, "Tarvitaanko monialaista palvelua?")
    (joint,) = groups(svg, "dg-joint")
    assert "yhdessä:" in texts(joint)
    assert len(joint.findall(f"{SVG}path")) == 2  # double border
    assert shows(joint, "TE-toimisto") and shows(joint, "Kunta")
    assert shows(joint, "kesto: 3 kk")
    assert shows(joint, "tarkistus: vähintään 3 kk välein")
    (first,) = [g for g in groups(svg, "dg-phase") if shows(g, "Asiakkaan tunnistaminen")]
    assert shows(first, "määräaika: 2 viikon kuluessa")
    # Numbered like the phase list on the page (flow order).
    for number, name in enumerate(("Asiakkaan tunnistaminen", "Työllisyydenhoitosuunnitelman",
                                   "Tarvitaanko", "TYP-palvelu"), start=1):
        assert shows(svg, f"{number}. {name}"), name


def test_flow_without_next_is_a_sequence(graph: Graph) -> None:
    from generator.diagrams.process import transitions

    arrows = transitions(graph.processes["lineaarinen"])
    assert arrows == [("alku", "vaihe-yksi", None), ("vaihe-yksi", "vaihe-kaksi", None),
                      ("vaihe-kaksi", "loppu", None)]


def test_actor_colour_and_name_are_consistent_and_legend_links(graph: Graph) -> None:
    swatches = palette.actor_swatches(graph)
    figure = figure_xml(diagrams.process_flow(graph, "aktivointi"))
    legend = figure.find("ul")
    assert legend is not None and legend.get("class") == "diagram-legend"
    items = {"".join(li.itertext()).strip(): li for li in legend.findall("li")}
    tem_item = items["TE-toimisto"]
    rect = tem_item.find(f".//{SVG}rect")
    assert rect is not None and rect.get("fill") == swatches["te-toimisto"].light
    anchor = tem_item.find("a")
    assert anchor is not None and anchor.get("href") == "../../organisaatiot/te-toimisto/"
    # Each chip in the picture: the actor's colour *and* its name.
    svg = picture(figure)
    for group in svg.iter(f"{SVG}g"):
        polygon = group.find(f"{SVG}polygon")
        if polygon is not None and polygon.get("fill") == swatches["te-toimisto"].light:
            assert "TE-toimisto" in texts(group)
    other = figure_xml(diagrams.process_flow(graph, "lineaarinen"))
    kunta = [r for r in other.iter(f"{SVG}rect") if r.get("class", "").startswith("dg-f-a")]
    assert kunta and kunta[0].get("fill") == swatches["kunta"].light


def test_actors_drawn_together_get_different_colours(graph: Graph,
                                                     real_graph: Graph) -> None:
    for content in (graph, real_graph):
        swatches = palette.actor_swatches(content)
        for process_id, process in sorted(content.processes.items()):
            actors = sorted({a for phase in process.phases for a in phase.actor_ids})
            if len(actors) <= len(palette.ACTOR_SLOTS):
                colours = [swatches[a].name for a in actors]
                assert len(set(colours)) == len(colours), (process_id, colours)


# --- links -----------------------------------------------------------------------------


def test_links_are_outside_the_image_and_relative_to_the_page(graph: Graph) -> None:
    figure = figure_xml(diagrams.process_flow(graph, "aktivointi"))
    svg = picture(figure)
    assert not list(svg.iter(f"{SVG}a")), "role=img must not contain focusable links"
    overlays = [e for e in figure.iter(f"{SVG}svg") if e.get("class") == "dg-links"]
    assert len(overlays) == 1 and overlays[0].get("aria-hidden") == "true"
    anchors = list(overlays[0].iter(f"{SVG}a"))
    assert {a.get("tabindex") for a in anchors} == {"-1"}
    assert sorted({a.get("href") for a in anchors}) == [
        "../../organisaatiot/hyvinvointialue/", "../../organisaatiot/kela/",
        "../../organisaatiot/kunta/", "../../organisaatiot/te-toimisto/",
    ]
    elsewhere = diagrams.process_flow(graph, "aktivointi", page="index.md")
    assert 'href="organisaatiot/kunta/"' in elsewhere
    absolute = diagrams.process_flow(graph, "aktivointi", base_url="https://example.fi/")
    assert 'href="https://example.fi/organisaatiot/kunta/"' in absolute
    plain = diagrams.process_flow(graph, "aktivointi", links=False)
    assert "<a " not in plain and "dg-links" not in plain


def test_page_helpers() -> None:
    from generator.site.paths import page_href, page_url

    assert page_url("index.md") == ""
    assert page_url("organisaatiot/index.md") == "organisaatiot/"
    assert page_url("prosessit/typ.md") == "prosessit/typ/"
    assert page_href("prosessit/typ.md", "organisaatiot/tem.md") == "../../organisaatiot/tem/"
    assert page_href("organisaatiot/suhteet.md", "organisaatiot/tem.md") == "../tem/"
    assert page_href("index.md", "organisaatiot/index.md") == "organisaatiot/"
    assert page_href("prosessit/typ.md", "index.md") == "../../"


# --- organisation charts ----------------------------------------------------------------


def test_real_tyonvk_org_chart_names_its_three_jaostot(real_graph: Graph) -> None:
    svg = picture(figure_xml(diagrams.org_chart(real_graph, "tyonvk")))
    for name in ("Kuntajaosto", "Tietojaosto", "Yhdyspintajaosto"):
        assert shows(svg, name), name
    (current,) = groups(svg, "dg-current")
    assert shows(current, real_graph.name("tyonvk")) and "(tämä sivu)" in texts(current)


def test_every_real_committee_tree_has_a_chart(real_graph: Graph) -> None:
    committees = real_graph.committees
    for cid, committee in sorted(committees.items()):
        in_tree = committee.parent in committees or any(
            c.parent == cid for c in committees.values())
        markup = diagrams.org_chart(real_graph, cid)
        if in_tree:
            assert shows(picture(figure_xml(markup)), committee.name), cid


def test_org_chart_highlights_the_page_and_links_the_others(graph: Graph) -> None:
    figure = figure_xml(diagrams.org_chart(graph, "tietojaosto"))
    svg = picture(figure)
    (current,) = groups(svg, "dg-current")
    assert texts(current)[0] == "Tietojaosto" and "(tämä sivu)" in texts(current)
    for name in ("Työ- ja elinkeinoministeriö", "TyöNVK:n sihteeristö", "Kuntajaosto",
                 "Yhdyspintajaosto", "Datan alajaosto", "alajaosto · luonnos"):
        assert shows(svg, name), name
    edge_labels = [t for g in groups(svg, "edge") for t in texts(g)]
    assert edge_labels == ["asettaa"]
    hrefs = {a.get("href") for a in figure.iter(f"{SVG}a")}
    assert "../tyonvk/" in hrefs and "../../organisaatiot/tem/" in hrefs
    assert "../tietojaosto/" not in hrefs and "./" not in hrefs
    assert diagrams.org_chart(graph, "yksin") == Markup("")


def test_network_chart_shows_its_coordinators(graph: Graph) -> None:
    svg = picture(figure_xml(diagrams.org_chart(graph, "verkosto")))
    assert shows(svg, "Yhdyspintaverkosto") and shows(svg, "(tämä sivu)")
    for name in ("Kansaneläkelaitos", "TE-toimisto"):
        assert shows(svg, name), name
    assert sorted(t for g in groups(svg, "edge") for t in texts(g)) == ["koordinoi"] * 2


# --- relation graphs -------------------------------------------------------------------


def test_neighbourhood_graph_labels_edges_with_verbs(graph: Graph) -> None:
    figure = figure_xml(diagrams.relation_graph(graph, "tem"))
    svg = picture(figure)
    labels = sorted(t for g in groups(svg, "edge") for t in texts(g))
    assert labels == ["asettaa", "ohjaa", "ohjaa", "rahoittaa"]
    (current,) = groups(svg, "dg-current")
    assert shows(current, "Työ- ja elinkeinoministeriö")
    legend = ["".join(li.itertext()) for li in figure.iter("li")]
    assert "Valtioneuvosto → ohjaa → Työ- ja elinkeinoministeriö" in legend
    assert "Työ- ja elinkeinoministeriö → rahoittaa → Kunta" in legend  # notes: page table
    assert diagrams.relation_graph(graph, "hyvinvointialue") == Markup("")


def test_site_wide_relation_page(graph: Graph, tmp_path: Path) -> None:
    (output,) = diagrams.render_diagram_pages(graph, SiteConfig(content_dir=CONTENT))
    assert output.path == "organisaatiot/suhteet.md"
    text = output.text
    assert "# Organisaatioiden suhteet" in text
    start, end = text.index("<figure"), text.index("</figure>") + len("</figure>")
    svg = picture(figure_xml(text[start:end]))
    labels = {t for g in groups(svg, "edge") for t in texts(g)}
    assert {"asettaa", "ohjaa", "rahoittaa", "tukee", "koordinoi", "on jäsenenä",
            "kuuluu", "raportoi"} <= labels
    assert "| [Työ- ja elinkeinoministeriö](tem.md) | asettaa |" in text
    assert "&lt;b&gt;ei lihavoitu&lt;/b&gt;" in text and "<b>" not in text


# --- timelines -------------------------------------------------------------------------


def test_timeline_orders_term_and_milestones_by_year(graph: Graph) -> None:
    svg = picture(figure_xml(diagrams.timeline(graph, "tyonvk")))
    nodes = groups(svg, "dg-milestone")
    dates = [texts(n)[0] for n in nodes]
    assert dates == ["30.1.2025", "3/2025", "12.6.2025", "1–6/2026", "2027", "31.12.2027"]
    assert shows(nodes[0], "Toimikausi alkaa") and shows(nodes[-1], "Toimikausi päättyy")
    assert shows(nodes[3], 'Väliarvio <valmis> & "julki"')
    assert "dg-period" in (nodes[3].get("class") or "")
    years = [texts(g)[0] for g in groups(svg, "dg-year")]
    assert years == ["2025", "2026", "2027"]
    assert diagrams.timeline(graph, "kuntajaosto") == Markup("")


def test_real_tyonvk_timeline_shows_its_term(real_graph: Graph) -> None:
    committee = real_graph.committees["tyonvk"]
    assert committee.milestones and committee.term
    svg = picture(figure_xml(diagrams.timeline(real_graph, "tyonvk")))
    assert shows(svg, "Toimikausi alkaa")
    for milestone in committee.milestones:
        assert shows(svg, milestone.title), milestone.title


# --- escaping --------------------------------------------------------------------------

NASTY = 'Label "<script>alert(1)</script>&{}|\\N\\G'


def test_hostile_labels_show_as_text(graph: Graph) -> None:
    markup = str(diagrams.process_flow(graph, "paha"))
    assert "<script" not in markup.lower() and "<i>" not in markup
    figure = figure_xml(markup)
    svg = picture(figure)
    assert shows(svg, NASTY)
    assert shows(svg, graph.name("vaarallinen"))
    assert shows(svg, "kesto: <i>3</i> kk")
    title = svg.find(f"{SVG}title")
    assert title is not None and title.text == "Vaarallinen <script>: prosessikaavio"
    relations = str(diagrams.relation_graph(graph, "vaarallinen"))
    assert "<script" not in relations.lower() and "<!--" not in relations
    assert shows(picture(figure_xml(relations)), graph.name("vaarallinen"))


def test_dot_escaping_units() -> None:
    assert escape.dot_string('a "b" \\N\nc') == '"a \\"b\\" \\\\N\\nc"'
    assert escape.dot_string("x\x00\x07y\tz") == '"xy z"'
    assert escape.dot_html_label('<b>&"\'\\G') == "&lt;b&gt;&amp;&quot;&#x27;\\\\G"
    assert escape.dot_html_label("a\nb", align="LEFT") == 'a<BR ALIGN="LEFT"/>b'
    with pytest.raises(ValueError):
        escape.dot_html_label("a", align='LEFT"/><B')


@pytest.mark.parametrize(("value", "lines"), [
    # Before a known second half of a compound, in any inflected form …
    ("Aktivointisuunnitelman laatiminen", ["Aktivointi-", "suunnitelman", "laatiminen"]),
    ("Mitä aktivointisuunnitelmaan sisällytetään?",
     ["Mitä aktivointi-", "suunnitelmaan", "sisällytetään?"]),
    ("työvoimapalvelujärjestelmän uudistus", ["työvoimapalvelu-", "järjestelmän",
                                             "uudistus"]),
    # … also one that starts with a vowel (no syllable boundary there) …
    ("Kuntakokeiluasiakkaiden ohjaus", ["Kuntakokeilu-", "asiakkaiden ohjaus"]),
    ("Hyvinvointialueyhtiöiden palvelut", ["Hyvinvointialue-", "yhtiöiden palvelut"]),
    # … else at the last syllable boundary that fits.
    ("Tarkoituksenmukaisuusharkintaa", ["Tarkoituksenmukai-", "suusharkintaa"]),
    ("Pohjois-Savon hyvinvointialue", ["Pohjois-Savon", "hyvinvointialue"]),
    ("Työllisyydenhoitosuunnitelma", ["Työllisyydenhoito-", "suunnitelma"]),
    ("Työ- ja elinkeinoministeriö", ["Työ- ja", "elinkeinoministeriö"]),
    ("kaksi\nriviä", ["kaksi", "riviä"]),
    ("TE-toimisto/kunta", ["TE-toimisto/kunta"]),
])
def test_wrap_label_breaks_finnish_compounds(value: str, lines: list[str]) -> None:
    assert escape.wrap_label(value, 18) == lines


def test_wrap_label_keeps_every_character_and_the_width() -> None:
    for value in ("Työllisyyden edistämisen valtakunnallinen neuvottelukunta",
                  "x" * 70, "Kuntouttavatyötoimintasopimusneuvottelu ja muuta"):
        lines = escape.wrap_label(value, 18)
        assert all(len(line) <= 18 + fi.WRAP_SLACK for line in lines), lines
        assert squash("".join(lines)) == squash(value)


# --- accessibility, palette, sizes ------------------------------------------------------


def test_accessibility_attributes(graph: Graph) -> None:
    page = diagrams.org_chart(graph, "tyonvk") + diagrams.timeline(graph, "tyonvk")
    root = ET.fromstring(f"<div>{page}</div>")
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids)), "ids must be unique on a page"
    for figure in root.findall("figure"):
        svg = picture(figure)
        title_id, desc_id = (svg.get("aria-labelledby") or "").split()
        title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
        assert title is not None and title.get("id") == title_id and title.text
        assert desc is not None and desc.get("id") == desc_id and desc.text
        assert list(svg)[:2] == [title, desc]
        caption = figure.find("figcaption")
        assert caption is not None and caption.text
        scroll = figure.find("div")
        assert scroll is not None and scroll.get("tabindex") == "0"
        assert scroll.get("aria-labelledby") == caption.get("id")
        # Only the figure's own <title>: Graphviz's per-node titles are internal ids.
        assert len(list(svg.iter(f"{SVG}title"))) == 1
        prefix = figure.get("id") or ""
        assert all(i.startswith(prefix) for i in (e.get("id") for e in figure.iter())
                   if i), prefix


def test_text_never_scales_below_legible(graph: Graph) -> None:
    figure = figure_xml(diagrams.process_flow(graph, "aktivointi"))
    svg = picture(figure)
    sizes = {float(t.get("font-size", "0")) for t in svg.iter(f"{SVG}text")}
    assert min(sizes) >= SMALL_SIZE
    canvas = next(d for d in figure.iter("div") if d.get("class") == "diagram-canvas")
    width = float(svg.get("width", "0"))
    style = canvas.get("style") or ""
    assert f"--dg-min-width:{math.ceil(width * MIN_TEXT_PX / SMALL_SIZE)}px" in style
    assert svg.get("style") == "display:block;width:100%;height:auto"
    view_box = [float(n) for n in svg.get("viewBox", "").split()]
    assert view_box[2:] == [width, float(svg.get("height", "0"))]


def test_every_colour_is_a_palette_colour_with_a_class(graph: Graph) -> None:
    page = (diagrams.process_flow(graph, "aktivointi") + diagrams.org_chart(graph, "tyonvk")
            + diagrams.relation_graph(graph) + diagrams.timeline(graph, "tyonvk"))
    root = ET.fromstring(f"<div>{page}</div>")
    for element in root.iter():
        for attr, letter in (("fill", "f"), ("stroke", "s")):
            value = element.get(attr)
            if value is None or value in ("none", "transparent"):
                continue
            swatch = palette.BY_LIGHT.get(value)
            assert swatch is not None, (element.tag, attr, value)
            assert f"dg-{letter}-{swatch.name}" in (element.get("class") or "").split()


def test_palette_meets_wcag_aa_in_both_schemes() -> None:
    assert len(palette.BY_LIGHT) == len(palette.SWATCHES), "light values must be unique"
    for text, fill in palette.TEXT_ON:
        assert contrast(text.light, fill.light) >= 4.5, (text.name, fill.name)
        assert contrast(text.dark, fill.dark) >= 4.5, (text.name, fill.name)
    for text in (palette.INK, palette.MUTED):  # edge labels and year labels on the page
        assert contrast(text.light, "#ffffff") >= 4.5
        assert contrast(text.dark, DARK_PAGE) >= 4.5
    fills = (palette.NODE, palette.TERMINAL, palette.DECISION, palette.COMMITTEE)
    for line in palette.LINES:
        assert contrast(line.light, "#ffffff") >= 3 and contrast(line.dark, DARK_PAGE) >= 3
        for fill in fills:
            assert contrast(line.light, fill.light) >= 3, (line.name, fill.name)
            assert contrast(line.dark, fill.dark) >= 3, (line.name, fill.name)


def test_stylesheet_carries_the_palette() -> None:
    css = (ROOT / "docs" / "stylesheets" / "diagrams.css").read_text("utf-8")
    assert palette.stylesheet_variables() in css


# --- determinism and golden DOT ---------------------------------------------------------


def test_same_content_gives_identical_svg(graph: Graph) -> None:
    first = diagrams.process_flow(graph, "aktivointi") + diagrams.relation_graph(graph)
    session.clear_cache()
    again, _ = check(CONTENT)
    second = diagrams.process_flow(again, "aktivointi") + diagrams.relation_graph(again)
    assert first == second
    for volatile in ("<?xml", "<!DOCTYPE", "<!--", "Generated by", "graphviz version"):
        assert volatile not in first


def test_dot_source_matches_golden(graph: Graph) -> None:
    source = process_diagram(graph, "aktivointi").dot
    golden = GOLDEN / "aktivointi.dot"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(source, "utf-8")
    assert source == golden.read_text("utf-8")


def test_dot_calls_are_cached(graph: Graph, monkeypatch: pytest.MonkeyPatch) -> None:
    diagrams.process_flow(graph, "lineaarinen")
    calls = []
    real_run = subprocess.run

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return real_run(*args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(dot_process.subprocess, "run", counting)
    diagrams.process_flow(graph, "lineaarinen", page="index.md")
    assert calls == []


# --- missing Graphviz ------------------------------------------------------------------


@pytest.fixture
def no_dot_path(tmp_path: Path) -> str:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    return str(empty)


def test_missing_dot_is_one_clear_error(graph: Graph, monkeypatch: pytest.MonkeyPatch,
                                        no_dot_path: str) -> None:
    monkeypatch.setenv("PATH", no_dot_path)
    with pytest.raises(diagrams.DiagramError) as info:
        diagrams.process_flow(graph, "aktivointi")  # cached or not: dot is looked up first
    assert "apt-get install graphviz" in str(info.value)


def _fake_dot(folder: Path, script: str) -> str:
    folder.mkdir()
    dot = folder / "dot"
    dot.write_text(f"#!/bin/sh\n{script}\n", "utf-8")
    dot.chmod(0o755)
    return str(folder)


def test_slow_dot_times_out_with_a_clear_error(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    sleep = shutil.which("sleep")
    assert sleep is not None
    monkeypatch.setenv("PATH", _fake_dot(tmp_path / "bin", f"exec {sleep} 30"))
    monkeypatch.setattr(dot_process, "DOT_TIMEOUT_SECONDS", 0.5)
    with pytest.raises(diagrams.DiagramError, match=r"0\.5 sekunnissa"):
        session.run_dot("digraph slow {}", name="hidas")


def test_failing_dot_reports_its_message(monkeypatch: pytest.MonkeyPatch,
                                         tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", _fake_dot(tmp_path / "bin", "echo 'Error: syntax' >&2; exit 3"))
    with pytest.raises(diagrams.DiagramError, match=r"paluuarvo 3.*Error: syntax"):
        session.run_dot("digraph broken {}", name="rikki")


def test_cli_reports_missing_dot_without_traceback(tmp_path: Path, no_dot_path: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--content", str(CONTENT), "generate",
         "--out", str(tmp_path / "out"), "--no-handouts", "--site-url", "https://x.fi/"],
        cwd=ROOT, env={**os.environ, "PATH": no_dot_path}, capture_output=True, text=True,
        timeout=120, check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "Debian-paketti graphviz" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.build  # a real mkdocs build
def test_mkdocs_reports_missing_dot_without_traceback(tmp_path: Path,
                                                      no_dot_path: str) -> None:
    project = copy_project(tmp_path / "project", content=CONTENT)
    result = mkdocs_build(project, tmp_path / "site", extra_env={"PATH": no_dot_path})
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "Debian-paketti graphviz" in output


# --- print -----------------------------------------------------------------------------


def test_diagram_renders_in_weasyprint(graph: Graph) -> None:
    from weasyprint import HTML

    body = diagrams.process_flow(graph, "aktivointi", links=False)
    pdf = HTML(string=f"<html lang='fi'><body>{body}</body></html>").write_pdf()
    assert pdf is not None
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True,
                          check=True, timeout=60).stdout.decode("utf-8")
    for phrase in ("Alku", "Loppu", "Kyllä", "TE-toimisto", "Kansaneläkelaitos"):
        assert phrase in text, phrase


# --- the built site --------------------------------------------------------------------


def test_built_site_has_diagrams_with_working_links(built_site: Path) -> None:
    relations = built_site / "organisaatiot" / "suhteet" / "index.html"
    assert relations.is_file()
    assert 'class="diagram diagram--suhteet' in relations.read_text("utf-8")
    checked = 0
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text("utf-8")
        for figure in re.findall(r'<figure class="diagram.*?</figure>', html, re.S):
            assert "<script" not in figure.lower()
            for href in re.findall(r'href="([^"#]+)"', figure):
                target = (page.parent / href).resolve()
                if target.is_dir():
                    target = target / "index.html"
                assert target.is_file(), (page.relative_to(built_site), href)
                checked += 1
    assert checked > 0

