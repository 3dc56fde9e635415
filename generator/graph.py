"""The resolved content: every entity by id, with back-links (who refers to whom).

:mod:`generator.rules` builds it (``resolve``) and checks it; every renderer reads it. It
is read-only once built.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .core.models import Body, Committee, Entity, Law, Meeting, Person, Process, Topic
from .load.validate import Record

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
    """Glossary terms (:mod:`.rules.glossary`): beside the entities, in an id namespace of
    their own."""
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
        entries computed from the graph (e.g. the links of :func:`site.templates.link`)."""
        try:
            value: T = self._memo[key]
        except KeyError:
            value = self._memo[key] = compute()
        return value

    def content_digest(self) -> str:
        """SHA-256 of every content file the graph was built from (ids, paths and texts,
        glossary terms included): the graph is a function of these alone, so a result
        computed from the graph may be reused while this stays the same."""
        def compute() -> str:
            digest = hashlib.sha256()
            for label, records in (("entity", sorted(self.records.items())),
                                   ("term", sorted((r.id, r) for r in self.glossary))):
                for entity_id, record in records:
                    for part in (label, entity_id, record.document.path, record.document.text):
                        digest.update(part.encode("utf-8", "surrogatepass"))
                        digest.update(b"\0")
            return digest.hexdigest()

        return self.memo("content digest", compute)

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
