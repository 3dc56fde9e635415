"""The handouts' own Jinja environment: HTML templates with autoescape on.

Separate from the pages' environment (which writes Markdown): here every ``{{ … }}`` is
HTML-escaped by Jinja, and only :class:`Markup` from the helpers below passes through
(content Markdown converted to HTML, inline SVG diagrams).
"""

from __future__ import annotations

import datetime as dt
from functools import cache, lru_cache
from typing import Any

import markdown as md
from jinja2 import Environment, pass_context, select_autoescape
from jinja2.runtime import Context
from markupsafe import Markup

from .. import diagrams, escape, fi
from ..core.models import KINDS_BY_KEY, Law, LegalRef
from ..domain.committee_state import committee_state
from ..domain.meeting_state import meeting_state
from ..domain.phase_roles import client_part, role_groups
from ..graph import Graph
from ..site import finlex
from ..site.paths import entity_url
from ..site.templates import package_environment
from . import data


def _markdown_html(text: str, graph: Graph, site_url: str) -> str:
    """Editor Markdown (with ``[[id]]`` mentions) → HTML; raw HTML shows as text."""

    def mention(entity_id: str) -> str:
        if entity_id not in graph:
            return escape.md_inline(entity_id)
        label = escape.md_inline(graph.name(entity_id))
        return f"[{label}]({entity_url(site_url, graph, entity_id)})"

    return _convert(escape.markdown(text, mention))


@lru_cache(maxsize=8192)
def _convert(safe: str) -> str:
    """Escaped Markdown → HTML; the same text recurs across handouts (the pack repeats them
    all), and one converter reused is ~10× cheaper than a new one per text."""
    return str(_converter().reset().convert(safe))


@cache
def _converter() -> md.Markdown:
    return md.Markdown(extensions=["tables"], output_format="html")


@pass_context
def markdown(context: Context, text: str | None, *, inline: bool = False) -> Markup:
    """Content Markdown as HTML; ``inline`` drops the wrapping paragraph of one-liners."""
    if not text:
        return Markup("")
    html = _markdown_html(text, context["graph"], context["site_url"])
    if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)  # escaped by escape.markdown, then converted


@pass_context
def page_url(context: Context, entity_id: str) -> str:
    return entity_url(context["site_url"], context["graph"], entity_id)


def legal_ref(graph: Graph, ref: LegalRef, today: dt.date | None = None) -> dict[str, str]:
    """Label and Finlex URL of a legal reference (section-level when a section is given);
    a law repealed by ``today`` says so in its label."""
    law = graph.entity(ref.law)
    assert isinstance(law, Law)
    label = f"{law.title} ({law.number})"
    url = finlex.statute_url(law.number)
    if ref.section is not None:
        chapter = next((s.chapter for s in law.sections if s.number == ref.section), None)
        label += " " + finlex.section_label(ref.section, chapter)
        url = finlex.section_url(law.number, ref.section, chapter)
    if today is not None and law.repealed(today):
        assert law.repealed_on is not None
        label += f" – kumottu {fi.date(law.repealed_on)}"
    return {"label": label, "url": url, "note": ref.note or ""}


@pass_context
def legal(context: Context, ref: LegalRef) -> dict[str, str]:
    return legal_ref(context["graph"], ref, context.get("today"))


def display_url(url: str) -> str:
    """A URL as printed on paper: without the scheme and a trailing slash."""
    return url.split("://", 1)[-1].rstrip("/")


@cache
def environment() -> Environment:
    env = package_environment(
        "handouts",
        autoescape=select_autoescape(["html", "html.j2"], default_for_string=True))
    env.filters.update(fi.TEMPLATE_FILTERS)
    env.filters.update(
        display_url=display_url,
        css_string=lambda value: Markup(escape.css_string(value)),
    )
    env.globals.update(
        markdown=markdown,
        page_url=page_url,
        legal=legal,
        diagrams=diagrams,
        data=data,
        fi=fi,
        kinds=KINDS_BY_KEY,
        meeting_state=meeting_state,
        committee_state=committee_state,
        role_groups=role_groups,
        client_part=client_part,
    )
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
