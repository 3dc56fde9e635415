"""Committees in the Popolo shape (``data/popolo.json``): organizations (bodies and
committees), persons, posts (seats), memberships (role, seat, term, personal deputy) and
events (meetings), after https://www.popoloproject.com/specs/ with a few documented
extensions."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from ..core.clock import HELSINKI
from ..core.models import (
    CommitteeStatus,
    Meeting,
    MeetingStatus,
    Relation,
)
from ..core.relation_types import RELATION_TYPES
from ..domain import membership, queries
from ..domain.seats import unfilled_places
from ..graph import Graph
from ..site.output import SiteConfig
from ..site.paths import entity_url
from .base import Out


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


class OrganizationRelation(Out):
    """Laajennus: a typed relation of an organization (see `relation_types` of the graph
    export for the labels)."""

    type: str
    """Suhteen laji, esim. `ohjaa`, `toteuttaa`, `nimittää`."""
    verb: str
    """Suhde luettuna: organisaatio + verbi + kohde."""
    target_id: str
    """Kohteen tunniste: organisaatio tai aihe (aiheet eivät ole Popolo-viennissä)."""
    target_url: str
    """Kohteen sivu tietopankissa."""
    note: str | None = None
    """Tarkennus, esim. nimitettävät roolit."""


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
    status: CommitteeStatus | None = None
    """Laajennus: toimielimen tila."""
    expected: str | None = None
    """Laajennus: arvioitu asettamisajankohta (`VVVV-KK`), kun toimielin on valmisteilla."""
    links: list[PopoloLink] = []
    relations: list[OrganizationRelation] = []
    """Laajennus: organisaation suhteet muihin organisaatioihin, toimielimiin ja aiheisiin."""


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
    """Laajennus: paikat, jotka lähde kertoo avoimiksi (rakennuspäivänä)."""
    unnamed: int = Field(ge=0)
    """Laajennus: paikat, joiden jäsentä lähteet eivät nimeä (rakennuspäivänä). Tuntematon
    ei ole avoin: näitä paikkoja ei pidä lukea vapaiksi."""


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
    status: MeetingStatus
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
            relations=_relations(graph, config, body.relations),
        ))
    for committee_id, committee in sorted(graph.committees.items()):
        term = committee.term
        organizations.append(Organization(
            id=committee_id, name=committee.name, classification=committee.type,
            other_names=_abbreviation(committee.abbreviation), parent_id=committee.parent,
            founding_date=_iso(term.start if term else committee.appointed_on),
            dissolution_date=_iso(term.end if term else None), status=committee.status,
            expected=committee.expected,
            links=_links(graph, config, committee_id, committee.website),
            relations=_relations(graph, config, committee.relations),
        ))
        rows = membership.seat_rows(committee, today)
        for seat in committee.seats:
            vacant, unnamed = unfilled_places(rows, seat.id)
            posts.append(Post(
                id=f"{committee_id}/{seat.id}", organization_id=committee_id,
                label=graph.name(seat.organisation) if seat.organisation else seat.group or "",
                role=seat.role, on_behalf_of_id=seat.organisation, seats=seat.count,
                max_seats=seat.max_count, vacant=vacant, unnamed=unnamed,
            ))
        seat_ids = {s.id for s in committee.seats}
        for index, member in enumerate(committee.members):
            held = committee.seat_by_id(member.seat)
            start, end = committee.term_of(member)
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
                    role=membership.DEPUTY_ROLE, deputy_of_id=member.person, **common,
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


def _relations(graph: Graph, config: SiteConfig, relations: list[Relation]
               ) -> list[OrganizationRelation]:
    return [OrganizationRelation(type=r.type, verb=RELATION_TYPES[r.type].verb,
                                 target_id=r.target,
                                 target_url=entity_url(config.site_url, graph, r.target),
                                 note=r.note)
            for r in relations if r.target in graph]


def _links(graph: Graph, config: SiteConfig, entity_id: str, website: str | None
           ) -> list[PopoloLink]:
    links = [PopoloLink(url=entity_url(config.site_url, graph, entity_id), note="tietopankki")]
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
    links = [PopoloLink(url=entity_url(config.site_url, graph, meeting_id), note="tietopankki")]
    links += [PopoloLink(url=m.url, note=m.title) for m in meeting.materials]
    return Event(id=meeting_id, name=meeting.title, organization_id=meeting.series,
                 start_date=start, end_date=end, status=meeting.status, location=location,
                 speaker_ids=speakers, links=links)


