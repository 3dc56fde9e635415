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

from pydantic import BaseModel, ConfigDict, Field

from .. import glossary
from ..clock import HELSINKI, build_date
from ..models import (
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
from ..resolve import Graph
from . import queries
from .env import entity_path, render
from .pages import source_path
from .site import Output, SiteConfig

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


class Out(BaseModel):
    """Base of the export models: strict shapes, so the schema forbids unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


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
    """Viittauksen laji: suhteen tyyppi (`asettaa`, `ohjaa` …), kentän nimi (`person`,
    `deputy`, `series` …) tai `maininta` tekstissä olevalle `[[tunniste]]`-viittaukselle."""


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
    """Kohteen tiedot sellaisinaan (tekstin `[[tunniste]]`-viittaukset ovat mukana)."""
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
                id=i, name=entity.display_name, url=page_url(graph, config, i),
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


def page_url(graph: Graph, config: SiteConfig, entity_id: str) -> str:
    """The absolute address of an entity's page (directory URLs, as MkDocs builds them)."""
    path = entity_path(graph, entity_id).removesuffix(".md")
    return config.site_url.rstrip("/") + "/" + path + "/"


# --- Popolo ---------------------------------------------------------------------------


class OtherName(Out):
    name: str
    """Vaihtoehtoinen nimi, esim. lyhenne."""
    note: str
    """Mikä nimi on (`lyhenne`)."""


class PopoloLink(Out):
    url: str
    """Osoite."""
    note: str
    """Mikä linkki on (`verkkosivut`, `tietopankki`)."""


class Organization(Out):
    """An organisation or a committee (Popolo Organization)."""

    id: str
    name: str
    classification: str
    """Organisaation tai toimielimen laji (`ministeriö`, `neuvottelukunta`, …)."""
    other_names: list[OtherName] = []
    parent_id: str | None = None
    """Yläorganisaatio tai ylempi toimielin."""
    founding_date: str | None = None
    """Toimikauden alku tai asettamispäivä (ISO 8601)."""
    dissolution_date: str | None = None
    """Toimikauden loppu (ISO 8601)."""
    status: Literal["voimassa", "luonnos", "päättynyt"] | None = None
    """Laajennus: toimielimen tila."""
    links: list[PopoloLink] = []


class PopoloPerson(Out):
    """A person in a public role (Popolo Person). No contact details are published."""

    id: str
    name: str
    sort_name: str
    """Lajittelunimi (sukunimi ensin)."""
    links: list[PopoloLink] = []


class Post(Out):
    """A seat on a committee (Popolo Post)."""

    id: str
    """`toimielin/paikka`."""
    organization_id: str
    label: str
    """Edustettu organisaatio tai ryhmä."""
    role: str
    """Paikan rooli (`jäsen`, `puheenjohtaja`, …)."""
    on_behalf_of_id: str | None = None
    """Laajennus: edustettu organisaatio."""
    seats: int = Field(ge=1)
    """Laajennus: paikkojen määrä."""
    max_seats: bool = False
    """Laajennus: `true`, jos `seats` on enimmäismäärä."""
    vacant: int = Field(ge=0)
    """Laajennus: täyttämättömät paikat rakennuspäivänä."""


class Membership(Out):
    """A person's membership of an organization (Popolo Membership)."""

    id: str
    person_id: str
    organization_id: str
    role: str
    """Rooli: `puheenjohtaja`, `jäsen`, `henkilökohtainen varajäsen`, … tai nimike."""
    post_id: str | None = None
    """Paikka, jolla jäsen on."""
    on_behalf_of_id: str | None = None
    """Organisaatio, jota jäsen edustaa."""
    start_date: str | None = None
    end_date: str | None = None
    deputy_id: str | None = None
    """Laajennus: henkilökohtaisen varajäsenen tunniste."""
    deputy_of_id: str | None = None
    """Laajennus: varsinaisen jäsenen tunniste (varajäsenen jäsenyydessä)."""


class Event(Out):
    """A meeting (Popolo Event)."""

    id: str
    name: str
    classification: Literal["kokous"] = "kokous"
    organization_id: str
    """Toimielin tai verkosto, jonka kokous on."""
    start_date: str
    """ISO 8601: `2025-03-24T12:00:00+02:00`, `2025-03-24` tai `2025-06`."""
    end_date: str | None = None
    status: Literal["suunniteltu", "pidetty", "peruttu"]
    location: str | None = None
    """Paikka tai etäyhteyden palvelu."""
    speaker_ids: list[str] = []
    """Laajennus: ohjelman puhujat."""
    links: list[PopoloLink] = []


class PopoloExport(Out):
    """Yhdyspintaverkoston toimielimet, jäsenyydet ja kokoukset Popolo-muodossa."""

    organizations: list[Organization]
    persons: list[PopoloPerson]
    posts: list[Post]
    memberships: list[Membership]
    events: list[Event]


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def popolo_export(graph: Graph, config: SiteConfig, today: dt.date) -> PopoloExport:
    organizations: list[Organization] = []
    posts: list[Post] = []
    memberships: list[Membership] = []
    for body_id, body in sorted(graph.bodies.items()):
        organizations.append(Organization(
            id=body_id, name=body.name, classification=body.type,
            other_names=_abbreviation(body.abbreviation), parent_id=body.parent,
            links=_links(graph, config, body_id, body.website),
        ))
    for committee_id, committee in sorted(graph.committees.items()):
        term = committee.term
        organizations.append(Organization(
            id=committee_id, name=committee.name, classification=committee.type,
            other_names=_abbreviation(committee.abbreviation), parent_id=committee.parent,
            founding_date=_iso(term.start if term else committee.appointed_on),
            dissolution_date=_iso(term.end if term else None), status=committee.status,
            links=_links(graph, config, committee_id, committee.website),
        ))
        vacant: dict[str, int] = {}
        for row in queries.seat_rows(committee, today):
            vacant[row.seat.id] = vacant.get(row.seat.id, 0) + (row.member is None)
        for seat in committee.seats:
            posts.append(Post(
                id=f"{committee_id}/{seat.id}", organization_id=committee_id,
                label=graph.name(seat.organisation) if seat.organisation else seat.group or "",
                role=seat.role, on_behalf_of_id=seat.organisation, seats=seat.count,
                max_seats=seat.max_count, vacant=vacant.get(seat.id, 0),
            ))
        seat_ids = {s.id for s in committee.seats}
        for index, member in enumerate(committee.members):
            held = queries.seat_by_id(committee, member.seat)
            start, end = queries.member_term(committee, member)
            common = {
                "organization_id": committee_id,
                "post_id": f"{committee_id}/{member.seat}" if member.seat in seat_ids else None,
                "on_behalf_of_id": held.organisation if held else None,
                "start_date": _iso(start), "end_date": _iso(end),
            }
            memberships.append(Membership(
                id=f"{committee_id}/{index}", person_id=member.person, role=member.role,
                deputy_id=member.deputy, **common,
            ))
            if member.deputy:
                memberships.append(Membership(
                    id=f"{committee_id}/{index}/varajasen", person_id=member.deputy,
                    role=queries.DEPUTY_ROLE, deputy_of_id=member.person, **common,
                ))
    persons = []
    for person_id, person in sorted(graph.people.items()):
        persons.append(PopoloPerson(
            id=person_id, name=person.name, sort_name=queries.sort_name(graph, person_id),
            links=_links(graph, config, person_id, None),
        ))
        if person.organisation:
            memberships.append(Membership(
                id=f"{person_id}/organisaatio", person_id=person_id,
                organization_id=person.organisation, role=person.title or "",
            ))
    events = [_event(graph, config, i, m) for i, m in sorted(graph.meetings.items())]
    return PopoloExport(organizations=organizations, persons=persons, posts=posts,
                        memberships=memberships, events=events)


def _abbreviation(abbreviation: str | None) -> list[OtherName]:
    return [OtherName(name=abbreviation, note="lyhenne")] if abbreviation else []


def _links(graph: Graph, config: SiteConfig, entity_id: str, website: str | None
           ) -> list[PopoloLink]:
    links = [PopoloLink(url=page_url(graph, config, entity_id), note="tietopankki")]
    if website:
        links.append(PopoloLink(url=website, note="verkkosivut"))
    return links


def _event(graph: Graph, config: SiteConfig, meeting_id: str, meeting: Meeting) -> Event:
    start: str
    end: str | None = None
    if meeting.date is None:
        start = meeting.month or ""
    elif meeting.start is None:
        start = meeting.date.isoformat()
    else:
        start = dt.datetime.combine(meeting.date, meeting.start, HELSINKI).isoformat()
        if meeting.end is not None:
            end = dt.datetime.combine(meeting.date, meeting.end, HELSINKI).isoformat()
    speakers = sorted({s for item in meeting.programme for s in item.speakers})
    location = meeting.place or meeting.online_platform
    links = [PopoloLink(url=page_url(graph, config, meeting_id), note="tietopankki")]
    links += [PopoloLink(url=m.url, note=m.title) for m in meeting.materials]
    return Event(id=meeting_id, name=meeting.title, organization_id=meeting.series,
                 start_date=start, end_date=end, status=meeting.status, location=location,
                 speaker_ids=speakers, links=links)


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
