"""Site pages: golden Markdown per page type, derived relations, links both ways, palette.

Pages are rendered in-process from the fixture corpus ``tests/fixtures/pages/content`` with a
fixed date (12.5.2025, between the spring 2025 meetings). Diagrams are replaced by a marker
(they have their own tests) and the calendar's next meeting is asked at a fixed moment.

Golden files live in ``tests/golden/pages/``. After an intended change, regenerate them with

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_pages.py

and review the diff. The built-site tests at the end read the real project's build.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import markdown
import pytest
import yaml
from conftest import FIXTURES, ROOT, is_redirect
from markupsafe import Markup

from generator import calendar, diagrams
from generator.core.annotations import walk_refs
from generator.core.clock import HELSINKI
from generator.graph import Graph
from generator.pages import render_pages
from generator.pipeline import check
from generator.site import finlex
from generator.site.output import Output, SiteConfig

CONTENT = FIXTURES / "pages" / "content"
GOLDEN = Path(__file__).resolve().parent / "golden" / "pages"
TODAY = dt.date(2025, 5, 12)
NOW = dt.datetime(2025, 5, 12, 12, 0, tzinfo=HELSINKI)
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

GOLDEN_PAGES = [
    "index.md",
    "lait/index.md",
    "lait/laki-380-2023.md",
    "lait/asetus-386-2024.md",
    "organisaatiot/index.md",
    "organisaatiot/tem.md",
    "organisaatiot/kela.md",
    "henkilot/index.md",
    "henkilot/pekka-aijala.md",
    "henkilot/aili-ohman.md",
    "toimielimet/index.md",
    "toimielimet/tyonvk.md",
    "toimielimet/yhdyspintajaosto.md",
    "toimielimet/vanha-tyoryhma.md",
    "prosessit/index.md",
    "prosessit/aktivointisuunnitelma.md",
    "kokoukset/index.md",
    "aiheet/index.md",
    "aiheet/arviointimatriisi.md",
]


@pytest.fixture(scope="module")
def graph() -> Graph:
    graph, report = check(CONTENT, today=TODAY)
    assert not report.errors, report.format()
    return graph


def _render(graph: Graph, *, handouts: bool = True, content: Path = CONTENT
            ) -> dict[str, Output]:
    real_next = calendar.next_meeting

    def next_meeting(graph: Graph, series: str | None = None) -> str | None:
        return real_next(graph, series, now=NOW)

    def marker(name: str) -> object:
        return lambda graph, entity_id=None, **_: Markup(f"<!-- kaavio: {name} {entity_id} -->")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(calendar, "next_meeting", next_meeting)
        for name in ("process_flow", "org_chart", "relation_graph", "timeline"):
            patch.setattr(diagrams, name, marker(name))
        config = SiteConfig(content_dir=content, project_root=content.parent,
                            handouts=handouts)
        outputs = render_pages(graph, config, now=NOW)
    return {o.path: o for o in outputs}


@pytest.fixture(scope="module")
def pages(graph: Graph) -> dict[str, Output]:
    return _render(graph)


def page(pages: dict[str, Output], path: str) -> str:
    return pages[path].text


def section(text: str, heading: str) -> str:
    """The part of a page under ``## heading`` up to the next ``## `` heading."""
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else None]


def to_html(text: str) -> str:
    """Markdown → HTML with the site's extensions (mkdocs.yml), front matter stripped."""
    body = text.split("---\n", 2)[2]
    return markdown.markdown(body, extensions=[
        "attr_list", "md_in_html", "tables", "admonition", "pymdownx.details", "toc"])


# --- golden files ---------------------------------------------------------------------


def normalise(text: str) -> str:
    """Volatile parts out: the git date of the YAML file depends on the checkout."""
    return re.sub(r"Päivitetty \d{1,2}\.\d{1,2}\.\d{4}", "Päivitetty <päivä>", text)


@pytest.mark.parametrize("path", GOLDEN_PAGES)
def test_page_matches_golden(pages: dict[str, Output], path: str) -> None:
    actual = normalise(page(pages, path))
    golden = GOLDEN / path
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, "utf-8")
    assert golden.is_file(), f"no golden file {golden}; run with UPDATE_GOLDEN=1"
    assert actual == golden.read_text("utf-8")


def test_every_kind_has_golden_coverage(pages: dict[str, Output]) -> None:
    """Every page template except the meeting page (owned by the calendar) is covered."""
    covered = {p.split("/")[0] for p in GOLDEN_PAGES if "/" in p and "index" not in p}
    assert covered == {"lait", "organisaatiot", "henkilot", "toimielimet", "prosessit",
                       "aiheet"}


def test_every_page_is_valid_markdown_with_front_matter(pages: dict[str, Output]) -> None:
    for path, output in pages.items():
        text = output.text
        assert text.startswith("---\n"), path
        front = yaml.safe_load(text.split("---\n")[1])
        assert front["title"], path
        assert "\n\n\n" not in text, path


# --- committees -----------------------------------------------------------------------


def seat_table(text: str) -> list[str]:
    return [line for line in section(text, "Jäsenet paikoittain").splitlines()
            if line.startswith("| ") and "---" not in line][1:]


def test_a_stated_vacancy_of_a_seat_of_two_is_one_avoin_row(pages: dict[str, Output]) -> None:
    rows = [r for r in seat_table(page(pages, "toimielimet/tyonvk.md"))
            if "(../organisaatiot/tem.md) (2 paikkaa)" in r]
    assert len(rows) == 2
    assert "[Olli Vaara](../henkilot/olli-vaara.md)" in rows[0]
    assert "| 1 paikka: *avoin* |" in rows[1]


def test_only_a_stated_vacancy_reads_avoin(pages: dict[str, Output]) -> None:
    rows = seat_table(page(pages, "toimielimet/tyonvk.md"))
    assert sum("avoin" in r for r in rows) == 1  # the TEM seat's, which has a source
    assert "avoin" not in "".join(seat_table(page(pages, "toimielimet/yhdyspintajaosto.md")))


def test_an_upper_bound_seat_shows_its_holders_without_vacancies(
        pages: dict[str, Output]) -> None:
    rows = [r for r in seat_table(page(pages, "toimielimet/tyonvk.md"))
            if r.startswith("| Kuntien edustajat (enintään 8 paikkaa)")]
    assert len(rows) == 1
    assert "varapuheenjohtaja | [Eeva Wahlroos](../henkilot/eeva-wahlroos.md)" in rows[0]


def test_known_vacancies_are_explained_under_the_table(built_site: Path,
                                                       real_graph: Graph) -> None:
    note = real_graph.committees["tyonvk"].vacancy_note
    assert note
    html = (built_site / "toimielimet/tyonvk/index.html").read_text("utf-8")
    table_end = html.index("</table>", html.index('id="jasenet-paikoittain"'))
    assert html.index("Täyttämättömät paikat:") > table_end
    assert note.split(";")[0] in html
    # The sources name no one on these seats: unknown, not vacant. One row per seat, with
    # its places counted ("(2 paikkaa)"), never one row per place.
    table = html[html.index('id="jasenet-paikoittain"'):table_end]
    assert "avoin" not in table
    assert table.count("ei nimetty lähteissä") == len(real_graph.committees["tyonvk"].seats) - 2
    assert table.count("Työ- ja elinkeinoministeriö</a> (2 paikkaa)") == 1


def test_a_seat_without_holders_is_not_named_in_the_sources(pages: dict[str, Output]) -> None:
    rows = seat_table(page(pages, "toimielimet/yhdyspintajaosto.md"))
    assert rows == ["| [Kansaneläkelaitos](../organisaatiot/kela.md) | jäsen | "
                    "ei nimetty lähteissä |  |  |"]


def test_former_members_are_collapsed_and_not_in_the_seat_table(
        pages: dict[str, Output]) -> None:
    text = page(pages, "toimielimet/tyonvk.md")
    assert "aili-ohman" not in "".join(seat_table(text))
    block = text[text.index('??? note "Entiset jäsenet (1)"'):]
    assert "[Äili Öhman](../henkilot/aili-ohman.md) | jäsen | " \
           "[Kansaneläkelaitos](../organisaatiot/kela.md) | 30.1.2025–30.4.2025 |" in block
    html = to_html(text)
    details = html[html.index('<details class="note">'):html.index("</details>")]
    assert "<summary>Entiset jäsenet (1)</summary>" in details  # collapsed: no "open"
    assert '<td><a href="../henkilot/aili-ohman.md">Äili Öhman</a></td>' in details
    assert '<td>1 paikka: <em>avoin</em></td>' in html


def test_personal_deputy_on_the_committee_and_on_both_people(pages: dict[str, Output]) -> None:
    rows = seat_table(page(pages, "toimielimet/tyonvk.md"))
    row = next(r for r in rows if "sanna-zetterberg" in r)
    assert row.endswith("| [Sanna Zetterberg](../henkilot/sanna-zetterberg.md) | "
                        "[Pekka Äijälä](../henkilot/pekka-aijala.md) | 1.5.2025–31.12.2027 |")
    deputy = section(page(pages, "henkilot/pekka-aijala.md"), "Tehtävät toimielimissä")
    assert "henkilökohtainen varajäsen (jäsen [Sanna Zetterberg](sanna-zetterberg.md))" in deputy
    member = page(pages, "henkilot/sanna-zetterberg.md")
    assert "varajäsen [Pekka Äijälä](pekka-aijala.md)" in member


def test_status_banners(pages: dict[str, Output]) -> None:
    assert '!!! warning "Luonnos"' in page(pages, "toimielimet/yhdyspintajaosto.md")
    ended = page(pages, "toimielimet/vanha-tyoryhma.md")
    assert '!!! info "Päättynyt"' in ended
    assert "toimikausi päättyi 31.12.2024" in ended
    current = page(pages, "toimielimet/tyonvk.md")
    assert "!!! warning" not in current and "!!! info" not in current
    html = to_html(page(pages, "toimielimet/yhdyspintajaosto.md"))
    assert '<div class="admonition warning">\n<p class="admonition-title">Luonnos</p>' in html


def test_an_ended_committee_is_a_former_role_of_its_members(pages: dict[str, Output]) -> None:
    text = page(pages, "henkilot/aili-ohman.md")
    assert "## Tehtävät toimielimissä" not in text
    former = section(text, "Aiemmat tehtävät")
    assert "vanha-tyoryhma.md" in former and "tyonvk.md" in former


def test_committee_leadership_sub_committees_meetings_and_milestones(
        pages: dict[str, Output]) -> None:
    text = page(pages, "toimielimet/tyonvk.md")
    assert "- **Puheenjohtaja:** [Olli Vaara](../henkilot/olli-vaara.md) " \
           "([TEM](../organisaatiot/tem.md))" in section(text, "Johto")
    assert "[Yhdyspintajaosto](yhdyspintajaosto.md) | jaosto | luonnos" in text
    meetings = section(text, "Kokoukset")
    assert '### Seuraava kokous\n\n<div class="next-meeting" data-next-meeting markdown>\n' \
           '<p data-ends="2025-07-01T00:00:00+03:00" markdown="span">' \
           '**[Neuvottelukunnan kokous](../kokoukset/tyonvk-2025-06.md)**<br>kesäkuu 2025</p>' \
        in meetings
    past = meetings[meetings.index("### Menneet"):]
    assert past.index("tyonvk-2025-04-sahkoposti") < past.index("tyonvk-2025-03-12")
    assert "ti 15.4.2025 [Sähköpostikokous](../kokoukset/tyonvk-2025-04-sahkoposti.md) – " \
           "**peruttu**" in past
    assert "- **3/2025** Neuvottelukunnan toiminta käynnistyy" in text  # not inferred: no mark


# --- links both ways ------------------------------------------------------------------


def _page_path(graph: Graph, entity_id: str) -> str:
    from generator.site.paths import entity_path

    return entity_path(graph, entity_id)


def _links_to(text: str, from_path: str, to_path: str) -> bool:
    return f"]({os.path.relpath(to_path, os.path.dirname(from_path) or '.')})" in text


def test_every_reference_is_linked_both_ways(graph: Graph, pages: dict[str, Output]) -> None:
    """A → B: A's page links to B, and B's "Liittyy" links back to A."""
    checked = 0
    for source in graph.records:
        for _path, _kinds, target in walk_refs(graph.entity(source)):
            if target == source:
                continue
            source_path, target_path = _page_path(graph, source), _page_path(graph, target)
            if graph.kind_of(source) != "meeting":  # the calendar owns meeting pages
                assert _links_to(page(pages, source_path), source_path, target_path), \
                    f"{source} → {target}"
            related = section(page(pages, target_path), "Liittyy")
            assert _links_to(related, target_path, source_path), f"{target} ← {source}"
            checked += 1
    assert checked > 40


def test_back_links_are_grouped_by_kind(pages: dict[str, Output]) -> None:
    related = section(page(pages, "organisaatiot/kela.md"), "Liittyy")
    kinds = re.findall(r"^- \*\*(.+?):\*\*", related, flags=re.M)
    assert kinds == ["Henkilöt", "Toimielimet", "Prosessit"]


def test_body_page_relations_seats_people_processes(pages: dict[str, Output]) -> None:
    kela = page(pages, "organisaatiot/kela.md")
    seats = section(kela, "Paikat toimielimissä")
    assert "[Sanna Zetterberg](../henkilot/sanna-zetterberg.md) (varajäsen " \
           "[Pekka Äijälä](../henkilot/pekka-aijala.md))" in seats
    processes = section(kela, "Prosessit")
    assert "[1. Asiakkaan tunnistaminen](../prosessit/aktivointisuunnitelma.md#vaihe-tunnistus)" \
           " (ilmoittaa), [2. Tarvitaanko monialaista tukea?](../prosessit/" \
           "aktivointisuunnitelma.md#vaihe-arvio), [3. Suunnitelman laatiminen]" in processes
    tem = page(pages, "organisaatiot/tem.md")
    assert "| tukee | [Työllisyyden edistämisen valtakunnallinen neuvottelukunta]" in tem
    assert "[Työllisyys ja toimivat markkinat -osasto](tem-tyollisyysosasto.md)" in section(
        tem, "Alayksiköt")
    talks = section(tem, "Puheenvuorot kokouksissa")
    assert "ma 24.3.2025 [Yhdyspintaverkoston kokous]" in talks
    # and the other direction: the committee names the source's role (the inverse label)
    relations = section(page(pages, "toimielimet/tyonvk.md"), "Suhteet")
    assert "| [Valtioneuvosto](../organisaatiot/valtioneuvosto.md) | asettaja |" in relations


def test_breadcrumbs_follow_the_parent_chain(pages: dict[str, Output]) -> None:
    text = page(pages, "toimielimet/yhdyspintajaosto.md")
    crumbs = text[text.index('<nav class="breadcrumbs"'):text.index("</nav>")]
    assert "[Etusivu](../index.md) › [Toimielimet](index.md) › " \
           "[Työllisyyden edistämisen valtakunnallinen neuvottelukunta](tyonvk.md) › " \
           "Yhdyspintajaosto" in crumbs
    html = to_html(text)
    assert '<nav aria-label="Murupolku" class="breadcrumbs">\n<a href="../index.md">Etusivu</a>' \
        in html


# --- laws, processes, topics ----------------------------------------------------------


def test_finlex_urls() -> None:
    assert finlex.statute_url("380/2023") == "https://www.finlex.fi/fi/lainsaadanto/2023/380"
    assert finlex.section_url("380/2023", "22", 3) == (
        "https://www.finlex.fi/fi/lainsaadanto/2023/380#chp_3__sec_22")
    assert finlex.section_url("386/2024", "4") == (
        "https://www.finlex.fi/fi/lainsaadanto/2024/386#sec_4")
    assert finlex.section_anchor("3 a") == "sec_3a"
    assert finlex.eli_url("380/2023") == "http://data.finlex.fi/eli/sd/2023/380/ajantasa"
    assert finlex.section_label("22", 3) == "3 luku 22 §"


def test_law_page_links_finlex_and_lists_where_it_applies(pages: dict[str, Output]) -> None:
    text = page(pages, "lait/laki-380-2023.md")
    assert "(https://www.finlex.fi/fi/lainsaadanto/2023/380)" in text
    assert "`http://data.finlex.fi/eli/sd/2023/380/ajantasa`" in text  # an identifier, not a link
    assert "(https://www.finlex.fi/fi/lainsaadanto/2023/380#chp_3__sec_22)" in text
    usage = section(text, "Missä sovelletaan")
    assert usage.index("[3 luku 21 §](#pykala-3-21)") < usage.index("Koko säädös")
    assert "[Työllisyyden edistämisen valtakunnallinen neuvottelukunta](../toimielimet/" \
           "tyonvk.md) (toimielin)" in usage
    decree = page(pages, "lait/asetus-386-2024.md")
    assert "(https://www.finlex.fi/fi/lainsaadanto/2024/386#sec_5)" in decree
    assert "(prosessi, vaihe ”Suunnitelman laatiminen”)" in decree


def test_process_page_phases_in_flow_order(pages: dict[str, Output]) -> None:
    text = page(pages, "prosessit/aktivointisuunnitelma.md")
    assert '!!! info "Voimassaolo"\n    Kuvaa toimintaa ennen' in text
    headings = re.findall(r"^### (.+)$", text, flags=re.M)
    assert headings == [
        "1. Asiakkaan tunnistaminen {: #vaihe-tunnistus }",
        "2. Tarvitaanko monialaista tukea? {: #vaihe-arvio }",
        "3. Suunnitelman laatiminen {: #vaihe-suunnitelma }",
    ]
    assert "- Kyllä → [3. Suunnitelman laatiminen](#vaihe-suunnitelma)" in text
    assert "- Ei → prosessi päättyy" in text
    assert "- **Kesto:** 3 kk\n- **Tarkistus:** vähintään 6 kk välein" in text
    assert "- **Määräaika:** 2 viikon kuluessa" in text
    # an actor that only sends a notice is not called responsible (role `ilmoittaa`)
    assert "- **Vastuutaho:** [Lahden kaupunki](../organisaatiot/lahden-kaupunki.md)\n" \
           "- **Ilmoittaa:** [Kansaneläkelaitos](../organisaatiot/kela.md)\n" in text
    assert "- **Vastuutahot yhdessä:** [Lahden kaupunki](../organisaatiot/lahden-kaupunki.md)" \
           ", [Kansaneläkelaitos](../organisaatiot/kela.md)\n- **Asiakas:** osallistuu\n" in text
    assert text.count("**Asiakas:**") == 1  # the client is a role, shown as text, no link
    # the diagram comes before the phase list
    assert text.index("kaavio: process_flow") < text.index("### 1.")
    groups = section(text, "Kohderyhmä")
    assert "kohderyhmään kuuluu, kun\n\n- työmarkkinatukea vähintään 300 päivää" in groups


def test_inferred_facts_are_marked_where_they_stand(pages: dict[str, Output]) -> None:
    """An editor's inference is never shown as read from the source: each says *päätelty*
    and why, next to the fact (term, milestone, meeting time, topic section) or, for facts
    inside texts, in its own list before the sources."""
    committee = page(pages, "toimielimet/tyonvk.md")
    assert "- **Toimikausi:** 30.1.2025–31.12.2027 *(päätelty: päättymispäivä vuoden 2027 " \
           "lopuksi, dia kertoo vain vuoden)*" in committee
    assert '- **6/2026–12/2026** *(päätelty: tekstintunnistuksessa "6\\_12/2026", luettu ' \
           '6–12/2026)* Selvitys palvelujärjestelmän tilasta' in committee
    meeting = page(pages, "kokoukset/tyonvk-2025-06.md")
    assert "- **Aika:** kesäkuu 2025, päivä tarkentuu *(päätelty: kuukausi dian luettelosta " \
           '"Seuraavat 6/2025")*' in meeting
    topic = page(pages, "aiheet/arviointimatriisi.md")
    assert "## Käyttö\n\n*Päätelty: käyttöohje koottu dian kysymyksistä*\n{: .inferred }" in topic
    assert "## Matriisi\n\n*Päätelty" not in topic
    process = page(pages, "prosessit/aktivointisuunnitelma.md")
    assert section(process, "Päätellyt tiedot").strip() == (
        "## Päätellyt tiedot\n\nLähde ei kerro näitä tietoja suoraan; ne on päätelty lähteestä.\n\n"
        "- **Malli otettiin käyttöön 2023** – päätelty: raportin vuosiluvusta")
    assert "Päätellyt tiedot" not in page(pages, "toimielimet/yhdyspintaverkosto.md")


def test_reviewed_date_is_shown_apart_from_the_change_date(pages: dict[str, Output]) -> None:
    """*Päivitetty* (the file's last commit) is not *Tarkistettu* (facts checked)."""
    text = page(pages, "toimielimet/tyonvk.md")
    assert re.search(r'<p class="updated" markdown="span">Päivitetty \d{1,2}\.\d{1,2}\.\d{4} '
                     r"· Tarkistettu lähteitä vasten 1\.4\.2025</p>\n$", text), text[-300:]
    assert "Tarkistettu" not in page(pages, "toimielimet/yhdyspintaverkosto.md")


def test_topic_table_is_a_markdown_table_with_headers(pages: dict[str, Output]) -> None:
    text = page(pages, "aiheet/arviointimatriisi.md")
    assert ("| Elämänalue | Taso 1 | Taso 2 | Taso 3 |\n| --- | --- | --- | --- |\n"
            "| **Asuminen** | Ei asuntoa | Tilapäinen | Vakaa |\n"
            "| **Talous** | Velkoja \\| ulosotto | Tiukka | Riittävä |") in text
    html = to_html(text)
    assert "<th>Elämänalue</th>\n<th>Taso 1</th>" in html
    assert "<td>Velkoja | ulosotto</td>" in html


# --- indexes and home -----------------------------------------------------------------


def test_people_index_in_finnish_order_by_surname(pages: dict[str, Output]) -> None:
    text = page(pages, "henkilot/index.md")
    names = re.findall(r"^\| \[([^\]]+)\]", text, flags=re.M)
    assert names == ["Liisa Esimerkki", "Olli Vaara", "Eeva Wahlroos", "Sanna Zetterberg",
                     "Åke Åberg", "Pekka Äijälä", "Äili Öhman"]


def test_committee_index_key_facts(pages: dict[str, Output]) -> None:
    text = page(pages, "toimielimet/index.md")
    assert "| [Työllisyyden edistämisen valtakunnallinen neuvottelukunta](tyonvk.md) (TyöNVK) " \
           "| neuvottelukunta | [Olli Vaara](../henkilot/olli-vaara.md) | " \
           "30.1.2025–31.12.2027 | voimassa |" in text


def test_home_page_introduces_the_network_and_its_next_meeting(pages: dict[str, Output]) -> None:
    text = page(pages, "index.md")
    assert "Verkosto tukee eri toimijoiden hyvää yhteistyötä" in text
    next_meeting = section(text, "Seuraava kokous")
    assert "**[Yhdyspintaverkoston kokous](kokoukset/verkosto-2025-06-04.md)**" in next_meeting
    assert "ke 4.6.2025 klo 9.00–11.00 · etäkokous" in next_meeting
    entries = re.findall(r"^- \[([^\]]+)\]", section(text, "Mistä etsit?"), flags=re.M)
    assert entries == ["Prosessit", "Toimielimet", "Lait ja asetukset", "Organisaatiot",
                       "Henkilöt", "Kalenteri", "Aiheet"]
    assert pages["index.md"].source == "content/committees/yhdyspintaverkosto.yaml"


MakeContent = Callable[[dict[str, str]], Path]


def test_home_page_without_a_network_entity_or_meetings(make_content: MakeContent) -> None:
    content = make_content({
        "laws/laki-380-2023.yaml": """
            title: Laki työvoimapalveluiden järjestämisestä
            number: 380/2023
            type: laki
            summary: Järjestäminen.
            sources: [{url: "https://www.finlex.fi/fi/lainsaadanto/2023/380"}]
        """,
    })
    graph, report = check(content, today=TODAY)
    assert not report.errors, report.format()
    pages = _render(graph, content=content)
    text = page(pages, "index.md")
    assert "Tietopankki kokoaa työllisyyden edistämisen yhdyspintojen tiedot" in text
    assert "Tulevia kokouksia ei ole tiedossa." in text
    assert pages["index.md"].source is None
    assert "Ei vielä sisältöä." in page(pages, "toimielimet/index.md")


# --- handouts, sources, escaping ------------------------------------------------------


def test_pdf_link_only_when_handouts_are_produced(graph: Graph,
                                                  pages: dict[str, Output]) -> None:
    for path in ("toimielimet/tyonvk.md", "prosessit/aktivointisuunnitelma.md"):
        entity_id = Path(path).stem
        assert f"[Lataa PDF](../pdf/{entity_id}.pdf)" in page(pages, path)
    without = _render(graph, handouts=False)
    assert not any("Lataa PDF" in o.text for o in without.values())


def test_entity_pages_carry_their_yaml_source_for_the_edit_link(
        graph: Graph, pages: dict[str, Output]) -> None:
    for entity_id, record in graph.records.items():
        output = pages[_page_path(graph, entity_id)]
        assert output.source == f"content/{record.kind.folder}/{entity_id}.yaml"
    assert pages["toimielimet/index.md"].source is None


def test_content_text_is_escaped(make_content: MakeContent) -> None:
    content = make_content({
        "bodies/x.yaml": """
            name: "Tiimi: <script>alert(1)</script> *tähti* | putki"
            type: muu
            summary: "Raw <b>html</b> and [bad](javascript:alert)."
            sources: [{url: "https://example.fi"}]
        """,
    })
    graph, report = check(content, today=TODAY)
    assert not report.errors, report.format()
    pages = _render(graph, content=content)
    text = page(pages, "organisaatiot/x.md")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["title"] == "Tiimi: &lt;script&gt;alert(1)&lt;/script&gt; *tähti* | putki"
    assert "# Tiimi: &lt;script&gt;alert(1)&lt;/script&gt; \\*tähti\\* \\| putki" in text
    assert "Raw &lt;b&gt;html&lt;/b&gt; and bad." in text
    assert "<script>" not in text and "javascript:" not in text
    index = page(pages, "organisaatiot/index.md")
    assert "\\| putki](x.md)" in index


# --- palette --------------------------------------------------------------------------

CSS = ROOT / "docs" / "stylesheets" / "site.css"
TEXT_PAIRS = [  # (text colour, background) pairs the theme draws
    ("--md-default-fg-color", "--md-default-bg-color"),
    ("--md-default-fg-color--light", "--md-default-bg-color"),
    ("--md-default-fg-color--light", "--md-code-bg-color"),
    ("--md-typeset-a-color", "--md-default-bg-color"),
    ("--md-typeset-a-color", "--md-code-bg-color"),
    ("--md-accent-fg-color", "--md-default-bg-color"),
    ("--md-accent-bg-color", "--md-accent-fg-color"),
    ("--md-primary-fg-color", "--md-default-bg-color"),
    ("--md-primary-bg-color", "--md-primary-fg-color"),
    ("--md-primary-bg-color", "--md-primary-fg-color--dark"),
    ("--md-code-fg-color", "--md-code-bg-color"),
    ("--md-footer-fg-color", "--md-footer-bg-color"),
    ("--md-footer-fg-color--light", "--md-footer-bg-color"),
    ("--md-footer-fg-color--light", "--md-footer-bg-color--dark"),
    ("--md-footer-fg-color--lighter", "--md-footer-bg-color--dark"),
    ("--md-footer-fg-color", "--md-footer-bg-color--dark"),
    ("--md-default-fg-color", "--site-admonition-note-bg"),
    ("--md-default-fg-color", "--site-admonition-info-bg"),
    ("--md-default-fg-color", "--site-admonition-warning-bg"),
    ("--site-vacant-color", "--md-default-bg-color"),
]


def palette(scheme: str) -> dict[str, str]:
    css = CSS.read_text("utf-8")
    block = re.search(r'\[data-md-color-scheme="' + scheme + r'"\]\s*\{(.*?)\}', css, re.S)
    assert block, scheme
    return dict(re.findall(r"(--[\w-]+):\s*(#[0-9a-fA-F]{6,8})\s*;", block.group(1)))


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_helper_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize(("fg", "bg"), TEXT_PAIRS, ids=[f"{f}-on-{b}" for f, b in TEXT_PAIRS])
def test_palette_passes_wcag_aa(scheme: str, fg: str, bg: str) -> None:
    colours = palette(scheme)
    assert len(colours[fg]) == 7 and len(colours[bg]) == 7, "text colours must be opaque"
    ratio = contrast(colours[fg], colours[bg])
    assert ratio >= 4.5, f"{scheme}: {fg} on {bg} is {ratio:.2f}:1"


# --- the real site, built once per session --------------------------------------------


def html_pages(site: Path) -> Iterator[Path]:
    """The site's pages: not the 404 page, nor the redirects left at moved pages' old
    addresses (tests/test_redirects.py checks those)."""
    for path in sorted(site.rglob("*.html")):
        if path.name != "404.html" and not is_redirect(path.read_text("utf-8")):
            yield path


def test_every_built_page_links_the_statement_privacy_notice_and_data(built_site: Path) -> None:
    count = 0
    for path in html_pages(built_site):
        html = path.read_text("utf-8")
        footer = html[html.index('<footer class="md-footer">'):]
        here = path.parent.relative_to(built_site).as_posix()
        targets = {posixpath.normpath(posixpath.join(here, href))
                   for href in re.findall(r'href="([^"#]+)"', footer)}
        for target in ("saavutettavuusseloste", "tietosuojaseloste", "data"):
            assert target in targets, (path, target)
        count += 1
    assert count > 10


def test_built_pages_are_finnish_without_third_party_fonts(built_site: Path) -> None:
    for path in html_pages(built_site):
        html = path.read_text("utf-8")
        assert '<html lang="fi"' in html, path
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, path
        assert 'data-md-component="source"' not in html, path  # no api.github.com fetch


def _edit_link(html: str) -> str | None:
    match = re.search(r'<a href="([^"]+)"[^>]*class="md-content__button md-icon[^"]*"', html)
    return match.group(1) if match else None


def test_edit_links_open_the_yaml_file(built_site: Path, real_graph: Graph) -> None:
    from generator.site.paths import entity_path

    repo = "https://github.com/yhdyspintaverkosto/tietopankki/edit/main/"
    checked = 0
    for entity_id, record in real_graph.records.items():
        html_path = built_site / entity_path(real_graph, entity_id).removesuffix(".md")
        html = (html_path / "index.html").read_text("utf-8")
        expected = f"{repo}content/{record.kind.folder}/{entity_id}.yaml"
        assert _edit_link(html) == expected, entity_id
        checked += 1
    assert checked > 0
    about = (built_site / "tietoa" / "index.html").read_text("utf-8")
    assert _edit_link(about) == f"{repo}docs/tietoa.md"
    index = (built_site / "toimielimet" / "index.html").read_text("utf-8")
    assert _edit_link(index) is None  # generated from no single file


def test_nav_lists_sections_not_entities(built_site: Path, real_graph: Graph) -> None:
    from generator.site.paths import entity_path

    html = (built_site / "index.html").read_text("utf-8")
    nav = html[html.index('class="md-nav md-nav--primary"'):html.index("md-sidebar--secondary")]
    for folder in ("prosessit/", "toimielimet/", "lait/", "organisaatiot/", "henkilot/",
                   "aiheet/", "saavutettavuusseloste/", "tietosuojaseloste/", "data/"):
        assert f'href="{folder}"' in nav, folder
    for entity_id in real_graph.records:
        assert entity_path(real_graph, entity_id).removesuffix(".md") + "/" not in nav
    assert not (ROOT / "docs" / "index.md").exists()  # the home page is generated


def test_updated_is_the_last_commit_of_the_yaml_file(built_site: Path, real_graph: Graph) -> None:
    """"Päivitetty" comes from git, never from the build clock (SOURCE_DATE_EPOCH here)."""
    from generator import fi
    from generator.site.gitdates import last_commit_dates
    from generator.site.paths import entity_path

    dates = last_commit_dates(ROOT, "content")
    checked = 0
    for entity_id, record in real_graph.records.items():
        if record.kind.key == "meeting":
            continue  # the calendar owns meeting pages
        html_path = built_site / entity_path(real_graph, entity_id).removesuffix(".md")
        html = (html_path / "index.html").read_text("utf-8")
        known = dates.get(f"content/{record.kind.folder}/{entity_id}.yaml")
        shown = re.findall(r"Päivitetty (\d{1,2}\.\d{1,2}\.\d{4})", html)
        assert shown == ([fi.date(known)] if known else []), entity_id
        checked += 1
    assert checked > 0


NEXT_MEETING_PROBE = """
import datetime as dt, json, sys
from playwright.sync_api import sync_playwright
sys.path.insert(0, sys.argv[1])
from browser.support import CHROMIUM, CHROMIUM_ARGS
url, moments = sys.argv[2], json.loads(sys.argv[3])
shown = []
with sync_playwright() as playwright:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    for moment in moments:
        context = browser.new_context()
        page = context.new_page()
        page.clock.set_fixed_time(dt.datetime.fromisoformat(moment))
        page.goto(url)
        page.wait_for_load_state("load")
        shown.append(page.eval_on_selector_all(
            "[data-next-meeting] > p:not([hidden])",
            "items => items.map(i => i.getAttribute('data-ends') || 'none')"))
        context.close()
    browser.close()
print(json.dumps(shown))
"""


def test_next_meeting_follows_the_readers_clock(built_site: Path) -> None:
    """The build's next meeting goes stale; site.js shows the first one not over by now.

    The browser runs in a subprocess: the browser tests' session keeps Playwright's own
    event loop open in this process.
    """
    import json
    import subprocess
    import sys

    from browser.support import SiteServer

    html = (built_site / "index.html").read_text("utf-8")
    ends = [dt.datetime.fromisoformat(e) for e in re.findall(r'data-ends="([^"]+)"', html)]
    if len(ends) < 2:
        pytest.skip("the real content has fewer than two upcoming meetings at the build date")
    moments = [ends[0] - dt.timedelta(hours=1), ends[0] + (ends[1] - ends[0]) / 2,
               ends[-1] + dt.timedelta(days=1)]
    server = SiteServer(built_site)
    try:
        result = subprocess.run(
            [sys.executable, "-c", NEXT_MEETING_PROBE, str(Path(__file__).parent),
             server.url(""), json.dumps([m.isoformat() for m in moments])],
            capture_output=True, text=True, timeout=120, check=False)
    finally:
        server.close()
    assert result.returncode == 0, result.stderr
    before, between, after = json.loads(result.stdout)
    assert before == [ends[0].isoformat()]
    assert between == [ends[1].isoformat()]
    assert after == ["none"]


def test_relative_links_match_posixpath() -> None:
    """site.paths.relative does by string arithmetic what posixpath.relpath does."""
    import itertools

    from generator.site.paths import relative

    paths = ["index.md", "a.md", "a/index.md", "a/b.md", "a/b/c.md", "b/c/d.md", "a/a/a.md",
             "data/yhdyspinta.json", "pdf/x.pdf", "kalenteri/index.md"]
    for start, target in itertools.product(paths, paths):
        expected = posixpath.relpath(target, posixpath.dirname(start) or ".")
        assert relative(start, target) == expected, (start, target)
