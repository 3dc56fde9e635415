"""When content files last changed, read from git history in one call per build.

"Päivitetty" on pages, the date on handouts and DTSTAMP in calendar feeds all come from
here, so they belong to the commit being built, never to the build's clock.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from ..core.clock import HELSINKI
from ..graph import Graph


def last_commit_times(root: Path, folder: str = "content") -> dict[str, dt.datetime]:
    """``{path relative to root: UTC time of the last commit touching it}``; empty without git.

    Commit times belong to the commit, so two builds of the same commit agree. In a shallow
    clone every file gets the one commit's time.
    """
    try:
        result = subprocess.run(
            ["git", "log", "--format=@%ct", "--name-only", "--no-renames", "--relative",
             "--", folder],
            cwd=root, capture_output=True, text=True, timeout=30, check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if result.returncode != 0:
        return {}
    times: dict[str, dt.datetime] = {}
    current: dt.datetime | None = None
    for line in result.stdout.splitlines():
        if line.startswith("@"):
            current = dt.datetime.fromtimestamp(int(line[1:]), tz=dt.UTC)
        elif line and current is not None:
            times.setdefault(line, current)  # newest first: keep the first seen
    return times


def last_commit_dates(root: Path, folder: str = "content") -> dict[str, dt.date]:
    """``{path relative to root: Finnish calendar date of the last commit touching it}``."""
    return _dates(last_commit_times(root, folder))


def _dates(times: dict[str, dt.datetime]) -> dict[str, dt.date]:
    return {path: moment.astimezone(HELSINKI).date() for path, moment in times.items()}


def commit_times(graph: Graph, root: Path, folder: str = "content") -> dict[str, dt.datetime]:
    """:func:`last_commit_times`, once per build (``graph``): pages, handouts and feeds ask
    for the same history, and each ``git log`` is ~15 ms on this repository."""
    return graph.memo(("last commit times", str(root), folder),
                      lambda: last_commit_times(root, folder))


def commit_dates(graph: Graph, root: Path, folder: str = "content") -> dict[str, dt.date]:
    """:func:`last_commit_dates`, once per build (``graph``)."""
    return graph.memo(("last commit dates", str(root), folder),
                      lambda: _dates(commit_times(graph, root, folder)))
