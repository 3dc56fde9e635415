"""Pages load everything from the site itself (127.0.0.1) and log no errors."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from .support import PageCase, Session, SiteServer, open_session, page_cases, require_page, visit

CASES = page_cases()


@pytest.fixture
def fresh(browser: Browser) -> Iterator[Session]:
    """A new context per page: nothing cached or stored by an earlier page hides a request."""
    session = open_session(browser)
    yield session
    session.context.close()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_no_request_leaves_the_site_and_no_console_errors(
        case: PageCase, fresh: Session, site_server: SiteServer) -> None:
    require_page(case)
    page = visit(fresh, site_server.url(case.path))
    # Let the search worker start and fetch its index too (it does so on page load).
    page.wait_for_function("() => performance.getEntriesByType('resource').some("
                           "e => e.name.includes('search_index.json'))")
    page.wait_for_load_state("networkidle")
    recorder = fresh.recorder
    assert recorder.requests, "no requests recorded at all: the recorder is broken"
    assert not recorder.external, "requests left 127.0.0.1:\n" + "\n".join(recorder.external)
    assert not recorder.page_errors, "uncaught errors:\n" + "\n".join(recorder.page_errors)
    assert not recorder.console_errors, "console errors:\n" + "\n".join(recorder.console_errors)


def test_recorder_sees_and_blocks_external_requests(light: Session,
                                                    site_server: SiteServer) -> None:
    """The recorder itself works: a fetch to another host is recorded and never answered."""
    page = visit(light, site_server.url(""))
    outcome = page.evaluate("""async () => {
        try { await fetch('https://example.org/probe'); return 'answered'; }
        catch (error) { return 'blocked'; } }""")
    assert outcome == "blocked"
    assert "https://example.org/probe" in light.recorder.external
    light.recorder.clear()
