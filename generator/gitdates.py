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
