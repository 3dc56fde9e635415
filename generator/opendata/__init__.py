"""Open data: the resolved graph as static JSON, and committees in the Popolo shape.

Both files are described by JSON Schemas derived from the pydantic models below (never
written by hand), so the schema and the export cannot drift apart. Output is deterministic:
sorted by id, no build timestamps.

* ``data/yhdyspinta.json``: every entity as written in content (``data``), with its page,
  source file, outgoing references and back-links; plus every edge of the graph.
* ``data/popolo.json``: organizations (bodies and committees), persons, posts (seats),
  memberships (role, seat, term, personal deputy) and events (meetings), after
  https://www.popoloproject.com/specs/ with a few documented extensions.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel

from ..core.clock import build_date
from ..core.models import (
    KINDS,
    TERM_KIND,
    Body,
    Committee,
    Entity,
    GlossaryTerm,
    Law,
    Meeting,
    Person,
    Process,
    Topic,
)
from ..core.relation_types import RELATION_TYPES
from ..domain import queries
from ..graph import Graph
from ..rules import glossary
from ..site.output import Output, SiteConfig
from ..site.paths import entity_url, source_path
from ..site.templates import render
from .base import Out
from .popolo import PopoloExport, popolo_export

DATA_DIR = "data"
GRAPH_FILE = f"{DATA_DIR}/yhdyspinta.json"
POPOLO_FILE = f"{DATA_DIR}/popolo.json"
GRAPH_SCHEMA = f"{DATA_DIR}/yhdyspinta.schema.json"
POPOLO_SCHEMA = f"{DATA_DIR}/popolo.schema.json"
DATA_PAGE = f"{DATA_DIR}/index.md"
DATA_FILES = {"graph": GRAPH_FILE, "popolo": POPOLO_FILE, "graph_schema": GRAPH_SCHEMA,
              "popolo_schema": POPOLO_SCHEMA}
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

E = TypeVar("E", bound=Entity)


# --- the whole graph ------------------------------------------------------------------


class Edge(Out):
    """One reference between two entities."""

    source: str
    """Viittaavan kohteen tunniste."""
    target: str
    """Kohteen tunniste."""
    field: str
    """Kenttä, jossa viittaus on, esim. `members.3.person`."""
    type: str
    """Viittauksen laji: suhteen tyyppi (`asettaa`, `ohjaa` …), prosessin vaiheen toimijan
    rooli (`vastaa`, `osallistuu`, `ilmoittaa`), kentän nimi (`person`, `deputy`, `series` …)
    tai `maininta` tekstissä olevalle `[[tunniste]]`-viittaukselle."""


class RelationTypeRecord(Out):
    """One relation type of the `relations` lists, with its Finnish labels."""

    type: str
    """Suhteen laji, esim. `toteuttaa`."""
    verb: str
    """Luetaan lähdöstä kohteeseen: lähtö + verbi + kohde (esim. *on osapuolena*)."""
    inverse: str
    """Lähteen rooli kohteen sivulla (esim. *osapuoli*)."""
    targets: list[Literal["body", "committee", "topic"]]
    """Kohteen sallitut lajit (`bodies`, `committees` tai `topics`)."""
    meaning: str
    """Mitä suhde tarkoittaa."""


def relation_type_records() -> list[RelationTypeRecord]:
    return [RelationTypeRecord(type=k.key, verb=k.verb, inverse=k.inverse,
                               targets=list(k.targets), meaning=k.meaning)
            for k in RELATION_TYPES.values()]


class EntityRecord(Out, Generic[E]):
    """One entity: its content as written, where it is shown, and how it connects."""

    id: str
    """Tunniste (sisältötiedoston nimi)."""
    name: str
    """Näytettävä nimi."""
    url: str
    """Kohteen sivu sivustolla."""
    source: str
    """Sisältötiedosto lähdekoodivarastossa."""
    data: E
    """Kohteen tiedot sellaisinaan (tekstin `[[tunniste]]`-viittaukset ovat mukana); vain
    toimittajille tarkoitetut huomiot (`editor_note`) eivät ole mukana."""
    references: list[str]
    """Kohteet, joihin tämä viittaa."""
    referenced_by: list[str]
    """Kohteet, jotka viittaavat tähän (takaisinlinkit)."""


class TermRecord(Out):
    """One glossary term (*Sanasto*): terms have ids of their own, beside the entities'."""

    id: str
    """Termin tunniste (sisältötiedoston nimi kansiossa `content/terms/`)."""
    url: str
    """Termin kohta Sanasto-sivulla."""
    source: str
    """Sisältötiedosto lähdekoodivarastossa."""
    data: GlossaryTerm
    """Termin tiedot sellaisinaan."""


class GraphExport(Out):
    """Työllisyyden edistämisen yhdyspintaverkoston tietopankki: koko tietoverkko."""

    site: str
    """Sivuston osoite."""
    laws: list[EntityRecord[Law]]
    bodies: list[EntityRecord[Body]]
    people: list[EntityRecord[Person]]
    committees: list[EntityRecord[Committee]]
    processes: list[EntityRecord[Process]]
    meetings: list[EntityRecord[Meeting]]
    topics: list[EntityRecord[Topic]]
    edges: list[Edge]
    """Kaikki viittaukset kohteiden välillä."""
    relation_types: list[RelationTypeRecord]
    """Suhteiden lajit (`relations`-listojen `type` ja reunojen `type`) suomenkielisine
    nimineen."""
    terms: list[TermRecord] = []
    """Sanaston termit ja niiden selitykset."""


def edges(graph: Graph) -> list[Edge]:
    """Every resolved reference and mention, from the graph's back-links."""
    found = [
        Edge(source=link.source, target=target, field=link.field,
             type="maininta" if link.mention else _edge_type(graph.entity(link.source),
                                                             link.field))
        for target, links in graph.backlinks.items() for link in links
    ]
    return sorted(found, key=lambda e: (e.source, e.field, e.target))


def _edge_type(entity: Entity, field: str) -> str:
    """The relation's type for ``relations.N.target``, else the field's own name."""
    parts = field.split(".")
    if len(parts) == 3 and parts[0] == "relations" and parts[1].isdigit():
        return str(getattr(entity, "relations", [])[int(parts[1])].type)
    if len(parts) == 5 and parts[0] == "phases" and parts[2] == "actors":  # the actor's role
        return str(getattr(entity, "phases", [])[int(parts[1])].actors[int(parts[3])].role)
    return next(p for p in reversed(parts) if not p.isdigit())


def graph_export(graph: Graph, config: SiteConfig) -> GraphExport:
    all_edges = edges(graph)
    outgoing: dict[str, set[str]] = {}
    incoming: dict[str, set[str]] = {}
    for edge in all_edges:
        if edge.source != edge.target:
            outgoing.setdefault(edge.source, set()).add(edge.target)
            incoming.setdefault(edge.target, set()).add(edge.source)

    def records(model: type[E]) -> list[EntityRecord[E]]:
        return [
            EntityRecord[model](  # type: ignore[valid-type]
                id=i, name=entity.display_name, url=entity_url(config.site_url, graph, i),
                source=source_path(graph, i, config), data=entity,
                references=sorted(outgoing.get(i, ())),
                referenced_by=sorted(incoming.get(i, ())),
            )
            for i, entity in sorted(graph.of_kind(model).items())
        ]

    return GraphExport(
        site=config.site_url, laws=records(Law), bodies=records(Body),
        people=records(Person), committees=records(Committee), processes=records(Process),
        meetings=records(Meeting), topics=records(Topic), edges=all_edges,
        relation_types=relation_type_records(),
        terms=_terms(graph, config),
    )


def _terms(graph: Graph, config: SiteConfig) -> list[TermRecord]:
    base = config.site_url.rstrip("/") + "/" + TERM_KIND.url_dir + "/"
    found = []
    for record in sorted(graph.glossary, key=lambda r: r.id):
        term = record.entity
        assert isinstance(term, GlossaryTerm)
        name = record.document.path.rpartition("/")[2]
        found.append(TermRecord(
            id=record.id, url=base + "#" + glossary.anchor(term.term),
            source=f"{config.content_dir.name}/{TERM_KIND.folder}/{name}", data=term))
    return found


# --- files ----------------------------------------------------------------------------


def schema(model: type[BaseModel], config: SiteConfig, path: str) -> dict[str, Any]:
    """The JSON Schema of an export model, as its files are written (serialization)."""
    result = dict(_model_schema(model))  # top-level keys are added: a shallow copy will do
    result["$schema"] = JSON_SCHEMA_DIALECT
    result["$id"] = config.site_url.rstrip("/") + "/" + path
    return result


@cache
def _model_schema(model: type[BaseModel]) -> dict[str, Any]:
    """Generated once per process: the models do not change, and pydantic takes ~0.1 s."""
    return model.model_json_schema(mode="serialization")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def _model_json(model: BaseModel) -> str:
    """``_json(model.model_dump(mode="json"))``, byte for byte, written by pydantic's own
    serializer: the json module's indenting encoder is pure Python (~0.1 s at 1,000
    entities). The two agree on every string; they would differ on some floats (``1e-05``),
    and the exports have none (tests/test_export_json.py compares them)."""
    return model.model_dump_json(indent=1) + "\n"


def render_data(graph: Graph, config: SiteConfig, *, today: dt.date | None = None
                ) -> list[Output]:
    """The open-data files: both exports, their schemas and the page describing them."""
    today = today or build_date()
    page = render("pages/data.md.j2", graph, DATA_PAGE, config=config, files=DATA_FILES,
                  counts={k.key: len(queries.ids_of_kind(graph, k)) for k in KINDS})
    return [
        Output(DATA_PAGE, page),
        Output(GRAPH_FILE, _model_json(graph_export(graph, config))),
        Output(POPOLO_FILE, _model_json(popolo_export(graph, config, today))),
        Output(GRAPH_SCHEMA, _json(schema(GraphExport, config, GRAPH_SCHEMA))),
        Output(POPOLO_SCHEMA, _json(schema(PopoloExport, config, POPOLO_SCHEMA))),
    ]
