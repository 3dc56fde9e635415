"""Redirect pages at the old addresses of entities that moved (``formerly``).

A static HTML page at ``<old address>/index.html`` (the directory URL MkDocs would have
built there): an immediate meta refresh, a visible Finnish link for readers and browsers
that do not follow it, ``noindex``, and the new page as the canonical URL so search engines
move their index. Written by the MkDocs plugin and by ``generate --out`` alike.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..graph import Graph
from ..rules.moves import redirects
from ..site.output import Output, SiteConfig
from ..site.paths import entity_path, entity_url
from ..site.templates import bytecode_cache


@cache
def _environment() -> Environment:
    return Environment(loader=PackageLoader("generator", "templates"),
                       bytecode_cache=bytecode_cache("redirects"), autoescape=True,
                       undefined=StrictUndefined, keep_trailing_newline=True)


def redirect_path(old: str) -> str:
    """``prosessit/palkkatuki`` → ``prosessit/palkkatuki/index.html``."""
    return f"{old}/index.html"


def render_redirects(graph: Graph, config: SiteConfig) -> list[Output]:
    template = _environment().get_template("site/redirect.html.j2")
    outputs = []
    for old, entity_id in sorted(redirects(graph.records).items()):
        new = entity_path(graph, entity_id).removesuffix(".md") + "/"
        target = "../" * (old.count("/") + 1) + new  # relative: works on any host
        html = template.render(name=graph.name(entity_id), target=target,
                               canonical=entity_url(config.site_url, graph, entity_id))
        outputs.append(Output(redirect_path(old), html))
    return outputs
