"""Browser test support: serving built sites on 127.0.0.1, recording, axe-core, page cases.

Playwright drives Debian's Chromium (``/usr/bin/chromium``, or ``$CHROMIUM_PATH``, e.g.
Google Chrome on GitHub's runners); Playwright's own browser download is not used.
axe-core comes from ``node_modules/axe-core`` (pinned in package.json/package-lock.json and
installed by ``make test`` with ``npm ci``); only the tests that ask for the ``axe`` fixture
(the accessibility checks) need it.

Every request a page makes goes through :class:`Recorder`: requests to hosts other than
127.0.0.1 are recorded and aborted, and Chromium's host resolver maps every other name to
nothing, so nothing can leave the machine even past the router.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Dialog,
    Page,
    Request,
    Route,
)

from generator.build import SiteConfig, render_site
from generator.core.models import KINDS
from generator.pipeline import check

ROOT = Path(__file__).resolve().parent.parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
LOCAL_HOSTS = {"127.0.0.1"}
LOCAL_SCHEMES = {"data", "blob", "about"}  # never leave the browser
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


# --- serving built sites ---------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class SiteServer:
    """A built site served over HTTP on 127.0.0.1 (port chosen by the OS)."""

    def __init__(self, root: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(root))
        self.root = root
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def url(self, path: str = "") -> str:
        return self.base + path.lstrip("/")

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)


# --- the browser ------------------------------------------------------------------------


@dataclass
class Recorder:
    """Everything a browser context did on the network and in the console."""

    requests: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def clear(self) -> None:
        for items in (self.requests, self.external, self.console_errors, self.console,
                      self.page_errors, self.dialogs):
            items.clear()

    def route(self, route: Route) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            self.external.append(url)
            route.abort("blockedbyclient")

    def on_request(self, request: Request) -> None:
        self.requests.append(request.url)
        if not is_local(request.url) and request.url not in self.external:
            self.external.append(request.url)

    def on_console(self, message: ConsoleMessage) -> None:
        text = f"{message.type}: {message.text} ({message.location.get('url', '')})"
        self.console.append(text)
        if message.type == "error":
            self.console_errors.append(text)

    def attach(self, context: BrowserContext) -> None:
        context.route("**/*", self.route)
        context.on("request", self.on_request)
        context.on("console", self.on_console)
        context.on("weberror", lambda error: self.page_errors.append(str(error.error)))
        context.on("dialog", self.on_dialog)
        context.on("page", lambda page: page.on(
            "worker", lambda worker: worker.on("console", self.on_console)))

    def on_dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname in LOCAL_HOSTS


# Set by hostile payloads that manage to run; read by the security tests.
PWNED_PROBE = """
Object.defineProperty(window, '__pwned', {
  configurable: false,
  get() { return window.__pwnedValue; },
  set(value) { window.__pwnedValue = value === undefined ? 'undefined' : String(value); },
});
"""


@dataclass
class Session:
    context: BrowserContext
    page: Page
    recorder: Recorder


def open_session(browser: Browser, *, scheme: str = "light", width: int = 1280,
                 height: int = 900) -> Session:
    context = browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme="dark" if scheme == "dark" else "light",
        locale="fi-FI",
        timezone_id="Europe/Helsinki",
        service_workers="block",
    )
    recorder = Recorder()
    recorder.attach(context)
    context.add_init_script(PWNED_PROBE)
    page = context.new_page()
    return Session(context, page, recorder)


def visit(session: Session, url: str, *, settle: bool = True) -> Page:
    """Load ``url`` in the session's page with a clean recorder.

    With ``settle`` (the default) wait until the network has been idle for 500 ms, so late
    requests (the search worker, its index) are recorded too.
    """
    session.recorder.clear()
    page = session.page
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"
    if settle:
        page.wait_for_load_state("networkidle")
    return page


# --- axe-core ---------------------------------------------------------------------------


def axe_script() -> Path:
    """axe-core's script (the ``axe`` fixture), or a failure that says how to install it."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} missing: run `npm ci` (make test does it)")
    return AXE


def run_axe(page: Page, axe: Path) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.0/2.1 A and AA violations for the loaded page (``axe``: the
    script, from the ``axe`` fixture)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(axe))
    result: dict[str, Any] = page.evaluate(
        """async (tags) => await axe.run(document, {
             runOnly: {type: 'tag', values: tags},
             resultTypes: ['violations'],
           })""",
        WCAG_TAGS,
    )
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:8]:
            target = " ".join(str(t) for t in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())[:300]
            lines.append(f"    {target}: {summary}")
        if len(violations) and len(violation["nodes"]) > 8:
            lines.append(f"    … {len(violation['nodes']) - 8} more")
    return "\n".join(lines)


# --- which pages to test ------------------------------------------------------------------


@dataclass(frozen=True)
class PageCase:
    """A page of the built site: ``path`` is its URL path (``prosessit/typ/``)."""

    path: str
    what: str

    @property
    def id(self) -> str:
        return self.what


def _url_path(docs_path: str) -> str:
    """``kalenteri/tilaa.md`` → ``kalenteri/tilaa/``; ``x/index.md`` → ``x/``."""
    stem = docs_path.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


@functools.cache
def page_cases() -> tuple[PageCase, ...]:
    """One page of every type, picked from the real content at collection time.

    Every hand-written page in ``docs/`` and every generated page that is not an entity page
    (indexes, calendar, subscribe page, diagram pages…), plus for each kind the entity whose
    YAML is largest (the richest page: a committee with members, a process with the most
    phases, a meeting with a programme). A kind without content is a case that fails.
    """
    graph, _report = check(ROOT / "content")
    cases: dict[str, PageCase] = {}
    docs = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md"))
    entity_dirs = {kind.url_dir for kind in KINDS}
    try:
        generated = sorted(render_site(graph, SiteConfig(
            content_dir=ROOT / "content", project_root=ROOT, handouts=False)).files)
    except Exception as error:  # the site build fails too; keep the other cases collectable
        cases["render-error"] = PageCase("render-error", f"RENDER-ERROR {error!r}"[:80])
        generated = [*(f"{k.url_dir}/index.md" for k in KINDS),
                     "kalenteri/index.md", "kalenteri/tilaa.md"]
    for docs_path in [*docs, *generated]:
        if not docs_path.endswith(".md"):
            continue
        url_path = _url_path(docs_path)
        parts = url_path.strip("/").split("/")
        if len(parts) == 2 and parts[0] in entity_dirs and docs_path.endswith(f"{parts[1]}.md"):
            continue  # an entity page: one per kind is picked below
        cases.setdefault(url_path, PageCase(url_path, url_path.strip("/") or "etusivu"))
    for kind in KINDS:
        records = [r for r in graph.records.values() if r.kind.key == kind.key]
        if not records:
            cases[f"missing-{kind.key}"] = PageCase(f"missing-{kind.key}", f"{kind.key}:MISSING")
            continue
        richest = max(records, key=lambda r: (_size(r.document.path), r.id))
        path = f"{kind.url_dir}/{richest.id}/"
        cases[path] = PageCase(path, f"{kind.key}:{richest.id}")
    return tuple(cases.values())


def _size(shown_path: str) -> int:
    for candidate in (ROOT / shown_path, Path.cwd() / shown_path):
        if candidate.is_file():
            return candidate.stat().st_size
    return 0


def require_page(case: PageCase) -> None:
    if case.path == "render-error":
        pytest.fail(f"rendering the real content failed at collection time: {case.what}")
    if case.path.startswith("missing-"):
        pytest.fail(f"content/ has no {case.path.removeprefix('missing-')} yet: "
                    "this page type cannot be tested")


def find_entity(predicate: Callable[[Any], bool], kind: str) -> str | None:
    """Id of the first entity of ``kind`` (sorted by id) matching ``predicate``."""
    graph, _report = check(ROOT / "content")
    for entity_id in sorted(graph.records):
        record = graph.records[entity_id]
        if record.kind.key == kind and predicate(record.entity):
            return entity_id
    return None
