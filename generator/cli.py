"""Command line: ``python -m generator check|generate|schema|new``.

Exit codes: 0 ok, 1 content errors, 2 usage errors.
"""

from __future__ import annotations

import argparse
import errno
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NoReturn

from . import fi
from .core.diagnostics import Report, close_matches, did_you_mean, suggestion
from .core.models import KINDS_BY_KEY, TERM_KIND
from .pipeline import check

NEW_KINDS = {**KINDS_BY_KEY, TERM_KIND.key: TERM_KIND}
"""What `new` can scaffold: every kind and glossary terms."""

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2
COMMANDS = ("check", "generate", "schema", "new")


class _FinnishHelp(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup],
                  prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "käyttö: " if prefix is None else prefix)


# argparse's own messages (Python 3.11) → Finnish; the rest of its text is set below.
_ARGPARSE_MESSAGES = (
    (re.compile(r"argument (?P<arg>\S+): invalid choice: '(?P<value>[^']*)' "
                r"\(choose from (?P<choices>.*)\)"),
     "tuntematon valinta '{value}' (vaihtoehdot: {choices})"),
    (re.compile(r"the following arguments are required: (?P<args>.*)"),
     "pakollinen argumentti puuttuu: {args}"),
    (re.compile(r"unrecognized arguments: (?P<args>.*)"), "tuntemattomia argumentteja: {args}"),
    (re.compile(r"argument (?P<arg>\S+): expected one argument"),
     "argumentille {arg} puuttuu arvo"),
    (re.compile(r"argument (?P<arg>\S+): (?P<rest>.*)"), "argumentti {arg}: {rest}"),
)


def _option_strings(parser: argparse.ArgumentParser) -> set[str]:
    """Every option of ``parser`` and its commands (``--strict`` is a command's option, but
    a misspelt one is reported by the main parser)."""
    found: set[str] = set()
    for action in parser._actions:
        found.update(s for s in action.option_strings if s.startswith("--"))
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                found |= _option_strings(command)
    return found


class _FinnishParser(argparse.ArgumentParser):
    """argparse with Finnish help and errors (it has no Finnish catalogue of its own)."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _FinnishHelp)
        # add_help is a named parameter, so kwargs cannot hold it (mypy cannot tell)
        super().__init__(*args, add_help=False, **kwargs)  # type: ignore[misc]
        self._positionals.title = "argumentit"
        self._optionals.title = "valinnat"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="näytä tämä ohje ja lopeta")

    def error(self, message: str) -> NoReturn:
        for pattern, finnish in _ARGPARSE_MESSAGES:
            match = pattern.fullmatch(message)
            if match:
                fields = match.groupdict()
                if "args" in fields and pattern.pattern.startswith("unrecognized"):
                    known = _option_strings(self)
                    hints = [did_you_mean(arg, known) for arg in fields["args"].split()
                             if arg.startswith("-")]
                    message = finnish.format(**fields) + "".join(
                        f"; {hint}" for hint in hints if hint)
                elif "value" in fields:
                    choices = re.findall(r"'([^']*)'", fields["choices"])
                    hint = did_you_mean(fields["value"], choices)
                    message = finnish.format(**fields) + (f"; {hint}" if hint else "")
                else:
                    message = finnish.format(**fields)
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: virhe: {message}\n")


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"pitää olla positiivinen kokonaisluku, ei '{text}'")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = _FinnishParser(
        prog="python -m generator",
        description="Yhdyspintaverkoston sivustogeneraattori: tarkista ja tuota sisältö.",
    )
    parser.add_argument("--content", type=Path, default=Path("content"),
                        help="sisältökansio (oletus: content)")
    # --content is accepted after the command too (`check --content DIR`).
    common = _FinnishParser(add_help=False)
    common.add_argument("--content", type=Path, default=argparse.SUPPRESS,
                        help="sisältökansio (oletus: content)")
    sub = parser.add_subparsers(dest="command", required=True, title="komennot",
                                metavar="{" + ",".join(COMMANDS) + "}")
    check_cmd = sub.add_parser("check", help="tarkista sisältö", parents=[common])
    check_cmd.add_argument("--strict", action="store_true", help="varoitukset ovat virheitä")
    check_cmd.add_argument("--github", action="store_true",
                           help="tulosta myös GitHub-annotaatiot (::error file=…)")
    gen = sub.add_parser("generate", help="kirjoita generoidut sivut kansioon",
                         parents=[common])
    gen.add_argument("--out", type=Path, required=True, help="kohdekansio")
    gen.add_argument("--strict", action="store_true", help="varoitukset ovat virheitä")
    gen.add_argument("--site-url", default=None, help="sivuston osoite (oletus: mkdocs.yml)")
    gen.add_argument("--no-handouts", action="store_true", help="älä tuota PDF-tiedostoja")
    gen.add_argument("--jobs", type=_positive, default=None, metavar="N",
                     help="sivuja tekeviä prosesseja enintään (oletus: yksi suoritinta kohden)")
    schema = sub.add_parser("schema", help="kirjoita JSON Schemat")
    schema.add_argument("--out", type=Path, required=True, help="kohdekansio")
    new = sub.add_parser("new", help="luo uusi sisältötiedosto", parents=[common])
    new.add_argument("kind", help="laji: " + ", ".join(NEW_KINDS))
    new.add_argument("id", help="tunniste (tiedostonimi ilman .yaml-päätettä)")
    return parser


def _print_report(report: Report, *, github: bool = False) -> None:
    if report.items:
        print(report.format(), file=sys.stderr)
    if github:
        for item in report.sorted():
            print(item.github_annotation())


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command == "schema":
        from .schema import write_schemas

        written = write_schemas(args.out)
        print(f"{len(written)} skeemaa kirjoitettu kansioon {args.out}")
        return EXIT_OK
    if args.command == "new":
        return _new(args.content, args.kind, args.id)
    graph, report = check(args.content)
    if args.command == "check":
        _print_report(report, github=args.github)
        if report.failed(strict=args.strict):
            return EXIT_CONTENT
        if report.warnings:
            print(f"Ei virheitä: {len(graph.records)} kohdetta. Varoitukset eivät estä "
                  "esikatselua eivätkä julkaisua, mutta pull requestin tarkistus (--strict) "
                  "ei hyväksy niitä.")
        else:
            print(f"Sisältö kunnossa: {len(graph.records)} kohdetta.")
        return EXIT_OK
    # generate
    _print_report(report)
    if report.failed(strict=args.strict):
        why = "virheitä" if report.errors else "varoituksia (--strict)"
        print(f"Mitään ei kirjoitettu, koska sisällössä on {why}.", file=sys.stderr)
        return EXIT_CONTENT
    problem = _output_folder_problem(args.out, args.content)
    if problem:
        print(f"virhe: {problem}\nMitään ei kirjoitettu.", file=sys.stderr)
        return EXIT_USAGE
    # The renderers (Jinja, icalendar, Graphviz, …) only here: `check`, which editors run
    # all the time, starts in about half the time without them.
    from .build import SiteConfig, render_site
    from .generate import write_outputs
    from .mkdocs_config import site_url_from_mkdocs

    site_url = args.site_url or site_url_from_mkdocs(Path("mkdocs.yml"))
    config = SiteConfig(content_dir=args.content, site_url=site_url,
                        project_root=Path(os.getcwd()), handouts=not args.no_handouts,
                        jobs=args.jobs)
    from .diagrams import DiagramError

    try:
        outputs = render_site(graph, config)
    except DiagramError as error:  # e.g. Graphviz missing: one line, no traceback
        print(f"virhe: {error}", file=sys.stderr)
        print("Mitään ei kirjoitettu.", file=sys.stderr)
        return EXIT_CONTENT
    try:
        result = write_outputs(outputs, args.out)
    except OSError as error:  # e.g. the disk filled up: say so; a new run finishes the job
        print(f"virhe: kansioon {args.out} kirjoittaminen keskeytyi: "
              f"{_os_problem(error)} ({error.filename or args.out})\n"
              "    vihje: kansiossa voi olla osa uusista tiedostoista; korjaa syy ja aja "
              "komento uudelleen (se kirjoittaa vain muuttuneet tiedostot)", file=sys.stderr)
        return EXIT_CONTENT
    print(f"{len(result.written)} tiedostoa kirjoitettu, {len(result.removed)} poistettu, "
          f"{result.unchanged} ennallaan ({args.out}).")
    return EXIT_OK


_OS_PROBLEMS = {
    errno.ENOENT: "kansiota ei ole eikä sitä voi luoda",
    errno.ENOTDIR: "polun osa on tiedosto, ei kansio",
    errno.EACCES: "ei kirjoitusoikeutta",
    errno.EPERM: "ei kirjoitusoikeutta",
    errno.ENOSPC: "levy on täynnä",
    errno.EDQUOT: "levytila (kiintiö) on käytetty",
    errno.EROFS: "levy on vain luettavissa",
}


def _os_problem(error: OSError) -> str:
    """The operating system's complaint in Finnish (its own text when it is rarer)."""
    return _OS_PROBLEMS.get(error.errno or 0, error.strerror or str(error))


def _output_folder_problem(out: Path, content: Path) -> str:
    """Why ``generate`` cannot write into ``out`` (checked before anything is written):
    not a folder, not writable, or where generated files would mix with the content."""
    target, source = out.resolve(), content.resolve()
    if target == source or source in target.parents:
        where = "on sisältökansio" if target == source else f"on sisältökansion {content} sisällä"
        return (f"kohdekansio {out} {where}: generoidut tiedostot sekoittuisivat "
                "sisältöön; anna oma kansio, esim. --out out")
    if target in source.parents:
        return (f"kohdekansio {out} sisältää sisältökansion {content}: anna oma kansio, "
                "esim. --out out")
    existing = next((p for p in (out, *out.parents) if p.exists()), None)
    if existing is None:
        return ""
    if not existing.is_dir():
        return f"{existing} on tiedosto, ei kansio: anna --out-valinnalle kansio"
    if not os.access(existing, os.W_OK | os.X_OK):
        return f"kansioon {existing} ei ole kirjoitusoikeutta"
    return ""


def _kind_hint(word: str) -> str:
    """``; tarkoititko 'meeting'?`` for ``kokous``, ``kokoukset``, ``meetings`` or ``meetng``."""
    names = {}
    for kind in NEW_KINDS.values():
        for name in (kind.key, kind.folder, kind.singular, kind.plural):
            names[fi.fold(name)] = kind.key
    folded = fi.fold(word)
    keys = ([names[folded]] if folded in names
            else [names[c] for c in close_matches(folded, names)])
    hint = suggestion(keys)
    return f"; {hint}" if hint else ""


def _new(content: Path, kind_key: str, entity_id: str) -> int:
    kind = NEW_KINDS.get(kind_key)
    if kind is None:
        print(f"tuntematon laji '{kind_key}'; lajit: "
              + ", ".join(f"{k.key} ({k.singular.lower()})" for k in NEW_KINDS.values())
              + _kind_hint(kind_key), file=sys.stderr)
        return EXIT_USAGE
    from .scaffold import create, id_problem

    problem = id_problem(entity_id)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_USAGE

    try:
        target = create(content, kind, entity_id)
    except FileExistsError:
        print(f"tiedosto on jo olemassa: {content / kind.folder / entity_id}.yaml",
              file=sys.stderr)
        return EXIT_USAGE
    print(f"Luotu {target}")
    return EXIT_OK
