"""Link integrity of the built site.

* Every internal link and resource (``href``, ``src``, ``xlink:href``, ``srcset``, in pages
  and inline SVG diagrams) points at a file of the site, and its ``#fragment`` at an ``id``
  in that file. (``mkdocs build --strict`` checks Markdown links; this also covers HTML the
  templates and Graphviz write.)
* Every external link is a well-formed ``https://`` URL. Exceptions: ``webcal://`` calendar
  subscriptions and ``mailto:`` addresses.
* Decision on ELI identifiers (``http://data.finlex.fi/eli/sd/2023/380/ajantasa``): they are
  identifiers, shown as text; links go to the https Finlex pages instead. So no ``http://``
  link may appear at all.
"""

from __future__ import annotations

import html.parser
import posixpath
import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from generator.site.paths import relative

URL_ATTRIBUTES = ("href", "src", "xlink:href")
HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
MAILTO = re.compile(r"^mailto:[^@\s/]+@[^@\s/]+\.[a-z]{2,}$", re.IGNORECASE)


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and tag != "meta":
                self.ids.add(value)
            elif name in URL_ATTRIBUTES:
                self.urls.append((f"<{tag} {name}>", value))
            elif name == "srcset":
                for candidate in value.split(","):
                    self.urls.append((f"<{tag} srcset>", candidate.strip().split(" ")[0]))


@cache
def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text("utf-8"))
    return parser


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _target_file(site: Path, page: Path, url: str) -> Path:
    base = "/" + page.parent.relative_to(site).as_posix() + "/"
    path = unquote(urlsplit(urljoin(base.replace("//", "/"), url)).path)
    target = site / path.lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def test_internal_links_and_fragments_resolve(built_site: Path) -> None:
    broken = []
    for page in pages(built_site):
        for where, url in parse(page).urls:
            parts = urlsplit(url)
            if parts.scheme or url.startswith("//"):
                continue
            if not parts.path:  # "#fragment" on the same page
                target = page
            else:
                target = _target_file(built_site, page, url)
                if not target.is_file():
                    broken.append(f"{page.relative_to(built_site)}: {where} {url} → missing")
                    continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                broken.append(f"{page.relative_to(built_site)}: {where} {url} → no id "
                              f"'{fragment}' in {target.relative_to(built_site)}")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(sorted(set(broken))[:40])


def check_external(url: str) -> str | None:
    """Why ``url`` is not an acceptable external link, or None."""
    if url.startswith("mailto:"):
        return None if MAILTO.match(url) else "malformed mailto: address"
    if any(c.isspace() for c in url) or any(ord(c) < 0x20 for c in url):
        return "whitespace or control characters"
    parts = urlsplit(url)
    if parts.scheme == "http":
        return "http:// link (use https://; ELI identifiers are shown as text)"
    if parts.scheme not in ("https", "webcal"):
        return f"scheme {parts.scheme or '(none)'}:"
    host = parts.hostname or ""
    if not HOST.match(host):
        return f"bad host {host!r}"
    try:
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        return "bad port"
    if parts.scheme == "webcal" and not parts.path.endswith(".ics"):
        return "webcal:// link that is not a calendar file"
    return None


def test_external_links_are_well_formed_https(built_site: Path) -> None:
    bad = []
    for page in pages(built_site):
        for where, url in parse(page).urls:
            parts = urlsplit(url)
            if not (parts.scheme or url.startswith("//")):
                continue
            problem = check_external(url)
            if problem:
                bad.append(f"{page.relative_to(built_site)}: {where} {url}: {problem}")
    assert not bad, f"{len(bad)} bad external links:\n" + "\n".join(sorted(set(bad))[:40])


def test_eli_identifiers_are_text_not_links(built_site: Path) -> None:
    for page in pages(built_site):
        for where, url in parse(page).urls:
            assert "data.finlex.fi/eli" not in url, f"{page}: {where} {url}"


def test_sitemap_urls_are_https_pages_of_the_site(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text("utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations
    for location in locations:
        assert check_external(location) is None, location
        assert location.startswith("https://yhdyspintaverkosto.fi/"), location
        relative = location.removeprefix("https://yhdyspintaverkosto.fi/")
        assert (built_site / relative / "index.html").is_file() or (
            built_site / relative).is_file(), location


@pytest.mark.parametrize("url, problem", [
    ("https://tem.fi/", None),
    ("https://www.finlex.fi/fi/lainsaadanto/2023/380#chp_3__sec_22", None),
    ("webcal://yhdyspintaverkosto.fi/kalenteri/kaikki.ics", None),
    ("mailto:kirjaamo@example.fi", None),
    ("http://data.finlex.fi/eli/sd/2023/380/ajantasa", "http"),
    ("https://exa mple.fi/", "whitespace"),
    ("https:///polku", "bad host"),
    ("https://localhost/", "bad host"),
    ("ftp://example.fi/x", "scheme"),
    ("https://example.fi:99999/", "bad port"),
    ("mailto:ei-osoite", "malformed"),
])
def test_external_link_rules(url: str, problem: str | None) -> None:
    result = check_external(url)
    if problem is None:
        assert result is None
    else:
        assert result is not None and problem in result


RELATIVE_CASES = ["index.md", "a/b.md", "a/c.md", "d/e.md", "a/x/y.md", "q/r/s/t.md",
                  "pdf/x.pdf", "a/", "a/b/", ".", "./a/b.md", "a", "a/x", "a/b.c/d.md"]


@pytest.mark.parametrize("from_path", RELATIVE_CASES)
def test_relative_links_resolve_to_their_target(from_path: str) -> None:
    """Every link ``relative`` writes, resolved from the page's folder, is the target."""
    for to_path in RELATIVE_CASES:
        link = relative(from_path, to_path)
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(from_path), link))
        assert resolved == posixpath.normpath(to_path), (from_path, to_path, link)
        assert not link.startswith("/")


def test_relative_links_between_pages() -> None:
    assert relative("prosessit/typ.md", "prosessit/other.md") == "other.md"
    assert relative("prosessit/typ.md", "lait/laki.md") == "../lait/laki.md"
    assert relative("index.md", "lait/laki.md") == "lait/laki.md"
    assert relative("kalenteri/tilaa/index.md", "index.md") == "../../index.md"
    assert relative("lait/index.md", "lait/") == "."
