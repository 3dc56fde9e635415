"""MkDocs adapter: runs the core pipeline and hands its files to MkDocs in memory.

Nothing is written into ``docs/``. Content errors abort ``mkdocs build`` before the site
directory is touched. Under ``mkdocs serve`` a rebuild with content errors prints the list
and keeps the last good generated pages: a failed MkDocs rebuild would leave the server
waiting for a good one, so the rebuild completes with the previous output instead.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from jinja2 import Environment
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import search_fi
from .build import Outputs, SiteConfig, render_site
from .core.diagnostics import ContentError
from .diagrams import DiagramError
from .mkdocs_memo import Memo
from .mkdocs_pages import PageCache
from .mkdocs_reuse import html_key, keep_compiled_templates, reuse_search_entries
from .pages import GLOSSARY_PAGE
from .pipeline import load_graph
from .rules import glossary
from .site import abbr

log = logging.getLogger("mkdocs.plugins.yhdyspinta")


class PluginConfig(Config):  # type: ignore[no-untyped-call]
    content_dir = c.Type(str, default="content")
    strict = c.Type(bool, default=False)
    handouts = c.Type(bool, default=True)


class YhdyspintaPlugin(BasePlugin[PluginConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.outputs = Outputs()
        self.serving = False
        self.last_good: Outputs | None = None
        self.pages: PageCache | None = None
        self.html_passes: Memo | None = None  # on_page_content's results
        self.search_entries: Memo | None = None  # the search plugin's, per page
        self.abbreviations: dict[str, str] = {}  # term → expansion, for <abbr title>
        self.abbreviations_key = ""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup also makes MkDocs keep this instance across serve rebuilds.
        self.serving = command == "serve"

    def _content_dir(self, config: MkDocsConfig) -> Path:
        root = Path(config.config_file_path or ".").resolve().parent
        return root / self.config.content_dir

    @event_priority(100)  # before the search plugin fills in its default pipeline
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        search_fi.configure_search(config)  # Finnish search finds inflected words
        content = str(self._content_dir(config))
        if content not in config.watch:
            config.watch.append(content)
        return config

    def on_pre_build(self, config: MkDocsConfig) -> None:
        content = self._content_dir(config)
        try:
            graph, report = load_graph(content, strict=self.config.strict)
        except ContentError as error:
            for line in error.report.format().splitlines():
                log.error(line)
            if self.serving and self.last_good is not None:
                log.error("Sisällössä on virheitä; näytetään viimeisin toimiva versio.")
                self.outputs = self.last_good
                return
            raise PluginError("Sisällössä on virheitä; sivustoa ei rakennettu.") from None
        for item in report.warnings:
            log.info(item.format())  # warnings fail only `check --strict`, not the site build
        site = SiteConfig(
            content_dir=content,
            site_url=config.site_url or SiteConfig.site_url,
            site_name=config.site_name,
            project_root=content.parent,
            handouts=self.config.handouts,
        )
        self.abbreviations = glossary.abbreviations(graph)
        self.abbreviations_key = hashlib.sha256(
            repr(sorted(self.abbreviations.items())).encode()).hexdigest()
        try:
            self.outputs = render_site(graph, site)
        except DiagramError as error:  # e.g. Graphviz missing: one line, no traceback
            raise PluginError(str(error)) from None
        self.last_good = self.outputs

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for file in files:
            if file.generated_by is None and file.src_uri.endswith(".md"):
                file.edit_uri = f"{config.docs_dir and Path(config.docs_dir).name}/{file.src_uri}"
        for path, output in self.outputs.files.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                raise PluginError(f"docs/{path} on myös generoitu tiedosto; poista toinen")
            generated = File.generated(config, path, content=output.content)
            generated.edit_uri = output.source
            files.append(generated)
        return search_fi.on_files(files, config=config)

    @event_priority(-100)  # after every plugin that adds or changes files
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        if self.pages is None or self.html_passes is None or self.search_entries is None:
            folder = Path(config.config_file_path or ".").resolve().parent / ".cache" / "pages"
            self.pages = PageCache(folder)
            self.html_passes = Memo(folder, "html")
            self.search_entries = Memo(folder, "search")
        self.pages.start_build(config, files)
        self.html_passes.start_build()
        self.search_entries.start_build()
        return nav

    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        keep_compiled_templates(env)
        if self.search_entries is not None:
            reuse_search_entries(config, self.search_entries)
        return env

    @event_priority(-100)  # the Markdown as every other plugin left it
    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        if self.pages is not None:
            self.pages.attach(page, markdown)
        return markdown

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.pages is not None:
            log.debug("Sivuja muunnettu %d, välimuistista %d", self.pages.misses, self.pages.hits)
            self.pages.save()
        for label, memo in (("HTML-käsittely", self.html_passes),
                            ("Hakuindeksin rivit", self.search_entries)):
            if memo is not None:
                log.debug("%s: tehty %d, välimuistista %d", label, memo.misses, memo.hits)
                memo.save()

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files
                        ) -> str:
        glossary_page = page.file.src_uri == GLOSSARY_PAGE

        def mark() -> str:
            marked = search_fi.exclude_from_index(html)
            if glossary_page:  # the glossary explains every term itself
                return marked
            return abbr.mark_first_uses(marked, self.abbreviations)

        if self.html_passes is None:
            return mark()
        key = html_key(html, glossary_page, self.abbreviations_key)
        result: str = self.html_passes.get(key, mark)
        return result
