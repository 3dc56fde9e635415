"""Typed, validated content model: one pydantic model per kind of entity.

One thing, so one module despite its length: the content schema. Every field here is a
field editors write and the JSON Schema shows them; splitting it would split the schema.

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
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .. import fi
from . import relation_types
from .formats import (
    LAW_NUMBER_PATTERN,
    NAME_MAX,
    PERSON_FIELD_MAX,
    SECTION_PATTERN,
    SEED_DOCUMENT_PATTERN,
    SHORT_MAX,
    FieldError,
    MaxLength,
    check_https,
    check_month,
    check_partial_date,
    check_site_path,
    check_slug,
    parse_day,
    parse_time,
)


@dataclass(frozen=True)
class Ref:
    """Marks a string field as a reference to an entity of one of ``kinds``."""

    kinds: tuple[str, ...]


@dataclass(frozen=True)
class MarkdownText:
    """Marks a string field as Markdown that may mention entities as ``[[id]]``."""


MENTION = re.compile(r"\[\[([^\[\]\n]*)\]\]")
"""An ``[[id]]`` mention in a Markdown text; group 1 is the id as written (strip it)."""
NETWORK_ID = "yhdyspintaverkosto"
"""The network's own committee: the home page and the handout pack introduce it first."""
END_PHASE = "loppu"
"""The target of a phase transition that ends its process (``next: [{to: loppu}]``)."""


Slug = Annotated[str, AfterValidator(check_slug)]
HttpsUrl = Annotated[str, AfterValidator(check_https)]
PartialDate = Annotated[str, AfterValidator(check_partial_date)]
Month = Annotated[str, AfterValidator(check_month)]
Markdown = Annotated[str, MarkdownText()]
Text = Annotated[str, Field(min_length=1), MaxLength(NAME_MAX)]
"""A name or title: one line, a heading on pages and printouts."""
Short = Annotated[str, MaxLength(SHORT_MAX)]
Day = Annotated[dt.date, BeforeValidator(parse_day)]
"""A date ``VVVV-KK-PP``."""

BodyRef = Annotated[str, AfterValidator(check_slug), Ref(("body",))]
PersonRef = Annotated[str, AfterValidator(check_slug), Ref(("person",))]
LawRef = Annotated[str, AfterValidator(check_slug), Ref(("law",))]
CommitteeRef = Annotated[str, AfterValidator(check_slug), Ref(("committee",))]
ActorRef = Annotated[str, AfterValidator(check_slug), Ref(("body", "committee"))]
RelationTargetRef = Annotated[str, AfterValidator(check_slug),
                              Ref(("body", "committee", "topic"))]
"""A relation's target; which of these kinds fits depends on the relation's type."""
AnyRef = Annotated[
    str,
    AfterValidator(check_slug),
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


class Noted(Strict):
    """Base of models that may carry a note for editors only."""

    editor_note: str | None = Field(default=None, exclude=True)
    """Vain toimittajille; ei näy sivustolla. Lähdeaineiston lukemiseen liittyvät huomiot
    (tekstintunnistuksen virheet, kirjoitusasun valinta, tulkinnan perusteet), joita ei
    julkaista sivuilla, PDF-tiedostoissa, kalentereissa eikä avoimessa datassa."""


class Source(Strict):
    """Where a fact comes from: a seed document and its slide or heading, or a public URL."""

    document: str | None = Field(default=None, pattern=SEED_DOCUMENT_PATTERN)
    """Lähdeaineiston tiedosto kansiossa shared/seeds, esim. `000_29a47eed100e93b4.txt`."""
    location: str | None = None
    """Kohta lähteessä: dian otsikko, luku tai sivu."""
    url: HttpsUrl | None = None
    """Julkinen lähde, esim. Finlexin säädössivu."""

    @model_validator(mode="after")
    def _one_origin(self) -> Source:
        if not self.document and not self.url:
            raise FieldError("lähteellä pitää olla `document` tai `url`",
                             hint="lisää lähteelle `url: https://…` (verkkosivu) tai "
                             "`document: …` (lähdeaineiston tiedosto)")
        return self


class Link(Strict):
    """A titled external link (material, website)."""

    title: Text
    """Linkin teksti."""
    url: HttpsUrl
    """Osoite (https://…)."""


InferredWhy = Annotated[str, Field(min_length=1), MaxLength(NAME_MAX)]
"""Why an editor inferred a fact the source does not state outright (shown as *päätelty*)."""


class Inference(Strict):
    """A fact in a text field that an editor inferred rather than read in a source."""

    fact: InferredWhy
    """Päätelty tieto lyhyesti, esim. *Pilotti alkoi keväällä 2025*."""
    why: InferredWhy
    """Mistä tieto on päätelty, esim. *esitys 24.3.2025 kuvaa käynnissä olevaa pilottia*."""


class LegalRef(Noted):
    """A reference to a law, optionally to one of its listed sections."""

    law: LawRef
    """Säädöksen tunniste, esim. `laki-380-2023`."""
    section: str | None = Field(default=None, pattern=SECTION_PATTERN)
    """Pykälän numero, esim. `22` tai `3 a`; pykälän pitää olla säädöksen `sections`-listassa."""
    note: str | None = None
    """Lyhyt tarkennus, mitä kohta koskee."""


class Entity(Noted):
    """Fields every entity has."""

    sources: list[Source] = Field(min_length=1)
    """Mistä tiedot ovat peräisin (vähintään yksi lähde)."""
    updated: Day | None = None
    """Sisällön muutospäivä, kun versionhallinta ei sitä tiedä (muuten *Päivitetty* tulee
    tiedoston viimeisimmästä commitista)."""
    reviewed: Day | None = None
    """Päivä, jona toimittaja viimeksi tarkisti tiedot lähteitä vasten (näkyy sivulla:
    *Tarkistettu lähteitä vasten 5.12.2026*). Tiedoston muutos ei tarkoita, että tiedot on
    tarkistettu; päivitä tämä vain, kun olet verrannut tietoja lähteisiin."""
    formerly: list[Annotated[str, AfterValidator(check_site_path)]] = []
    """Sivun aiemmat osoitteet, kun asia on siirtynyt (esim. toiseen kansioon):
    `[prosessit/palkkatuki]`. Vanhaan osoitteeseen tehdään ohjaussivu uuteen, jotta
    kirjanmerkit ja muualta tulevat linkit toimivat."""
    inferences: list[Inference] = []
    """Tekstikenttien tiedot, joita lähde ei kerro suoraan vaan jotka on päätelty (esim.
    vuosi kaavion luvuista). Sivu näyttää ne merkinnällä *päätelty*; muuten jätä päätelmä
    pois."""

    @property
    def display_name(self) -> str:
        """The name shown in links and headings."""
        raise NotImplementedError


def _unique(keys: list[str], field: str, key_field: str, message: Any, hint: str) -> None:
    """Refuse repeated ``keys`` of the items of list ``field``: each repeat is reported at
    its own ``key_field`` (``message(index)``), with the line of the first occurrence."""
    first: dict[str, int] = {}
    problems = []
    for index, key in enumerate(keys):
        if key in first:
            problems.append(FieldError(message(index), at=(field, index, key_field), hint=hint,
                                       first=(field, first[key], key_field)))
        else:
            first[key] = index
    if problems:
        raise FieldError.of(problems)


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_DIGIT = re.compile(r"\d")
_PHONE = re.compile(r"(?<![\w/.,:+-])(?:\+|\(?0)[\d ()-]{5,20}\d(?![\w/.,:-])")


def _refuse_contact_details(text: str) -> None:
    """Phone numbers and e-mail addresses of people are never published (CONTRIBUTING)."""
    hint = ("henkilöiden yhteystietoja (puhelinnumeroita, sähköpostiosoitteita) ei julkaista "
            "sivustolla; poista se tekstistä")
    email = _EMAIL.search(text) if "@" in text else None
    if email:
        raise FieldError(f"tekstissä on sähköpostiosoite ({email.group()})", hint=hint,
                         fragment=email.group())
    if _DIGIT.search(text) is None:  # most texts: no number at all
        return
    for phone in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", phone.group())
        if 7 <= len(digits) <= 15:
            raise FieldError(f"tekstissä on puhelinnumero ({phone.group().strip()})", hint=hint,
                             fragment=phone.group().strip())


# --- law -----------------------------------------------------------------------------


class LawSection(Noted):
    """One section (pykälä) of a statute that the site refers to."""

    number: str = Field(pattern=SECTION_PATTERN)
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
    short_name: Annotated[str, MaxLength(80)] | None = None
    """Vakiintunut lyhyt nimi, esim. *järjestämislaki*."""
    number: str = Field(pattern=LAW_NUMBER_PATTERN)
    """Säädösnumero, esim. `380/2023`."""
    type: LawType
    """Säädöksen laji."""
    in_force_from: Day | None = None
    """Voimaantulopäivä."""
    summary: Markdown
    """Mitä säädös koskee, lyhyesti."""
    sections: list[LawSection] = []
    """Pykälät, joihin sivustolla viitataan."""
    repealed_on: Day | None = None
    """Päivä, josta alkaen säädös on kumottu (kumoamisen voimaantulo), esim. `2025-01-01`.
    Merkitse vain, kun lähde (esim. Finlex) sen kertoo."""
    repealed_by: LawRef | None = None
    """Kumoava säädös (säädöksen tunniste), esim. `laki-381-2023`."""

    @property
    def display_name(self) -> str:
        return self.short_name or self.title

    def repealed(self, today: dt.date) -> bool:
        """Whether the repeal is in force on ``today``."""
        return self.repealed_on is not None and self.repealed_on <= today

    @model_validator(mode="after")
    def _repeal_has_a_date(self) -> Law:
        if self.repealed_by is not None and self.repealed_on is None:
            raise FieldError("kumoava säädös ilman kumoamispäivää", at=("repealed_by",),
                             hint="lisää `repealed_on: VVVV-KK-PP` (päivä, josta alkaen "
                             "säädös on kumottu)")
        if (self.repealed_on is not None and self.in_force_from is not None
                and self.repealed_on < self.in_force_from):
            raise FieldError("säädös kumotaan ennen kuin se tulee voimaan",
                             at=("repealed_on",), hint="tarkista `in_force_from` ja "
                             "`repealed_on`")
        return self

    @model_validator(mode="after")
    def _unique_sections(self) -> Law:
        _unique([s.number.replace(" ", "") for s in self.sections], "sections", "number",
                lambda i: f"pykälä {self.sections[i].number} on listattu useammin kuin kerran",
                "poista toinen kohta tai korjaa pykälän numero")
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

# Labels, meanings and fitting target kinds of each type: relation_types.RELATION_TYPES.
RelationType = Literal[
    "asettaa", "ohjaa", "rahoittaa", "tukee", "koordinoi", "valvoo", "raportoi", "jäsen",
    "nimittää", "alueella", "toteuttaa", "ylläpitää", "osapuoli", "hakija",
]


class Relation(Noted):
    """A typed relation from this body or committee to a body, committee or topic."""

    type: RelationType = Field(description=relation_types.schema_description())
    target: RelationTargetRef
    """Kohde: organisaation, toimielimen tai aiheen tunniste (suhteen lajin mukaan)."""
    note: str | None = None
    """Mitä suhde käytännössä tarkoittaa, esim. nimitettävät roolit tai ajankohta."""


class Body(Entity):
    """An organisation: ministry, agency, wellbeing services county, municipality, NGO…"""

    name: Text
    """Virallinen nimi."""
    abbreviation: Short | None = None
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

    name: Annotated[str, Field(min_length=1), MaxLength(100)]
    """Etu- ja sukunimi."""
    sort_name: Annotated[str, MaxLength(100)] | None = None
    """Lajitteluavain, jos se ei ole sukunimi (oletus: viimeinen sana)."""
    title: Annotated[str, MaxLength(PERSON_FIELD_MAX)] | None = None
    """Virkanimike tai tehtävä."""
    organisation: BodyRef | None = None
    """Organisaatio, jossa henkilö toimii."""
    summary: Markdown | None = None
    """Lyhyt esittely julkisesta roolista."""

    @property
    def display_name(self) -> str:
        return self.name

    @field_validator("name", "sort_name", "title", "summary")
    @classmethod
    def _no_contact_details(cls, value: str | None) -> str | None:
        if value is not None:
            _refuse_contact_details(value)
        return value


# --- committee -----------------------------------------------------------------------

CommitteeType = Literal[
    "neuvottelukunta", "jaosto", "alajaosto", "verkosto", "johtoryhmä", "sihteeristö", "tiimi"
]
CommitteeStatus = Literal["valmisteilla", "luonnos", "voimassa", "päättynyt"]
MemberRole = Literal[
    "puheenjohtaja", "varapuheenjohtaja", "sihteeri", "pääsihteeri", "jäsen", "asiantuntija"
]


class Term(Strict):
    """A term of office."""

    start: Day
    """Alkupäivä."""
    end: Day | None = None
    """Päättymispäivä (tyhjä: toistaiseksi)."""
    inferred: InferredWhy | None = None
    """Jos päivät on päätelty eikä luettu lähteestä: mistä (näkyy merkinnällä *päätelty*)."""

    @model_validator(mode="after")
    def _ordered(self) -> Term:
        if self.end is not None and self.end < self.start:
            raise FieldError(
                f"toimikausi päättyy ennen kuin alkaa (start: {self.start.isoformat()})",
                at=("end",), hint="tarkista päivämäärät: end on toimikauden viimeinen päivä, "
                "start ensimmäinen")
        return self


class Seat(Noted):
    """A seat on a committee: who is represented, how many places, in what role.

    Seats exist apart from people. A place without a holder is *not named in the sources*
    unless ``vacant`` says a source states it is vacant: unknown is not vacant.
    """

    id: Slug
    """Paikan tunniste toimielimen sisällä, esim. `tem`."""
    organisation: BodyRef | None = None
    """Edustettu organisaatio."""
    group: Annotated[str, MaxLength(NAME_MAX)] | None = None
    """Edustettu taho sanallisesti, kun se ei ole yksi organisaatio."""
    count: int = Field(default=1, ge=1)
    """Paikkojen määrä."""
    max_count: bool = False
    """`true`, jos `count` on enimmäismäärä (”enintään 8”)."""
    role: MemberRole = "jäsen"
    """Paikan rooli."""
    note: str | None = None
    """Tarkennus."""
    vacant: bool = False
    """`true` vain, kun lähde kertoo paikan (tai sen täyttämättömät paikat) olevan avoinna;
    vaatii `sources`-kentän. Ilman tätä paikka, jolle ei ole jäsentä, näkyy muodossa
    ”ei nimetty lähteissä”, ei avoimena."""
    sources: list[Source] = []
    """Lähde, joka kertoo paikan olevan avoinna (pakollinen, kun `vacant: true`)."""

    @model_validator(mode="after")
    def _has_holder_kind(self) -> Seat:
        problems = []
        if not self.organisation and not self.group:
            problems.append(FieldError(
                "paikalla pitää olla `organisation` tai `group`",
                hint="lisää `organisation: <organisaation tunniste>` tai "
                "`group: <edustettu taho sanallisesti>`"))
        if self.vacant and not self.sources:
            problems.append(FieldError(
                "avoimeksi merkityllä paikalla pitää olla lähde", at=("vacant",),
                hint="lisää paikalle `sources:` ja lähde, joka kertoo paikan olevan avoinna; "
                "jos lähde ei vain nimeä jäsentä, poista `vacant: true` (paikka näkyy "
                "muodossa ”ei nimetty lähteissä”)"))
        if problems:
            raise FieldError.of(problems)
        return self


class Member(Noted):
    """A person holding a seat (or a role) on a committee, with an optional personal deputy."""

    person: PersonRef
    """Henkilön tunniste."""
    role: MemberRole = "jäsen"
    """Rooli toimielimessä."""
    seat: Slug | None = None
    """Paikan tunniste saman toimielimen `seats`-listasta."""
    deputy: PersonRef | None = None
    """Henkilökohtainen varajäsen."""
    start: Day | None = None
    """Jäsenyyden alku (oletus: toimikauden alku)."""
    end: Day | None = None
    """Jäsenyyden loppu (oletus: toimikauden loppu)."""
    note: str | None = None
    """Tarkennus."""

    @model_validator(mode="after")
    def _ordered(self) -> Member:
        problems = []
        if self.start and self.end and self.end < self.start:
            problems.append(FieldError(
                f"jäsenyys päättyy ennen kuin alkaa (start: {self.start.isoformat()})",
                at=("end",), hint="tarkista päivämäärät: end on jäsenyyden viimeinen päivä, start "
                "ensimmäinen"))
        if self.deputy is not None and self.deputy == self.person:
            problems.append(FieldError(
                "henkilö ei voi olla oma varajäsenensä", at=("deputy",),
                hint="kirjoita deputy-kenttään henkilökohtaisen varajäsenen tunniste tai "
                "poista kenttä"))
        if problems:
            raise FieldError.of(problems)
        return self


class Milestone(Noted):
    """A dated or month-dated event in a committee's rhythm."""

    date: PartialDate
    """`VVVV-KK-PP`, `VVVV-KK` tai `VVVV`."""
    end: PartialDate | None = None
    """Jakson loppu, jos virstanpylväs on jakso (esim. `2026-12`)."""
    title: Text
    """Mitä tapahtuu."""
    description: Markdown | None = None
    """Tarkennus."""
    inferred: InferredWhy | None = None
    """Jos ajankohta on päätelty eikä luettu lähteestä (esim. tekstintunnistuksen
    vaurioittama `5_g/2026` luettu 5–6/2026): mistä ja miksi. Näkyy merkinnällä *päätelty*."""


class Committee(Entity):
    """A committee, sub-committee, secretariat, network or team."""

    name: Text
    """Virallinen nimi."""
    abbreviation: Short | None = None
    """Lyhenne, esim. `TyöNVK`."""
    type: CommitteeType
    """Toimielimen laji."""
    status: CommitteeStatus = "voimassa"
    """Elinkaaren vaihe: `valmisteilla` (asettaminen valmisteilla, ks. `expected`),
    `luonnos` (kokoonpano tai tehtävät luonnoksena), `voimassa` (asetettu) tai `päättynyt`."""
    expected: PartialDate | None = None
    """Arvioitu asettamisajankohta `VVVV-KK` (tai `VVVV-KK-PP`, `VVVV`), kun lähde kertoo sen;
    vain tiloille `valmisteilla` ja `luonnos`. Kun ajankohta on mennyt, sivu kertoo, etteivät
    lähteet vahvista asettamista."""
    parent: CommitteeRef | None = None
    """Ylempi toimielin (jaoston neuvottelukunta)."""
    appointed_by: BodyRef | None = None
    """Asettaja."""
    appointed_on: Day | None = None
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
    """Miksi paikoilla ei ole jäseniä, kun syy tiedetään (esim. lähdeaineisto ei nimeä
    jäseniä). Näkyy jäsentaulukon yhteydessä; kun syy on kerrottu, täyttämättömistä
    paikoista ei varoiteta. Avoimeksi paikka merkitään vain paikan `vacant`-kentällä."""
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

    @property
    def in_force(self) -> bool:
        """*voimassa*: a committee at work now."""
        return self.status == "voimassa"

    @property
    def preparing(self) -> bool:
        """Being prepared or to be appointed (``valmisteilla``): a plan, not yet a body."""
        return self.status == "valmisteilla"

    @property
    def draft(self) -> bool:
        """*luonnos*: being set up; its members may not be named yet."""
        return self.status == "luonnos"

    @property
    def ended(self) -> bool:
        """*päättynyt*: shown as it was when its term ended."""
        return self.status == "päättynyt"

    def seat_by_id(self, seat_id: str | None) -> Seat | None:
        return next((s for s in self.seats if s.id == seat_id), None)

    def term_of(self, member: Member) -> tuple[dt.date | None, dt.date | None]:
        """A membership's start and end, defaulting to the committee's term; ``None`` for
        an end (or start) nobody has set."""
        term = self.term
        return (member.start or (term.start if term else None),
                member.end or (term.end if term else None))

    @model_validator(mode="after")
    def _unique_seats(self) -> Committee:
        if self.expected is not None and self.status not in ("valmisteilla", "luonnos"):
            raise FieldError(
                f"arvioitu asettamisajankohta (`expected`) sopii vain tiloille 'valmisteilla' "
                f"ja 'luonnos', tila on '{self.status}'", at=("expected",),
                hint="poista `expected`, tai jos toimielin on vasta tulossa, merkitse "
                "`status: valmisteilla`")
        _unique([s.id for s in self.seats], "seats", "id",
                lambda i: f"paikka {self.seats[i].id} on määritelty useammin kuin kerran",
                "anna paikalle oma id; saman tahon useat paikat merkitään yhdelle paikalle "
                "kentällä count")
        return self


# --- process -------------------------------------------------------------------------


class TargetGroup(Noted):
    """Who a process is for."""

    name: Text
    """Kohderyhmän nimi."""
    criteria: list[Markdown] = []
    """Ehdot, joiden täyttyessä henkilö kuuluu kohderyhmään."""


class Transition(Strict):
    """An arrow from one phase to the next, optionally labelled (e.g. *Kyllä* / *Ei*)."""

    to: Slug
    """Seuraavan vaiheen tunniste saman prosessin vaiheista, tai `loppu`."""
    label: Annotated[str, MaxLength(NAME_MAX)] | None = None
    """Ehto tai haaran nimi."""


ActorRole = Literal["vastaa", "osallistuu", "ilmoittaa"]
ACTOR_ROLES: tuple[str, ...] = get_args(ActorRole)
ClientRole = Literal["osallistuu"]
"""What the client does in a phase. One value: the sources say the client takes part
(draws up a plan *with* the actors, is obliged to take part); they name no finer roles."""
CLIENT_ROLES: tuple[str, ...] = get_args(ClientRole)


class PhaseActor(Strict):
    """An organisation or committee in a phase, and what it does there."""

    actor: ActorRef
    """Organisaation tai toimielimen tunniste."""
    role: ActorRole = "vastaa"
    """`vastaa` (vastuutaho, oletus), `osallistuu` (mukana, ei vastuussa) tai `ilmoittaa`
    (lähettää vain tiedon tai ilmoituksen, esim. Kelan automaattinen ilmoitus)."""


def _actor_entries(value: Any) -> Any:
    """The short form ``actors: [kela]`` means ``{actor: kela, role: vastaa}``."""
    if isinstance(value, list):
        return [{"actor": item} if isinstance(item, str) else item for item in value]
    return value


class Phase(Noted):
    """A phase or a decision point of a process."""

    id: Slug
    """Vaiheen tunniste prosessin sisällä."""
    name: Text
    """Vaiheen nimi tai päätöskohdan kysymys."""
    kind: Literal["vaihe", "päätös"] = "vaihe"
    """`vaihe` tai `päätös` (kysymys, jonka haarat nimetään `next`-listassa)."""
    actors: Annotated[list[PhaseActor], BeforeValidator(
        _actor_entries, json_schema_input_type=list[ActorRef | PhaseActor])] = []
    """Toimijat: tunnisteet (`[te-toimisto, kela]`, rooli `vastaa`) tai roolin kanssa
    (`{actor: kela, role: ilmoittaa}`)."""
    joint: bool = False
    """`true`, kun vastuutahot tekevät vaiheen yhdessä."""
    client: ClientRole | None = None
    """Asiakkaan (henkilöasiakkaan) osuus vaiheessa: `osallistuu`, kun asiakas on mukana
    vaiheessa (esim. suunnitelma laaditaan yhdessä hänen kanssaan). Asiakas on rooli, ei
    organisaatio, joten sitä ei merkitä `actors`-listaan."""
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

    @property
    def actor_ids(self) -> list[str]:
        """Every actor of the phase, whatever its role, in the order written."""
        return [a.actor for a in self.actors]

    def actors_in(self, role: str) -> list[str]:
        return [a.actor for a in self.actors if a.role == role]


class Process(Entity):
    """A process: who does what, in which order, on what legal basis."""

    name: Text
    """Prosessin nimi."""
    abbreviation: Short | None = None
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
        _unique([p.id for p in self.phases], "phases", "id",
                lambda i: f"vaihe {self.phases[i].id} on määritelty useammin kuin kerran",
                "anna vaiheelle oma id (next-kentät viittaavat vaiheisiin id:llä)")
        return self


# --- meeting -------------------------------------------------------------------------

MeetingStatus = Literal["suunniteltu", "pidetty", "peruttu"]


def _naive_time(value: dt.time) -> dt.time:
    if value.tzinfo is not None:
        raise ValueError(
            "anna kellonaika ilman aikavyöhykettä (`HH:MM`); ajat ovat aina Suomen aikaa"
        )
    return value


LocalTime = Annotated[dt.time, BeforeValidator(parse_time), AfterValidator(_naive_time)]
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


class ProgrammeItem(Noted):
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
    date: Day | None = None
    """Päivä `VVVV-KK-PP`. Ilman kellonaikaa kokous on kalentereissa koko päivän tapahtuma."""
    month: Month | None = None
    """Vain kuukausi `VVVV-KK`, kun päivää ei vielä tiedetä (ei tule kalenterisyötteisiin)."""
    inferred: InferredWhy | None = None
    """Jos kokouksen ajankohta on päätelty eikä luettu lähteestä: mistä (näkyy merkinnällä
    *päätelty*)."""
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

    @property
    def planned(self) -> bool:
        return self.status == "suunniteltu"

    @property
    def held(self) -> bool:
        return self.status == "pidetty"

    @property
    def cancelled(self) -> bool:
        return self.status == "peruttu"

    @property
    def status_label(self) -> str:
        """The status as a label: *Suunniteltu*, *Pidetty*, *Peruttu*."""
        return self.status.capitalize()

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
        problems = [
            FieldError(f"rivillä on {fi.count(len(row), 'solu', 'solua')}, sarakkeita on "
                       f"{len(self.columns)}",
                       at=("rows", index), hint="jokaisella rivillä on yksi solu saraketta "
                       "kohden; tyhjä solu kirjoitetaan ''")
            for index, row in enumerate(self.rows) if len(row) != len(self.columns)]
        if problems:
            raise FieldError.of(problems)
        return self


class TopicSection(Noted):
    """A titled part of a topic page, with text, a list and/or a table."""

    title: Text
    """Väliotsikko."""
    text: Markdown | None = None
    """Teksti."""
    items: list[Markdown] = []
    """Luettelo."""
    table: Table | None = None
    """Taulukko."""
    inferred: InferredWhy | None = None
    """Jos osion tieto (esim. otsikon vuosi) on päätelty eikä luettu lähteestä: mistä.
    Näkyy osion alussa merkinnällä *päätelty*."""


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


# --- glossary term -------------------------------------------------------------------


class GlossaryTerm(Entity):
    """An abbreviation or concept of the glossary (*Sanasto*). Terms have their own id
    namespace (``content/terms/tym.yaml`` may sit next to ``content/topics/tym.yaml``): they
    are not pages of their own but entries of the glossary page and of ``<abbr>`` titles."""

    term: Annotated[str, Field(min_length=1), MaxLength(40)]
    """Termi tai lyhenne sellaisenaan kuin se kirjoitetaan, esim. `TYM` tai `TyöNVK`."""
    expansion: Text
    """Lyhenteen selitys tai käsitteen koko nimi, esim. *Työvoimapalveluiden monialainen
    yhteispalvelu*. Näkyy lyhenteen vihjeenä sivuilla."""
    description: Markdown | None = None
    """Lyhyt selitys: mitä termi tarkoittaa (vain se, mitä lähteet sanovat)."""
    see: AnyRef | None = None
    """Sivu, jolla asiasta kerrotaan lisää (minkä tahansa sisällön tunniste)."""

    @property
    def display_name(self) -> str:
        return self.term


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
TERM_KIND = Kind("term", "terms", GlossaryTerm, "Termi", "Sanasto", "sanasto")
"""Glossary terms: loaded and checked like the kinds above, but kept out of the entity
graph (own id namespace, no page per term; see :mod:`.glossary`)."""


def or_list(values: Iterable[str]) -> str:
    """``'a', 'b' tai 'c'``"""
    quoted = [f"'{v}'" for v in values]
    return " tai ".join(", ".join(quoted).rsplit(", ", 1)) if quoted else ""


def ref_kinds(metadata: list[Any]) -> tuple[str, ...] | None:
    """The kinds a field's annotation metadata allows it to reference, if it is a reference."""
    for item in metadata:
        if isinstance(item, Ref):
            return item.kinds
    return None
