"""Diagnostics: every problem found in content, with its location and a hint.

Stages never raise on bad content; they add to a :class:`Report` and go on, so an editor
sees every error of every file at once. Messages are Finnish, like the editors.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from .. import fi

Severity = Literal["virhe", "varoitus"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem: ``path:line:col: virhe: message [entity]`` plus an optional hint."""

    path: str
    line: int
    col: int
    severity: Severity
    message: str
    entity: str = ""
    hint: str = ""

    def format(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}" if self.line else self.path
        text = f"{where}: {self.severity}: {self.message}"
        if self.entity:
            text += f" [{self.entity}]"
        if self.hint:
            text += f"\n    vihje: {self.hint}"
        return text

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command (shows on the PR's lines)."""
        level = "error" if self.severity == "virhe" else "warning"
        message = self.message + (f" [{self.entity}]" if self.entity else "")
        if self.hint:
            message += f" (vihje: {self.hint})"
        message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        loc = f"file={self.path}"
        if self.line:
            loc += f",line={self.line},col={self.col}"
        return f"::{level} {loc}::{message}"


@dataclass
class Report:
    """Collects diagnostics from every stage."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, path: str, line: int, col: int, message: str, *, entity: str = "",
              hint: str = "") -> None:
        self.items.append(Diagnostic(path, line, col, "virhe", message, entity, hint))

    def warning(self, path: str, line: int, col: int, message: str, *, entity: str = "",
                hint: str = "") -> None:
        self.items.append(Diagnostic(path, line, col, "varoitus", message, entity, hint))

    @property
    def errors(self) -> list[Diagnostic]:
        return sorted(d for d in self.items if d.severity == "virhe")

    @property
    def warnings(self) -> list[Diagnostic]:
        return sorted(d for d in self.items if d.severity == "varoitus")

    def failed(self, *, strict: bool = False) -> bool:
        return bool(self.errors or (strict and self.warnings))

    def sorted(self) -> list[Diagnostic]:
        return sorted(set(self.items))

    def format(self) -> str:
        lines = [d.format() for d in self.sorted()]
        lines.append(summary_line(len(self.errors), len(self.warnings)))
        return "\n".join(lines)


def summary_line(errors: int, warnings: int) -> str:
    """``1 virhe, 2 varoitusta``"""
    return (f"{fi.count(errors, 'virhe', 'virhettä')}, "
            f"{fi.count(warnings, 'varoitus', 'varoitusta')}")


def close_matches(word: str, choices: Iterable[str], cutoff: float = 0.6) -> list[str]:
    """Up to three of ``choices`` close to ``word``, closest first."""
    return difflib.get_close_matches(word, sorted(set(choices)), n=3, cutoff=cutoff)


def suggestion(candidates: Iterable[str]) -> str:
    """``tarkoititko 'a' tai 'b'?``, or "" when there are none."""
    shown = list(dict.fromkeys(candidates))
    if not shown:
        return ""
    return "tarkoititko " + " tai ".join(f"'{c}'" for c in shown) + "?"


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A Finnish "did you mean" hint, or "" when nothing is close."""
    return suggestion(close_matches(word, choices))


class ContentError(Exception):
    """Raised by the public entry points when content has errors; carries the report."""

    def __init__(self, report: Report) -> None:
        super().__init__(report.format())
        self.report = report
