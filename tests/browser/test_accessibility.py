"""axe-core (WCAG 2.0/2.1 A and AA) finds nothing on any page type, light and dark palette."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import (
    PageCase,
    Session,
    SiteServer,
    format_violations,
    page_cases,
    require_page,
    run_axe,
    visit,
)

CASES = page_cases()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_axe_finds_no_violations(case: PageCase, scheme: str, schemes: dict[str, Session],
                                 site_server: SiteServer, axe: Path) -> None:
    require_page(case)
    page = visit(schemes[scheme], site_server.url(case.path))
    expected = "slate" if scheme == "dark" else "default"
    page.wait_for_function(
        "s => document.body.getAttribute('data-md-color-scheme') === s", arg=expected
    )
    violations = run_axe(page, axe)
    assert not violations, f"{case.path} ({scheme}):\n{format_violations(violations)}"


def test_required_page_types_are_covered() -> None:
    """The home page, the calendar, its subscribe page and the statement are among the cases."""
    paths = {c.path for c in CASES}
    required = {"", "kalenteri/", "kalenteri/tilaa/", "saavutettavuusseloste/", "kokoukset/"}
    assert required <= paths, sorted(required - paths)
    kinds = {c.what.split(":")[0] for c in CASES if ":" in c.what}
    assert kinds == {"law", "body", "person", "committee", "process", "meeting", "topic"}


def test_process_page_shows_its_diagram(site_server: SiteServer, light: Session) -> None:
    """The process page under audit carries its flow diagram (inline SVG), so axe sees it."""
    case = next(c for c in CASES if c.what.startswith("process:"))
    require_page(case)
    page = visit(light, site_server.url(case.path))
    assert page.locator("article svg").count() >= 1, "no inline SVG diagram on " + case.path
