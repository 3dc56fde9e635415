"""Last-commit dates of content files ("Päivitetty"), read from git in one call."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def last_commit_dates(root: Path, folder: str = "content") -> dict[str, dt.date]:
    """``{path relative to root: date of the last commit touching it}``; empty without git."""
    try:
        result = subprocess.run(
            ["git", "log", "--format=@%cs", "--name-only", "--no-renames", "--", folder],
            cwd=root, capture_output=True, text=True, timeout=30, check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if result.returncode != 0:
        return {}
    dates: dict[str, dt.date] = {}
    current: dt.date | None = None
    for line in result.stdout.splitlines():
        if line.startswith("@"):
            current = dt.date.fromisoformat(line[1:])
        elif line and current is not None:
            dates.setdefault(line, current)  # newest first: keep the first seen
    return dates


def last_commit_times(root: Path, folder: str = "content") -> dict[str, dt.datetime]:
    """``{path relative to root: UTC time of the last commit touching it}``; empty without git.

    Commit times belong to the commit, so two builds of the same commit agree (calendar
    feeds use them as DTSTAMP). In a shallow clone every file gets the one commit's time.
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
