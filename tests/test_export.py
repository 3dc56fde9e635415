"""Open data: the graph and Popolo exports validate against their derived JSON Schemas."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import FIXTURES

from generator.opendata import (
    DATA_PAGE,
    GRAPH_FILE,
    GRAPH_SCHEMA,
    POPOLO_FILE,
    POPOLO_SCHEMA,
    render_data,
)
from generator.pipeline import check
from generator.site.output import SiteConfig

CONTENT = FIXTURES / "pages" / "content"
TODAY = dt.date(2025, 5, 12)


@pytest.fixture(scope="module")
def files() -> dict[str, str]:
    graph, report = check(CONTENT, today=TODAY)
    assert not report.errors, report.format()
    outputs = render_data(graph, SiteConfig(content_dir=CONTENT), today=TODAY)
    return {o.path: o.text for o in outputs}


def load(files: dict[str, str], path: str) -> Any:
    return json.loads(files[path])


def validator(files: dict[str, str], path: str) -> jsonschema.Draft202012Validator:
    schema = load(files, path)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.parametrize(("data", "schema"), [(GRAPH_FILE, GRAPH_SCHEMA),
                                               (POPOLO_FILE, POPOLO_SCHEMA)])
def test_export_validates_against_its_schema(files: dict[str, str], data: str,
                                             schema: str) -> None:
    errors = list(validator(files, schema).iter_errors(load(files, data)))
    assert not errors, [e.message for e in errors]


def test_schemas_reject_unknown_and_missing_fields(files: dict[str, str]) -> None:
    """The schemas are strict, so the validation above means something."""
    check_popolo = validator(files, POPOLO_SCHEMA)
    popolo = load(files, POPOLO_FILE)
    extra = copy.deepcopy(popolo)
    extra["memberships"][0]["email"] = "x@example.fi"
    assert not check_popolo.is_valid(extra)
    missing = copy.deepcopy(popolo)
    del missing["events"][0]["start_date"]
    assert not check_popolo.is_valid(missing)
    check_graph = validator(files, GRAPH_SCHEMA)
    graph = load(files, GRAPH_FILE)
    wrong = copy.deepcopy(graph)
    wrong["committees"][0]["data"]["status"] = "kadonnut"
    assert not check_graph.is_valid(wrong)


def test_graph_export_has_every_entity_with_links_both_ways(files: dict[str, str]) -> None:
    graph = load(files, GRAPH_FILE)
    counts = {key: len(graph[key]) for key in ("laws", "bodies", "people", "committees",
                                               "processes", "meetings", "topics")}
    assert counts == {"laws": 2, "bodies": 6, "people": 7, "committees": 4, "processes": 1,
                      "meetings": 5, "topics": 1}
    tyonvk = next(c for c in graph["committees"] if c["id"] == "tyonvk")
    assert tyonvk["url"] == "https://yhdyspintaverkosto.fi/toimielimet/tyonvk/"
    assert tyonvk["source"] == "content/committees/tyonvk.yaml"
    assert tyonvk["data"]["abbreviation"] == "TyöNVK"
    assert "valtioneuvosto" in tyonvk["referenced_by"]
    assert "olli-vaara" in tyonvk["references"]
    edge = {"source": "valtioneuvosto", "target": "tyonvk", "field": "relations.0.target",
            "type": "asettaa"}
    assert edge in graph["edges"]
    assert {"source": "tem", "target": "laki-380-2023", "field": "summary",
            "type": "maininta"} in graph["edges"]


def test_phase_actors_keep_their_roles_in_the_export(files: dict[str, str]) -> None:
    graph = load(files, GRAPH_FILE)
    process = next(p for p in graph["processes"] if p["id"] == "aktivointisuunnitelma")
    first = process["data"]["phases"][0]
    assert first["actors"] == [{"actor": "lahden-kaupunki", "role": "vastaa"},
                               {"actor": "kela", "role": "ilmoittaa"}]
    assert {"source": "aktivointisuunnitelma", "target": "kela",
            "field": "phases.0.actors.1.actor", "type": "ilmoittaa"} in graph["edges"]


def test_the_client_is_a_field_of_the_phase_in_the_export(files: dict[str, str]) -> None:
    """`client` stays on the phase (`osallistuu` or null); the client is no organisation,
    so it is neither among the bodies nor an edge, and the schema rejects other values."""
    graph = load(files, GRAPH_FILE)
    process = next(p for p in graph["processes"] if p["id"] == "aktivointisuunnitelma")
    assert [p["client"] for p in process["data"]["phases"]] == [None, None, "osallistuu"]
    assert all("asiakas" not in e["target"] for e in graph["edges"])
    wrong = copy.deepcopy(graph)
    wrong["processes"][0]["data"]["phases"][2]["client"] = "vastaa"
    assert not validator(files, GRAPH_SCHEMA).is_valid(wrong)


def test_inferred_facts_stay_marked_in_the_export(files: dict[str, str]) -> None:
    graph = load(files, GRAPH_FILE)
    tyonvk = next(c for c in graph["committees"] if c["id"] == "tyonvk")["data"]
    assert tyonvk["milestones"][1]["inferred"] == 'tekstintunnistuksessa "6_12/2026", luettu ' \
                                                  "6–12/2026"
    assert tyonvk["milestones"][0]["inferred"] is None
    assert tyonvk["term"]["inferred"].startswith("päättymispäivä vuoden 2027 lopuksi")
    process = next(p for p in graph["processes"] if p["id"] == "aktivointisuunnitelma")
    assert process["data"]["inferences"] == [{"fact": "Malli otettiin käyttöön 2023",
                                             "why": "raportin vuosiluvusta"}]


def test_popolo_memberships_posts_and_events(files: dict[str, str]) -> None:
    popolo = load(files, POPOLO_FILE)
    posts = {p["id"]: p for p in popolo["posts"]}
    assert posts["tyonvk/tem"] == {
        "id": "tyonvk/tem", "organization_id": "tyonvk", "label": "Työ- ja elinkeinoministeriö",
        "role": "jäsen", "on_behalf_of_id": "tem", "seats": 2, "max_seats": False, "vacant": 1,
        "unnamed": 0,
    }
    # A place the sources are silent about is not vacant.
    assert (posts["yhdyspintajaosto/kela"]["vacant"],
            posts["yhdyspintajaosto/kela"]["unnamed"]) == (0, 1)
    memberships = {m["id"]: m for m in popolo["memberships"]}
    member = next(m for m in memberships.values()
                  if m["person_id"] == "sanna-zetterberg" and m["organization_id"] == "tyonvk")
    assert member["deputy_id"] == "pekka-aijala"
    assert member["post_id"] == "tyonvk/kela"
    assert (member["start_date"], member["end_date"]) == ("2025-05-01", "2027-12-31")
    deputy = memberships[member["id"] + "/varajasen"]
    assert deputy["role"] == "henkilökohtainen varajäsen"
    assert deputy["deputy_of_id"] == "sanna-zetterberg"
    former = next(m for m in memberships.values() if m["person_id"] == "aili-ohman"
                  and m["organization_id"] == "tyonvk")
    assert former["end_date"] == "2025-04-30"
    organizations = {o["id"]: o for o in popolo["organizations"]}
    assert organizations["yhdyspintajaosto"]["parent_id"] == "tyonvk"
    assert organizations["yhdyspintajaosto"]["status"] == "luonnos"
    assert organizations["tem"]["other_names"] == [{"name": "TEM", "note": "lyhenne"}]
    events = {e["id"]: e for e in popolo["events"]}
    assert events["verkosto-2025-03-24"]["start_date"] == "2025-03-24T12:00:00+02:00"
    assert events["verkosto-2025-03-24"]["speaker_ids"] == ["ake-aberg", "liisa-esimerkki"]
    assert events["tyonvk-2025-06"]["start_date"] == "2025-06"
    assert events["tyonvk-2025-04-sahkoposti"]["status"] == "peruttu"


def test_exports_publish_no_contact_details(files: dict[str, str]) -> None:
    for path in (GRAPH_FILE, POPOLO_FILE):
        assert "@" not in files[path].replace("@context", ""), path
        assert "email" not in files[path] and "phone" not in files[path], path


def test_export_is_deterministic(files: dict[str, str]) -> None:
    graph, _ = check(CONTENT, today=TODAY)
    again = render_data(graph, SiteConfig(content_dir=CONTENT), today=TODAY)
    assert {o.path: o.text for o in again} == files


def test_data_page_links_every_file(files: dict[str, str]) -> None:
    page = files[DATA_PAGE]
    for path in (GRAPH_FILE, POPOLO_FILE, GRAPH_SCHEMA, POPOLO_SCHEMA):
        assert f"]({Path(path).name})" in page, path
    assert "2 säädöstä, 6 organisaatiota, 7 henkilöä, 4 toimielintä" in page


def test_built_site_serves_the_data(built_site: Path) -> None:
    for path in (GRAPH_FILE, POPOLO_FILE, GRAPH_SCHEMA, POPOLO_SCHEMA):
        json.loads((built_site / path).read_text("utf-8"))
    data = json.loads((built_site / POPOLO_FILE).read_text("utf-8"))
    schema = json.loads((built_site / POPOLO_SCHEMA).read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert (built_site / "data" / "index.html").is_file()
