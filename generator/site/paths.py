"""Every path and address of the site, in one place.

A *docs path* is a file's place below the docs root (``prosessit/typ.md``,
``kalenteri/kaikki.ics``, ``pdf/typ.pdf``); pages are served at directory URLs
(``prosessit/typ/``, MkDocs' default). Renderers name files with the functions here and
link with :func:`relative` (Markdown links, which MkDocs rewrites), :func:`page_href`
(raw HTML, which it does not) or :func:`absolute` (feeds, PDFs, open data).
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from ..core.models import KINDS_BY_KEY
from ..graph import Graph
from .output import SiteConfig

HOME = "index.md"
CALENDAR_PAGE = "kalenteri/index.md"
SUBSCRIBE_PAGE = "kalenteri/tilaa.md"
ALL_FEED = "kalenteri/kaikki.ics"
RELATIONS_PAGE = "organisaatiot/suhteet.md"


# --- docs paths -------------------------------------------------------------------------


def entity_path(graph: Graph, entity_id: str) -> str:
    """Docs path of an entity's page, e.g. ``prosessit/typ.md``."""
    kind = KINDS_BY_KEY[graph.kind_of(entity_id)]
    return f"{kind.url_dir}/{entity_id}.md"


def index_path(kind_key: str) -> str:
    """Docs path of the index page of a kind, e.g. ``prosessit/index.md``."""
    return f"{KINDS_BY_KEY[kind_key].url_dir}/index.md"


def meeting_page(meeting_id: str) -> str:
    return f"kokoukset/{meeting_id}.md"


def series_feed(series_id: str) -> str:
    """Feed of one series (committee or network), e.g. ``kalenteri/tyonvk.ics``."""
    return f"kalenteri/{series_id}.ics"


def meeting_feed(meeting_id: str) -> str:
    """The one-event file behind a meeting page's "Lisää kalenteriin" link."""
    return f"kokoukset/{meeting_id}.ics"


def handout_path(entity_id: str) -> str:
    """Docs path of an entity's PDF handout (or of the pack, by its id)."""
    return f"pdf/{entity_id}.pdf"


def source_path(graph: Graph, entity_id: str, config: SiteConfig) -> str:
    """The YAML file behind an entity, relative to the project root (for edit links)."""
    record = graph.records[entity_id]
    name = record.document.path.rpartition("/")[2]  # shown paths are POSIX (load.files._shown)
    return f"{config.content_dir.name}/{record.kind.folder}/{name}"


# --- addresses --------------------------------------------------------------------------


def page_url(docs_path: str) -> str:
    """Site-root URL of a docs page: ``prosessit/typ.md`` → ``prosessit/typ/``; other files
    keep their path."""
    if docs_path == "index.md":
        return ""
    if docs_path.endswith("/index.md"):
        return docs_path.removesuffix("index.md")
    if docs_path.endswith(".md"):
        return docs_path.removesuffix(".md") + "/"
    return docs_path


def absolute(site_url: str, docs_path: str) -> str:
    """Public https address of a docs path; pages get directory URLs."""
    return site_url.rstrip("/") + "/" + page_url(docs_path)


def entity_url(site_url: str, graph: Graph, entity_id: str) -> str:
    """Public address of an entity's page (PDFs, open data)."""
    return absolute(site_url, entity_path(graph, entity_id))


def webcal(url: str) -> str:
    """The ``webcal://`` form of an https address (opens the subscribe dialog of calendars)."""
    return "webcal://" + url.split("://", 1)[1]


def domain(config: SiteConfig) -> str:
    """The site's host name, the right-hand side of every event UID."""
    return urlsplit(config.site_url).hostname or "localhost"


# --- links between pages ----------------------------------------------------------------


def relative(from_path: str, to_path: str) -> str:
    """Relative link between two docs paths (``a/b.md`` → ``../c/d.md``).

    String arithmetic only: ``posixpath.relpath`` calls ``os.getcwd()`` twice per link, a
    quarter of the render time at 1,000 entities. A link to a file (``name.ext``) reuses the
    way between the two folders, worked out once per pair of folders.
    """
    folder, _, _ = from_path.rpartition("/")
    target_folder, _, name = to_path.rpartition("/")
    if "." not in name.strip("."):  # a folder, or no file name: the path in full
        return _relative_parts(folder, to_path) or "."
    return _folder_prefix(folder, target_folder) + name


@lru_cache(maxsize=4096)
def _folder_prefix(start_folder: str, target_folder: str) -> str:
    """What goes before a file name in ``target_folder`` seen from ``start_folder``:
    ``""`` for the same folder, else e.g. ``"../c/"``."""
    way = _relative_parts(start_folder, target_folder)
    return way + "/" if way else ""


def _relative_parts(start_folder: str, to_path: str) -> str:
    start = [p for p in start_folder.split("/") if p not in ("", ".")]
    target = [p for p in to_path.split("/") if p not in ("", ".")]
    common = 0
    while common < min(len(start), len(target)) and start[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:])


def page_href(from_docs: str, to_docs: str, *, base_url: str | None = None) -> str:
    """Link in raw HTML (inline SVG, figures) from the page ``from_docs`` to the page
    ``to_docs``: MkDocs does not rewrite those, so the link is the final directory URL,
    relative, or absolute with ``base_url``."""
    target = page_url(to_docs)
    if base_url is not None:
        return base_url.rstrip("/") + "/" + target
    # relative() links from a file, so the start folder gets a slash (string arithmetic, as
    # posixpath.relpath would give for these clean paths, without its os.getcwd calls)
    path = relative(page_url(from_docs), target.rstrip("/") or ".")
    return "./" if path == "." else path + "/"


def entity_href(graph: Graph, from_docs: str, entity_id: str, *,
                base_url: str | None = None) -> str:
    return page_href(from_docs, entity_path(graph, entity_id), base_url=base_url)
