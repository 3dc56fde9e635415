"""Resolve stage: validated records → one graph with back-links; integrity checks.

Reference fields are found by walking the models' :class:`~generator.models.Ref`
annotations, so every reference everywhere is checked the same way: it must exist and be
of an allowed kind. ``[[id]]`` mentions in Markdown fields are checked the same way.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Annotated, Any, Literal, TypeVar, get_args, get_origin
from urllib.parse import urlsplit

from pydantic import BaseModel

from . import escape, fi
from .clock import HELSINKI, build_date
from .diagnostics import Report, close_matches, did_you_mean
from .models import (
    KINDS_BY_KEY,
    Body,
    Committee,
    Entity,
    Law,
    LegalRef,
    MarkdownText,
    Meeting,
    Member,
    Person,
    Process,
    Seat,
    Topic,
    ref_kinds,
)
from .validate import Record

MENTION = re.compile(r"\[\[([^\[\]\n]*)\]\]")
END_PHASE = "loppu"
TERM_WARNING_DAYS = 60

E = TypeVar("E", bound=Entity)
T = TypeVar("T")


@dataclass(frozen=True)
class Backlink:
    """``source`` refers to the target through ``field`` (dotted, e.g. ``members.3.person``)."""

    source: str
    field: str
    mention: bool = False  # an ``[[id]]`` in a Markdown field, not a reference field


@dataclass
class Graph:
    """Every entity by id, with back-links. Read-only for the render stage."""

    records: dict[str, Record]
    backlinks: dict[str, list[Backlink]] = field(default_factory=dict)
    glossary: list[Record] = field(default_factory=list)
    """Glossary terms (:mod:`.glossary`): beside the entities, in an id namespace of their own."""
    # of_kind() per model, filled on first use: templates ask for graph.committees etc. per
    # page and per row, and rebuilding them each time made rendering quadratic.
    _by_kind: dict[type, dict[str, Any]] = field(default_factory=dict, repr=False,
                                                 compare=False)
    _memo: dict[Hashable, Any] = field(default_factory=dict, repr=False, compare=False)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self.records

    def entity(self, entity_id: str) -> Entity:
        return self.records[entity_id].entity

    def kind_of(self, entity_id: str) -> str:
        return self.records[entity_id].kind.key

    def name(self, entity_id: str) -> str:
        return self.records[entity_id].entity.display_name

    def of_kind(self, model: type[E]) -> dict[str, E]:
        """Entities of ``model`` by id (cached: the graph is read-only; do not mutate)."""
        cached = self._by_kind.get(model)
        if cached is None:
            cached = {i: r.entity for i, r in self.records.items()
                      if isinstance(r.entity, model)}
            self._by_kind[model] = cached
        return cached

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, once per graph and ``key``: for values derived from the graph
        alone (it is read-only after :func:`resolve`), e.g. diagrams pages and handouts
        both show. Do not mutate the result, unless it is a cache that only ever gains
        entries computed from the graph (e.g. the links of :func:`render.env.link`)."""
        try:
            value: T = self._memo[key]
        except KeyError:
            value = self._memo[key] = compute()
        return value

    @property
    def laws(self) -> dict[str, Law]:
        return self.of_kind(Law)

    @property
    def bodies(self) -> dict[str, Body]:
        return self.of_kind(Body)

    @property
    def people(self) -> dict[str, Person]:
        return self.of_kind(Person)

    @property
    def committees(self) -> dict[str, Committee]:
        return self.of_kind(Committee)

    @property
    def processes(self) -> dict[str, Process]:
        return self.of_kind(Process)

    @property
    def meetings(self) -> dict[str, Meeting]:
        return self.of_kind(Meeting)

    @property
    def topics(self) -> dict[str, Topic]:
        return self.of_kind(Topic)

    def referrers(self, entity_id: str) -> list[Backlink]:
        return self.backlinks.get(entity_id, [])


# --- walking references ---------------------------------------------------------------


def walk_refs(
    model: BaseModel, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], tuple[str, ...], str]]:
    """Yield ``(path, allowed kinds, id)`` for every reference in ``model``."""
    for name, slot in _ref_slots(type(model)):
        value = getattr(model, name)
        if value is None:
            continue
        yield from _walk_value(value, slot, (*path, name))


@dataclass(frozen=True)
class _Slot:
    """What a field's (or a list item's) annotation says, worked out once per model field:
    the kinds it may reference, whether it is Markdown, and the same for its list items."""

    annotation: Any
    kinds: tuple[str, ...] | None
    markdown: bool
    item: _Slot | None  # ``X`` of ``list[X]``; None when the annotation is no list
    models: bool  # the value may hold models (nested, or in a list)

    @property
    def has_refs(self) -> bool:
        """Whether a walk for references needs to look at this field at all."""
        return bool(self.kinds) or self.models or (self.item is not None
                                                   and self.item.has_refs)

    @property
    def has_markdown(self) -> bool:
        return self.markdown or self.models or (self.item is not None
                                                and self.item.has_markdown)

    def items(self) -> _Slot:
        """The slot of the items of a list value (also one the annotation does not expect)."""
        return self.item if self.item is not None else _slot(self.annotation,
                                                             _metadata(self.annotation))


def _slot(annotation: Any, metadata: list[Any]) -> _Slot:
    annotated = _metadata(annotation)
    inner = _list_item(annotation)
    return _Slot(
        annotation=annotation,
        kinds=ref_kinds(metadata) or ref_kinds(annotated),
        markdown=_is_markdown(metadata) or _is_markdown(annotated),
        item=None if inner is annotation else _slot(inner, _metadata(inner)),
        models=may_hold_models(annotation),
    )


@cache
def _slots(model: type[BaseModel]) -> tuple[tuple[str, _Slot], ...]:
    """Each field of ``model`` with its :class:`_Slot` (models do not change at run time)."""
    return tuple((name, _slot(info.annotation, info.metadata))
                 for name, info in model.model_fields.items())


@cache
def _ref_slots(model: type[BaseModel]) -> tuple[tuple[str, _Slot], ...]:
    """The fields a walk for references enters: most fields are plain text or dates."""
    return tuple((name, slot) for name, slot in _slots(model) if slot.has_refs)


@cache
def _markdown_slots(model: type[BaseModel]) -> tuple[tuple[str, _Slot], ...]:
    return tuple((name, slot) for name, slot in _slots(model) if slot.has_markdown)


@cache
def nested_model_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``model`` that may hold other models, the only ones a walk for nested
    models (e.g. every :class:`LegalRef`) needs to enter."""
    return tuple(name for name, slot in _slots(model) if slot.models)


def may_hold_models(annotation: Any) -> bool:
    """Whether a value of this type may be or contain a pydantic model; ``True`` for
    anything not plainly a scalar, a list of scalars or a union of them."""
    if annotation is Any or annotation in (list, dict, tuple, set, frozenset, object):
        return True
    origin = get_origin(annotation)
    if origin is Literal:
        return False
    if origin is not None:
        args = get_args(annotation)
        if origin is Annotated:
            args = args[:1]
        return not args or any(may_hold_models(arg) for arg in args)
    if annotation is None or annotation is type(None):
        return False
    if isinstance(annotation, type):
        return issubclass(annotation, BaseModel)
    return True


def _metadata(annotation: Any) -> list[Any]:
    """Annotation metadata of ``Annotated[X, …]``, also inside ``Annotated[X, …] | None``."""
    found = list(getattr(annotation, "__metadata__", ()))
    for arg in get_args(annotation):
        if arg is not type(None) and get_origin(arg) is not list:
            found += list(getattr(arg, "__metadata__", ()))
    return found


def _walk_value(
    value: Any, slot: _Slot, path: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], tuple[str, ...], str]]:
    if slot.kinds and isinstance(value, str):
        yield path, slot.kinds, value
    elif isinstance(value, BaseModel):
        yield from walk_refs(value, path)
    elif isinstance(value, list):
        inner = slot.items()
        for index, item in enumerate(value):
            yield from _walk_value(item, inner, (*path, index))


def _list_item(annotation: Any) -> Any:
    """``X`` of ``list[X]`` (also inside ``list[X] | None``)."""
    if get_origin(annotation) is list:
        return get_args(annotation)[0]
    for arg in get_args(annotation):
        if get_origin(arg) is list:
            return get_args(arg)[0]
    return annotation


def walk_markdown(
    model: BaseModel, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Yield ``(path, text)`` for every Markdown field in ``model``."""
    for name, slot in _markdown_slots(type(model)):
        value = getattr(model, name)
        if value is None:
            continue
        yield from _walk_md(value, slot, (*path, name))


def _is_markdown(metadata: list[Any]) -> bool:
    return any(isinstance(m, MarkdownText) for m in metadata)


def _walk_md(
    value: Any, slot: _Slot, path: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str) and slot.markdown:
        yield path, value
    elif isinstance(value, BaseModel):
        yield from walk_markdown(value, path)
    elif isinstance(value, list):
        inner = slot.items()
        for index, item in enumerate(value):
            yield from _walk_md(item, inner, (*path, index))


# --- resolving ------------------------------------------------------------------------


def resolve(records: list[Record], report: Report, *, today: dt.date | None = None,
            broken: set[str] | None = None) -> Graph:
    """Build the graph; report duplicates, dangling references and broken structure.

    ``broken`` holds ids of files that exist but failed to load or validate: their own
    errors are reported already, so references to them are not reported again.
    """
    today = today or build_date()
    by_id: dict[str, Record] = {}
    for record in records:
        if record.id in by_id:
            first = by_id[record.id]
            report.error(record.document.path, 1, 1,
                         f"tunniste '{record.id}' on jo käytössä: {first.document.path}",
                         entity=record.id,
                         hint="tunnisteen (tiedostonimen) pitää olla yksilöllinen "
                         "kaikissa kansioissa")
            continue
        by_id[record.id] = record
    graph = Graph(by_id)
    backlinks: dict[str, list[Backlink]] = defaultdict(list)
    quiet = broken or set()
    for record in by_id.values():
        _check_refs(record, graph, report, backlinks, quiet)
        _check_texts(record, graph, report, backlinks, quiet)
    for record in by_id.values():
        entity = record.entity
        if isinstance(entity, Committee):
            _check_committee(record, entity, graph, report, today)
        elif isinstance(entity, Process):
            _check_process(record, entity, graph, report)
        elif isinstance(entity, Meeting):
            _check_meeting(record, entity, report)
        _check_sections(record, graph, report)
    _check_parent_cycles(graph, report)
    _check_duplicate_meetings(graph, report)
    graph.backlinks = {k: sorted(set(v), key=lambda b: (b.source, b.field))
                       for k, v in backlinks.items()}
    return graph


def _err(record: Record, path: tuple[str | int, ...], message: str, report: Report,
         hint: str = "", *, warning: bool = False, key: bool = False,
         fragment: str = "") -> None:
    """Report at ``path``'s key or value; with ``fragment``, where it stands in the value."""
    document = record.document
    position = (document.position_of(path, fragment) if fragment
                else document.position(path, key=key))
    add = report.warning if warning else report.error
    add(record.document.path, position.line, position.col, message, entity=record.id, hint=hint)


def _dotted(path: tuple[str | int, ...]) -> str:
    return ".".join(str(p) for p in path)


def _check_refs(record: Record, graph: Graph, report: Report,
                backlinks: dict[str, list[Backlink]], quiet: set[str]) -> None:
    for path, kinds, target in walk_refs(record.entity):
        if target in quiet:
            continue
        wanted = ("mikä tahansa sisältö" if set(kinds) == set(KINDS_BY_KEY)
                  else " tai ".join(KINDS_BY_KEY[k].singular.lower() for k in kinds))
        if target not in graph:
            candidates = [i for i, r in graph.records.items() if r.kind.key in kinds]
            _err(record, path, f"{_dotted(path)}: tuntematon viittaus '{target}' ({wanted})",
                 report, did_you_mean(target, candidates))
            continue
        actual = graph.kind_of(target)
        if actual not in kinds:
            _err(record, path,
                 f"{_dotted(path)}: '{target}' on {KINDS_BY_KEY[actual].singular.lower()}, "
                 f"odotettiin: {wanted}", report)
            continue
        if target == record.id and path[-1] in ("parent", "target"):
            _err(record, path, f"{_dotted(path)}: viittaa itseensä", report)
            continue
        backlinks[target].append(Backlink(record.id, _dotted(path)))


def _check_texts(record: Record, graph: Graph, report: Report,
                 backlinks: dict[str, list[Backlink]], quiet: set[str]) -> None:
    """``[[id]]`` mentions and link targets in every Markdown field of ``record``."""
    for path, text in walk_markdown(record.entity):
        if "[[" in text:
            _check_mentions(record, path, text, graph, report, backlinks, quiet)
        if "](" in text or "]:" in text:
            _check_links(record, path, text, report)


def _check_mentions(record: Record, path: tuple[str | int, ...], text: str, graph: Graph,
                    report: Report, backlinks: dict[str, list[Backlink]], quiet: set[str]
                    ) -> None:
    for match in MENTION.finditer(text):
        target = match.group(1).strip()
        if target in quiet:
            continue
        if target in graph:
            backlinks[target].append(Backlink(record.id, _dotted(path), mention=True))
        else:
            _err(record, path,
                 f"{_dotted(path)}: tekstin viittaus [[{target}]] ei osoita mihinkään",
                 report, _mention_hint(target, graph), fragment=match.group(0))


_NAME_FIELDS = ("name", "title", "short_name", "abbreviation")


def _names(graph: Graph) -> dict[str, list[str]]:
    """Ids by folded name: each entity's display name, name, title, short name and
    abbreviation (once per graph; asked only when a mention points nowhere)."""
    def compute() -> dict[str, list[str]]:
        names: dict[str, list[str]] = defaultdict(list)
        for entity_id, record in sorted(graph.records.items()):
            entity = record.entity
            values = {entity.display_name, *(getattr(entity, f, None) for f in _NAME_FIELDS)}
            for value in values:
                if isinstance(value, str) and value.strip():
                    ids = names[fi.fold(value)]
                    if entity_id not in ids:
                        ids.append(entity_id)
        return dict(names)

    return graph.memo(("resolve", "names"), compute)


def _mention_hint(target: str, graph: Graph) -> str:
    """A hint for a ``[[mention]]`` of nothing: the id of the entity whose id, written as
    an id, or whose name (case and accents ignored) it is; else ids and names close to it.
    """
    slug = fi.slug(target)
    names = _names(graph)
    exact = list(dict.fromkeys(
        ([slug] if slug in graph else []) + names.get(fi.fold(target), [])))
    if not exact:
        hint = did_you_mean(target, graph.records)
        if hint or not slug:
            return hint
        if slug != target:
            hint = did_you_mean(slug, graph.records)
        if hint:
            return hint
        close = close_matches(fi.fold(target), names, cutoff=0.8)
        exact = list(dict.fromkeys(i for name in close for i in names[name]))
        if not exact:
            return ""
    shown = " tai ".join(f"[[{i}]] ({graph.name(i)})" for i in exact[:3])
    return (f"tarkoititko {shown}? Viittauksessa käytetään kohteen tunnistetta eli "
            "tiedoston nimeä ilman .yaml-päätettä, ei nimeä")


def _check_links(record: Record, path: tuple[str | int, ...], text: str,
                 report: Report) -> None:
    """Every target :func:`escape.markdown` renders as a link must work on the site: an
    ``https://`` address or ``mailto:``. Others (``tem.fi``, ``../x.md``, ``http:``) would
    be relative links MkDocs cannot resolve, or insecure ones. (Targets it shows as text,
    e.g. ``javascript:``, never become links, and the hostile test corpus relies on
    them being valid content.)"""
    for written, target in escape.link_targets(text):
        problem = _link_problem(target)
        if problem is None and written.startswith("](") and " " in written.strip():
            # `[w](https://tem.fi/a b)`: not a link to Markdown, so the page shows it as text
            problem = (f"linkin osoitteessa '{written[2:].strip()}' on välilyönti, joten "
                       "linkki näkyisi sivulla tekstinä",
                       "kirjoita välilyönnin tilalle %20 tai poista se")
        if problem is None:
            continue
        message, hint = problem
        # Where the link stands as written: a link folded over two lines is not in the
        # file as one piece, its target usually is.
        fragment = written if written in record.document.text else target
        _err(record, path, f"{_dotted(path)}: {message}", report, hint, fragment=fragment)


_LINK_HINT = ("kirjoita koko osoite muodossa https://… tai viittaa sivuston sivuun muodossa "
              "[[tunniste]]")


def _link_problem(target: str) -> tuple[str, str] | None:
    """``(message, hint)`` when a Markdown link target does not work on the site."""
    url = "".join(target.split())
    lowered = url.lower()
    if lowered.startswith("mailto:"):
        if "@" in url:
            return None
        return (f"sähköpostilinkistä '{target}' puuttuu osoite",
                "kirjoita muodossa mailto:nimi@example.fi")
    parts = urlsplit(url)
    if parts.scheme.lower() == "https" and parts.netloc:
        return None
    if not url:
        return "linkiltä puuttuu kohde", _LINK_HINT
    if parts.scheme.lower() == "http" and parts.netloc:
        return (f"linkki '{target}' on suojaamaton http-osoite",
                f"kirjoita https://{url[len('http://'):]} (sivuston linkit ovat https-osoitteita)")
    if lowered.startswith(("https:", "http:")):
        return (f"linkin osoite '{target}' on vajaa",
                "kirjoita koko osoite muodossa https://palvelin/polku")
    domain = url.split("/", 1)[0]
    if ":" not in domain and re.fullmatch(r"(?:[\w-]+\.)+[a-zA-Z]{2,}", domain):
        return (f"linkin kohde '{target}' ei ole verkko-osoite (https:// puuttuu)",
                f"kirjoita koko osoite (https://{url}) tai viittaa sivuston sivuun muodossa "
                "[[tunniste]]")
    return f"linkin kohde '{target}' ei ole https://-osoite", _LINK_HINT


def legal_refs(model: BaseModel, path: tuple[str | int, ...] = ()
               ) -> Iterator[tuple[tuple[str | int, ...], BaseModel, LegalRef]]:
    """``(path, owner, ref)`` for every legal reference in ``model``, at any depth: its
    field path from ``model`` (after ``path``) and the model that holds it."""
    for name in nested_model_fields(type(model)):
        value = getattr(model, name)
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            sub = (*path, name, index) if isinstance(value, list) else (*path, name)
            if isinstance(item, LegalRef):
                yield sub, model, item
            elif isinstance(item, BaseModel):
                yield from legal_refs(item, sub)


def _check_sections(record: Record, graph: Graph, report: Report) -> None:
    for path, _, ref in legal_refs(record.entity):
        if ref.section is None or ref.law not in graph:
            continue
        law = graph.entity(ref.law)
        if not isinstance(law, Law):
            continue
        numbers = [s.number for s in law.sections]
        if ref.section not in numbers:
            _err(record, (*path, "section"),
                 f"{_dotted(path)}.section: pykälää {ref.section} ei ole säädöksen "
                 f"'{ref.law}' pykälälistassa", report,
                 f"lisää pykälä tiedostoon content/laws/{ref.law}.yaml tai korjaa numero"
                 + (f"; listalla: {', '.join(numbers)}" if numbers else ""))


def _check_committee(record: Record, committee: Committee, graph: Graph, report: Report,
                     today: dt.date) -> None:
    seat_ids = [s.id for s in committee.seats]
    filled: dict[str, int] = defaultdict(int)
    for index, member in enumerate(committee.members):
        if member.seat is not None:
            if member.seat not in seat_ids:
                _err(record, ("members", index, "seat"),
                     f"members.{index}.seat: paikkaa '{member.seat}' ei ole tämän toimielimen "
                     "seats-listassa", report, did_you_mean(member.seat, seat_ids))
            elif _is_current(member.start, member.end, today):
                filled[member.seat] += 1
        if committee.term and member.start and member.start < committee.term.start:
            _err(record, ("members", index, "start"),
                 f"members.{index}.start: jäsenyys alkaa ennen toimikautta", report,
                 f"toimikausi alkaa {fi.date(committee.term.start)}: korjaa jäsenyyden alku "
                 "tai toimikauden alku (term.start)",
                 warning=True)
    for index, seat in enumerate(committee.seats):
        if committee.status != "voimassa" or committee.vacancy_note:
            break  # vacancies are expected (draft, ended) or explained
        if filled[seat.id] < seat.count and not seat.max_count:
            open_count = seat.count - filled[seat.id]
            _err(record, ("seats", index),
                 f"seats.{index}: paikalla '{seat.id}' on {open_count} täyttämätöntä paikkaa",
                 report, "näkyy sivulla merkinnällä *avoin*; jos paikkaa ei tiedetä, kerro "
                 "syy kentässä vacancy_note", warning=True)
    _check_overlapping_members(record, committee, report)
    term = committee.term
    if term and term.end and committee.status == "voimassa":
        left = (term.end - today).days
        if 0 <= left <= TERM_WARNING_DAYS:
            _err(record, ("term", "end"),
                 f"toimikausi päättyy {left} päivän kuluttua ({term.end.isoformat()})", report,
                 "päivitä toimikausi tai tila, kun uusi toimielin on asetettu", warning=True)


def _is_current(start: dt.date | None, end: dt.date | None, today: dt.date) -> bool:
    return (start is None or start <= today) and (end is None or end >= today)


def _period(committee: Committee, member: Member) -> tuple[dt.date, dt.date]:
    """A membership's start and end, defaulting to the committee's term (as on the page),
    open ends as the earliest and latest dates."""
    term = committee.term
    start = member.start or (term.start if term else None)
    end = member.end or (term.end if term else None)
    return start or dt.date.min, end or dt.date.max


def _overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    """Whether two memberships are in force at the same time. A hand-over on one day (one
    ends on the day the other starts) is not an overlap."""
    return (a[0] < b[1] and b[0] < a[1]) or a == b


_SUCCESSION = ("jos jäsenyys on päättynyt tai vaihtunut, merkitse aiemmalle `end` ja "
               "uudelle `start`")


def _succession(members: list[Member], earlier: int, later: int) -> str:
    """The hint for two clashing memberships: if both dates are there, that they overlap."""
    before, after = members[earlier], members[later]
    if before.end is not None and after.start is not None:
        return (f"jäsenyydet ovat päällekkäin: members.{earlier} päättyy "
                f"{fi.date(before.end)}, mutta members.{later} alkaa jo "
                f"{fi.date(after.start)}; jos toinen seuraa toista, korjaa päivät")
    return _SUCCESSION


def _check_overlapping_members(record: Record, committee: Committee, report: Report) -> None:
    """Places and people of memberships in force at the same time: a seat holds at most
    ``count`` members; a person is one member at a time, the personal deputy of one member
    only, and not a member then. Memberships that follow each other (the earlier one has
    ``end``, the later one ``start``) do not clash. Reported at the later entry."""
    members = committee.members
    periods = [_period(committee, m) for m in members]
    seats = {s.id: s for s in committee.seats}
    deputy_reported: set[int] = set()
    for index, member in enumerate(members):
        during = [j for j in range(index) if _overlap(periods[j], periods[index])]
        same = [j for j in during if members[j].person == member.person]
        if same:
            _err(record, ("members", index, "person"),
                 f"members.{index}.person: '{member.person}' on jo toimielimen jäsen samaan "
                 f"aikaan (members.{same[0]})", report,
                 f"henkilö merkitään toimielimeen kerran; poista toinen rivi, tai "
                 f"{_succession(members, same[0], index)}")
        # One message per deputy entry, the first problem found: one fix mends them all.
        for j in during:
            if members[j].deputy == member.person and j not in deputy_reported:
                deputy_reported.add(j)
                _deputy_is_member(record, j, members[j], index, report)
        as_member = [j for j in during if members[j].person == member.deputy]
        as_deputy = [j for j in during if members[j].deputy == member.deputy]
        if member.deputy is not None and as_member:
            deputy_reported.add(index)
            _deputy_is_member(record, index, member, as_member[0], report)
        elif member.deputy is not None and as_deputy:
            deputy_reported.add(index)
            j = as_deputy[0]
            _err(record, ("members", index, "deputy"),
                 f"members.{index}.deputy: '{member.deputy}' on jo jäsenen "
                 f"'{members[j].person}' henkilökohtainen varajäsen (members.{j})", report,
                 "henkilökohtainen varajäsen on vain yhden jäsenen varajäsen; valitse "
                 f"toinen varajäsen, tai {_SUCCESSION}")
        seat = seats.get(member.seat) if member.seat is not None else None
        if seat is not None:
            holders = [j for j in during
                       if members[j].seat == seat.id and members[j].person != member.person]
            _check_seat_places(record, index, seat, members, periods, holders, report)


def _deputy_is_member(record: Record, index: int, member: Member, other: int,
                      report: Report) -> None:
    _err(record, ("members", index, "deputy"),
         f"members.{index}.deputy: '{member.deputy}' on samaan aikaan itse jäsen "
         f"(members.{other}) eikä voi olla jäsenen '{member.person}' varajäsen", report,
         "valitse toinen varajäsen; jos varajäsenestä on tullut jäsen, jaa tämä rivi kahdeksi "
         "(aiemmalle `end`, uudelle `start`) ja jätä `deputy` pois uudemmasta")


def _check_seat_places(record: Record, index: int, seat: Seat, members: list[Member],
                       periods: list[tuple[dt.date, dt.date]], holders: list[int],
                       report: Report) -> None:
    """Error at ``members.index.seat`` when the seat has more members than places at some
    moment of this membership. ``holders``: the earlier members of the seat whose
    membership overlaps this one."""
    if len(holders) < seat.count:
        return
    # Intervals: the most holders at once are there at the start of one of them.
    own = periods[index]
    most: list[int] = []
    for moment in sorted({own[0], *(periods[j][0] for j in holders)}):
        if moment < own[0]:
            continue
        at = [j for j in holders
              if periods[j][0] <= moment < periods[j][1] or periods[j] == own]
        if len(at) > len(most):
            most = at
    if len(most) < seat.count:
        return
    places = fi.count(seat.count, "paikka", "paikkaa")
    if seat.max_count:
        places = "enintään " + places
    names = ", ".join(f"members.{j} '{members[j].person}'" for j in most)
    _err(record, ("members", index, "seat"),
         f"members.{index}.seat: paikalla '{seat.id}' on {places}, mutta sille on merkitty "
         f"samaan aikaan {len(most) + 1} jäsentä ({names} ja members.{index} "
         f"'{members[index].person}')", report,
         f"korjaa paikka (seat) tai paikkamäärä (count), tai "
         f"{_succession(members, most[-1], index)}")


def _check_process(record: Record, process: Process, graph: Graph, report: Report) -> None:
    ids = [p.id for p in process.phases]
    incoming: set[str] = {ids[0]}
    for index, phase in enumerate(process.phases):
        if phase.id == END_PHASE:
            _err(record, ("phases", index, "id"),
                 f"phases.{index}.id: tunniste '{END_PHASE}' on varattu prosessin "
                 "päättymiselle, eikä se voi olla vaiheen tunniste", report,
                 f"anna vaiheelle toinen tunniste (esim. '{END_PHASE}vaihe') ja muuta "
                 f"viittaukset siihen; vaiheesta päätetään prosessi kirjoittamalla "
                 f"`next: [{{to: {END_PHASE}}}]`")
        for t_index, transition in enumerate(phase.next):
            where = ("phases", index, "next", t_index)
            if transition.to == phase.id:
                _err(record, (*where, "to"),
                     f"phases.{index}.next.{t_index}.to: vaihe '{phase.id}' jatkuu itseensä",
                     report, "ohjaa seuraavaan vaiheeseen; jos vaihe toistuu, kerro se "
                     "kentässä review_interval (esim. `vähintään 3 kk välein`) tai "
                     "description")
            elif transition.to != END_PHASE and transition.to not in ids:
                _err(record, (*where, "to"),
                     f"phases.{index}.next.{t_index}.to: vaihetta '{transition.to}' ei ole",
                     report, did_you_mean(transition.to, [*ids, END_PHASE]))
            incoming.add(transition.to)
            if phase.kind == "päätös" and not transition.label:
                _err(record, where,
                     f"phases.{index}.next.{t_index}: päätöskohdan jokaisella haaralla "
                     "pitää olla label", report,
                     "kerro, milloin prosessi jatkuu tätä haaraa, esim. `label: Kyllä`")
        if phase.kind == "päätös" and len(phase.next) < 2:
            _err(record, ("phases", index, "next"),
                 f"phases.{index}: päätöskohdalla pitää olla vähintään kaksi haaraa", report,
                 "lisää next-listaan haarat, esim. label: Kyllä / label: Ei")
    for index, phase in enumerate(process.phases):
        if phase.id not in incoming:
            _err(record, ("phases", index, "id"),
                 f"phases.{index}: vaiheeseen '{phase.id}' ei johda mikään vaihe", report,
                 "lisää se jonkin vaiheen next-listaan", warning=True)


def _meeting_day(meeting: Meeting) -> tuple[str, str]:
    """The field that dates ``meeting`` and its value as written: ``("date", "2025-09-17")``
    or ``("month", "2025-09")``."""
    if meeting.date is not None:
        return "date", meeting.date.isoformat()
    return "month", meeting.month or ""


_ID_DAY = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?$")


def _check_meeting_id(record: Record, meeting: Meeting, report: Report) -> None:
    """A file named for a day (``verkosto-2025-09-15``) whose meeting is on another day and
    was never changed after publishing (``sequence: 0``): usually a copy whose date was
    left as it was. A meeting moved after publishing keeps its id and has ``sequence``."""
    match = _ID_DAY.search(record.id)
    if match is None or meeting.sequence > 0:
        return
    year, month, day = match.groups()
    named = f"{year}-{month}" + (f"-{day}" if day else "")
    field, written = _meeting_day(meeting)
    if not written or written[:len(named)] == named or named[:len(written)] == written:
        return
    _err(record, (field,),
         f"{field}: kokous on {written}, mutta tiedoston nimessä on {named}", report,
         "jos tiedosto on kopioitu toisesta kokouksesta, korjaa päivä; jos julkaistun "
         "kokouksen päivä muuttui, kasvata sequence-lukua (tiedostonimi eli tunniste pysyy "
         "ennallaan)", warning=True)


def _check_meeting(record: Record, meeting: Meeting, report: Report) -> None:
    _check_meeting_id(record, meeting, report)
    if meeting.status == "peruttu" and meeting.sequence < 1:
        where = "sequence" if "sequence" in record.document.data else "status"
        _err(record, (where,),
             f"{where}: peruttu kokous tarvitsee sequence-arvon vähintään 1", report,
             "peruminen on muutos: lisää tai kasvata kenttää `sequence` (esim. `sequence: 1`), "
             "jotta kalenterin tilanneiden kalentereissa kokous merkitään perutuksi")
    if meeting.date is not None:
        for name in ("start", "end"):
            value = getattr(meeting, name)
            if value is not None and not _exists_in_helsinki(meeting.date, value):
                _err(record, (name,),
                     f"{name}: kellonaikaa {fi.time(value)} ei ole {fi.date(meeting.date)} "
                     "Suomen aikaa (kello siirretään tuolloin kesäaikaan)", report,
                     "valitse toinen kellonaika")
    items = meeting.programme
    for index, item in enumerate(items):
        if item.start is None or meeting.start is None:
            continue
        end = item.end or item.start
        outside = item.start < meeting.start or (meeting.end is not None and end > meeting.end)
        if outside:
            _err(record, ("programme", index, "start"),
                 f"programme.{index}: ohjelmakohta {fi.time(item.start)}"
                 f"{'–' + fi.time(item.end) if item.end else ''} on kokouksen ajan ulkopuolella",
                 report)
    timed = [(i, it) for i, it in enumerate(items) if it.start is not None]
    for (_, before), (index, after) in itertools.pairwise(timed):
        assert before.start is not None and after.start is not None
        if after.start < before.start:
            _err(record, ("programme", index, "start"),
                 f"programme.{index}: ohjelmakohdat eivät ole aikajärjestyksessä", report)
        elif before.end is not None and after.start < before.end:
            _err(record, ("programme", index, "start"),
                 f"programme.{index}: ohjelmakohta alkaa {fi.time(after.start)} ennen kuin "
                 f"edellinen päättyy {fi.time(before.end)}", report)


def _check_duplicate_meetings(graph: Graph, report: Report) -> None:
    """A warning at the second of two meetings of one series with the same day (or month)
    and title: usually a copied file whose date and title were left as they were. Not an
    error: two sessions on one day are possible, if unclear in calendars."""
    first: dict[tuple[str, str, str, bool], Record] = {}
    records = [r for r in graph.records.values() if isinstance(r.entity, Meeting)]
    for record in sorted(records, key=lambda r: r.id):  # a copy's id is usually longer
        meeting = record.entity
        assert isinstance(meeting, Meeting)
        field_name, when = _meeting_day(meeting)
        key = (meeting.series, when, fi.fold(meeting.title), meeting.status == "peruttu")
        earlier = first.setdefault(key, record)
        if earlier is record:
            continue
        day = fi.date(meeting.date) if meeting.date else when
        _err(record, (field_name,),
             f"{field_name}: toimielimen '{meeting.series}' kokous '{meeting.title}' on jo "
             f"{day} tiedostossa {earlier.document.path}; onko tiedosto kopioitu?", report,
             "muuta kopion päivä (date) ja otsikko (title) tai poista ylimääräinen tiedosto; "
             "jos samana päivänä on kaksi kokousta, anna niille eri otsikot", warning=True)


def _exists_in_helsinki(day: dt.date, time: dt.time) -> bool:
    """False for wall-clock times skipped when clocks go forward (e.g. 03.30 in late March)."""
    local = dt.datetime.combine(day, time, tzinfo=HELSINKI)
    back = local.astimezone(dt.UTC).astimezone(HELSINKI)
    return back.replace(tzinfo=None) == local.replace(tzinfo=None)


def _check_parent_cycles(graph: Graph, report: Report) -> None:
    for model in (Committee, Body):
        entities = graph.of_kind(model)
        reported: set[str] = set()
        for start in sorted(entities):
            chain = [start]
            current = entities[start].parent  # type: ignore[attr-defined]
            while current is not None and current in entities:
                if current in chain:
                    cycle = [*chain[chain.index(current):], current]
                    if not set(cycle) & reported:
                        reported.update(cycle)
                        record = graph.records[cycle[0]]
                        _err(record, ("parent",),
                             "parent-ketju muodostaa silmukan: " + " → ".join(cycle), report,
                             "jonkin ketjun jäsenen parent on väärin")
                    break
                chain.append(current)
                current = entities[current].parent  # type: ignore[attr-defined]
