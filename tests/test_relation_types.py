"""Relation types beyond actor → actor: a body carries out, maintains, applies to or is a
party to a topic, operates in another body's area, appoints roles of a committee.

One small content tree goes through the whole path: the check (a type with a target kind it
does not fit is an error at the target, with the types that would fit), the source and
target pages (forward verb, inverse role), the relation diagram and both open-data files.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT
from markupsafe import Markup

from generator import diagrams
from generator.core.annotations import literal_choices
from generator.core.clock import HELSINKI
from generator.core.diagnostics import Report
from generator.core.models import RelationType
from generator.core.relation_types import RELATION_TYPES
from generator.graph import Graph
from generator.opendata import (
    DATA_PAGE,
    GRAPH_FILE,
    GRAPH_SCHEMA,
    POPOLO_FILE,
    render_data,
)
from generator.pages import render_pages
from generator.pipeline import check
from generator.site.output import SiteConfig

TODAY = dt.date(2025, 5, 12)
SVG = "{http://www.w3.org/2000/svg}"
SOURCE = "sources:\n  - document: 000_29a47eed100e93b4.txt\n"


def y(body: str) -> str:
    """A content file: ``body`` (indented as in this module) plus a source."""
    return textwrap.dedent(body).lstrip("\n") + SOURCE


FILES = {
    "bodies/valtioneuvosto.yaml": y("""
        name: Valtioneuvosto
        type: valtioneuvosto
        relations:
          - type: nimittää
            target: nvk
            note: Puheenjohtajan ja varapuheenjohtajan.
    """),
    "bodies/alue.yaml": y("""
        name: Esimerkin hyvinvointialue
        type: hyvinvointialue
        relations:
          - type: osapuoli
            target: sopimus
    """),
    "bodies/ta.yaml": y("""
        name: Esimerkin työllisyysalue
        type: työllisyysalue
        relations:
          - type: alueella
            target: alue
            note: Osittain.
          - type: hakija
            target: ohjelma
    """),
    "bodies/virasto.yaml": y("""
        name: Esimerkkivirasto
        type: virasto
        relations:
          - type: toteuttaa
            target: kysely
            note: Alkuvuodesta 2024.
          - type: ylläpitää
            target: jarjestelma
    """),
    "committees/nvk.yaml": y("""
        name: Esimerkin neuvottelukunta
        type: neuvottelukunta
        summary: Neuvottelukunta.
    """),
    **{f"topics/{topic_id}.yaml": y(f"""
        title: {title}
        type: {kind}
        summary: Aihe.
    """) for topic_id, title, kind in (
        ("kysely", "Esimerkkikysely", "kysely"),
        ("jarjestelma", "Esimerkkijärjestelmä", "työkalu"),
        ("sopimus", "Esimerkkisopimus", "sopimus"),
        ("ohjelma", "Esimerkkiohjelma", "yleinen"),
    )},
}


@pytest.fixture
def content(make_content: Callable[[dict[str, str]], Path]) -> tuple[Path, Graph]:
    root = make_content(FILES)
    graph, report = check(root, today=TODAY)
    assert not report.errors, report.format()
    return root, graph


def test_the_vocabulary_is_the_models_literal() -> None:
    assert set(RELATION_TYPES) == set(literal_choices(RelationType))
    for kind in RELATION_TYPES.values():
        assert kind.verb and kind.inverse and kind.targets and kind.meaning


def test_the_editor_schema_explains_every_type() -> None:
    for name in ("body", "committee"):
        schema = json.loads((ROOT / "schema" / f"{name}.schema.json").read_text("utf-8"))
        relation = schema["$defs"]["Relation"]["properties"]
        assert set(relation["type"]["enum"]) == set(RELATION_TYPES)
        for kind in RELATION_TYPES.values():
            assert f"- `{kind.key}` (" in relation["type"]["description"]
    assert "`toteuttaa` (aihe): toteuttaa tai toteutti" in relation["type"]["description"]


def _errors(report: Report) -> list[str]:
    return [d.format() for d in report.sorted() if d.severity == "virhe"]


def test_a_type_with_a_target_kind_it_does_not_fit_is_an_error(
        check_files: Callable[[dict[str, str]], tuple[Graph, Report]]) -> None:
    files = dict(FILES)
    files["bodies/virasto.yaml"] = y("""
        name: Esimerkkivirasto
        type: virasto
        relations:
          - type: ohjaa
            target: kysely
          - type: toteuttaa
            target: alue
          - type: toteuttaa
            target: kysely
    """)
    _, report = check_files(files)
    errors = _errors(report)
    assert len(errors) == 2, errors
    assert errors[0].startswith(
        "content/bodies/virasto.yaml:5:13: virhe: relations.0.target: suhde 'ohjaa' ei sovi "
        "kohteeseen 'kysely', joka on aihe: suhteen 'ohjaa' kohde on organisaatio tai "
        "toimielin [virasto]\n    vihje: aiheeseen sopivat suhteet: toteuttaa, ylläpitää, "
        "osapuoli ja hakija; muuten vaihda kohde"), errors[0]
    assert errors[1].startswith(
        "content/bodies/virasto.yaml:7:13: virhe: relations.1.target: suhde 'toteuttaa' ei "
        "sovi kohteeseen 'alue', joka on organisaatio: suhteen 'toteuttaa' kohde on aihe"), \
        errors[1]
    assert "vihje: organisaatioon sopivat suhteet: asettaa, ohjaa" in errors[1]


def test_a_person_is_no_relation_target(
        check_files: Callable[[dict[str, str]], tuple[Graph, Report]]) -> None:
    files = {**FILES, "people/henkilo.yaml": "name: Matti Meikäläinen\n" + SOURCE}
    files["bodies/alue.yaml"] = files["bodies/alue.yaml"].replace("target: sopimus",
                                                                  "target: henkilo")
    _, report = check_files(files)
    (error,) = _errors(report)
    assert "relations.0.target: 'henkilo' on henkilö, odotettiin: organisaatio tai " \
           "toimielin tai aihe" in error


def _pages(root: Path, graph: Graph) -> dict[str, str]:
    def marker(graph: Graph, entity_id: str | None = None, **_: object) -> Markup:
        return Markup(f"<!-- kaavio {entity_id} -->")

    with pytest.MonkeyPatch.context() as patch:
        for name in ("process_flow", "org_chart", "relation_graph", "timeline"):
            patch.setattr(diagrams, name, marker)
        config = SiteConfig(content_dir=root, project_root=root.parent, handouts=False)
        now = dt.datetime.combine(TODAY, dt.time(12), HELSINKI)
        return {o.path: o.text for o in render_pages(graph, config, now=now)}


def _suhteet(text: str) -> str:
    start = text.index("\n## Suhteet\n")
    end = text.find("\n## ", start + 1)
    return text[start:end]


def test_source_pages_read_forwards_and_target_pages_name_the_role(
        content: tuple[Path, Graph]) -> None:
    pages = _pages(*content)
    virasto = _suhteet(pages["organisaatiot/virasto.md"])
    assert "| toteuttaa | [Esimerkkikysely](../aiheet/kysely.md) | Alkuvuodesta 2024. |" \
        in virasto
    assert "| ylläpitää | [Esimerkkijärjestelmä](../aiheet/jarjestelma.md) |" in virasto
    ta = _suhteet(pages["organisaatiot/ta.md"])
    assert "| toimii alueella | [Esimerkin hyvinvointialue](alue.md) | Osittain. |" in ta
    assert "| on hakijana | [Esimerkkiohjelma](../aiheet/ohjelma.md) |" in ta
    assert "| on osapuolena | [Esimerkkisopimus](../aiheet/sopimus.md) |" in _suhteet(
        pages["organisaatiot/alue.md"])
    # the other direction: topic, body and committee pages name the source's role
    assert "| Kuka | Rooli | Tarkennus |" in _suhteet(pages["aiheet/kysely.md"])
    assert "| [Esimerkkivirasto](../organisaatiot/virasto.md) | toteuttaja | " \
           "Alkuvuodesta 2024. |" in _suhteet(pages["aiheet/kysely.md"])
    assert "| [Esimerkkivirasto](../organisaatiot/virasto.md) | ylläpitäjä |" in _suhteet(
        pages["aiheet/jarjestelma.md"])
    assert "| [Esimerkin hyvinvointialue](../organisaatiot/alue.md) | osapuoli |" in _suhteet(
        pages["aiheet/sopimus.md"])
    assert "| [Esimerkin työllisyysalue](../organisaatiot/ta.md) | hakija |" in _suhteet(
        pages["aiheet/ohjelma.md"])
    assert "| [Esimerkin työllisyysalue](ta.md) | alueella toimiva | Osittain. |" in _suhteet(
        pages["organisaatiot/alue.md"])
    assert "| [Valtioneuvosto](../organisaatiot/valtioneuvosto.md) | nimittäjä | " \
           "Puheenjohtajan ja varapuheenjohtajan. |" in _suhteet(pages["toimielimet/nvk.md"])
    # a topic without relations gets no empty section
    assert "## Suhteet" not in pages["aiheet/index.md"]


def _svg_texts(markup: str) -> tuple[ET.Element, list[str]]:
    figure = ET.fromstring(str(markup))
    return figure, ["".join(t.itertext()) for t in figure.iter(f"{SVG}text")]


def test_the_relation_diagram_draws_topics_and_the_new_verbs(
        content: tuple[Path, Graph]) -> None:
    _, graph = content
    figure, texts = _svg_texts(diagrams.relation_graph(graph))
    for verb in ("toteuttaa", "ylläpitää", "on osapuolena", "toimii alueella",
                 "on hakijana", "nimittää"):
        assert verb in texts
    topics = [g for g in figure.iter(f"{SVG}g") if "dg-topic" in (g.get("class") or "")]
    assert sorted("".join(g.itertext()).strip() for g in topics) == [
        "Esimerkkijärjestelmä", "Esimerkkikysely", "Esimerkkiohjelma", "Esimerkkisopimus"]
    legend = ["".join(li.itertext()).strip() for li in figure.iter("li")]
    assert any(line.startswith("Aihe: taitettu kulma") for line in legend), legend
    # a body's own diagram shows its topic neighbours too
    _, own = _svg_texts(diagrams.relation_graph(graph, "virasto"))
    assert {"toteuttaa", "ylläpitää", "Esimerkkikysely"} <= set(own)


def test_open_data_carries_the_relations_and_their_labels(
        content: tuple[Path, Graph]) -> None:
    root, graph = content
    files = {o.path: o.text for o in render_data(
        graph, SiteConfig(content_dir=root, project_root=root.parent), today=TODAY)}
    data = json.loads(files[GRAPH_FILE])
    edges = {(e["source"], e["type"], e["target"]) for e in data["edges"]}
    assert {("virasto", "toteuttaa", "kysely"), ("virasto", "ylläpitää", "jarjestelma"),
            ("alue", "osapuoli", "sopimus"), ("ta", "alueella", "alue"),
            ("ta", "hakija", "ohjelma"), ("valtioneuvosto", "nimittää", "nvk")} <= edges
    types = {t["type"]: t for t in data["relation_types"]}
    assert types["osapuoli"] == {
        "type": "osapuoli", "verb": "on osapuolena", "inverse": "osapuoli",
        "targets": ["topic"], "meaning": RELATION_TYPES["osapuoli"].meaning}
    kysely = next(t for t in data["topics"] if t["id"] == "kysely")
    assert kysely["referenced_by"] == ["virasto"]
    schema = json.loads(files[GRAPH_SCHEMA])
    assert not list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    popolo = {o["id"]: o for o in json.loads(files[POPOLO_FILE])["organizations"]}
    (appoints,) = popolo["valtioneuvosto"]["relations"]
    assert appoints["target_url"].endswith("/toimielimet/nvk/")
    assert {k: v for k, v in appoints.items() if k != "target_url"} == {
        "type": "nimittää", "verb": "nimittää", "target_id": "nvk",
        "note": "Puheenjohtajan ja varapuheenjohtajan."}
    (topic,) = [r for r in popolo["virasto"]["relations"] if r["target_id"] == "kysely"]
    assert topic["type"] == "toteuttaa" and topic["target_url"].endswith("/aiheet/kysely/")
    # the open-data page explains both
    assert "`relation_types` selittää suhteiden" in files[DATA_PAGE]
    assert "`relations` (organisaation suhteet" in files[DATA_PAGE]
