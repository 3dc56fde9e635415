"""Where the calendar's files live (docs-root paths) and their public addresses."""

from __future__ import annotations

from urllib.parse import urlsplit

from .output import SiteConfig

CALENDAR_PAGE = "kalenteri/index.md"
SUBSCRIBE_PAGE = "kalenteri/tilaa.md"
ALL_FEED = "kalenteri/kaikki.ics"


def series_feed(series_id: str) -> str:
    """Feed of one series (committee or network), e.g. ``kalenteri/tyonvk.ics``."""
    return f"kalenteri/{series_id}.ics"


def meeting_feed(meeting_id: str) -> str:
    """The one-event file behind a meeting page's "Lisää kalenteriin" link."""
    return f"kokoukset/{meeting_id}.ics"


def meeting_page(meeting_id: str) -> str:
    return f"kokoukset/{meeting_id}.md"


def absolute(config: SiteConfig, docs_path: str) -> str:
    """Public https address of a docs-root path; pages get MkDocs' directory URLs."""
    base = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
    if docs_path.endswith("index.md"):
        docs_path = docs_path.removesuffix("index.md")
    elif docs_path.endswith(".md"):
        docs_path = docs_path.removesuffix(".md") + "/"
    return base + docs_path


def webcal(url: str) -> str:
    """The ``webcal://`` form of an https address (opens the subscribe dialog of calendars)."""
    return "webcal://" + url.split("://", 1)[1]


def domain(config: SiteConfig) -> str:
    """The site's host name, the right-hand side of every event UID."""
    return urlsplit(config.site_url).hostname or "localhost"
