"""Recent content changes, computed from the content itself as it changed in git.

For each commit that touches ``content/``, the YAML of every entity it touched is read as
it was before and after the commit, and their top-level fields are compared: which entity,
and which of its facts changed. Commit messages and authors are never read; the commit's
date is the only thing taken from the commit itself. A build without the history (no git,
or a shallow clone) says so instead of showing what it cannot know.

A commit's changes depend only on the commit, so they are kept in ``.cache/changes`` by
commit id: a warm build runs one ``git log`` and reads small JSON files.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from .. import fi
from ..core.models import KINDS_BY_FOLDER, KINDS_BY_KEY

MAX_ENTRIES = 50
"""How many changes the page and the feed show, newest first."""
MAX_COMMITS = 300
"""How far back ``git log`` looks for them (commits that touched the content)."""
CACHE_FOLDER = Path(".cache") / "changes" / "v1"

ADDED, REMOVED, CHANGED, MOVED = "lisätty", "poistettu", "muutettu", "siirretty"


@dataclass(frozen=True)
class Change:
    """One entity changed by one commit."""

    commit: str
    time: int
    """The commit's time, seconds since the epoch (UTC)."""
    kind: str
    id: str
    action: str
    name: str
    """The entity's name as the file gave it (after the change; before, if removed)."""
    fields: tuple[str, ...] = ()
    """Top-level fields whose values changed, in the model's order."""
    old_kind: str = ""
    """For a move: the kind (folder) it was in before."""


@dataclass(frozen=True)
class History:
    available: bool
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True)
class _Commit:
    sha: str
    parent: str | None
    time: int
    files: tuple[tuple[str, str], ...]  # (status A/M/D, path relative to the root)


def history(root: Path, folder: str = "content", *, cache: Path | None = None,
            limit: int = MAX_ENTRIES) -> History:
    """The newest ``limit`` changes under ``root/folder``; unavailable without history."""
    if not _full_history(root):
        return History(False)
    commits = _log(root, folder)
    if commits is None:
        return History(False)
    found: list[Change] = []
    blobs: _Blobs | None = None
    try:
        for commit in commits:
            changes = _cached(cache, commit.sha, folder)
            if changes is None:
                blobs = blobs or _Blobs(root)
                changes = _compare(commit, folder, blobs)
                _store(cache, commit.sha, folder, changes)
            found.extend(changes)
            if len(found) >= limit:
                break
    except (OSError, subprocess.SubprocessError, ValueError):
        return History(False)
    finally:
        if blobs is not None:
            blobs.close()
    return History(True, tuple(found[:limit]))


# --- git --------------------------------------------------------------------------------


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str] | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                                timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result if result.returncode == 0 else None


def _full_history(root: Path) -> bool:
    """Inside a git work tree that is not a shallow clone."""
    result = _git(root, "rev-parse", "--is-shallow-repository")
    return result is not None and result.stdout.strip() == "false"


def _log(root: Path, folder: str) -> list[_Commit] | None:
    result = _git(root, "log", f"--max-count={MAX_COMMITS}", "--format=@%H %P|%ct",
                  "--name-status", "--no-renames", "--relative", "--", folder)
    if result is None:
        return None
    commits: list[_Commit] = []
    head: tuple[str, str | None, int] | None = None
    files: list[tuple[str, str]] = []

    def flush() -> None:
        if head is not None and files:
            commits.append(_Commit(*head, tuple(files)))

    for line in result.stdout.splitlines():
        if line.startswith("@"):
            flush()
            ids, _, stamp = line[1:].partition("|")
            sha, *parents = ids.split()
            head, files = (sha, parents[0] if parents else None, int(stamp)), []
        elif "\t" in line:
            status, _, path = line.partition("\t")
            if status[:1] in "AMD" and _kind_of(path, folder) is not None:
                files.append((status[:1], path))
    flush()
    return commits


class _Blobs:
    """``git cat-file --batch``: the text of ``<commit>:<path>`` files, one process."""

    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen(["git", "cat-file", "--batch"], cwd=root,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def text(self, commit: str, path: str) -> str | None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(f"{commit}:./{path}\n".encode())
        self.process.stdin.flush()
        header = self.process.stdout.readline().decode().split()
        if len(header) != 3 or header[1] != "blob":
            return None  # missing
        data = self.process.stdout.read(int(header[2]) + 1)[:-1]
        return data.decode("utf-8", errors="replace")

    def close(self) -> None:
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()
        self.process.wait(timeout=30)


# --- comparing --------------------------------------------------------------------------


def _kind_of(path: str, folder: str) -> str | None:
    """The kind of a content file ``folder/<kind folder>/<id>.yaml``, else None."""
    parts = path.split("/")
    if (len(parts) != 3 or parts[0] != folder or parts[1] not in KINDS_BY_FOLDER
            or any(p.startswith(".") for p in parts)
            or not parts[2].endswith((".yaml", ".yml"))):
        return None
    return KINDS_BY_FOLDER[parts[1]].key


def _entity_id(path: str) -> str:
    return path.rpartition("/")[2].rsplit(".", 1)[0]


def _fields(text: str | None) -> dict[str, Any] | None:
    """The top-level fields of a content file, every scalar as text (as the loader reads
    them); None when the file is missing or not a mapping."""
    if text is None:
        return None
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))
    except yaml.YAMLError:
        return None
    return _without_editor_notes(data) if isinstance(data, dict) else None


EDITOR_NOTE = "editor_note"


def _without_editor_notes(value: Any) -> Any:
    """``value`` with every ``editor_note`` left out, at any depth: a change to a note for
    editors is no change for readers, and its mere mention would reach them."""
    if isinstance(value, dict):
        return {k: _without_editor_notes(v) for k, v in value.items() if k != EDITOR_NOTE}
    if isinstance(value, list):
        return [_without_editor_notes(item) for item in value]
    return value


def entity_name(kind: str, data: dict[str, Any], entity_id: str) -> str:
    """A reader's name for an entity from its fields: abbreviation or name or title; a
    meeting with its day, since many meetings share a title."""
    def text(key: str) -> str:
        value = data.get(key)
        return value.strip() if isinstance(value, str) else ""

    if kind == "meeting":
        title = text("title") or entity_id
        when = text("date") or text("month")
        try:
            return f"{title} {fi.partial_date(when)}" if when else title
        except ValueError:
            return title
    for key in ("abbreviation", "short_name", "name", "title"):
        if text(key):
            return text(key)
    return entity_id


def _order(kind: str) -> dict[str, int]:
    return {name: index for index, name in enumerate(KINDS_BY_KEY[kind].model.model_fields)}


def _compare(commit: _Commit, folder: str, blobs: _Blobs) -> list[Change]:
    added: dict[str, tuple[str, dict[str, Any]]] = {}
    removed: dict[str, tuple[str, dict[str, Any]]] = {}
    changes: list[Change] = []
    for status, path in commit.files:
        kind = _kind_of(path, folder)
        assert kind is not None
        entity_id = _entity_id(path)
        before = (_fields(blobs.text(commit.parent, path))
                  if commit.parent and status != "A" else None)
        after = _fields(blobs.text(commit.sha, path)) if status != "D" else None
        if before is None and after is not None:
            added[entity_id] = (kind, after)
        elif after is None and before is not None:
            removed[entity_id] = (kind, before)
        elif before is not None and after is not None:
            order = _order(kind)
            keys = [k for k in {**before, **after} if before.get(k) != after.get(k)]
            if keys:
                keys.sort(key=lambda k: (order.get(k, len(order)), k))
                changes.append(Change(commit.sha, commit.time, kind, entity_id, CHANGED,
                                      entity_name(kind, after, entity_id), tuple(keys)))
    for entity_id, (kind, after) in added.items():
        name = entity_name(kind, after, entity_id)
        if entity_id in removed:  # the same file in another folder: a move
            old_kind = removed.pop(entity_id)[0]
            changes.append(Change(commit.sha, commit.time, kind, entity_id, MOVED, name,
                                  old_kind=old_kind))
        else:
            changes.append(Change(commit.sha, commit.time, kind, entity_id, ADDED, name))
    for entity_id, (kind, before) in removed.items():
        changes.append(Change(commit.sha, commit.time, kind, entity_id, REMOVED,
                              entity_name(kind, before, entity_id)))
    kinds = list(KINDS_BY_KEY)
    return sorted(changes, key=lambda c: (kinds.index(c.kind), fi.sort_key(c.name), c.id))


# --- cache ------------------------------------------------------------------------------


def _cache_file(cache: Path, sha: str, folder: str) -> Path:
    return cache / f"{sha}-{folder}.json"


def _cached(cache: Path | None, sha: str, folder: str) -> list[Change] | None:
    if cache is None:
        return None
    try:
        items = json.loads(_cache_file(cache, sha, folder).read_text("utf-8"))
        return [Change(**{**item, "fields": tuple(item["fields"])}) for item in items]
    except (OSError, ValueError, TypeError, KeyError):
        return None  # missing or damaged: computed again


def _store(cache: Path | None, sha: str, folder: str, changes: list[Change]) -> None:
    if cache is None:
        return
    try:
        cache.mkdir(parents=True, exist_ok=True)
        target = _cache_file(cache, sha, folder)
        temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps([asdict(c) for c in changes], ensure_ascii=False),
                             "utf-8")
        os.replace(temporary, target)
    except OSError:
        pass  # a read-only checkout builds without the cache
