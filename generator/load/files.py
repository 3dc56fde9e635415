"""Load stage: YAML files → plain data that remembers where every key and value stood.

The loader reads YAML *events*, not PyYAML's constructed objects, for three reasons:

* every scalar stays a string, and the model decides its type, so YAML 1.1 surprises
  cannot corrupt data (``10:30`` is never 630, ``no`` is never ``False``);
* duplicate keys, anchors, aliases and tags are seen and rejected with a position
  (PyYAML accepts duplicate keys silently, and aliases allow "billion laughs");
* line and column of every key and value are kept, for messages editors can act on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import parsecache
from ..core.diagnostics import Report
from ..core.formats import SLUG
from ..core.models import KINDS, KINDS_BY_FOLDER, TERM_KIND, Kind
from ..parsecache import ParseCache, Parsed
from .problems import (
    FALLBACK_HINT,
    Path_,
    Position,
    YamlProblem,
    check_lookalikes,
    has_lookalike,
    hash_lines,
    quoted_line,
    short,
    syntax_problem,
)

try:  # the C parser is several times faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 50  # nested lists and mappings; content needs ~6, and ~1,000 would overflow the stack
SCHEMA_LINE_PREFIX = "# yaml-language-server: $schema="


@dataclass
class Document:
    """One content file: its data, and the position of every key and value in it."""

    kind: Kind
    id: str
    path: str  # as shown in messages, relative to the project root
    data: dict[str, Any]
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # (line, col)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    text: str = ""  # the file as read, for positions inside a value (:meth:`position_of`)

    def position(self, path: Path_, *, key: bool = False) -> Position:
        """The closest known position for ``path`` (falls back to its parents)."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return Position(*table[probe])
            if not key and probe in self.keys:
                return Position(*self.keys[probe])
            probe = probe[:-1]
        return Position(*self.values.get((), (1, 1)))

    def position_of(self, path: Path_, fragment: str) -> Position:
        """Where ``fragment`` (e.g. a ``[[mention]]``) stands in the value at ``path``: the
        first occurrence at or after the value's start, so a mention on line 47 of a long
        ``|`` block is shown on line 47. The value's own position when the fragment is not
        in the file as written (an escape inside quotes, a line folded in the middle)."""
        start = self.position(path)
        lines = self.text.split("\n")
        if not fragment or not 0 < start.line <= len(lines):
            return start
        offset = sum(len(line) + 1 for line in lines[:start.line - 1]) + start.col - 1
        found = self.text.find(fragment, offset)
        if found < 0:
            return start
        line = self.text.count("\n", 0, found) + 1
        return Position(line, found - (self.text.rfind("\n", 0, found) + 1) + 1)


def _reject_features(event: yaml.Event) -> None:
    if isinstance(event, yaml.AliasEvent):
        raise YamlProblem(
            "YAML-viittaukset (*alias) eivät ole sallittuja",
            event.start_mark,
            "kirjoita arvo auki joka kohtaan",
        )
    anchor = getattr(event, "anchor", None)
    if anchor:
        raise YamlProblem(
            f"YAML-ankkurit (&{anchor}) eivät ole sallittuja",
            event.start_mark,
            "kirjoita arvo auki joka kohtaan",
        )
    tag = getattr(event, "tag", None)
    if tag and tag != "!":
        raise YamlProblem(
            f"YAML-tagit ({tag}) eivät ole sallittuja",
            event.start_mark,
            "poista tagi; kentän tyyppi tulee sisältömallista",
        )
    if not isinstance(event, yaml.NodeEvent):
        raise YamlProblem(f"odottamaton YAML-rakenne {type(event).__name__}", event.start_mark)


_NULLS = frozenset(("", "~", "null", "Null", "NULL"))


class _Builder:
    """Builds plain data from YAML events, recording positions.

    The hottest loop of the load stage (one call per key and value), so it compares event
    types with ``is`` and checks for anchors, aliases and tags with one test per event; the
    messages come from :func:`_reject_features`.
    """

    def __init__(self, next_event: Callable[[], Any]) -> None:
        self.next = next_event
        self.values: dict[Path_, tuple[int, int]] = {}
        self.keys: dict[Path_, tuple[int, int]] = {}

    def document(self) -> Any:
        return self.node(self.next(), ())

    def node(self, event: Any, path: Path_) -> Any:  # Any: `type(x) is` does not narrow
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.anchor is not None or (event.tag is not None and event.tag != "!"):
                _reject_features(event)
            mark = event.start_mark
            self.values[path] = (mark.line + 1, mark.column + 1)
            value = event.value
            if value in _NULLS and event.implicit[0]:
                return None
            return value
        if ((kind is not yaml.MappingStartEvent and kind is not yaml.SequenceStartEvent)
                or event.anchor is not None or (event.tag is not None and event.tag != "!")):
            _reject_features(event)  # raises: an alias, anchor, tag or a stray event
        mark = event.start_mark
        if len(path) >= MAX_DEPTH:  # before Python's recursion limit gives a traceback
            raise YamlProblem(
                f"rakenne on sisäkkäin liian syvällä (yli {MAX_DEPTH} tasoa)", mark,
                "sisältö tarvitsee vain muutaman sisäkkäisen tason; tarkista sisennykset ja "
                "rivien alun '- '-merkit")
        self.values[path] = (mark.line + 1, mark.column + 1)
        next_event = self.next
        if kind is yaml.SequenceStartEvent:
            items: list[Any] = []
            while True:
                child = next_event()
                if type(child) is yaml.SequenceEndEvent:
                    return items
                items.append(self.node(child, (*path, len(items))))
        mapping: dict[str, Any] = {}
        keys = self.keys
        while True:
            key_event = next_event()
            key_kind = type(key_event)
            if key_kind is yaml.MappingEndEvent:
                return mapping
            if key_kind is not yaml.ScalarEvent:
                _reject_features(key_event)
                raise YamlProblem("avaimen pitää olla tekstiä", key_event.start_mark)
            if key_event.anchor is not None or (key_event.tag is not None
                                                and key_event.tag != "!"):
                _reject_features(key_event)
            key = key_event.value
            key_path = (*path, key)
            if key in mapping:
                first_line, _ = keys[key_path]
                raise YamlProblem(
                    f"avain '{key}' toistuu (ensimmäinen rivillä {first_line})",
                    key_event.start_mark,
                    "poista toinen tai yhdistä niiden sisältö",
                )
            key_mark = key_event.start_mark
            keys[key_path] = (key_mark.line + 1, key_mark.column + 1)
            mapping[key] = self.node(next_event(), key_path)


class _CommentingBuilder(_Builder):
    """A :class:`_Builder` that also warns when a ``#`` comment cuts an unquoted value short
    (``title: Verkoston kokous #3`` gives "Verkoston kokous"). Used only for files with a
    `` #`` on a line that is not a comment line, so the common case pays nothing."""

    def __init__(self, next_event: Callable[[], Any], lines: list[str],
                 hash_lines: set[int]) -> None:
        super().__init__(next_event)
        self.lines = lines
        self.hash_lines = hash_lines  # 0-based numbers of lines with a " #" after content
        self.warnings: list[tuple[int, int, str, str]] = []

    def node(self, event: Any, path: Path_) -> Any:
        value = _Builder.node(self, event, path)
        if type(event) is yaml.ScalarEvent and not event.style:  # plain: '' (C) or None
            end: Any = event.end_mark
            if end.line in self.hash_lines:
                self._check_comment(event, value)
        return value

    def _check_comment(self, event: Any, value: str | None) -> None:
        end = event.end_mark
        line = self.lines[end.line]
        rest = line[end.column:]
        after = rest.lstrip(" \t")
        if not after.startswith("#"):
            return
        col = end.column + len(rest) - len(after)
        start = event.start_mark
        if value is None:
            message = "'#' aloittaa kommentin, joten kentän arvo jää tyhjäksi"
        else:
            message = f"'#' aloittaa kommentin, joten arvoksi jää vain '{short(value)}'"
        if start.line == end.line:
            begin = len(line) - len(line[start.column:].lstrip(" \t"))
            quote = f"laita koko arvo lainausmerkkeihin: {quoted_line(line, begin)}"
        else:
            quote = "laita koko arvo lainausmerkkeihin"
        self.warnings.append((
            end.line + 1, col + 1, message,
            f"jos # kuuluu tekstiin, {quote}; jos kommentti on tarkoituksellinen, "
            "siirrä se omalle rivilleen",
        ))


def parse_yaml(text: str) -> Parsed:
    """Parse one YAML document into plain data (strings, lists, dicts) with the
    ``(line, col)`` of every value and key, and the warnings found on the way as
    ``(line, col, message, hint)``."""
    parser = _Loader(text)
    try:
        next_event: Callable[[], Any] = parser.get_event  # no generator in between
        stream_start = next_event()
        assert isinstance(stream_start, yaml.StreamStartEvent)
        first = next_event()
        if isinstance(first, yaml.StreamEndEvent):
            raise YamlProblem("tiedosto on tyhjä", hint="lisää vähintään pakolliset kentät",
                              at=Position(1, 1))
        builder: _Builder
        # A comment after content: a '#' after line 1 (the schema line) first, as a
        # one-character search is much faster than one for " #".
        if (text.find("#", text.find("\n") + 1) >= 0
                and (" #" in text or "\t#" in text)):
            commented = hash_lines(text)
            builder = (_CommentingBuilder(next_event, text.split("\n"), commented)
                       if commented else _Builder(next_event))
        else:
            builder = _Builder(next_event)
        data = builder.document()
        end = next_event()
        assert isinstance(end, yaml.DocumentEndEvent)
        after = next_event()
        if not isinstance(after, yaml.StreamEndEvent):
            raise YamlProblem(
                "tiedostossa on useampi YAML-dokumentti", after.start_mark,
                "yksi tiedosto kuvaa yhden asian; poista '---'-erotin",
            )
    except yaml.MarkedYAMLError as exc:
        raise syntax_problem(exc, text) from exc
    except yaml.YAMLError as exc:
        raise YamlProblem(f"YAML-rakenne on virheellinen ({exc})", hint=FALLBACK_HINT,
                          at=Position(1, 1)) from exc
    finally:
        parser.dispose()
    if has_lookalike(text):
        check_lookalikes(text, data, builder.values, builder.keys)
    warnings = tuple(builder.warnings) if isinstance(builder, _CommentingBuilder) else ()
    return data, builder.values, builder.keys, warnings


def read_document(file: Path, kind: Kind, shown: str, report: Report,
                  cache: ParseCache | None = None) -> Document | None:
    """Read one content file; problems go to ``report`` and give ``None``. ``cache``:
    parse results of earlier builds, by the file's bytes."""
    entity_id = file.stem
    if not SLUG.match(entity_id):
        report.error(shown, 0, 0, f"tiedostonimi '{file.name}' ei kelpaa tunnisteeksi",
                     hint="käytä pienaakkosia a–z, numeroita ja väliviivoja, "
                     "esim. laki-380-2023.yaml")
        return None
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            report.error(shown, 0, 0, f"tiedosto on liian suuri ({size} tavua, enintään 1 MiB)",
                         entity=entity_id, hint="jaa sisältö useaan tiedostoon")
            return None
        raw = file.read_bytes()
    except OSError as exc:
        report.error(shown, 0, 0, f"tiedostoa ei voi lukea: {exc.strerror}", entity=entity_id)
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        report.error(shown, line, 1, "tiedosto ei ole UTF-8-muotoista tekstiä", entity=entity_id,
                     hint="tallenna tiedosto UTF-8-merkistössä")
        return None
    if text.startswith("\ufeff"):  # a byte order mark: invisible to editors and to PyYAML
        text = text[1:]
    key = parsecache.key_of(raw) if cache is not None else ""
    parsed = cache.get(key) if cache is not None else None
    if parsed is None:
        try:
            parsed = parse_yaml(text)
        except YamlProblem as problem:
            line, col = ((problem.position.line, problem.position.col) if problem.position
                         else (0, 0))
            report.error(shown, line, col, problem.message, entity=entity_id,
                         hint=problem.hint)
            return None
        if cache is not None:
            cache.put(key, parsed)
    data, values, keys, warnings = parsed
    for line, col, message, hint in warnings:
        report.warning(shown, line, col, message, entity=entity_id, hint=hint)
    expected = f"{SCHEMA_LINE_PREFIX}../../schema/{kind.key}.schema.json"
    if text.split("\n", 1)[0].strip() != expected:
        report.warning(shown, 1, 1, "ensimmäinen rivi ei ole skeemarivi", entity=entity_id,
                       hint=f"lisää alkuun: {expected} (VS Code täydentää silloin kentät)")
    if not isinstance(data, dict):
        report.error(shown, 1, 1, "tiedoston ylätason pitää olla avain–arvo-rakenne",
                     entity=entity_id, hint="aloita esim. rivillä `name: …`")
        return None
    return Document(kind, entity_id, shown, data, values, keys, text)


def content_files(root: Path, report: Report) -> Iterator[tuple[Path, Kind]]:
    """Every content file under ``root`` with its kind; stray files are reported, not skipped."""
    if not root.is_dir():
        report.error(str(root), 0, 0, "sisältökansiota ei löydy")
        return
    for entry in sorted(root.iterdir()):
        if entry.name.startswith(".") or entry.name == "README.md":
            continue
        if entry.name == TERM_KIND.folder and entry.is_dir():
            continue  # the glossary reads its own folder (glossary.load_terms)
        kind = KINDS_BY_FOLDER.get(entry.name)
        if kind is None or not entry.is_dir():
            folders = ", ".join(f"{k.folder}/ ({k.plural.lower()})"
                                for k in (*KINDS, TERM_KIND))
            if entry.is_dir():
                report.error(_shown(entry, root), 0, 0,
                             f"tuntematon sisältökansio '{entry.name}'",
                             hint=f"sisältö kuuluu kansioihin: {folders}")
            else:
                report.error(_shown(entry, root), 0, 0,
                             f"tiedosto '{entry.name}' on suoraan sisältökansiossa, ei "
                             "minkään sisältölajin kansiossa",
                             hint=f"siirrä tiedosto lajinsa kansioon: {folders}")
            continue
        for file in _files(entry):
            if file.suffix not in (".yaml", ".yml"):
                if file.suffix.lower() in (".yaml", ".yml"):
                    report.error(_shown(file, root), 0, 0,
                                 f"tiedostopääte '{file.suffix}' on isoilla kirjaimilla",
                                 hint=f"nimeä tiedosto uudelleen: {file.stem}.yaml "
                                 "(pääte pienillä kirjaimilla)")
                else:
                    report.error(_shown(file, root), 0, 0,
                                 f"tiedosto '{file.name}' ei ole YAML-tiedosto",
                                 hint="sisältötiedostojen pääte on .yaml")
                continue
            yield file, kind


def _files(folder: Path) -> list[Path]:
    """The files under ``folder``, sorted; names starting with a dot (files and folders,
    e.g. drafts in ``.luonnokset/``) are skipped, as in the top folder."""
    found: list[Path] = []
    for parent, folders, files in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found.extend(Path(parent, name) for name in files if not name.startswith("."))
    return sorted(found)


def _shown(file: Path, root: Path, prefix: str | None = None) -> str:
    """Path as editors see it: relative to the working directory (``content/…``)."""
    full, base = str(file), str(root)
    if full.startswith(base + os.sep):  # every file the walk finds: no Path arithmetic
        inside = full[len(base) + 1:].replace(os.sep, "/")
    else:
        inside = file.relative_to(root).as_posix()
    return (prefix or _shown_prefix(root)) + inside


def _shown_prefix(root: Path) -> str:
    """How ``root`` is shown, resolved once per load rather than once per file."""
    try:
        return root.resolve().relative_to(Path.cwd().resolve()).as_posix() + "/"
    except ValueError:
        return root.name + "/"


def load(root: Path, report: Report, seen: set[str] | None = None, *,
         cache_folder: Path | None = None) -> list[Document]:
    """Load every content file under ``root``; ``seen`` collects every file's id, also of
    files that fail, so later stages don't report references to them as dangling.
    ``cache_folder``: where parse results are kept between builds (:mod:`.parsecache`)."""
    documents = []
    prefix = _shown_prefix(root)
    cache = ParseCache(cache_folder)
    for file, kind in content_files(root, report):
        if seen is not None:
            seen.add(file.stem)
        document = read_document(file, kind, _shown(file, root, prefix), report, cache)
        if document is not None:
            documents.append(document)
    cache.save()
    return documents
