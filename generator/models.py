"""Typed, validated content model: one pydantic model per kind of entity.

Every field carries a docstring; the JSON Schema editors get in VS Code is derived from
these models (see ``schema.py``), never written by hand. Models are frozen: once loaded,
content is read-only for every later stage.

References to other entities are plain id strings annotated with :class:`Ref`, which names
the kinds they may point to. The resolver walks the annotations to check them, so adding a
reference field needs no change anywhere else.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG = re.compile(SLUG_PATTERN)


@dataclass(frozen=True)
class Ref:
    """Marks a string field as a reference to an entity of one of ``kinds``."""

    kinds: tuple[str, ...]


@dataclass(frozen=True)
class MarkdownText:
    """Marks a string field as Markdown that may mention entities as ``[[id]]``."""


def _check_slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(
            f"tunnisteen pitää olla pienaakkosia a–z, numeroita ja väliviivoja: {value!r}"
        )
    return value


_URL_FORBIDDEN = re.compile(r"[\s\"'<>`\\{}|^]")


def _check_https(value: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc:
        raise ValueError(f"linkin pitää olla muotoa https://…, ei {value!r}")
    bad = _URL_FORBIDDEN.search(value)
    if bad:  # characters that have no place in a URL (RFC 3986) and could break markup
        raise ValueError(f"linkissä on merkki {bad.group()!r}, joka ei kuulu osoitteeseen: "
                         f"{value!r}")
    return value


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _check_partial_date(value: str) -> str:
    match = _PARTIAL_DATE.match(value)
    if not match:
        raise ValueError(f"päivämäärä muodossa VVVV, VVVV-KK tai VVVV-KK-PP, ei {value!r}")
    year, month, day = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise ValueError(f"virheellinen päivämäärä {value!r}") from exc
    return value


def _check_month(value: str) -> str:
    if not re.match(r"^\d{4}-(0[1-9]|1[0-2])$", value):
        raise ValueError(f"kuukausi muodossa VVVV-KK, ei {value!r}")
    return value


Slug = Annotated[str, AfterValidator(_check_slug)]
HttpsUrl = Annotated[str, AfterValidator(_check_https)]
PartialDate = Annotated[str, AfterValidator(_check_partial_date)]
Month = Annotated[str, AfterValidator(_check_month)]
Markdown = Annotated[str, MarkdownText()]
Text = Annotated[str, Field(min_length=1)]

BodyRef = Annotated[str, AfterValidator(_check_slug), Ref(("body",))]
PersonRef = Annotated[str, AfterValidator(_check_slug), Ref(("person",))]
LawRef = Annotated[str, AfterValidator(_check_slug), Ref(("law",))]
CommitteeRef = Annotated[str, AfterValidator(_check_slug), Ref(("committee",))]
ActorRef = Annotated[str, AfterValidator(_check_slug), Ref(("body", "committee"))]
AnyRef = Annotated[
    str,
    AfterValidator(_check_slug),
    Ref(("law", "body", "person", "committee", "process", "meeting", "topic")),
]


class Strict(BaseModel):
    """Base of every model: frozen, unknown keys rejected, docstrings become descriptions."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        use_attribute_docstrings=True,
        str_strip_whitespace=True,
    )


class Source(Strict):
    """Where a fact comes from: a seed document and its slide or heading, or a public URL."""

    document: str | None = Field(default=None, pattern=r"^\d{3}_[0-9a-f]{16}\.txt$")
    """Lähdeaineiston tiedosto kansiossa shared/seeds, esim. `000_29a47eed100e93b4.txt`."""
    location: str | None = None
    """Kohta lähteessä: dian otsikko, luku tai sivu."""
    url: HttpsUrl | None = None
    """Julkinen lähde, esim. Finlexin säädössivu."""

    @model_validator(mode="after")
    def _one_origin(self) -> Source:
        if not self.document and not self.url:
            raise ValueError("lähteellä pitää olla `document` tai `url`")
        return self


class Link(Strict):
    """A titled external link (material, website)."""

    title: Text
    """Linkin teksti."""
    url: HttpsUrl
    """Osoite (https://…)."""


class LegalRef(Strict):
    """A reference to a law, optionally to one of its listed sections."""

    law: LawRef
    """Säädöksen tunniste, esim. `laki-380-2023`."""
    section: str | None = Field(default=None, pattern=r"^\d+(?: ?[a-z])?$")
    """Pykälän numero, esim. `22` tai `3 a`; pykälän pitää olla säädöksen `sections`-listassa."""
    note: str | None = None
    """Lyhyt tarkennus, mitä kohta koskee."""


class Entity(Strict):
    """Fields every entity has."""

    sources: list[Source] = Field(min_length=1)
    """Mistä tiedot ovat peräisin (vähintään yksi lähde)."""
    updated: dt.date | None = None
    """Sisällön tarkistuspäivä, jos se halutaan näyttää erikseen."""

    @property
    def display_name(self) -> str:
        """The name shown in links and headings."""
        raise NotImplementedError


# --- law -----------------------------------------------------------------------------


class LawSection(Strict):
    """One section (pykälä) of a statute that the site refers to."""

    number: str = Field(pattern=r"^\d+(?: ?[a-z])?$")
    """Pykälän numero, esim. `22` tai `3 a`."""
    chapter: int | None = Field(default=None, ge=1)
    """Luvun numero, jos säädös on jaettu lukuihin."""
    title: Text
    """Pykälän otsikko."""
    summary: Markdown | None = None
    """Pykälän sisältö lyhyesti."""


LawType = Literal["laki", "valtioneuvoston asetus", "ministeriön asetus", "EU-asetus", "direktiivi"]


class Law(Entity):
    """A statute: an act (laki) or a decree (asetus)."""

    title: Text
    """Virallinen nimi, esim. *Laki työvoimapalveluiden järjestämisestä*."""
    short_name: str | None = None
    """Vakiintunut lyhyt nimi, esim. *järjestämislaki*."""
    number: str = Field(pattern=r"^\d+/\d{4}$")
    """Säädösnumero, esim. `380/2023`."""
    type: LawType
    """Säädöksen laji."""
    in_force_from: dt.date | None = None
    """Voimaantulopäivä."""
    summary: Markdown
    """Mitä säädös koskee, lyhyesti."""
    sections: list[LawSection] = []
    """Pykälät, joihin sivustolla viitataan."""

    @property
    def display_name(self) -> str:
        return self.short_name or self.title

    @model_validator(mode="after")
    def _unique_sections(self) -> Law:
        numbers = [s.number for s in self.sections]
        dupes = sorted({n for n in numbers if numbers.count(n) > 1})
        if dupes:
            raise ValueError(f"pykälä {', '.join(dupes)} on listattu useammin kuin kerran")
        return self


# --- body ----------------------------------------------------------------------------

BodyType = Literal[
    "valtioneuvosto",
    "ministeriö",
    "virasto",
    "hyvinvointialue",
    "kunta",
    "työllisyysalue",
    "järjestö",
    "yhtiö",
    "tutkimuslaitos",
    "oppilaitos",
    "toimijaryhmä",
    "muu",
]

RelationType = Literal[
    "asettaa", "ohjaa", "rahoittaa", "tukee", "koordinoi", "valvoo", "raportoi", "jäsen"
]


class Relation(Strict):
    """A typed relation from this body to another body or committee."""

    type: RelationType
    """Suhteen laji: asettaa, ohjaa, rahoittaa, tukee, koordinoi, valvoo, raportoi, jäsen."""
    target: ActorRef
    """Kohde: organisaation tai toimielimen tunniste."""
    note: str | None = None
    """Mitä suhde käytännössä tarkoittaa."""


class Body(Entity):
    """An organisation: ministry, agency, wellbeing services county, municipality, NGO…"""

    name: Text
    """Virallinen nimi."""
    abbreviation: str | None = None
    """Lyhenne, esim. `TEM`."""
    type: BodyType
    """Organisaation laji. `toimijaryhmä` kuvaa joukkoa (esim. kaikki hyvinvointialueet)."""
    parent: BodyRef | None = None
    """Yläorganisaatio."""
    website: HttpsUrl | None = None
    """Verkkosivut."""
    summary: Markdown | None = None
    """Mikä organisaatio on ja mitä se tekee yhdyspinnoilla."""
    relations: list[Relation] = []
    """Suhteet muihin organisaatioihin ja toimielimiin."""

    @property
    def display_name(self) -> str:
        return self.name


# --- person --------------------------------------------------------------------------


class Person(Entity):
    """A person in a public role. Personal contact details are never published."""

    name: Text
    """Etu- ja sukunimi."""
    sort_name: str | None = None
    """Lajitteluavain, jos se ei ole sukunimi (oletus: viimeinen sana)."""
    title: str | None = None
    """Virkanimike tai tehtävä."""
    organisation: BodyRef | None = None
    """Organisaatio, jossa henkilö toimii."""
    summary: Markdown | None = None
    """Lyhyt esittely julkisesta roolista."""

    @property
    def display_name(self) -> str:
        return self.name


# --- committee -----------------------------------------------------------------------

CommitteeType = Literal[
    "neuvottelukunta", "jaosto", "alajaosto", "verkosto", "johtoryhmä", "sihteeristö", "tiimi"
]
CommitteeStatus = Literal["voimassa", "luonnos", "päättynyt"]
MemberRole = Literal[
    "puheenjohtaja", "varapuheenjohtaja", "sihteeri", "pääsihteeri", "jäsen", "asiantuntija"
]


class Term(Strict):
    """A term of office."""

    start: dt.date
    """Alkupäivä."""
    end: dt.date | None = None
    """Päättymispäivä (tyhjä: toistaiseksi)."""

    @model_validator(mode="after")
    def _ordered(self) -> Term:
        if self.end is not None and self.end < self.start:
            raise ValueError("toimikausi päättyy ennen kuin alkaa")
        return self


class Seat(Strict):
    """A seat on a committee: who is represented, how many places, in what role.

    Seats exist apart from people, so a seat without a holder shows as vacant.
    """

    id: Slug
    """Paikan tunniste toimielimen sisällä, esim. `tem`."""
    organisation: BodyRef | None = None
    """Edustettu organisaatio."""
    group: str | None = None
    """Edustettu taho sanallisesti, kun se ei ole yksi organisaatio."""
    count: int = Field(default=1, ge=1)
    """Paikkojen määrä."""
    max_count: bool = False
    """`true`, jos `count` on enimmäismäärä (”enintään 8”)."""
    role: MemberRole = "jäsen"
    """Paikan rooli."""
    note: str | None = None
    """Tarkennus."""

    @model_validator(mode="after")
    def _has_holder_kind(self) -> Seat:
        if not self.organisation and not self.group:
            raise ValueError("paikalla pitää olla `organisation` tai `group`")
        return self


class Member(Strict):
    """A person holding a seat (or a role) on a committee, with an optional personal deputy."""

    person: PersonRef
    """Henkilön tunniste."""
    role: MemberRole = "jäsen"
    """Rooli toimielimessä."""
    seat: Slug | None = None
    """Paikan tunniste saman toimielimen `seats`-listasta."""
    deputy: PersonRef | None = None
    """Henkilökohtainen varajäsen."""
    start: dt.date | None = None
    """Jäsenyyden alku (oletus: toimikauden alku)."""
    end: dt.date | None = None
    """Jäsenyyden loppu (oletus: toimikauden loppu)."""
    note: str | None = None
    """Tarkennus."""

    @model_validator(mode="after")
    def _ordered(self) -> Member:
        if self.start and self.end and self.end < self.start:
            raise ValueError("jäsenyys päättyy ennen kuin alkaa")
        if self.deputy is not None and self.deputy == self.person:
            raise ValueError("henkilö ei voi olla oma varajäsenensä")
        return self


class Milestone(Strict):
    """A dated or month-dated event in a committee's rhythm."""

    date: PartialDate
    """`VVVV-KK-PP`, `VVVV-KK` tai `VVVV`."""
    end: PartialDate | None = None
    """Jakson loppu, jos virstanpylväs on jakso (esim. `2026-12`)."""
    title: Text
    """Mitä tapahtuu."""
    description: Markdown | None = None
    """Tarkennus."""


class Committee(Entity):
    """A committee, sub-committee, secretariat, network or team."""

    name: Text
    """Virallinen nimi."""
    abbreviation: str | None = None
    """Lyhenne, esim. `TyöNVK`."""
    type: CommitteeType
    """Toimielimen laji."""
    status: CommitteeStatus = "voimassa"
    """`voimassa`, `luonnos` tai `päättynyt`."""
    parent: CommitteeRef | None = None
    """Ylempi toimielin (jaoston neuvottelukunta)."""
    appointed_by: BodyRef | None = None
    """Asettaja."""
    appointed_on: dt.date | None = None
    """Asettamispäivä."""
    term: Term | None = None
    """Toimikausi."""
    legal_basis: list[LegalRef] = []
    """Säädösperusta."""
    summary: Markdown
    """Mikä toimielin on, lyhyesti."""
    description: Markdown | None = None
    """Pidempi kuvaus (tarkoitus, kenelle avoin, miten mukaan)."""
    tasks: list[Markdown] = []
    """Tehtävät."""
    goals: list[Markdown] = []
    """Tavoitteet."""
    website: HttpsUrl | None = None
    """Verkkosivut."""
    seats: list[Seat] = []
    """Paikat: edustetut tahot ja paikkamäärät."""
    members: list[Member] = []
    """Jäsenet ja muut roolit."""
    vacancy_note: str | None = None
    """Miksi paikkoja on avoinna, kun syy tiedetään (esim. jäseniä ei ole nimetty
    lähdeaineistossa). Näkyy jäsentaulukon yhteydessä; kun syy on kerrottu, täyttämättömistä
    paikoista ei varoiteta."""
    milestones: list[Milestone] = []
    """Toimikauden rytmi ja virstanpylväät."""
    links: list[Link] = []
    """Lisätietoa muualla."""
    relations: list[Relation] = []
    """Toimielimen suhteet organisaatioihin ja toimielimiin, esim. `tukee` TEM:iä tai
    `raportoi` valtioneuvostolle."""

    @property
    def display_name(self) -> str:
        return self.name

    @model_validator(mode="after")
    def _unique_seats(self) -> Committee:
        ids = [s.id for s in self.seats]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"paikka {', '.join(dupes)} on määritelty useammin kuin kerran")
        return self


# --- process -------------------------------------------------------------------------


class TargetGroup(Strict):
    """Who a process is for."""

    name: Text
    """Kohderyhmän nimi."""
    criteria: list[Markdown] = []
    """Ehdot, joiden täyttyessä henkilö kuuluu kohderyhmään."""


class Transition(Strict):
    """An arrow from one phase to the next, optionally labelled (e.g. *Kyllä* / *Ei*)."""

    to: Slug
    """Seuraavan vaiheen tunniste saman prosessin vaiheista, tai `loppu`."""
    label: str | None = None
    """Ehto tai haaran nimi."""


class Phase(Strict):
    """A phase or a decision point of a process."""

    id: Slug
    """Vaiheen tunniste prosessin sisällä."""
    name: Text
    """Vaiheen nimi tai päätöskohdan kysymys."""
    kind: Literal["vaihe", "päätös"] = "vaihe"
    """`vaihe` tai `päätös` (kysymys, jonka haarat nimetään `next`-listassa)."""
    actors: list[ActorRef] = []
    """Vastuutahot."""
    joint: bool = False
    """`true`, kun vastuutahot tekevät vaiheen yhdessä."""
    description: Markdown | None = None
    """Mitä vaiheessa tehdään."""
    duration: str | None = None
    """Kesto, esim. `3 kk`."""
    review_interval: str | None = None
    """Tarkistusväli, esim. `vähintään 3 kk välein`."""
    deadline: str | None = None
    """Määräaika, esim. `2 viikon kuluessa`."""
    legal_basis: list[LegalRef] = []
    """Vaiheen säädösperusta."""
    next: list[Transition] = []
    """Seuraavat vaiheet. Tyhjä: prosessin viimeinen vaihe."""


class Process(Entity):
    """A process: who does what, in which order, on what legal basis."""

    name: Text
    """Prosessin nimi."""
    abbreviation: str | None = None
    """Lyhenne, esim. `TYP`."""
    summary: Markdown
    """Mistä prosessissa on kyse."""
    description: Markdown | None = None
    """Pidempi kuvaus."""
    validity: Markdown
    """Voimassaolohuomautus: mitä tieto koskee ja milloin (esim. ennen TE24-uudistusta)."""
    owner: BodyRef | None = None
    """Organisaatio, jonka toimintamalli tämä on (alueellinen malli)."""
    legal_basis: list[LegalRef] = []
    """Säädösperusta."""
    target_groups: list[TargetGroup] = []
    """Kohderyhmät."""
    phases: list[Phase] = Field(min_length=1)
    """Vaiheet ja päätöskohdat. Ensimmäinen vaihe on prosessin alku."""
    related: list[AnyRef] = []
    """Muut aiheeseen liittyvät sivut."""

    @property
    def display_name(self) -> str:
        return self.name

    @model_validator(mode="after")
    def _phase_graph(self) -> Process:
        ids = [p.id for p in self.phases]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"vaihe {', '.join(dupes)} on määritelty useammin kuin kerran")
        return self


# --- meeting -------------------------------------------------------------------------

MeetingStatus = Literal["suunniteltu", "pidetty", "peruttu"]


def _naive_time(value: dt.time) -> dt.time:
    if value.tzinfo is not None:
        raise ValueError(
            "anna kellonaika ilman aikavyöhykettä (`HH:MM`); ajat ovat aina Suomen aikaa"
        )
    return value


LocalTime = Annotated[dt.time, AfterValidator(_naive_time)]
"""A wall-clock time ``HH:MM`` in Europe/Helsinki, without an offset."""


def _end_after_start(end: dt.time | None, info: ValidationInfo, subject: str) -> dt.time | None:
    """Shared check of ``end`` against the already validated ``start`` (error at ``end``)."""
    if end is None or "start" not in info.data:  # start itself invalid: reported already
        return end
    start = info.data["start"]
    if start is None:
        raise ValueError("päättymisaika ilman alkamisaikaa: lisää `start`")
    if end <= start:
        raise ValueError(f"{subject} päättyy ennen kuin alkaa (`end` ennen `start`)")
    return end


class ProgrammeItem(Strict):
    """One slot of a meeting's programme."""

    start: LocalTime | None = None
    """Alkamisaika `HH:MM` Suomen aikaa (kokouksen päivänä, kokouksen ajan sisällä)."""
    end: LocalTime | None = None
    """Päättymisaika `HH:MM` Suomen aikaa; myöhemmin kuin `start`."""
    title: Text
    """Ohjelmakohdan otsikko."""
    speakers: list[PersonRef] = []
    """Puhujat (henkilöiden tunnisteet)."""
    summary: Markdown | None = None
    """Kuvaus."""

    @field_validator("end")
    @classmethod
    def _ordered(cls, end: dt.time | None, info: ValidationInfo) -> dt.time | None:
        return _end_after_start(end, info, "ohjelmakohta")


class Meeting(Entity):
    """A meeting of the network or of a committee.

    Times are naive wall-clock times in Europe/Helsinki: the calendar feeds carry them with
    ``TZID=Europe/Helsinki``, so summer and winter time are handled by the reader's calendar.
    """

    series: CommitteeRef
    """Toimielin tai verkosto, jonka kokous tämä on."""
    title: Text
    """Kokouksen otsikko."""
    date: dt.date | None = None
    """Päivä `VVVV-KK-PP`. Ilman kellonaikaa kokous on kalentereissa koko päivän tapahtuma."""
    month: Month | None = None
    """Vain kuukausi `VVVV-KK`, kun päivää ei vielä tiedetä (ei tule kalenterisyötteisiin)."""
    start: LocalTime | None = None
    """Alkamisaika `HH:MM` Suomen aikaa (Europe/Helsinki) ilman aikavyöhykettä; kesä- ja
    talviaika huomioidaan automaattisesti. Vaatii `date`-kentän."""
    end: LocalTime | None = None
    """Päättymisaika `HH:MM` Suomen aikaa (Europe/Helsinki); myöhemmin kuin `start`."""
    status: MeetingStatus = "suunniteltu"
    """`suunniteltu`, `pidetty` tai `peruttu`. Peruttu kokous jää sivuille ja kalentereihin
    merkinnällä *Peruttu*; kasvata samalla `sequence`-kenttää."""
    format: Literal["paikan päällä", "etäkokous", "hybridi", "sähköpostikokous"] | None = None
    """Kokousmuoto."""
    place: str | None = None
    """Paikka (osoite tai tila)."""
    online: HttpsUrl | None = None
    """Etäyhteyden linkki."""
    online_platform: str | None = None
    """Etäyhteyden palvelu, esim. `Teams`."""
    sequence: int = Field(default=0, ge=0)
    """Muutosnumero kalentereille (iCalendarin SEQUENCE): kasvata yhdellä aina, kun julkaistun
    kokouksen aika, paikka tai tila muuttuu, jotta tilanneiden kalenterit päivittyvät.
    Peruttu kokous tarvitsee vähintään arvon 1 (peruminen on muutos)."""
    summary: Markdown | None = None
    """Kokouksen kuvaus."""
    programme: list[ProgrammeItem] = []
    """Ohjelma aikajärjestyksessä."""
    materials: list[Link] = []
    """Materiaalit."""

    @field_validator("month")
    @classmethod
    def _date_or_month(cls, month: str | None, info: ValidationInfo) -> str | None:
        if month is not None and info.data.get("date") is not None:
            raise ValueError("anna joko `date` tai `month`, ei molempia")
        return month

    @field_validator("start")
    @classmethod
    def _time_needs_date(cls, start: dt.time | None, info: ValidationInfo) -> dt.time | None:
        if start is not None and "date" in info.data and info.data["date"] is None:
            raise ValueError("kellonaika ilman päivämäärää: lisää `date`")
        return start

    @field_validator("end")
    @classmethod
    def _ordered(cls, end: dt.time | None, info: ValidationInfo) -> dt.time | None:
        return _end_after_start(end, info, "kokous")

    @property
    def display_name(self) -> str:
        return self.title

    @model_validator(mode="after")
    def _when(self) -> Meeting:
        # Field validators above report the other timing mistakes at their own lines.
        if not self.date and not self.month:
            raise ValueError(
                "kokouksella pitää olla `date` (tai `month`, jos päivä ei ole tiedossa)"
            )
        return self


# --- topic ---------------------------------------------------------------------------

TopicType = Literal[
    "hyvä käytäntö", "tutkimus", "käsite", "työkalu", "palvelu", "kysely", "sopimus", "yleinen"
]


class Table(Strict):
    """A real table with column headers (e.g. an assessment matrix)."""

    caption: Text
    """Taulukon otsikko."""
    columns: list[Text] = Field(min_length=1)
    """Sarakeotsikot."""
    rows: list[list[str]] = []
    """Rivit; ensimmäinen solu on riviotsikko."""

    @model_validator(mode="after")
    def _rectangular(self) -> Table:
        for index, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise ValueError(
                    f"rivillä {index} on {len(row)} solua, sarakkeita on {len(self.columns)}"
                )
        return self


class TopicSection(Strict):
    """A titled part of a topic page, with text, a list and/or a table."""

    title: Text
    """Väliotsikko."""
    text: Markdown | None = None
    """Teksti."""
    items: list[Markdown] = []
    """Luettelo."""
    table: Table | None = None
    """Taulukko."""


class Topic(Entity):
    """Knowledge beyond the other kinds: good practices, research, concepts, tools."""

    title: Text
    """Otsikko."""
    type: TopicType = "yleinen"
    """Aiheen laji."""
    summary: Markdown
    """Tiivistelmä."""
    sections: list[TopicSection] = []
    """Sisältö osioittain."""
    related: list[AnyRef] = []
    """Liittyvät sivut."""
    links: list[Link] = []
    """Lisätietoa muualla."""

    @property
    def display_name(self) -> str:
        return self.title


# --- registry ------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """One kind of entity: its key, content folder, model and Finnish labels."""

    key: str
    folder: str
    model: type[Entity]
    singular: str
    plural: str
    url_dir: str


KINDS: tuple[Kind, ...] = (
    Kind("law", "laws", Law, "Säädös", "Lait ja asetukset", "lait"),
    Kind("body", "bodies", Body, "Organisaatio", "Organisaatiot", "organisaatiot"),
    Kind("person", "people", Person, "Henkilö", "Henkilöt", "henkilot"),
    Kind("committee", "committees", Committee, "Toimielin", "Toimielimet", "toimielimet"),
    Kind("process", "processes", Process, "Prosessi", "Prosessit", "prosessit"),
    Kind("meeting", "meetings", Meeting, "Kokous", "Kokoukset", "kokoukset"),
    Kind("topic", "topics", Topic, "Aihe", "Aiheet", "aiheet"),
)
KINDS_BY_KEY: dict[str, Kind] = {k.key: k for k in KINDS}
KINDS_BY_FOLDER: dict[str, Kind] = {k.folder: k for k in KINDS}


def ref_kinds(metadata: list[Any]) -> tuple[str, ...] | None:
    """The kinds a field's annotation metadata allows it to reference, if it is a reference."""
    for item in metadata:
        if isinstance(item, Ref):
            return item.kinds
    return None
