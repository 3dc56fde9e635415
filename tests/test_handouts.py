"""PDF handouts: text, structure and metadata read back from the PDFs with pypdf.

Most tests render the small fixture tree in ``tests/fixtures/handouts/content`` once per
module (about two seconds); one test renders the real content's processes.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from conftest import FIXED_EPOCH, FIXTURES, ROOT, pdf_text

from generator import escape, fi
from generator.diagrams.org import org_diagram
from generator.graph import Graph
from generator.handouts import (
    PACK_PATH,
    data,
    handouts,
    pdf,
    render_handouts,
)
from generator.pipeline import check
from generator.site.output import SiteConfig
from generator.site.paths import handout_path

CONTENT = FIXTURES / "handouts" / "content"
BUILD_DAY = dt.date(2025, 5, 12)  # FIXED_EPOCH in Helsinki


def pages_of(data_: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data_))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def reader_of(data_: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(data_))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the fixture content outside git: content dates come from ``updated``."""
    root = tmp_path_factory.mktemp("handouts")
    shutil.copytree(CONTENT, root / "content")
    return root


@pytest.fixture(scope="module")
def fixed_clock() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
        yield


@pytest.fixture(scope="module")
def graph(project: Path) -> Graph:
    result, report = check(project / "content")
    assert not report.errors, report.format()
    return result


@pytest.fixture(scope="module")
def config(project: Path) -> SiteConfig:
    return SiteConfig(content_dir=project / "content", project_root=project)


@pytest.fixture(scope="module")
def pdfs(graph: Graph, config: SiteConfig, fixed_clock: None) -> dict[str, bytes]:
    return {output.path: output.data for output in render_handouts(graph, config)}


# --- what each handout says -------------------------------------------------------------


def test_every_process_committee_and_meeting_has_a_handout(graph: Graph,
                                                           pdfs: dict[str, bytes]) -> None:
    expected = {handout_path(i) for i in [*graph.processes, *graph.committees,
                                          *graph.meetings]}
    assert set(pdfs) == expected | {PACK_PATH}
    assert all(data_.startswith(b"%PDF-1.7") for data_ in pdfs.values())


def test_process_handout_names_every_phase_actor_and_duration(graph: Graph,
                                                              pdfs: dict[str, bytes]) -> None:
    text = pdf_text(pdfs["pdf/typ.pdf"])
    process = graph.processes["typ"]
    for phase in process.phases:
        assert phase.name in text
        for actor in phase.actor_ids:
            assert graph.name(actor) in text
    assert "Kesto: 1 kk" in text
    # Kela only sends a notice in the last phase: named under its role, not as responsible
    assert "ilmoittaa: Kansaneläkelaitos" in text
    # the client is a role of the plan phase, printed as text once (`client: osallistuu`)
    assert text.count("asiakas: osallistuu") == 1
    assert "Tarkistus: vähintään 3 kk välein" in text
    assert "Määräaika: 2 viikon kuluessa" in text
    assert "Kyllä → 3. Monialaisen suunnitelman laatiminen; Ei → prosessi päättyy" in text
    assert "Kuvaa toimintaa 1.1.2025 alkaen" in text  # validity note
    assert "Pitkään työttömänä olleet" in text  # target group
    # legal basis with Finlex links, printed and clickable
    assert "381/2023) 6 § – toimintamalli" in text
    assert "www.finlex.fi/fi/lainsaadanto/2023/381#sec_6" in text.replace(" ", "")
    links = link_targets(pdfs["pdf/typ.pdf"])
    assert "https://www.finlex.fi/fi/lainsaadanto/2023/381#sec_6" in links
    assert "https://yhdyspintaverkosto.fi/prosessit/typ/" in links


def test_inferred_facts_are_marked_in_print(pdfs: dict[str, bytes]) -> None:
    committee = pdf_text(pdfs["pdf/tyonvk.pdf"])
    assert "31.12.2027 (päätelty: dia kertoo vain vuoden 2027)" in committee
    assert "5/2026–6/2026 (päätelty: tekstintunnistuksessa 5_g/2026) Yhteistyö- ja " \
           "seurantakeskustelut" in committee
    process = pdf_text(pdfs["pdf/typ.pdf"])
    assert "Päätelty: Tampereen malli alkoi 2024 (raportin kaavion luvuista)" in process
    assert "Tarkistettu lähteitä vasten 2.4.2025" in process
    meeting = pdf_text(pdfs["pdf/tyonvk-2025-09.pdf"])
    assert '(päätelty: dian luettelosta "Seuraavat 9/2025")' in meeting


def link_targets(data_: bytes) -> set[str]:
    found = set()
    for page in reader_of(data_).pages:
        for annotation in page.get("/Annots", []):
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                found.add(str(action["/URI"]))
    return found


def test_committee_handout_names_members_deputies_and_vacancies(
        graph: Graph, pdfs: dict[str, bytes]) -> None:
    text = pdf_text(pdfs["pdf/tyonvk.pdf"])
    committee = graph.committees["tyonvk"]
    for member in committee.members:
        assert graph.name(member.person) in text
        if member.deputy:
            assert graph.name(member.deputy) in text
    # TEM has two places with one holder; the wellbeing counties' seat is empty. No source
    # states a vacancy: the places read "not named in the sources", once per seat.
    assert "avoin" not in text
    assert text.count("ei nimetty lähteissä") == 2
    assert "1 paikka: ei nimetty lähteissä" in text
    assert "Puheenjohtaja Olli Vaara, osastopäällikkö, TEM (varalla Ville Varis)" in text
    assert "Sihteeri Jenni Wessmann" in text
    assert "Henkilökohtainen varajäsen" in text
    assert "Toimikausi 30.1.2025–31.12.2027" in text
    assert "seurata ja ennakoida palvelujärjestelmän toimivuutta" in text
    assert "Laki työvoimapalveluiden järjestämisestä (380/2023) 3 luku 22 §" in text
    # upcoming meetings of the series, a month-only one by its month
    assert "syyskuu 2025 Neuvottelukunnan syyskokous" in text


def test_network_handout_lists_upcoming_meetings_only(pdfs: dict[str, bytes]) -> None:
    text = pdf_text(pdfs["pdf/yhdyspintaverkosto.pdf"])
    assert "ke 4.6.2025 klo 9.00–11.00 Yhdyspintaverkoston kesäkokous" in text
    assert "kevätkokous" not in text  # 24.3.2025 is before the build date


def test_content_markup_prints_as_text(pdfs: dict[str, bytes]) -> None:
    text = pdf_text(pdfs["pdf/yhdyspintaverkosto.pdf"])
    assert "toimijoille & kumppaneille <b>ei lihavoitu</b>." in text


def test_meeting_handout_is_the_invitation_with_programme(graph: Graph,
                                                         pdfs: dict[str, bytes]) -> None:
    text = pdf_text(pdfs["pdf/verkosto-2025-06-04.pdf"])
    assert "Aika ke 4.6.2025 klo 9.00–11.00" in text
    assert "Paikka Kuntatalo, Toinen linja 14, Helsinki" in text
    assert "Etäyhteys Teams: https://teams.example.fi/kesa" in text
    meeting = graph.meetings["verkosto-2025-06-04"]
    for item in meeting.programme:
        assert item.title in text
        assert item.start is not None and item.end is not None
        assert f"{fi.time(item.start)}–{fi.time(item.end)}" in text
        for speaker in item.speakers:
            assert f"{graph.name(speaker)}, {data.person_details(graph, speaker)}" in text
    assert "Tommi Eskonen, työllistymisen monialaisen tuen palvelujen johtaja, Tampereen " \
           "kaupunki" in text
    assert "Esityslista www.kuntaliitto.fi/esityslista" in text


def test_month_only_meeting_handout(pdfs: dict[str, bytes]) -> None:
    text = pdf_text(pdfs["pdf/tyonvk-2025-09.pdf"])
    assert "Aika syyskuu 2025" in text


def test_hostile_content_stays_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The hostile corpus (markup and script in every field) yields no element or event
    attribute of its own in any handout; the PDF shows the markup as text."""
    from html.parser import HTMLParser

    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
    graph, report = check(FIXTURES / "hostile" / "content")
    assert not report.errors
    items = handouts(graph, SiteConfig(content_dir=FIXTURES / "hostile" / "content",
                                       project_root=tmp_path))

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: set[str] = set()
            self.handlers: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.add(tag)
            self.handlers += [name for name, _ in attrs if name.startswith("on")]
            self.handlers += [f"{name}={value}" for name, value in attrs
                              if value and value.strip().lower().startswith("javascript:")]

    for item in items:
        parser = Tags()
        parser.feed(item.html)
        assert not parser.tags & {"script", "img", "iframe", "object", "embed", "form"}, \
            item.path
        assert not parser.handlers, item.path
    process = next(i for i in items if i.path == "pdf/hostile-prosessi.pdf")
    (rendered,) = pdf.render_all([process.html], pdf.pdf_cache(None))
    assert "<script>window.__pwned='phase'</script>" in pdf_text(rendered)


# --- PDF/UA, metadata, bookmarks, running header and footer ----------------------------


@pytest.mark.parametrize("path", ["pdf/typ.pdf", "pdf/tyonvk.pdf",
                                  "pdf/verkosto-2025-06-04.pdf", PACK_PATH])
def test_tagged_pdf_ua_with_language_and_metadata(pdfs: dict[str, bytes], path: str) -> None:
    reader = reader_of(pdfs[path])
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "fi"
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfuaid:part="1"' in xmp
    info = reader.metadata
    assert info is not None and info.title and info.subject
    assert info.title in xmp


def test_title_subject_and_bookmarks(pdfs: dict[str, bytes]) -> None:
    reader = reader_of(pdfs["pdf/typ.pdf"])
    assert reader.metadata is not None
    assert reader.metadata.title == "Työllistymistä edistävä monialainen yhteispalvelu (TYP)"
    assert reader.metadata.subject.startswith("Prosessikuvaus: ")
    titles = outline_titles(reader.outline)
    assert titles[0] == "Työllistymistä edistävä monialainen yhteispalvelu (TYP)"
    assert {"Kohderyhmä", "Säädösperusta", "Vaiheet"} <= set(titles)


def outline_titles(outline: list[object]) -> list[str]:
    titles: list[str] = []
    for item in outline:
        if isinstance(item, list):
            titles.extend(outline_titles(item))
        else:
            titles.append(str(item["/Title"]))  # type: ignore[index]
    return titles


def test_running_header_and_footer_carry_content_date_not_build_date(
        pdfs: dict[str, bytes]) -> None:
    # typ.yaml says updated 2025-01-15; the bodies and laws it shows carry no date
    pages = pages_of(pdfs["pdf/typ.pdf"])
    for number, page in enumerate(pages, start=1):
        assert f"Sisältö päivitetty 15.1.2025 Sivu {number} / {len(pages)}" in page
        assert "Työllisyyden edistämisen yhdyspintaverkosto" in page
        assert "yhdyspintaverkosto.fi/prosessit/typ" in page
    text = " ".join(pages)
    for day in (dt.date.today(), BUILD_DAY):
        assert fi.date(day) not in text
    metadata = reader_of(pdfs["pdf/typ.pdf"]).metadata
    assert metadata is not None and metadata["/CreationDate"] == "D:20250115"
    # a meeting handout also counts the speakers it names
    assert "Sisältö päivitetty 2.5.2025" in pdf_text(pdfs["pdf/verkosto-2025-06-04.pdf"])


def test_build_date_never_leaks_into_a_process_handout(graph: Graph, config: SiteConfig,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    found = []
    for epoch in (FIXED_EPOCH, "1800000000"):  # 12.5.2025 and 15.1.2027
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        found.append(next(h.html for h in handouts(graph, config) if h.path == "pdf/typ.pdf"))
    assert found[0] == found[1]  # same HTML, so the same cached, byte-identical PDF


def test_content_date_comes_from_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
    shutil.copytree(CONTENT, tmp_path / "content")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.fi",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.fi",
           "GIT_AUTHOR_DATE": "2024-10-01T12:00:00+03:00",
           "GIT_COMMITTER_DATE": "2024-10-01T12:00:00+03:00"}
    for command in (["git", "init", "-q"], ["git", "add", "content"],
                    ["git", "commit", "-q", "-m", "content"]):
        subprocess.run(command, cwd=tmp_path, env=env, check=True, capture_output=True)
    graph, _ = check(tmp_path / "content")
    config = SiteConfig(content_dir=tmp_path / "content", project_root=tmp_path)
    item = next(h for h in handouts(graph, config) if h.path == "pdf/typ.pdf")
    assert '<meta name="dcterms.created" content="2024-10-01">' in item.html
    (rendered,) = pdf.render_all([item.html], pdf.pdf_cache(None))
    assert "Sisältö päivitetty 1.10.2024 Sivu 1 / 2" in pdf_text(rendered)


def test_info_pack_has_cover_toc_with_true_page_numbers(pdfs: dict[str, bytes]) -> None:
    pages = pages_of(pdfs[PACK_PATH])
    assert pages[0].startswith("Perehdytyspaketti")
    toc = pages[0].split("Sisällys", 1)[1]  # the contents share the cover page
    entries = {
        "Verkosto": "Verkosto Näin pääset mukaan",
        "Työllisyyden edistämisen valtakunnallinen neuvottelukunta":
            "Toimielimet Työllisyyden edistämisen valtakunnallinen neuvottelukunta (TyöNVK)",
        "Keskeiset prosessit": "Keskeiset prosessit",
        "Työllistymistä edistävä monialainen yhteispalvelu":
            "Keskeiset prosessit Työllistymistä edistävä monialainen yhteispalvelu (TYP)",
        "Lait ja asetukset": "Lait ja asetukset",
        "Kalenteri": "Kalenteri",
    }
    for label, heading in entries.items():
        match = re.search(re.escape(label) + r" ?\.{5,} (\d+)", toc)
        assert match, f"{label} not in the table of contents: {toc}"
        page_number = int(match.group(1))
        body = pages[page_number - 1]
        assert heading in body, (label, page_number, body[:200])
        assert all(heading not in page for page in pages[1:page_number - 1]), label
        assert f"Sivu {page_number} / {len(pages)}" in body
    bookmarks = outline_titles(reader_of(pdfs[PACK_PATH]).outline)
    assert bookmarks[:3] == ["Perehdytyspaketti", "Verkosto",
                             "Työllistymisen monialaisen edistämisen yhdyspintaverkosto"]
    assert "Sisällys" not in bookmarks


def test_info_pack_calendar_lists_all_upcoming_meetings(pdfs: dict[str, bytes]) -> None:
    text = " ".join(pages_of(pdfs[PACK_PATH]))
    calendar = text[text.index("Kalenteri Tulevat kokoukset"):]  # the section, not the contents
    calendar = calendar.split(" Sanasto ", 1)[0]  # the glossary follows it
    first = calendar.index("Yhdyspintaverkoston kesäkokous")
    assert calendar.index("Neuvottelukunnan syyskokous") > first
    assert "kevätkokous" not in calendar


def test_info_pack_ends_with_the_glossary(pdfs: dict[str, bytes]) -> None:
    pages = pages_of(pdfs[PACK_PATH])
    assert "Sanasto" in pages[0]  # in the contents on the cover
    text = " ".join(pages)
    glossary = text[text.rindex(" Sanasto "):]  # the last section
    assert "TEM Työ- ja elinkeinoministeriö" in glossary
    assert "TyöNVK Työllisyyden edistämisen valtakunnallinen neuvottelukunta" in glossary


# --- diagrams -------------------------------------------------------------------------

def test_diagrams_are_vector_with_extractable_labels(pdfs: dict[str, bytes]) -> None:
    process = pdf_text(pdfs["pdf/typ.pdf"])
    # node labels only the flow diagram has: its start and end
    assert re.search(r"\bAlku\b", process) and re.search(r"\bLoppu\b", process)
    committee = pdf_text(pdfs["pdf/tyonvk.pdf"])
    assert "Organisaatiokaavio" in committee
    chart = committee.split("Organisaatiokaavio", 1)[1]
    assert "Valtioneuvosto asettaja" in chart and "asettaa" in chart  # node and edge labels
    for path in ("pdf/typ.pdf", "pdf/tyonvk.pdf", PACK_PATH):
        assert_no_raster_images(pdfs[path])
        figures = struct_elements(reader_of(pdfs[path]), "/Figure")
        assert figures, path
        assert all(figure.get("/Alt") for figure in figures), path  # PDF/UA: alt text
    flows = struct_elements(reader_of(pdfs["pdf/typ.pdf"]), "/Figure")
    name = "Työllistymistä edistävä monialainen yhteispalvelu: prosessikaavio"
    assert [flow["/Alt"] for flow in flows] == (
        [name] if len(flows) == 1 else [f"{name} (osa {i}/{len(flows)})"
                                        for i in range(1, len(flows) + 1)])


def struct_elements(reader: pypdf.PdfReader, tag: str) -> list[pypdf.generic.DictionaryObject]:
    """Every element of the PDF's structure tree with the structure type ``tag``."""
    found: list[pypdf.generic.DictionaryObject] = []

    def walk(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, pypdf.generic.DictionaryObject):
            if node.get("/S") == tag:
                found.append(node)
            if "/K" in node:
                walk(node["/K"])
        elif isinstance(node, pypdf.generic.ArrayObject):
            for item in node:
                walk(item)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def assert_no_raster_images(data_: bytes) -> None:
    for page in reader_of(data_).pages:
        resources = page.get("/Resources", {})
        for xobject in resources.get("/XObject", {}).values():
            assert xobject.get_object().get("/Subtype") != "/Image"


# --- the real content -------------------------------------------------------------------


def test_built_site_has_every_handout(built_site: Path, real_graph: Graph) -> None:
    ids = [*real_graph.processes, *real_graph.committees, *real_graph.meetings]
    missing = [i for i in ids if not (built_site / handout_path(i)).is_file()]
    assert not missing
    pack = (built_site / PACK_PATH).read_bytes()
    assert "Sisällys" in pages_of(pack)[0]


def test_real_processes_print_in_few_pages(built_site: Path, real_graph: Graph) -> None:
    """A flow beside the text keeps a process on 1–2 pages; one laid out full width (in
    parts side by side, or one after another when wide) may take more, never a page
    mostly empty in the middle (test_no_page_mostly_empty_unless_a_section_ends)."""
    if not real_graph.processes:
        pytest.skip("the real content has no processes yet")
    for process_id, process in real_graph.processes.items():
        data_ = (built_site / handout_path(process_id)).read_bytes()
        flow = data.print_flow(real_graph, process_id)
        count = len(reader_of(data_).pages)
        assert 1 <= count <= (2 if flow.layout == "side" else 4), (process_id, count)
        text = pdf_text(data_)
        for phase in process.phases:
            assert " ".join(phase.name.split()) in text, (process_id, phase.id)
        assert_no_raster_images(data_)


def test_tall_flows_split_between_nodes_each_label_once(real_graph: Graph) -> None:
    from generator import diagrams
    from generator.handouts import figures

    label = re.compile(r"<text\b[^>]*>(.*?)</text>", re.DOTALL)
    split = 0
    for process_id in real_graph.processes:
        whole = str(diagrams.process_flow(real_graph, process_id, links=False))
        flow = data.print_flow(real_graph, process_id)
        assert flow.scale >= figures.MIN_SCALE, process_id  # 13 px labels at >= 8 pt
        parts = [part for row in flow.rows for part in row]
        width = figures.SIDE_PX[0] if flow.layout == "side" else figures.COLUMN_PX
        for row in flow.rows:
            assert sum(p.width for p in row) + figures.GAP_PX * (len(row) - 1) <= width
        assert all(part.height <= figures.PART_MAX_PX for part in parts), process_id
        printed = [text for part in parts for text in label.findall(str(part.svg))]
        assert sorted(printed) == sorted(label.findall(whole)), process_id  # each once
        split += len(parts) > 1
    if "typ" in real_graph.processes:
        assert data.print_flow(real_graph, "typ").parts > 1  # 1,625 px tall
        assert split


# --- rendering machinery -----------------------------------------------------------------


def test_same_input_same_bytes_and_cache_is_used(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    html = ('<!DOCTYPE html><html lang="fi"><head><title>Testi</title>'
            '<meta name="dcterms.created" content="2025-01-15"></head>'
            "<body><h1>Testi</h1><p>Yhdyspinta</p></body></html>")
    cache = pdf.pdf_cache(tmp_path / "cache")
    (first,) = pdf.render_all([html], cache)
    stored = tmp_path / "cache" / f"{pdf.cache_key(html)}.pdf"
    assert stored.read_bytes().endswith(first) and cache.get(pdf.cache_key(html)) == first
    assert pdf.html_to_pdf(html) == first  # deterministic: no build time, no random id

    def fail(html: str) -> bytes:
        raise AssertionError("rendered again although cached")

    monkeypatch.setattr(pdf, "html_to_pdf", fail)
    assert pdf.render_all([html], pdf.pdf_cache(tmp_path / "cache")) == [first]
    (tmp_path / "cache" / "stale.pdf").write_bytes(b"old")
    assert pdf.render_all([html], cache) == [first]
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == [
        f"{pdf.cache_key(html)}.pdf"]  # pruned to what the build used


@pytest.mark.parametrize("damage", ["cut", "old format"])
def test_a_damaged_or_old_cached_pdf_is_rendered_again(tmp_path: Path, damage: str) -> None:
    html = ('<!DOCTYPE html><html lang="fi"><head><title>Testi</title></head>'
            "<body><h1>Vioittunut</h1></body></html>")
    cache = pdf.pdf_cache(tmp_path)
    (first,) = pdf.render_all([html], cache)
    stored = tmp_path / f"{pdf.cache_key(html)}.pdf"
    # cut short, or a bare PDF as the cache kept it before it had a checksum line
    stored.write_bytes(stored.read_bytes()[:-100] if damage == "cut" else first[:-100])
    assert pdf.render_all([html], pdf.pdf_cache(tmp_path)) == [first]
    assert pdf_text(first) == "Vioittunut"
    assert pdf.pdf_cache(tmp_path).get(pdf.cache_key(html)) == first  # rewritten


def test_worker_processes_make_the_same_pdfs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "PARALLEL_FROM", 2)
    htmls = [f'<html lang="fi"><head><title>T{i}</title></head><body><h1>Otsikko {i}</h1>'
             "</body></html>" for i in range(3)]
    parallel = pdf.render_all(htmls, pdf.pdf_cache(None), workers=2)
    assert parallel == [pdf.html_to_pdf(html) for html in htmls]
    assert [pdf_text(data_) for data_ in parallel] == ["Otsikko 0", "Otsikko 1", "Otsikko 2"]


def test_nothing_is_fetched_from_the_network() -> None:
    from weasyprint.urls import FatalURLFetchingError

    html = ('<html lang="fi"><body><img alt="logo" src="https://example.com/logo.png">'
            "</body></html>")
    with pytest.raises(FatalURLFetchingError):
        pdf.html_to_pdf(html)


def test_css_string_cannot_break_out() -> None:
    assert escape.css_string('a"b\\c</style>\n') == '"a\\22 b\\5C c\\3C /style\\3E \\A "'


# --- print stylesheet of every page (Chromium) ------------------------------------------


def print_checks(site: Path, page_path: str) -> tuple[dict[str, object], str, list[float]]:
    """Open ``page_path`` of a built site in Chromium with the dark screen scheme, emulate
    print, and return computed styles, the printed PDF's text and its page size."""
    from browser.support import CHROMIUM, CHROMIUM_ARGS, SiteServer
    from playwright.sync_api import sync_playwright

    server = SiteServer(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                context = browser.new_context(color_scheme="dark")
                page = context.new_page()
                page.goto(server.url(page_path))
                page.emulate_media(media="print", color_scheme="dark")
                styles = page.evaluate(PRINT_PROBE)
                printed = page.pdf(prefer_css_page_size=True)
            finally:
                browser.close()
    finally:
        server.close()
    reader = reader_of(printed)
    box = reader.pages[0].mediabox
    return styles, pdf_text(printed), [float(box.width), float(box.height)]


PRINT_PROBE = """() => {
  const shown = (selector) => [...document.querySelectorAll(selector)]
      .filter((el) => getComputedStyle(el).display !== 'none').length;
  const external = [...document.querySelectorAll('.md-content a[href^="http"]')]
      .find((a) => a.getClientRects().length > 0);
  // a diagram too tall to print inline is replaced by a note in print
  const label = document.querySelector(
      '.md-content figure.diagram:not(.diagram--print-tall) svg text');
  return {
    scheme: document.body.getAttribute('data-md-color-scheme'),
    background: getComputedStyle(document.body).backgroundColor,
    text: getComputedStyle(document.querySelector('.md-typeset')).color,
    bg_variable: getComputedStyle(document.body).getPropertyValue('--md-default-bg-color').trim(),
    chrome_shown: shown('.md-header, .md-tabs, .md-sidebar, .md-footer, .md-search, .md-top'),
    controls: document.querySelectorAll('.md-content fieldset, .md-content input').length,
    controls_shown: shown('.md-content fieldset, .md-content input'),
    head: getComputedStyle(document.head).display,
    canonical: document.querySelector('link[rel=canonical]').href,
    external: external ? external.href : null,
    external_after: external ? getComputedStyle(external, '::after').content : null,
    heading_break: getComputedStyle(document.querySelector('.md-typeset h1')).breakAfter,
    diagram_label: label ? label.textContent : null,
    diagram_fill: document.querySelector('.md-content svg .dg-f-node')
        ? getComputedStyle(document.querySelector('.md-content svg .dg-f-node')).fill : null,
  };
}"""


LIGHT_NODE = "rgb(244, 245, 247)"  # palette.NODE.light, #f4f5f7


def test_dark_diagram_palette_is_screen_only() -> None:
    from generator.diagrams.palette import NODE, stylesheet_variables

    css = stylesheet_variables()
    assert css.count('[data-md-color-scheme="slate"]') == 1
    assert '@media screen {\n[data-md-color-scheme="slate"] .diagram {' in css
    assert NODE.light == "#f4f5f7"


def test_print_header_names_the_site_of_mkdocs_yml() -> None:
    css = (ROOT / "docs" / "stylesheets" / "print.css").read_text("utf-8")
    site_name = re.search(r"^site_name: (.+)$", (ROOT / "mkdocs.yml").read_text("utf-8"),
                          re.MULTILINE)
    assert site_name is not None
    assert f'head::before {{\n    content: "{site_name.group(1).strip()}";' in css


def test_print_stylesheet_on_a_process_page(built_site: Path, real_graph: Graph) -> None:
    if not real_graph.processes:
        pytest.skip("the real content has no processes yet")
    process_id = sorted(real_graph.processes)[0]
    styles, text, size = print_checks(built_site, f"prosessit/{process_id}/")
    assert styles["scheme"] == "slate"  # the reader's screen is dark …
    assert styles["background"] == "rgb(255, 255, 255)"  # … the paper is light
    assert styles["bg_variable"] == "#ffffff"
    assert styles["text"] == "rgb(29, 33, 39)"  # the site's light text colour
    if styles["diagram_fill"] is not None:  # diagram nodes in their light colours
        assert styles["diagram_fill"] == LIGHT_NODE
    assert styles["chrome_shown"] == 0
    assert styles["head"] == "block"
    assert styles["heading_break"] == "avoid"
    assert [round(v) for v in size] == [595, 842]  # A4 in points
    assert "Työllisyyden edistämisen yhdyspintaverkosto" in text
    assert styles["canonical"] == f"https://yhdyspintaverkosto.fi/prosessit/{process_id}/"
    assert str(styles["canonical"]) in text
    assert re.search(r"\b1 / \d+\b", text)  # page numbers
    if styles["external"]:  # printed after the link text, e.g. "(https://www.finlex.fi/…)"
        assert styles["external_after"] not in (None, "none", "normal")
        assert f"({styles['external']})" in text.replace(" ", "")
    if styles["diagram_label"]:
        assert str(styles["diagram_label"]).strip() in text  # vector text, not an image


def test_print_stylesheet_hides_the_calendar_filter(built_site: Path) -> None:
    styles, text, _ = print_checks(built_site, "kalenteri/")
    assert styles["controls"] and styles["controls_shown"] == 0
    assert styles["canonical"] == "https://yhdyspintaverkosto.fi/kalenteri/"
    assert "Kalenteri" in text and "Näytä kokoukset" not in text


# --- command line ---------------------------------------------------------------------


@pytest.mark.build  # every PDF of the real content
def test_make_handouts_command_writes_every_pdf(project: Path, tmp_path: Path, graph: Graph,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from generator.handouts.__main__ import main

    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "build" / "handouts"
    assert main(["--content", str(project / "content"), "--out", str(out)]) == 0
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf"))
    assert written == sorted([handout_path(i) for i in [*graph.processes, *graph.committees,
                                                        *graph.meetings]] + [PACK_PATH])
    assert "7 PDF-tiedostoa" in capsys.readouterr().out
    assert (tmp_path / ".cache" / "handouts").is_dir()


def test_handouts_command_refuses_broken_content(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from generator.handouts.__main__ import main

    content = tmp_path / "content" / "processes"
    content.mkdir(parents=True)
    (content / "rikki.yaml").write_text("name: Rikki\n", "utf-8")
    out = tmp_path / "out"
    assert main(["--content", str(tmp_path / "content"), "--out", str(out)]) == 1
    assert not out.exists()
    assert "PDF-tiedostoja ei tehty" in capsys.readouterr().err


# --- paper: text size, empty pages, bookmarks, the induction pack --------------------------

MIN_PT = 8.0
MM = 72 / 25.4
BODY_MARGINS = (20 * MM, 18 * MM)  # handout.css @page top and bottom margins


def small_text(data_: bytes) -> list[tuple[int, str, float]]:
    """Characters printed smaller than 8 pt, diagram labels included (pdfplumber takes
    the size from the text matrix, so a scaled-down SVG label counts at its real size)."""
    import pdfplumber

    found = []
    with pdfplumber.open(io.BytesIO(data_)) as document:
        for number, page in enumerate(document.pages, start=1):
            found += [(number, char["text"], round(char["size"], 2)) for char in page.chars
                      if char["size"] < MIN_PT - 0.01 and char["text"].strip()]
    return found


def empty_shares(data_: bytes) -> list[float]:
    """Per page, the share of the body (between the running header and footer) below its
    last line of text."""
    import pdfplumber

    shares = []
    with pdfplumber.open(io.BytesIO(data_)) as document:
        for page in document.pages:
            top, bottom = BODY_MARGINS[0], page.height - BODY_MARGINS[1]
            body = [c for c in page.chars if top <= c["top"] and c["bottom"] <= bottom
                    and c["text"].strip()]
            last = max((c["bottom"] for c in body), default=top)
            shares.append((bottom - last) / (bottom - top))
    return shares


def section_starts(data_: bytes, max_level: int) -> set[int]:
    """0-based pages on which a bookmark of level ``max_level`` or higher begins."""
    reader = reader_of(data_)
    starts: set[int] = set()

    def walk(items: list[object], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            elif level <= max_level:
                starts.add(reader.get_destination_page_number(item))  # type: ignore[arg-type]

    walk(reader.outline, 1)
    return starts


def mostly_empty_pages(data_: bytes, max_level: int) -> list[tuple[int, float]]:
    """Pages more than 60 % empty that neither end the document nor come right before a
    section (a bookmark of level <= ``max_level``) begins."""
    shares = empty_shares(data_)
    starts = section_starts(data_, max_level)
    return [(index + 1, round(share, 2)) for index, share in enumerate(shares)
            if share > 0.6 and index + 1 < len(shares) and index + 1 not in starts]


def test_no_text_below_8_pt_in_the_fixture_handouts(pdfs: dict[str, bytes]) -> None:
    for path, data_ in pdfs.items():
        assert not small_text(data_), path


def test_no_text_below_8_pt_in_the_real_handouts(built_site: Path, real_graph: Graph) -> None:
    ids = [*real_graph.processes, *real_graph.committees]
    for path in [*(handout_path(i) for i in ids), PACK_PATH]:
        small = small_text((built_site / path).read_bytes())
        assert not small, (path, small[:5])


def test_no_page_mostly_empty_unless_a_section_ends(built_site: Path,
                                                    real_graph: Graph) -> None:
    pack = (built_site / PACK_PATH).read_bytes()
    assert not mostly_empty_pages(pack, 1)  # the pack's sections are its chapters
    for process_id in real_graph.processes:
        data_ = (built_site / handout_path(process_id)).read_bytes()
        assert not mostly_empty_pages(data_, 2), process_id


def test_empty_page_measure_finds_an_empty_page() -> None:
    html = ('<html lang="fi"><head><title>T</title></head><body><h1>Yksi</h1><p>teksti</p>'
            '<p style="break-before: page">toinen sivu</p><h1 style="break-before: page">'
            "Kaksi</h1><p>loppu</p></body></html>")
    data_ = pdf.html_to_pdf(html)
    # page 1 is mostly empty in the middle of a section; page 2 ends one ("Kaksi" follows)
    assert [page for page, _ in mostly_empty_pages(data_, 1)] == [1]
    assert [page for page, _ in mostly_empty_pages(data_, 0)] == [1, 2]


def test_real_pack_is_a_document_for_a_new_member(built_site: Path, real_graph: Graph) -> None:
    pack = (built_site / PACK_PATH).read_bytes()
    reader = reader_of(pack)
    assert len(reader.pages) <= 24  # README.md: how the pack grows
    bookmarks = outline_titles(reader.outline)
    for title in ("Verkosto", "Toimielimet", "Keskeiset prosessit", "Lait ja asetukset",
                  "Kalenteri"):
        assert title in bookmarks
    text = pdf_text(pack)
    flat = text.replace(" ", "")
    # how to follow: the calendar's subscription address, printed and as a link
    feed = "https://yhdyspintaverkosto.fi/kalenteri/kaikki.ics"
    assert feed in flat and feed in link_targets(pack)
    # how to join: the sources name the page but not its address
    assert "https://www.kuntaliitto.fi" in link_targets(pack)
    assert "”Työllisyyden edistämisen yhdyspinnat”" in text
    # a parent before its own committees, not the alphabet
    def position(committee_id: str) -> int:
        name = real_graph.committees[committee_id].name
        return next(i for i, title in enumerate(bookmarks) if title.startswith(name))

    for committee_id, committee in real_graph.committees.items():
        if not committee.ended and committee.parent in real_graph.committees:
            assert position(committee.parent) < position(committee_id), committee_id
    # repealed laws marked (Law.repealed_on / repealed_by)
    today = BUILD_DAY
    repealed = [law for law in real_graph.laws.values() if law.repealed(today)]
    assert repealed
    for law in repealed:
        assert f"({law.number}) {data.repealed(real_graph, law, today)}" in text, law.number


def test_each_diagram_once_in_the_pack(built_site: Path, real_graph: Graph) -> None:
    pack = reader_of((built_site / PACK_PATH).read_bytes())
    alts = [str(figure["/Alt"]) for figure in struct_elements(pack, "/Figure")]
    assert len(alts) == len(set(alts))  # no figure twice (parts are numbered)
    whole = [re.sub(r" \(osa \d+/\d+\)$", "", alt) for alt in alts]
    for process_id, process in real_graph.processes.items():
        flows = [alt for alt in alts if alt.startswith(f"{process.name}: prosessikaavio")]
        parts = data.print_flow(real_graph, process_id, side=False).parts
        assert len(flows) == parts, (process_id, flows)
    roots = {data.chart_root(real_graph, i) for i, c in real_graph.committees.items()
             if not c.ended and org_diagram(real_graph, i) is not None}  # a lone one has none
    charts = [alt for alt in set(whole) if "organisaatio" in alt.lower()]
    assert len(charts) == len(roots), charts


def test_seat_notes_join_without_a_stray_full_stop(real_graph: Graph) -> None:
    rows = data.member_rows(real_graph, real_graph.committees["tyonvk"], BUILD_DAY)
    notes = [row.note for row in rows if row.note]
    assert "Erityyppisten kuntien edustajat, enintään 8" in notes
    assert not any(".," in note for note in notes)


def test_repealed_laws_say_when_and_by_what_and_come_last(real_graph: Graph) -> None:
    typ_law = real_graph.laws["laki-1369-2014"]
    assert data.repealed(real_graph, typ_law, dt.date(2025, 5, 12)) == (
        "Kumottu 1.1.2025 (381/2023)")
    assert data.repealed(real_graph, typ_law, dt.date(2024, 12, 31)) == ""  # not yet
    today = dt.date(2025, 5, 12)
    order = [i for i, _ in data.laws(real_graph, today)]
    in_force = [i for i in order if not real_graph.laws[i].repealed(today)]
    assert order[:len(in_force)] == in_force  # those in force first


def test_glossary_chapter_only_with_glossary_data(graph: Graph, config: SiteConfig,
                                                  fixed_clock: None) -> None:
    from generator.handouts import _Context, pack_handout

    ctx = _Context(graph, config)
    assert 'id="sanasto"' not in pack_handout(ctx).html
    entry = data.GlossaryEntry("Yhdyspinta", "Kohta, jossa *kaksi* toimijaa kohtaavat.")
    html = pack_handout(ctx, glossary=[entry]).html
    assert 'id="sanasto"' in html and "<dt>Yhdyspinta</dt>" in html
    assert "<em>kaksi</em>" in html


def test_download_links_say_pages_and_size(built_site: Path) -> None:
    page = (built_site / "prosessit" / "typ" / "index.html").read_text("utf-8")
    pdf_bytes = (built_site / "pdf" / "typ.pdf").read_bytes()
    pages = len(reader_of(pdf_bytes).pages)
    size = round(len(pdf_bytes) / 1024)
    assert f"Lataa moniste (PDF, {pages} sivua, {size} kt)" in page
    home = (built_site / "index.html").read_text("utf-8")
    pack = (built_site / PACK_PATH).read_bytes()
    assert (f"Perehdytyspaketti uusille jäsenille (PDF, {len(reader_of(pack).pages)} sivua, "
            f"{round(len(pack) / 1024)} kt)") in home


def synthetic_figure(width: float, height: float, rows: int) -> str:
    """A figure like the site's: a Graphviz SVG with ``rows`` boxes stacked, each with a
    13 px label."""
    step = height / rows
    nodes = "".join(
        f'<g id="dg-t-n{i}" class="node"><polygon points="10,{-height + i * step + 5} '
        f'{width - 10},{-height + i * step + 5} {width - 10},{-height + (i + 1) * step - 5} '
        f'10,{-height + (i + 1) * step - 5}" />'
        f'<text x="20" y="{-height + (i + 0.5) * step}" font-size="13.00">Solmu {i}</text></g>'
        for i in range(rows))
    return (f'<figure class="diagram" id="dg-t"><svg xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0.00 0.00 {width:.2f} {height:.2f}" width="{width}" height="{height}" '
            f'class="dg-svg" role="img"><title id="dg-t-title">Testikaavio</title>'
            f'<g id="dg-t-graph0" class="graph" transform="scale(1 1) rotate(0) '
            f'translate(0 {height})">{nodes}</g></svg>'
            f"<figcaption>Testi</figcaption></figure>")


def test_too_wide_a_diagram_gets_a_landscape_page() -> None:
    from importlib.resources import files

    from generator.handouts import figures

    wide = figures.print_figure(synthetic_figure(1100, 300, 3))
    assert wide.layout == "wide" and wide.scale >= figures.MIN_SCALE
    assert figures.print_figure(synthetic_figure(600, 300, 3)).layout == "page"
    tall = figures.print_figure(synthetic_figure(250, 2000, 20))
    assert tall.layout == "page" and tall.parts > 1
    assert all(len(re.findall(r"<text\b", str(p.svg))) < 20 for row in tall.rows for p in row)
    # the named page turns the sheet: A4 landscape for the wide figure only
    css = (files("generator") / "templates" / "handouts" / "handout.css").read_text("utf-8")
    part = wide.rows[0][0]
    html = (f'<html lang="fi"><head><title>T</title><style>{css}</style></head><body>'
            f"<h1>Teksti</h1><p>Ennen kaaviota.</p>"
            f'<section class="print-figure print-figure--wide"><div class="figure-row">'
            f'<div class="figure-part" style="width:{part.width}px">{part.svg}</div></div>'
            f"</section><p>Jälkeen.</p></body></html>")
    reader = reader_of(pdf.html_to_pdf(html))
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
             for p in reader.pages]
    assert sizes == [(595, 842), (842, 595), (595, 842)]
    assert not small_text(pdf.html_to_pdf(html))
