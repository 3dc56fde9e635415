"""MkDocs adapter: a page's Markdown is converted once, then remembered by its content.

Python-Markdown is the largest single cost of a build (~40 % of ``mkdocs build``), and
between two builds almost every page's Markdown is the same: the generator wrote it from
unchanged YAML. So the HTML and everything else MkDocs takes from a conversion (table of
contents, title, anchors, links to anchors) are kept under ``.cache/pages/`` and reused
while the page's Markdown, its address, the site's set of files and the Markdown toolchain
(versions and configured extensions) are the same. ``mkdocs serve`` keeps them in memory
too, so an edit re-converts only the pages it changed.

A conversion that logged a warning is never remembered: ``--strict`` must see it again.
The cache only ever saves time: one file through :class:`.mkdocs_memo.Memo`, so a damaged
or unreadable file means converting everything, as without it.
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .core.fingerprint import package_version
from .mkdocs_memo import Memo

KEY = "pages"
_ADDRESS = re.compile(r" at 0x[0-9a-f]+")  # object reprs differ per process

#: ``(html, toc tokens, title from the first heading, anchor ids, links to anchors)``;
#: links to anchors as ``{linked file's src_uri: {anchor: original link}}``.
Converted = tuple[str, list[Any], str | None, list[str], dict[str, dict[str, str]]]


def _toolchain(config: MkDocsConfig) -> str:
    versions = []
    for package in ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material"):
        versions.append(f"{package}={package_version(package)}")
    extensions = [e if isinstance(e, str) else type(e).__name__
                  for e in config["markdown_extensions"]]
    # This project's own extensions change with the code, not with a version number.
    for name in extensions:
        if name.startswith(f"{__package__}."):
            source = Path(__file__).parent.joinpath(*name.split(".")[1:]).with_suffix(".py")
            versions.append(f"{name}={hashlib.sha256(source.read_bytes()).hexdigest()}")
    settings = _ADDRESS.sub("", repr(sorted((config["mdx_configs"] or {}).items())))
    return "\n".join([*versions, repr(extensions), settings,
                      repr(config["use_directory_urls"]), repr(config["validation"])])


class _Warnings(logging.Handler):
    """Counts what a conversion logged at WARNING or above."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class PageCache:
    """Converted pages by key; one instance lives as long as the plugin (all of ``serve``)."""

    def __init__(self, folder: Path | None) -> None:
        self.memo = Memo(folder, KEY)
        self._build_key = ""
        self.hits = 0
        self.misses = 0

    def start_build(self, config: MkDocsConfig, files: Files) -> None:
        """What every page's key shares in this build: the toolchain and the site's files
        (a link's target and address come from them)."""
        digest = hashlib.sha256(_toolchain(config).encode())
        for file in sorted(files, key=lambda f: f.src_uri):
            digest.update(f"{file.src_uri}\0{file.url}\n".encode())
        self._build_key = digest.hexdigest()
        self.memo.start_build()
        self.hits = self.misses = 0

    def attach(self, page: Page, markdown: str) -> None:
        """Make ``page.render`` reuse a remembered conversion, or remember this one."""
        key = hashlib.sha256(
            f"{self._build_key}\0{page.file.src_uri}\0{page.file.url}\0".encode()
            + markdown.encode()
        ).hexdigest()
        original = page.render

        def render(config: MkDocsConfig, files: Files) -> None:
            stored: Converted | None = self.memo.find(key)
            if stored is not None:
                _restore(page, stored, files)
                self.hits += 1
                return
            watcher = _Warnings()
            mkdocs_log = logging.getLogger("mkdocs")
            mkdocs_log.addHandler(watcher)
            try:
                original(config, files)
            finally:
                mkdocs_log.removeHandler(watcher)
            self.misses += 1
            if watcher.count == 0:
                self.memo.keep(key, _capture(page))

        # Instance attribute over the method: only this page, only this build.
        page.render = render  # type: ignore[method-assign]

    def save(self) -> None:
        """Keep this build's pages (only those) for the next build; best effort."""
        self.memo.save()


def _toc_tokens(page: Page) -> list[Any]:
    def token(link: Any) -> dict[str, Any]:
        return {"level": link.level, "id": link.id, "name": link.title,
                "children": [token(child) for child in link.children]}
    return [token(link) for link in page.toc]


def _capture(page: Page) -> Converted:
    links = {
        file.src_uri: dict(anchors)
        for file, anchors in (page.links_to_anchors or {}).items()
    }
    return (page.content or "", _toc_tokens(page), page._title_from_render,
            sorted(page.present_anchor_ids or ()), links)


def _restore(page: Page, stored: Converted, files: Files) -> None:
    content, toc, title, anchors, links = stored
    page.content = content
    page.toc = get_toc(toc)
    page._title_from_render = title
    page.present_anchor_ids = set(anchors)
    resolved = {files.get_file_from_path(uri): dict(found) for uri, found in links.items()}
    page.links_to_anchors = {file: found for file, found in resolved.items() if file is not None}
