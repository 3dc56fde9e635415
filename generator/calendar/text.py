"""Plain text for calendar clients: editor Markdown without its markup.

This is a conversion, not escaping: iCalendar's own escaping (``\\,``, ``\\;``, ``\\n``) is
done by the icalendar library when the feed is serialised.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..core.models import MENTION

_LINK = re.compile(r"!?\[([^\]\n]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]*)>")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def plain(markdown: str, name: Callable[[str], str]) -> str:
    """``[[id]]`` → the entity's name, ``[text](url)`` → ``text (url)``, bold → text."""
    text = MENTION.sub(lambda m: name(m.group(1).strip()), markdown)

    def link(match: re.Match[str]) -> str:
        label, url = match.group(1), match.group(2)
        return label if not url or url == label else f"{label} ({url})"

    text = _LINK.sub(link, text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _EMPHASIS.sub(r"\2", text)
    return "\n".join(line.rstrip() for line in text.strip().splitlines())
