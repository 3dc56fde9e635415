"""Security of content rendering: escape.py unit tests and the hostile fixture corpus.

Policy (generator/escape.py, CONTRIBUTING.md): content is text. Raw HTML is escaped and
shows as text; links may only point to https:, http:, mailto: or site-relative targets,
others show as text; images are not embedded; attribute lists are not available.

The browser half (the corpus built and opened in Chromium) is tests/browser/test_hostile.py.
"""

from __future__ import annotations

import html.parser
import re
import shutil
from pathlib import Path

import markdown as python_markdown
import pytest
import yaml

from generator import escape
from generator.cli import main
from generator.pipeline import check

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile" / "content"
UNSAFE_SCHEMES = ("javascript", "data", "vbscript", "file", "blob")


def _mkdocs_extensions() -> tuple[list[str], dict[str, dict[str, object]]]:
    """The Markdown extensions exactly as mkdocs.yml configures them."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8").replace("!!python", "#"))
    names: list[str] = []
    options: dict[str, dict[str, object]] = {}
    for item in config.get("markdown_extensions", []):
        if isinstance(item, dict):
            (name, value), = item.items()
            names.append(name)
            if isinstance(value, dict):
                options[name] = value
        else:
            names.append(item)
    return names, options


def render(markdown_text: str) -> str:
    """Editor Markdown through escape.markdown and Python-Markdown as the site does it."""
    names, options = _mkdocs_extensions()
    safe = escape.markdown(markdown_text, lambda i: f"[{i}](../x/{i}.md)")
    return python_markdown.markdown(safe, extensions=names, extension_configs=options)


class _Elements(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))


def elements(html_text: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Elements()
    parser.feed(html_text)
    return parser.elements


def browser_scheme(url: str) -> str:
    """The scheme a browser would use (it trims C0 controls and drops tabs/newlines)."""
    cleaned = re.sub(r"[\t\n\r]", "", url.strip("".join(chr(c) for c in range(0x21))))
    match = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


def assert_inert(html_text: str) -> None:
    """No element can run script: only harmless tags, no handlers, no unsafe URLs."""
    for tag, attrs in elements(html_text):
        assert tag not in ("script", "iframe", "object", "embed", "img", "style", "svg",
                           "form", "input", "base", "meta", "link", "math"), (tag, html_text)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, html_text)
            assert name in ("href", "title", "id", "class", "align", "open"), (name, html_text)
            if name == "href":
                assert browser_scheme(value) in ("", "https", "http", "mailto"), html_text


# --- escape.markdown ------------------------------------------------------------------------

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<div onclick=alert(1)>\n\n*Markdown* in raw HTML\n\n</div>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<style>body{display:none}</style>",
    "<!-- comment --><details open ontoggle=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](  javascript:alert(1))",
    "[x](\njavascript:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](java\nscript:alert(1))",
    "[x](\x01javascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](javascript:alert(1) \"title\")",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "[x](file:///etc/passwd)",
    "[x](&#106;avascript:alert(1))",
    "[x](javascript&colon;alert(1))",
    "[a\\](javascript:alert(1))",
    "[a [b] c](javascript:alert(1))",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "[x][r]\n\n[r]:\n    javascript:alert(1)",
    "[x][r]\n\n   [r]: <javascript:alert(1)>",
    "[x]\n\n[x]: data:text/html,<script>alert(1)</script>",
    "<javascript:alert(1)>",
    "<https://ok.example\" onmouseover=\"alert(1)>",
    "![x](javascript:alert(1))",
    "![x](https://tracker.example/pixel.png)",
    "![x]( https://tracker.example/pixel.png)",
    "![x][i]\n\n[i]: https://tracker.example/pixel.png",
    "Text\n{: onclick=\"alert(1)\" }",
    "Text\n\\{: onclick=\"alert(1)\" }",
    "# Heading {: onclick=alert(1) }",
    "[ok](https://ok.example){: onclick=alert(1) }",
    "[[tem]]{: onclick=alert(1) }",
    "| a |\n| - |\n| <script>alert(1)</script> {: onclick=alert(1) } |",
    "!!! note \"<script>alert(1)</script>\"\n    body <img src=x onerror=alert(1)>",
    "[x](https://ok.example/\"onmouseover=alert(1))",
    "[x](https://ok.example \"a\\\" onmouseover=\\\"alert(1)\")",
    "`<script>alert(1)</script>` and ``{: onclick=alert(1)}``",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_payloads_render_inert(payload: str) -> None:
    assert_inert(render(payload))


@pytest.mark.parametrize("payload", [p for p in PAYLOADS if p.startswith("<")])
def test_raw_html_shows_as_text(payload: str) -> None:
    """Escaped, not dropped: the reader sees what the editor typed."""
    output = render(payload)
    visible = re.sub(r"<[^>]+>", "", output)
    assert "&lt;" in visible


@pytest.mark.parametrize("text, expected", [
    ("[Finlex](https://www.finlex.fi/fi/lainsaadanto/2023/380)",
     '<a href="https://www.finlex.fi/fi/lainsaadanto/2023/380">Finlex</a>'),
    ("[TEM](https://tem.fi \"Työ- ja elinkeinoministeriö\")",
     '<a href="https://tem.fi" title="Työ- ja elinkeinoministeriö">TEM</a>'),
    ("[kirjaamo](mailto:kirjaamo@example.fi)", '<a href="mailto:kirjaamo@example.fi">kirjaamo</a>'),
    ("[sivu](../lait/laki-380-2023.md)", '<a href="../lait/laki-380-2023.md">sivu</a>'),
    ("[viite][v]\n\n[v]: https://tem.fi", '<a href="https://tem.fi">viite</a>'),
    ("<https://tem.fi>", '<a href="https://tem.fi">https://tem.fi</a>'),
    ("[[tem]]", '<a href="../x/tem.md">tem</a>'),
])
def test_safe_links_stay_links(text: str, expected: str) -> None:
    assert expected in render(text)


@pytest.mark.parametrize("text, shown", [
    ("[klikkaa](javascript:alert(1))", "klikkaa"),
    ("[klikkaa](  javascript:alert(1))", "[klikkaa](  javascript:alert(1))"),
    ("[x][r]\n\n[r]: javascript:alert(1)", "[r]: javascript:alert(1)"),
    ("Teksti\n{: onclick=x }", "Teksti\n{: onclick=x }"),
    ("![kuva](https://example.org/k.png)", "kuva"),
    ("a < b & c > d", "a < b & c > d"),
])
def test_unsafe_markup_is_shown_as_text(text: str, shown: str) -> None:
    output = render(text)
    visible = html_unescape(re.sub(r"<[^>]+>", "", output))
    assert shown in visible, output
    assert "<a " not in output


def test_unsafe_links_never_become_links() -> None:
    for text in ("[x](javascript:alert(1))", "[x](  javascript:alert(1))",
                 "[x][r]\n\n[r]: javascript:alert(1)", "[x](data:,hi)"):
        assert "<a " not in render(text), text


def test_images_become_links_not_embeds() -> None:
    output = render("![kaavio](https://example.org/k.png) ja ![x]( https://example.org/y.png)")
    assert "<img" not in output
    assert '<a href="https://example.org/y.png">x</a>' in output


def test_braces_still_read_as_braces() -> None:
    output = python_markdown.markdown(escape.markdown("{vuosi} {: .x }", str))
    assert html_unescape(output) == "<p>{vuosi} {: .x }</p>"
    assert escape.md_inline("{: .x }") == "\\{: .x \\}"


# --- the other escapes ------------------------------------------------------------------------

@pytest.mark.parametrize("value", [
    "<script>alert(1)</script>", "Nimi {: onclick=alert(1) }", "a|b", "[[x]]", "*ei*",
    "`koodi`", "# ei otsikko", "\\{: onclick=alert(1) }", "![x](javascript:alert(1))",
])
def test_md_inline_renders_exactly_the_text(value: str) -> None:
    names, options = _mkdocs_extensions()
    output = python_markdown.markdown("# " + escape.md_inline(value), extensions=names,
                                      extension_configs=options)
    assert_inert(output)
    (tag, attrs), = elements(output)
    assert tag == "h1" and set(attrs) <= {"id"}
    assert html_unescape(re.sub(r"<[^>]+>", "", output)) == value


def html_unescape(text: str) -> str:
    import html

    return html.unescape(text)


def test_md_inline_joins_lines() -> None:
    assert escape.md_inline("a\n\n  b\tc") == "a b c"


def test_html_text_escapes_quotes() -> None:
    assert escape.html_text("<a href=\"x\" onclick='y'>&") == (
        "&lt;a href=&quot;x&quot; onclick=&#x27;y&#x27;&gt;&amp;")


@pytest.mark.parametrize("url, safe", [
    ("https://tem.fi", True), ("http://data.finlex.fi/eli/sd/2023/380/ajantasa", True),
    ("mailto:x@example.fi", True), ("../lait/x.md", True), ("#ankkuri", True),
    ("javascript:alert(1)", False), (" javascript:alert(1)", False),
    ("java\tscript:alert(1)", False), ("JAVASCRIPT:alert(1)", False),
    ("data:text/html,x", False), ("//evil.example/x", False), ("vbscript:x", False),
    ("\x01javascript:alert(1)", False), ("webcal://x.fi/k.ics", False),
])
def test_is_safe_url(url: str, safe: bool) -> None:
    assert escape.is_safe_url(url) is safe


def test_dot_string_cannot_break_out() -> None:
    label = escape.dot_string('Vaihe "<script>&{}|\\" ] ; node [label=x')
    assert label.startswith('"') and label.endswith('"')
    inner = label[1:-1]
    assert re.search(r'(?<!\\)"', inner) is None  # every quote inside is escaped


def test_dot_html_label_escapes_markup() -> None:
    label = escape.dot_html_label('"<script>&{}|</script>>')
    assert "<" not in label.replace('<BR ALIGN="CENTER"/>', "")
    assert "&lt;script&gt;" in label and "&amp;" in label


# --- the hostile corpus -----------------------------------------------------------------------

def test_hostile_corpus_is_valid_content() -> None:
    """The buildable corpus validates (strictly): its payloads are legal content."""
    graph, report = check(HOSTILE)
    assert not report.errors and not report.warnings, report.format()
    kinds = {graph.kind_of(i) for i in graph.records}
    assert kinds == {"law", "body", "person", "committee", "process", "meeting", "topic"}


def test_mention_of_nothing_is_an_error_with_file_and_line(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    """A ``[[link]]`` to nothing is not rendered at all: validation stops it at file:line."""
    content = tmp_path / "content"
    shutil.copytree(HOSTILE, content)
    target = content / "topics" / "vihamielinen-aihe.yaml"
    lines = target.read_text("utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("summary:"))
    lines[index] = 'summary: "Viittaus [[ei-ole-olemassa]] ja <script>alert(1)</script>."'
    target.write_text("\n".join(lines) + "\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    column = lines[index].index("[[") + 1  # the mention itself, not the start of its text
    assert (f"content/topics/vihamielinen-aihe.yaml:{index + 1}:{column}: virhe: summary: tekstin "
            "viittaus [[ei-ole-olemassa]] ei osoita mihinkään [vihamielinen-aihe]") in err
    assert "1 virhe, 0 varoitusta" in err


def test_unsafe_link_with_parentheses_leaves_no_tail() -> None:
    text = escape.markdown("[bad](javascript:alert(1)) ja [ok](https://fi.wikipedia.org/wiki/A_(b))",
                           lambda entity_id: entity_id)
    assert text == "bad ja [ok](https://fi.wikipedia.org/wiki/A_(b))"
