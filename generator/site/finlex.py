"""Links to statutes on Finlex (the 2025 Finlex) and their stable ELI identifiers.

One place for the URL shapes, shared by pages and handouts:

* consolidated text ``https://www.finlex.fi/fi/lainsaadanto/2023/380``;
* a section ``…/2023/380#chp_3__sec_22`` (chapter 3, § 22), ``…#sec_22`` without chapters;
* ELI ``http://data.finlex.fi/eli/sd/2023/380/ajantasa``.
"""

from __future__ import annotations

import re

FINLEX = "https://www.finlex.fi/fi/lainsaadanto"
ELI = "http://data.finlex.fi/eli/sd"

_NUMBER = re.compile(r"^(\d+)/(\d{4})$")


def _split(number: str) -> tuple[str, str]:
    """``380/2023`` → ``("2023", "380")``; the model guarantees the shape."""
    match = _NUMBER.match(number.strip())
    if not match:
        raise ValueError(f"säädösnumero muodossa 380/2023, ei {number!r}")
    serial, year = match.groups()
    return year, str(int(serial))


def statute_url(number: str) -> str:
    """The consolidated text of statute ``number`` (``380/2023``)."""
    year, serial = _split(number)
    return f"{FINLEX}/{year}/{serial}"


def section_anchor(section: str, chapter: int | None = None) -> str:
    """Finlex's fragment for a section: ``chp_3__sec_22`` or ``sec_22``; ``3 a`` → ``sec_3a``."""
    sec = "sec_" + "".join(section.split())
    return f"chp_{chapter}__{sec}" if chapter else sec


def section_url(number: str, section: str, chapter: int | None = None) -> str:
    """A section of the consolidated text."""
    return f"{statute_url(number)}#{section_anchor(section, chapter)}"


def eli_url(number: str) -> str:
    """The statute's stable ELI identifier (consolidated version)."""
    year, serial = _split(number)
    return f"{ELI}/{year}/{serial}/ajantasa"


def section_label(section: str, chapter: int | None = None) -> str:
    """``3 luku 22 §`` or ``22 §``."""
    return f"{chapter} luku {section} §" if chapter else f"{section} §"
