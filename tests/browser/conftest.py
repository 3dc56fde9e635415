"""Browser fixtures: one Chromium for this package, reused contexts, sites on 127.0.0.1.

Playwright's sync API runs an event loop in this thread while it is started, so it is
package-scoped: it stops when the browser tests are done, and tests elsewhere that start
Playwright themselves (after this package) do not collide with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import copy_project, mkdocs_build
from playwright.sync_api import Browser, Playwright, sync_playwright

from .support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    HOSTILE,
    Session,
    SiteServer,
    axe_script,
    open_session,
)


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[SiteServer]:
    """The real project's site (``built_site``) on 127.0.0.1."""
    server = SiteServer(built_site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile fixture corpus built once with a real strict ``mkdocs build``."""
    root = tmp_path_factory.mktemp("hostile")
    project = copy_project(root / "project", content=HOSTILE / "content")
    site = root / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def hostile_server(hostile_site: Path) -> Iterator[SiteServer]:
    server = SiteServer(hostile_site)
    yield server
    server.close()


@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="package")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM} (run scripts/system-deps.sh test)")
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="package")
def light(browser: Browser) -> Iterator[Session]:
    """A desktop-sized context in the light palette, reused by tests (one page)."""
    session = open_session(browser, scheme="light")
    yield session
    session.context.close()


@pytest.fixture(scope="package")
def dark(browser: Browser) -> Iterator[Session]:
    """The same in the dark palette (``prefers-color-scheme: dark``)."""
    session = open_session(browser, scheme="dark")
    yield session
    session.context.close()


@pytest.fixture(scope="package")
def phone(browser: Browser) -> Iterator[Session]:
    """A 360 px wide context (a small phone) for layout checks."""
    session = open_session(browser, scheme="light", width=360, height=740)
    yield session
    session.context.close()


@pytest.fixture(scope="package")
def schemes(light: Session, dark: Session) -> dict[str, Session]:
    return {"light": light, "dark": dark}


@pytest.fixture(scope="package")
def axe() -> Path:
    """axe-core's script: asked for only by the accessibility checks, so the other browser
    tests run without ``node_modules``."""
    return axe_script()
