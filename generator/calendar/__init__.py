"""Meeting calendar: calendar pages and iCalendar feeds (to be completed by the calendar work).

Public interface used by the rest of the generator:

* :func:`render_calendar` — the calendar's generated files (pages, ``.ics`` feeds);
* :func:`next_meeting` — the next meeting (optionally of one series) at build time.
"""

from __future__ import annotations

from ..render.site import Output, SiteConfig
from ..resolve import Graph


def render_calendar(graph: Graph, config: SiteConfig) -> list[Output]:
    """Calendar page, subscribe page and feeds."""
    return [
        Output("kalenteri/index.md", "# Kalenteri\n"),
        Output("kalenteri/tilaa.md", "# Tilaa kalenteri\n"),
    ]


def next_meeting(graph: Graph, series: str | None = None) -> str | None:
    """Id of the next meeting (of ``series``) relative to the build clock, if any."""
    return None
