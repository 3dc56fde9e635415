"""The glossary (*Sanasto*): terms from ``content/terms/``, checked like other content.

Terms live beside the entity graph, not in it: their ids are a namespace of their own
(``terms/tym.yaml`` and ``topics/tym.yaml`` are both fine), and they get no page each. They
are shown on the glossary page, as ``<abbr title>`` on first use in a page (see
:mod:`.abbr`) and in the induction pack.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .. import fi
from ..core.diagnostics import Report
from ..core.models import TERM_KIND, GlossaryTerm
from ..graph import Backlink, Graph
from ..load.files import _files, _shown, read_document
from ..load.validate import Record, build
from ..parsecache import ParseCache
from .refs import check_refs, check_texts


@dataclass(frozen=True)
class Entry:
    """One line of the glossary page: a term file, or an abbreviation an entity's own file
    gives (``abbreviation:``), which links to that entity."""

    term: str
    expansion: str
    anchor: str
    term_id: str | None = None  # the term file's id, when the entry is a glossary term
    entity_id: str | None = None  # the entity the entry links to (``see`` or its owner)


def load_terms(content: Path, report: Report, cache_folder: Path | None = None
               ) -> list[Record]:
    """Read and validate every file in ``content/terms/``; problems go to ``report``."""
    folder = content / TERM_KIND.folder
    if not folder.is_dir():
        return []
    cache = ParseCache(cache_folder)
    documents = []
    for file in _files(folder):
        if file.suffix != ".yaml":
            report.error(_shown(file, content), 0, 0,
                         f"tiedosto '{file.name}' ei ole YAML-tiedosto",
                         hint="sisältötiedostojen pääte on .yaml")
            continue
        document = read_document(file, TERM_KIND, _shown(file, content), report, cache)
        if document is not None:
            documents.append(document)
    cache.save()
    records = build(documents, report)
    first: dict[str, Record] = {}
    unique = []
    for record in records:
        key = _term(record).term
        if key in first:
            report.error(record.document.path, *record.document.position(("term",)),
                         f"term: termi '{key}' on jo sanastossa: {first[key].document.path}",
                         entity=record.id, hint="yhdistä selitykset yhteen tiedostoon")
            continue
        first[key] = record
        unique.append(record)
    return unique


def check_terms(records: list[Record], graph: Graph, report: Report, quiet: set[str]) -> None:
    """``see`` and ``[[id]]`` mentions of the terms point to entities of the graph."""
    unused: defaultdict[str, list[Backlink]] = defaultdict(list)  # terms are no back-links
    for record in records:
        check_refs(record, graph, report, unused, quiet)
        check_texts(record, graph, report, unused, quiet)


def _term(record: Record) -> GlossaryTerm:
    term = record.entity
    assert isinstance(term, GlossaryTerm)
    return term


def terms(graph: Graph) -> dict[str, GlossaryTerm]:
    """The graph's glossary terms by id."""
    return {r.id: _term(r) for r in graph.glossary}


def abbreviations(graph: Graph) -> dict[str, str]:
    """Term → expansion for ``<abbr title>``: glossary terms, then the abbreviations entities
    give in their own files (``abbreviation`` with the entity's name), where no term says
    otherwise. Of those, only ones written like abbreviations (a capital after the first
    letter: ``TEM``, ``TyöNVK``, ``ELY-keskus``) count; short names such as *Kuntaliitto* or
    *Eloisa* read as names, and a term file can still explain them."""
    found = {t.term: t.expansion for t in terms(graph).values()}
    for _entity_id, name, abbreviation in _entity_abbreviations(graph):
        if (abbreviation not in found and abbreviation != name
                and any(c.isupper() for c in abbreviation[1:])):
            found[abbreviation] = name
    return found


def entries(graph: Graph) -> list[Entry]:
    """Every glossary line in Finnish alphabetical order: the terms, and the entities'
    abbreviations that no term covers, linked to their entity."""
    rows = [Entry(t.term, t.expansion, anchor(t.term), term_id=i, entity_id=t.see)
            for i, t in terms(graph).items()]
    covered = {row.term for row in rows}
    for entity_id, name, abbreviation in _entity_abbreviations(graph):
        if abbreviation not in covered and abbreviation != name:
            covered.add(abbreviation)
            rows.append(Entry(abbreviation, name, anchor(abbreviation), entity_id=entity_id))
    return sorted(rows, key=lambda row: (fi.sort_key(row.term), row.term))


def anchor(term: str) -> str:
    """The id of a term's entry on the glossary page: ``tyonvk`` for *TyöNVK*."""
    return fi.slug(term) or "termi"


def _entity_abbreviations(graph: Graph) -> list[tuple[str, str, str]]:
    found = []
    for entity_id, record in graph.records.items():
        abbreviation = getattr(record.entity, "abbreviation", None)
        if abbreviation:
            found.append((entity_id, record.entity.display_name, abbreviation))
    return found
