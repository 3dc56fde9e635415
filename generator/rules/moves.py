"""Entities that moved keep their old addresses: each ``formerly`` path must be free.

An old address that is some page's current address, or the old address of two entities,
would make a redirect that replaces a real page or points two ways; both are errors at the
``formerly`` item.
"""

from __future__ import annotations

from ..core.diagnostics import Report
from ..core.models import KINDS
from ..load.validate import Record

RESERVED = ("kalenteri", "kalenteri/tilaa", "kokoukset", "organisaatiot/suhteet", "data",
            "pdf", "muutokset", "tietoa", "saavutettavuusseloste", "tietosuojaseloste",
            "search", "assets", "stylesheets", "javascripts")
"""Addresses of the site's own pages and folders besides the entities and kind indexes."""


def current_path(record: Record) -> str:
    """An entity's page address without the host and slashes: ``prosessit/typ``."""
    return f"{record.kind.url_dir}/{record.id}"


def check_moves(records: dict[str, Record], report: Report) -> None:
    taken = {current_path(r): r.id for r in records.values()}
    taken.update({kind.url_dir: "" for kind in KINDS})
    taken.update({path: "" for path in RESERVED})
    claimed: dict[str, str] = {}
    for record in records.values():
        for index, old in enumerate(record.entity.formerly):
            position = record.document.position(("formerly", index))
            owner = taken.get(old)
            if owner is not None:
                what = (f"sivun '{owner}' nykyinen osoite" if owner
                        else "sivuston oman sivun osoite")
                report.error(record.document.path, position.line, position.col,
                             f"formerly.{index}: '{old}' on {what}", entity=record.id,
                             hint="vanha osoite voi olla vain osoite, jossa ei enää ole "
                             "sivua; poista kohta, jos asia ei ole siirtynyt")
            elif old in claimed:
                report.error(record.document.path, position.line, position.col,
                             f"formerly.{index}: '{old}' on jo sivun '{claimed[old]}' vanha "
                             "osoite", entity=record.id,
                             hint="vanha osoite voi ohjata vain yhteen sivuun")
            else:
                claimed[old] = record.id


def redirects(records: dict[str, Record]) -> dict[str, str]:
    """``{old address: id of the entity now there}``, for the redirect pages."""
    return {old: record.id for record in records.values()
            for old in record.entity.formerly}
