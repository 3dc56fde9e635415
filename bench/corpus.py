"""Synthetic corpora for the benchmark: the real content cloned under new ids.

A corpus of ``size`` entities is made of *generations*: generation 0 is the real content,
generation ``g`` is a copy whose ids (file names) get the suffix ``-k{g}``; every reference
inside a copy (reference fields found through the models' ``Ref`` annotations, and ``[[id]]``
mentions in Markdown) points into the same copy, and names get `` (g)`` so pages differ.
The last generation holds the remaining entities with the real mix of kinds; its references
to entities it does not hold point at generation 0. A corpus smaller than the real content is
one such partial generation whose references to missing entities are removed (a list item or
an optional field; a mention becomes the plain name), so every corpus validates.

``python -m bench.corpus --size 1000 --out bench/corpus/1000`` writes one (``bench/corpus/`` is
git-ignored).
"""

from __future__ import annotations

import argparse
import contextlib
import re
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from generator.core.annotations import walk_markdown, walk_refs
from generator.core.models import KINDS, MENTION
from generator.graph import Graph
from generator.pipeline import check

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/{}.schema.json\n"
NAME_FIELDS = ("name", "title")
KIND_ORDER = {kind.key: index for index, kind in enumerate(KINDS)}


def real_graph(content: Path = ROOT / "content") -> Graph:
    graph, report = check(content)
    if report.errors:
        raise SystemExit(f"the real content has errors; fix them first:\n{report.format()}")
    return graph


def select(graph: Graph, size: int) -> list[str]:
    """``size`` real ids with the real mix of kinds (largest remainder), for ``size`` below
    the real content's size. Meetings bring the committee whose meeting they are."""
    by_kind: dict[str, list[str]] = {kind.key: [] for kind in KINDS}
    for entity_id in sorted(graph.records):
        by_kind[graph.kind_of(entity_id)].append(entity_id)
    total = len(graph.records)
    shares = {k: size * len(ids) / total for k, ids in by_kind.items()}
    quota = {k: int(v) for k, v in shares.items()}
    for k in sorted(shares, key=lambda k: shares[k] - quota[k], reverse=True)[:size - sum(
            quota.values())]:
        quota[k] += 1
    chosen = [i for k, ids in by_kind.items() for i in ids[:quota[k]]]
    for meeting_id in [i for i in chosen if graph.kind_of(i) == "meeting"]:
        series = graph.meetings[meeting_id].series
        if series not in chosen:
            largest = max(by_kind, key=lambda k: sum(graph.kind_of(i) == k for i in chosen))
            drop = next(i for i in reversed(chosen) if graph.kind_of(i) == largest)
            chosen.remove(drop)
            chosen.append(series)
    return sorted(chosen, key=lambda i: (KIND_ORDER[graph.kind_of(i)], i))


def _get(data: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def clone(graph: Graph, entity_id: str, generation: int, present: set[str],
          *, prune: bool = False) -> tuple[str, str, str]:
    """``(folder, new id, YAML text)`` of one entity in one generation.

    References to entities of ``present`` (this generation's real ids) point into the same
    generation; others point at generation 0 or, with ``prune`` (a corpus smaller than the
    real content), are removed: a list item goes, an optional field goes, a mention becomes
    the plain name.
    """
    record = graph.records[entity_id]

    def new_id(old: str) -> str | None:
        if old in present:
            return old if generation == 0 else f"{old}-k{generation}"
        return None if prune else old

    data = _deep_copy(record.document.data)
    doomed: list[tuple[str | int, ...]] = []
    for path, _kinds, target in walk_refs(record.entity):
        replacement = new_id(target)
        if replacement is not None:
            _set(data, path, replacement)
            continue
        lists = [i for i, part in enumerate(path) if isinstance(part, int)]
        doomed.append(path[:lists[-1] + 1] if lists else path)
    for path in sorted(set(doomed), reverse=True):  # later list items first
        parent = _get(data, path[:-1])
        removed = parent.pop(path[-1])
        if path[:1] == ("seats",) and isinstance(removed, dict):
            for member in data.get("members", []):
                if member.get("seat") == removed.get("id"):
                    member.pop("seat")

    def mention(match: re.Match[str]) -> str:
        target = match.group(1).strip()
        replacement = new_id(target)
        if replacement is None:
            return graph.name(target) if target in graph.records else target
        return f"[[{replacement}]]"

    for path, text in walk_markdown(record.entity):
        with contextlib.suppress(KeyError, IndexError):  # inside a list item removed above
            _set(data, path, MENTION.sub(mention, text))
    if generation:
        if isinstance(data.get("formerly"), list):  # each clone moved from its own address
            data["formerly"] = [f"{old}-k{generation}" for old in data["formerly"]]
        for key in NAME_FIELDS:
            if isinstance(data.get(key), str):
                data[key] = f"{data[key]} ({generation})"
    text = SCHEMA_LINE.format(record.kind.key) + yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, width=100)
    return record.kind.folder, new_id(entity_id) or entity_id, text


def _set(data: Any, path: tuple[str | int, ...], value: str) -> None:
    parent = _get(data, path[:-1])
    if isinstance(parent, str):  # the short form: a bare id where the model has {actor: id}
        _get(data, path[:-2])[path[-2]] = value
    else:
        parent[path[-1]] = value


def _deep_copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _deep_copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_deep_copy(v) for v in value]
    return value


def plan(graph: Graph, size: int) -> list[tuple[int, list[str]]]:
    """``(generation, real ids)`` making a corpus of exactly ``size`` entities."""
    order = sorted(graph.records, key=lambda i: (KIND_ORDER[graph.kind_of(i)], i))
    full, rest = divmod(size, len(order))
    generations = [(g, order) for g in range(full)]
    if rest:
        generations.append((full, select(graph, rest)))
    return generations


def write_corpus(size: int, out: Path, graph: Graph | None = None) -> int:
    """Write a corpus of ``size`` entities to ``out`` (replacing it); returns the count."""
    graph = graph or real_graph()
    if out.exists():
        shutil.rmtree(out)
    count = 0
    for generation, ids in plan(graph, size):
        present = set(ids)
        prune = generation == 0 and len(ids) < len(graph.records)
        for entity_id in ids:
            folder, new, text = clone(graph, entity_id, generation, present, prune=prune)
            target = out / folder / f"{new}.yaml"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, "utf-8")
            count += 1
    return count


def copy_site_sources(project: Path, content: Path, *, handouts: bool = False) -> Path:
    """A buildable project around ``content``: mkdocs.yml, docs/, overrides/.

    Handouts are switched off in its mkdocs.yml unless asked for (the benchmark times them
    separately on the real content).
    """
    project.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    if not handouts:
        config = re.sub(r"(\n  - yhdyspinta:\n)", r"\1      handouts: false\n", config, count=1)
    (project / "mkdocs.yml").write_text(config, "utf-8")
    for folder in ("docs", "overrides"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, project / folder, dirs_exist_ok=True)
    if content.resolve() != (project / "content").resolve():
        shutil.copytree(content, project / "content", dirs_exist_ok=True)
    return project


def counts_by_kind(content: Path) -> dict[str, int]:
    return {kind.key: len(list((content / kind.folder).glob("*.yaml"))) for kind in KINDS}


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus")
    parser.add_argument("--size", type=int, required=True, help="number of entities")
    parser.add_argument("--out", type=Path, required=True, help="content folder to write")
    args = parser.parse_args(list(argv) if argv is not None else None)
    count = write_corpus(args.size, args.out)
    print(f"{count} entities in {args.out}: {counts_by_kind(args.out)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
