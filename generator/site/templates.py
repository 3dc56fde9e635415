"""The Jinja environment: templates, filters and link helpers; features are added by the driver.

Templates write Markdown. Every ``{{ … }}`` is escaped as Markdown text by default (the
environment's ``finalize``); only values wrapped in :class:`Markup` by the helpers below
(links, rendered content Markdown, inline SVG) pass through as they are.
"""

from __future__ import annotations

import datetime as dt
from functools import cache, lru_cache
from typing import Any

from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    StrictUndefined,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup

from .. import escape, fi
from ..core import relation_types
from ..core.models import KINDS_BY_KEY
from ..domain.committee_state import committee_state
from ..domain.meeting_state import meeting_state
from ..domain.phase_roles import client_part, role_groups
from ..graph import Graph
from .paths import entity_path, relative


@lru_cache(maxsize=16384)
def _md_text(text: str) -> str:
    """:func:`escape.md_inline` of a string, remembered: the same names are printed on many
    pages (links, tables, breadcrumbs)."""
    return escape.md_inline(text)


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if type(value) is str:
        return _md_text(value)
    return escape.md_inline(value)


def bytecode_cache(environment: str) -> BytecodeCache:
    """Compiled templates kept between processes (Jinja checks each against its source):
    compiling them was ~0.3 s of every ``generate`` and build. One file set per
    ``environment``, because the same template compiles differently under other settings
    (autoescape, finalize). Jinja keeps them in a private folder of the user's temp dir."""
    return FileSystemBytecodeCache(pattern=f"__yhdyspinta_{environment}_%s.cache")


def package_environment(name: str, **settings: Any) -> Environment:
    """A Jinja environment for the package's templates (``generator/templates``), as every
    renderer uses them: undefined names are errors, block tags leave no blank lines, and
    compiled templates are kept between processes under ``name`` (:func:`bytecode_cache`).
    ``settings``: what differs (escaping, finalize, trailing newline)."""
    return Environment(
        loader=PackageLoader("generator", "templates"),
        bytecode_cache=bytecode_cache(name),
        # Templates are package code like the modules: read once per process, not
        # checked on disk at every get_template (two stat calls each, ~0.05 s a build).
        auto_reload=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        **settings,
    )


@cache
def environment() -> Environment:
    env = package_environment(
        "pages",
        autoescape=False,  # output is Markdown; escaping is done by _finalize
        finalize=_finalize,
        keep_trailing_newline=True,
    )
    env.filters.update(fi.TEMPLATE_FILTERS)
    env.filters.update(
        cell=lambda v: Markup(escape.md_cell(v)),
        html=lambda v: Markup(escape.html_text(v)),
        raw=Markup,
        relation_verb=relation_types.verb,
        relation_role=relation_types.inverse,
    )
    env.globals.update(link=link, url=url, rel=rel, markdown=markdown, kinds=KINDS_BY_KEY,
                       meeting_state=meeting_state, committee_state=committee_state,
                       role_groups=role_groups, client_part=client_part)
    return env


def add_globals(**features: Any) -> None:
    """Make ``features`` (e.g. the diagrams that pages embed) available to every template.

    The driver (:mod:`generator.build`) registers them: this module knows no feature, so
    the features can all use it.
    """
    environment().globals.update(features)


def render(template: str, graph: Graph, page_path: str, **context: Any) -> str:
    """Render ``template`` for the page at ``page_path``."""
    return environment().get_template(template).render(
        graph=graph, page_path=page_path, **context
    )


@pass_context
def rel(context: Context, docs_path: str) -> str:
    """Relative link from the current page to any docs-root path (``index.md``)."""
    return relative(context["page_path"], docs_path)


@pass_context
def url(context: Context, entity_id: str, anchor: str = "") -> str:
    """Relative link from the current page to an entity's page."""
    target = relative(context["page_path"], entity_path(context["graph"], entity_id))
    return target + (f"#{anchor}" if anchor else "")


@pass_context
def link(context: Context, entity_id: str, label: str | None = None) -> Markup:
    """Markdown link to an entity, labelled with its name."""
    graph: Graph = context["graph"]
    if label is not None:
        return Markup(f"[{_md_text(str(label))}]({url(context, entity_id)})")
    # The same links recur on many pages of a folder (a popular law, the network's own
    # committee): each is written once per folder and graph, then reused.
    folder = context["page_path"].rpartition("/")[0]
    folder_links: dict[str, Markup] = graph.memo(("links from", folder), dict)
    found = folder_links.get(entity_id)
    if found is None:
        found = folder_links[entity_id] = Markup(
            f"[{_md_text(graph.name(entity_id))}]({url(context, entity_id)})")
    return found


@pass_context
def markdown(context: Context, text: str | None) -> Markup:
    """Editor-written Markdown (with ``[[id]]`` mentions) → safe Markdown."""
    if not text:
        return Markup("")
    graph: Graph = context["graph"]

    def mention(entity_id: str) -> str:
        if entity_id in graph:
            return str(link(context, entity_id))
        return escape.md_inline(entity_id)

    return Markup(escape.markdown(text, mention))


def today_iso(value: dt.date) -> str:
    return value.isoformat()
