"""How long an editor waits under ``mkdocs serve``: from saving a YAML file to the new text
being served.

MkDocs polls the watched folders every 0.5 s and rebuilds the whole site; the browser then
reloads. We time from the file's write to the first HTTP response of the edited page that
carries the new text (the reload itself adds one request on localhost).
"""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PLAIN_SUMMARY = re.compile(r"\nsummary: (?![\"'|>])")
"""A one-line summary without quotes: a marker put in front of it keeps the YAML valid."""
STARTUP_TIMEOUT_S = 600
EDIT_TIMEOUT_S = 120


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", "replace"))
    except OSError:
        return ""


def _wait_for(url: str, text: str, timeout: float) -> float | None:
    """Seconds until ``url`` serves ``text``; ``None`` on time-out."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if text in _get(url):
            return time.perf_counter() - started
        time.sleep(0.02)
    return None


def edit_to_screen(project: Path, yaml_file: Path, page: str, env: dict[str, str],
                   *, edits: int = 3) -> dict[str, object]:
    """Median seconds from saving ``yaml_file`` to ``page`` serving the change.

    Each edit appends a marker sentence to the file's ``summary``; the file is restored
    afterwards.
    """
    port = _free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a",
               f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")]
    original = yaml_file.read_text("utf-8")
    url = f"http://127.0.0.1:{port}/{page}"
    server = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    times: list[float] = []
    try:
        if _wait_for(url, "</html>", STARTUP_TIMEOUT_S) is None:
            return {"error": "mkdocs serve did not start"}
        for number in range(edits):
            marker = f"Muokkausmittari{number}"
            text = PLAIN_SUMMARY.sub(f"\nsummary: {marker}. ", original, count=1)
            if text == original:
                return {"error": f"{yaml_file.name} has no one-line summary to edit"}
            time.sleep(1.0)  # a quiet moment: the previous rebuild is over
            yaml_file.write_text(text, "utf-8")
            os.utime(yaml_file)
            seconds = _wait_for(url, marker, EDIT_TIMEOUT_S)
            if seconds is None:
                return {"error": f"edit {number} did not show within {EDIT_TIMEOUT_S} s"}
            times.append(seconds)
    finally:
        yaml_file.write_text(original, "utf-8")
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    return {"median_s": statistics.median(times), "runs": times}
