"""WeasyPrint itself, apart from :mod:`.pdf` so that only a build that makes a PDF pays
for importing it."""

from __future__ import annotations

from typing import Any

import weasyprint
from weasyprint.urls import URLFetcher


class LocalOnlyFetcher(URLFetcher):  # type: ignore[misc]
    """Refuses every URL except inline ``data:``: handouts never reach the network."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("data",), fail_on_errors=True)


def write_pdf(html: str, options: dict[str, Any]) -> bytes:
    """One tagged PDF document from a complete HTML string, without network access."""
    document = weasyprint.HTML(string=html, url_fetcher=LocalOnlyFetcher())
    data: bytes = document.write_pdf(**options)
    return data
