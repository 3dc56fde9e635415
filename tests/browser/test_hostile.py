"""The hostile corpus (tests/fixtures/hostile) built for real and opened in Chromium.

Every payload that could run sets ``window.__pwned`` or calls ``alert()``. The site must
show all of it as text: no script runs, no dialog opens, nothing is logged, no element gets
an event-handler attribute or a ``javascript:``/``data:`` link, no request leaves the site,
and the layout holds on a 360 px phone (a 300-character word included).
"""

from __future__ import annotations

import html.parser
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from icalendar import Calendar

from .support import HOSTILE, Session, SiteServer, visit

PAGES_DIR_SKIP = {"assets", "search", "stylesheets", "javascripts", "pdf"}
# Elements content can never produce inside the article.
FORBIDDEN_IN_ARTICLE = {"script", "iframe", "object", "embed", "frame", "base", "form", "input",
                        "textarea", "button", "style", "link", "meta", "img", "video", "audio",
                        "foreignobject", "math"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data",
                  "srcset", "background", "ping"}
SAFE_SCHEMES = {"http", "https", "mailto", "webcal", ""}
LONG_WORD_LENGTH = 300


def hostile_pages(site: Path) -> list[str]:
    pages = []
    for file in sorted(site.rglob("index.html")):
        relative = file.parent.relative_to(site).as_posix()
        if relative.split("/")[0] in PAGES_DIR_SKIP:
            continue
        pages.append("" if relative == "." else relative + "/")
    return pages


def browser_url(value: str) -> str:
    """A URL attribute as the browser's URL parser sees it (C0/space trimmed, tabs and
    newlines removed anywhere)."""
    value = value.strip("".join(chr(c) for c in range(0x21)))
    return re.sub(r"[\t\n\r]", "", value)


def scheme_of(value: str) -> str:
    match = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", browser_url(value))
    return match.group(1).lower() if match else ""


class _Audit(html.parser.HTMLParser):
    """Collects what must not be in a page built from hostile content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.stack: list[str] = []
        self.article_depth: int | None = None
        self.script_text: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        in_article = self.article_depth is not None
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and value is not None:
                if scheme_of(value) not in SAFE_SCHEMES:
                    self.problems.append(f"<{tag} {name}={value!r}>")
                if tag in ("img", "script", "source", "image", "iframe") and scheme_of(value):
                    self.problems.append(f"external resource <{tag} {name}={value!r}>")
            if name == "style" and value and in_article and "position:fixed" in value.replace(
                    " ", ""):
                self.problems.append(f"<{tag} style={value!r}>")
        if in_article and tag in FORBIDDEN_IN_ARTICLE:
            self.problems.append(f"<{tag}> inside the article: {attrs}")
        if tag == "meta" and any(n == "http-equiv" and (v or "").lower() == "refresh"
                                 for n, v in attrs):
            self.problems.append("meta refresh")
        if tag == "script":
            self.in_script = True
        if tag == "article" and self.article_depth is None:
            self.article_depth = len(self.stack)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False
        if tag in VOID:
            return
        while self.stack:
            if self.stack.pop() == tag:
                break
        if self.article_depth is not None and len(self.stack) <= self.article_depth:
            self.article_depth = None

    def handle_data(self, data: str) -> None:
        if self.in_script and ("pwned" in data or "alert(" in data):
            self.problems.append(f"script with a payload: {data[:120]!r}")


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "path", "circle", "rect", "ellipse", "line", "polyline", "polygon",
        "use", "stop"}


def test_hostile_corpus_builds_into_pages_of_every_kind(hostile_site: Path) -> None:
    pages = set(hostile_pages(hostile_site))
    for expected in ("lait/laki-666-2024/", "organisaatiot/vihamielinen-virasto/",
                     "henkilot/maija-hyokkaaja/", "toimielimet/hostile-jaosto/",
                     "prosessit/hostile-prosessi/", "kokoukset/hostile-kokous/",
                     "aiheet/vihamielinen-aihe/", "kalenteri/", ""):
        assert expected in pages


def test_built_html_has_no_live_payload(hostile_site: Path) -> None:
    """Parsed like a browser would: no handler attribute, no unsafe URL, no injected element."""
    problems = []
    for path in hostile_pages(hostile_site):
        audit = _Audit()
        audit.feed((hostile_site / path / "index.html").read_text("utf-8"))
        problems += [f"{path or '/'}: {p}" for p in audit.problems]
    assert not problems, "\n".join(problems)


def test_calendar_feeds_keep_injected_lines_inside_one_event(hostile_site: Path) -> None:
    """A summary with ``BEGIN:VEVENT`` lines cannot add events to a feed."""
    feeds = sorted(hostile_site.rglob("*.ics"))
    assert feeds, "no calendar feeds were built"
    for feed in feeds:
        calendar = Calendar.from_ical(feed.read_bytes())
        events = [c for c in calendar.walk("VEVENT")]
        titles = sorted(str(e.get("SUMMARY")) for e in events)
        assert "injektoitu" not in titles, feed
        assert len(events) <= 2, (feed, titles)


# --- in the browser ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def audited_pages(hostile_site: Path) -> list[str]:
    return hostile_pages(hostile_site)


TRIGGER_HANDLERS = """() => {
  // Fire the events injected handlers would wait for, on every element of the content.
  const root = document.querySelector('article') || document.body;
  for (const el of root.querySelectorAll('*')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'load', 'error', 'toggle'])
      el.dispatchEvent(new Event(type, {bubbles: false}));
    if (!el.closest('a, button, label, summary, input, select, textarea'))
      el.dispatchEvent(new MouseEvent('click', {bubbles: false, cancelable: true}));
  }
}"""


def test_no_payload_runs_in_the_browser(audited_pages: list[str], light: Session,
                                        hostile_server: SiteServer) -> None:
    failures = []
    for path in audited_pages:
        page = visit(light, hostile_server.url(path), settle=False)  # payloads run on load
        page.evaluate(TRIGGER_HANDLERS)
        page.wait_for_timeout(50)  # let queued handlers (if any) run before reading the probe
        pwned = page.evaluate("() => window.__pwned")
        recorder = light.recorder
        payload_logs = [m for m in recorder.console if "pwned" in m.lower()]
        if pwned is not None or recorder.dialogs or payload_logs or recorder.page_errors:
            failures.append(f"{path or '/'}: __pwned={pwned!r} dialogs={recorder.dialogs} "
                            f"console={payload_logs} errors={recorder.page_errors}")
        if recorder.external:
            failures.append(f"{path or '/'}: requests left the site: {recorder.external}")
    assert not failures, "\n".join(failures)


def test_the_probe_would_notice_a_payload(light: Session, hostile_server: SiteServer) -> None:
    """The detector works: a payload injected on purpose is caught."""
    page = visit(light, hostile_server.url(""))
    page.evaluate("() => { const i = document.createElement('img'); "
                  "i.setAttribute('onerror', \"window.__pwned='probe'; alert(1)\"); "
                  "i.src = 'data:,'; document.body.append(i); }")
    page.wait_for_function("() => window.__pwned === 'probe'")
    assert light.recorder.dialogs == ["alert: 1"]
    light.recorder.clear()


@pytest.mark.parametrize("path, text", [
    ("lait/laki-666-2024/", "<script>window.__pwned='law-summary';alert('law')</script>"),
    ("organisaatiot/vihamielinen-virasto/", "<iframe src=\"javascript:window.__pwned='iframe'\">"),
    ("organisaatiot/vihamielinen-virasto/", "{: onclick=\"window.__pwned='attr-list'\" }"),
    ("organisaatiot/vihamielinen-virasto/", "[paha]: javascript:window.__pwned='reference'"),
    ("toimielimet/hostile-jaosto/", "Jaosto \"<script>&{}|"),
    ("prosessit/hostile-prosessi/", "Vaihe \"<script>&{}|"),
    ("kokoukset/hostile-kokous/", "<script>window.__pwned='meeting-summary'</script>"),
    ("aiheet/vihamielinen-aihe/", "<script>window.__pwned='cell'</script>"),
])
def test_hostile_text_shows_as_text(path: str, text: str, light: Session,
                                    hostile_server: SiteServer) -> None:
    page = visit(light, hostile_server.url(path), settle=False)
    visible = page.locator("article").inner_text()
    assert text in visible, f"{text!r} not shown on {path}"


def test_diagram_labels_show_the_injected_characters(light: Session,
                                                     hostile_server: SiteServer) -> None:
    page = visit(light, hostile_server.url("prosessit/hostile-prosessi/"))
    diagram = page.locator("article figure svg[role=img]").first
    labels = " ".join(diagram.locator("text").all_text_contents())
    squashed = re.sub(r"[\s\-]", "", labels)
    assert 'Vaihe"<script>&{}|' in squashed, labels
    assert diagram.locator("script, foreignObject").count() == 0


OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = e => { const s = getComputedStyle(e).overflowX;
                         return s === 'auto' || s === 'scroll' || s === 'hidden'; };
  const out = [];
  const root = document.querySelector('.md-content') || document.body;
  for (const el of root.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 1) continue;
    let p = el.parentElement, contained = false;
    while (p && p !== root) { if (scrolls(p) && p.getBoundingClientRect().right <= width + 1) {
      contained = true; break; } p = p.parentElement; }
    if (!contained) out.push(el.tagName.toLowerCase() + '.' + [...el.classList].join('.') +
                             ' right=' + Math.round(r.right));
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, overflowing: out.slice(0, 8)};
}"""


def test_layout_holds_on_a_360px_phone(audited_pages: list[str], phone: Session,
                                       hostile_server: SiteServer) -> None:
    failures = []
    for path in audited_pages:
        page = visit(phone, hostile_server.url(path), settle=False)
        result = page.evaluate(OVERFLOW)
        if result["scrollWidth"] > 361 or result["overflowing"]:
            failures.append(f"{path or '/'}: scrollWidth={result['scrollWidth']} "
                            f"overflowing={result['overflowing']}")
    assert not failures, "\n".join(failures)


def test_corpus_contains_the_long_word() -> None:
    words = re.findall(r"\w+", (HOSTILE / "content" / "bodies" / "pitka-nimi.yaml").read_text())
    assert max(len(w) for w in words) == LONG_WORD_LENGTH


def test_urls_in_the_corpus_are_https_but_hostile() -> None:
    """Sanity: the hostile URLs pass the model (they are https) and still carry payloads."""
    text = (HOSTILE / "content" / "committees" / "hostile-jaosto.yaml").read_text()
    url = re.search(r"url: (\S+onerror\S+)", text)
    assert url is not None and urlsplit(url.group(1)).scheme == "https"
