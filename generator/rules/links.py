"""Links in Markdown texts: each must work on the published site."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .. import escape
from ..core.diagnostics import Report
from ..load.validate import Record
from .report import dotted, err


def check_links(record: Record, path: tuple[str | int, ...], text: str,
                 report: Report) -> None:
    """Every target :func:`escape.markdown` renders as a link must work on the site: an
    ``https://`` address or ``mailto:``. Others (``tem.fi``, ``../x.md``, ``http:``) would
    be relative links MkDocs cannot resolve, or insecure ones. (Targets it shows as text,
    e.g. ``javascript:``, never become links, and the hostile test corpus relies on
    them being valid content.)"""
    for written, target in escape.link_targets(text):
        problem = _link_problem(target)
        if problem is None and written.startswith("](") and " " in written.strip():
            # `[w](https://tem.fi/a b)`: not a link to Markdown, so the page shows it as text
            problem = (f"linkin osoitteessa '{written[2:].strip()}' on välilyönti, joten "
                       "linkki näkyisi sivulla tekstinä",
                       "kirjoita välilyönnin tilalle %20 tai poista se")
        if problem is None:
            continue
        message, hint = problem
        # Where the link stands as written: a link folded over two lines is not in the
        # file as one piece, its target usually is.
        fragment = written if written in record.document.text else target
        err(record, path, f"{dotted(path)}: {message}", report, hint, fragment=fragment)


_LINK_HINT = ("kirjoita koko osoite muodossa https://… tai viittaa sivuston sivuun muodossa "
              "[[tunniste]]")



def _link_problem(target: str) -> tuple[str, str] | None:
    """``(message, hint)`` when a Markdown link target does not work on the site."""
    url = "".join(target.split())
    lowered = url.lower()
    if lowered.startswith("mailto:"):
        if "@" in url:
            return None
        return (f"sähköpostilinkistä '{target}' puuttuu osoite",
                "kirjoita muodossa mailto:nimi@example.fi")
    parts = urlsplit(url)
    if parts.scheme.lower() == "https" and parts.netloc:
        return None
    if not url:
        return "linkiltä puuttuu kohde", _LINK_HINT
    if parts.scheme.lower() == "http" and parts.netloc:
        return (f"linkki '{target}' on suojaamaton http-osoite",
                f"kirjoita https://{url[len('http://'):]} (sivuston linkit ovat https-osoitteita)")
    if lowered.startswith(("https:", "http:")):
        return (f"linkin osoite '{target}' on vajaa",
                "kirjoita koko osoite muodossa https://palvelin/polku")
    domain = url.split("/", 1)[0]
    if ":" not in domain and re.fullmatch(r"(?:[\w-]+\.)+[a-zA-Z]{2,}", domain):
        return (f"linkin kohde '{target}' ei ole verkko-osoite (https:// puuttuu)",
                f"kirjoita koko osoite (https://{url}) tai viittaa sivuston sivuun muodossa "
                "[[tunniste]]")
    return f"linkin kohde '{target}' ei ole https://-osoite", _LINK_HINT
