"""References: reference fields, ``[[id]]`` mentions, law sections, ``parent`` chains.

Each reference must exist and be of a kind its field allows; every reference found is a
back-link of its target.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from .. import fi
from ..core import relation_types
from ..core.annotations import legal_refs, walk_markdown, walk_refs
from ..core.diagnostics import Report, close_matches, did_you_mean
from ..core.models import KINDS_BY_KEY, MENTION, Body, Committee, Law, Process
from ..graph import Backlink, Graph
from ..load.validate import Record
from .links import check_links
from .report import dotted, err


def check_refs(record: Record, graph: Graph, report: Report,
                backlinks: dict[str, list[Backlink]], quiet: set[str]) -> None:
    for path, kinds, target in walk_refs(record.entity):
        if target in quiet:
            continue
        wanted = ("mikä tahansa sisältö" if set(kinds) == set(KINDS_BY_KEY)
                  else " tai ".join(KINDS_BY_KEY[k].singular.lower() for k in kinds))
        if target not in graph:
            candidates = [i for i, r in graph.records.items() if r.kind.key in kinds]
            err(record, path, f"{dotted(path)}: tuntematon viittaus '{target}' ({wanted})",
                 report, did_you_mean(target, candidates))
            continue
        actual = graph.kind_of(target)
        if actual not in kinds:
            err(record, path,
                 f"{dotted(path)}: '{target}' on {KINDS_BY_KEY[actual].singular.lower()}, "
                 f"odotettiin: {wanted}", report)
            continue
        if target == record.id and path[-1] in ("parent", "target"):
            err(record, path, f"{dotted(path)}: viittaa itseensä", report)
            continue
        backlinks[target].append(Backlink(record.id, dotted(path)))



def check_texts(record: Record, graph: Graph, report: Report,
                 backlinks: dict[str, list[Backlink]], quiet: set[str]) -> None:
    """``[[id]]`` mentions and link targets in every Markdown field of ``record``."""
    for path, text in walk_markdown(record.entity):
        if "[[" in text:
            check_mentions(record, path, text, graph, report, backlinks, quiet)
        if "](" in text or "]:" in text:
            check_links(record, path, text, report)



def check_mentions(record: Record, path: tuple[str | int, ...], text: str, graph: Graph,
                    report: Report, backlinks: dict[str, list[Backlink]], quiet: set[str]
                    ) -> None:
    for match in MENTION.finditer(text):
        target = match.group(1).strip()
        if target in quiet:
            continue
        if target in graph:
            backlinks[target].append(Backlink(record.id, dotted(path), mention=True))
        else:
            err(record, path,
                 f"{dotted(path)}: tekstin viittaus [[{target}]] ei osoita mihinkään",
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



def check_sections(record: Record, graph: Graph, report: Report) -> None:
    for path, _, ref in legal_refs(record.entity):
        if ref.section is None or ref.law not in graph:
            continue
        law = graph.entity(ref.law)
        if not isinstance(law, Law):
            continue
        numbers = [s.number for s in law.sections]
        if ref.section not in numbers:
            err(record, (*path, "section"),
                 f"{dotted(path)}.section: pykälää {ref.section} ei ole säädöksen "
                 f"'{ref.law}' pykälälistassa", report,
                 f"lisää pykälä tiedostoon content/laws/{ref.law}.yaml tai korjaa numero"
                 + (f"; listalla: {', '.join(numbers)}" if numbers else ""))



def check_parent_cycles(graph: Graph, report: Report) -> None:
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
                        err(record, ("parent",),
                             "parent-ketju muodostaa silmukan: " + " → ".join(cycle), report,
                             "jonkin ketjun jäsenen parent on väärin")
                    break
                chain.append(current)
                current = entities[current].parent  # type: ignore[attr-defined]


def check_repealed(record: Record, graph: Graph, report: Report, today: dt.date) -> None:
    """A current process or committee that cites a repealed law as its basis misleads a
    reader unless the reference says why (its ``note``); an ended committee may."""
    entity = record.entity
    if not isinstance(entity, Process | Committee):
        return
    if isinstance(entity, Committee) and entity.ended:
        return
    for path, _, ref in legal_refs(entity):
        law = graph.laws.get(ref.law) if ref.law in graph else None
        if law is None or not law.repealed(today) or ref.note:
            continue
        assert law.repealed_on is not None
        by = f" ({graph.laws[law.repealed_by].number})" if (
            law.repealed_by and law.repealed_by in graph.laws) else ""
        err(record, (*path, "law"),
            f"{dotted(path)}.law: säädös '{ref.law}' on kumottu "
            f"{fi.date(law.repealed_on)}{by}", report,
            "kerro viittauksen kentässä `note`, miksi kumottuun säädökseen viitataan (esim. "
            "'kuvaa tilannetta ennen 1.1.2025'), tai vaihda voimassa olevaan säädökseen",
            warning=True)


def check_relation_targets(record: Record, graph: Graph, report: Report) -> None:
    """Each relation type fits some target kinds only (``toteuttaa`` a topic, ``ohjaa`` an
    actor); a target that does not exist or is of no allowed kind is reported already."""
    relations = getattr(record.entity, "relations", None)
    if not relations:
        return

    def kind_of(entity_id: str) -> str | None:
        return graph.kind_of(entity_id) if entity_id in graph else None

    for index, message, hint in relation_types.target_problems(relations, kind_of):
        err(record, ("relations", index, "target"), f"relations.{index}.target: {message}",
            report, hint)
