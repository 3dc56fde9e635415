"""*Muutokset*: recent content changes computed from the content as it changed in git, as a
page and an Atom feed; no history (no git, shallow clone) is said, never invented."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import write_tree

from generator.core.models import KINDS, KINDS_BY_FOLDER
from generator.domain.field_labels import FIELD_LABELS, changed_fields
from generator.pages.changes import FEED, PAGE, UNAVAILABLE, render_changes
from generator.pipeline import check
from generator.schema import schema_comment
from generator.site.history import CACHE_FOLDER, MAX_ENTRIES, history
from generator.site.output import SiteConfig

ATOM = "{http://www.w3.org/2005/Atom}"
SRC = 'sources: [{url: "https://tem.fi/tyonvk"}]\n'
TEM = "name: Työ- ja elinkeinoministeriö\nabbreviation: TEM\ntype: ministeriö\n" + SRC
PERSON = "name: Tiina Korhonen\norganisation: tem\n" + SRC
COMMITTEE = """\
name: Työllisyyden edistämisen valtakunnallinen neuvottelukunta
abbreviation: TyöNVK
type: neuvottelukunta
summary: Tukee TEM:iä.
""" + SRC
MEMBERS = "members:\n  - person: tiina-korhonen\n    role: puheenjohtaja\n"
MEETING = "series: tyonvk\ntitle: Neuvottelukunnan kokous\ndate: 2025-06-04\n" + SRC
TOPIC = "title: Palkkatuki\nsummary: Tuki.\n" + SRC
PROCESS = ("name: Palkkatuki\nsummary: Tuki.\nvalidity: 2025.\n"
           "phases:\n  - id: haku\n    name: Haku\n" + SRC)


def with_schema(files: dict[str, str]) -> dict[str, str]:
    return {path: schema_comment(KINDS_BY_FOLDER[path.split("/")[0]]) + "\n" + text
            for path, text in files.items()}


def git(root: Path, *args: str, day: str = "2026-12-01") -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Erkki Editori", "GIT_AUTHOR_EMAIL": "e@example.fi",
           "GIT_COMMITTER_NAME": "Erkki Editori", "GIT_COMMITTER_EMAIL": "e@example.fi",
           "GIT_AUTHOR_DATE": f"{day}T10:00:00+02:00",
           "GIT_COMMITTER_DATE": f"{day}T10:00:00+02:00"}
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True,
                          text=True).stdout


def commit(root: Path, files: dict[str, str], day: str, message: str,
           remove: tuple[str, ...] = ()) -> None:
    write_tree(root / "content", with_schema(files))
    for path in remove:
        (root / "content" / path).unlink()
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, day=day)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A project whose content has a history of six commits (one touches no content, one
    only a comment and notes for editors)."""
    root = tmp_path / "project"
    root.mkdir()
    git(root, "init", "-q")
    commit(root, {"bodies/tem.yaml": TEM, "people/tiina-korhonen.yaml": PERSON,
                  "committees/tyonvk.yaml": COMMITTEE, "processes/palkkatuki.yaml": PROCESS},
           "2026-11-02", "Salainen viesti: alku")
    commit(root, {"committees/tyonvk.yaml": COMMITTEE + MEMBERS,
                  "meetings/tyonvk-2025-06-04.yaml": MEETING}, "2026-11-20",
           "Salainen viesti: jäsenet")
    commit(root, {"committees/tyonvk.yaml": COMMITTEE.replace("Tukee TEM:iä.", "Tukee.")
                  + MEMBERS, "meetings/tyonvk-2025-06-04.yaml": MEETING + "place: Helsinki\n"},
           "2026-11-20", "same day: a summary and a meeting place")
    write_tree(root, {"README.md": "x\n"})
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "no content", day="2026-11-25")
    commit(root, {"committees/tyonvk.yaml": "# kommentti\n" + COMMITTEE.replace(
        "Tukee TEM:iä.", "Tukee.") + MEMBERS + "    editor_note: Tarkista rooli.\n"
        "editor_note: Lähteen nimi on epäselvä.\n"},
           "2026-11-26", "only a comment and notes for editors: no fact changed")
    commit(root, {"topics/palkkatuki.yaml": TOPIC}, "2026-12-05", "Salainen viesti: siirto",
           remove=("meetings/tyonvk-2025-06-04.yaml", "processes/palkkatuki.yaml"))
    return root


def outputs(root: Path) -> dict[str, str]:
    graph, report = check(root / "content")
    assert not report.errors, report.format()
    config = SiteConfig(content_dir=root / "content", project_root=root)
    return {o.path: o.text for o in render_changes(graph, config)}


def test_the_page_says_which_entity_and_which_facts(repo: Path) -> None:
    page = outputs(repo)[PAGE]
    body = page.split("# Muutokset\n", 1)[1]
    assert "[muutokset Atom-syötteenä](atom.xml)" in body
    days = body.split("\n## ")[1:]
    assert [d.split("\n", 1)[0] for d in days] == ["5.12.2026", "20.11.2026", "2.11.2026"]
    assert days[0].split("\n", 2)[2].strip().splitlines() == [
        "- Poistettu: Neuvottelukunnan kokous 4.6.2025 (kokous)",
        "- Siirretty: [Palkkatuki](../aiheet/palkkatuki.md) (prosessit → aiheet)",
    ]
    assert days[1].split("\n", 2)[2].strip().splitlines() == [
        # two commits that day: one line per entity; a meeting added and edited is new
        "- [TyöNVK](../toimielimet/tyonvk.md): tiivistelmä ja jäsenet muuttuivat",
        "- Uusi kokous: Neuvottelukunnan kokous 4.6.2025",
    ]
    assert "- Uusi organisaatio: [TEM](../organisaatiot/tem.md)" in days[2]
    assert "- Uusi henkilö: [Tiina Korhonen](../henkilot/tiina-korhonen.md)" in days[2]
    # never from commit messages, never an author's name
    assert "Salainen" not in page and "Erkki" not in page


def test_the_feed_is_valid_atom(repo: Path) -> None:
    feed = ET.fromstring(outputs(repo)[FEED])
    assert feed.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{tag}") is not None, tag
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"self": "https://yhdyspintaverkosto.fi/muutokset/atom.xml",
                     "alternate": "https://yhdyspintaverkosto.fi/muutokset/"}
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 8  # 4 new, 1 changed and 1 new, 1 removed and 1 moved
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == len(ids)
    assert all(i and i.startswith("tag:yhdyspintaverkosto.fi,") for i in ids)
    first = entries[0]
    assert first.findtext(f"{ATOM}title") == "Poistettu: Neuvottelukunnan kokous 4.6.2025 " \
                                             "(kokous)"
    assert first.findtext(f"{ATOM}updated") == "2026-12-05T08:00:00Z"
    assert feed.findtext(f"{ATOM}updated") == "2026-12-05T08:00:00Z"
    moved = entries[1]
    assert moved.find(f"{ATOM}link").get("href") == \
        "https://yhdyspintaverkosto.fi/aiheet/palkkatuki/"
    assert "Salainen" not in ET.tostring(feed, encoding="unicode")


def test_changes_are_cached_by_commit(repo: Path) -> None:
    first = outputs(repo)
    cached = sorted(p.name for p in (repo / CACHE_FOLDER).iterdir())
    shas = git(repo, "log", "--format=%H", "--", "content").split()
    assert cached == sorted(f"{sha}-content.json" for sha in shas)
    # a damaged cache file is computed again; the result does not depend on the cache
    (repo / CACHE_FOLDER / cached[0]).write_text("{", "utf-8")
    assert outputs(repo) == first
    shutil.rmtree(repo / CACHE_FOLDER)
    assert outputs(repo) == first


def test_at_most_the_newest_entries(repo: Path) -> None:
    found = history(repo, "content", limit=3)
    assert [c.action for c in found.changes] == ["poistettu", "siirretty", "muutettu"]
    assert found.changes[2].fields == ("summary",)  # per commit; the page joins a day's
    assert MAX_ENTRIES == 50


def test_a_shallow_clone_has_no_history(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)],
                   check=True, capture_output=True)
    built = outputs(clone)
    assert UNAVAILABLE in built[PAGE]
    assert "- " not in built[PAGE].split("# Muutokset", 1)[1]
    feed = ET.fromstring(built[FEED])
    assert feed.findall(f"{ATOM}entry") == []
    assert feed.findtext(f"{ATOM}subtitle") == UNAVAILABLE


def test_no_git_has_no_history(make_content: Callable[[dict[str, str]], Path]) -> None:
    content = make_content(with_schema({"bodies/tem.yaml": TEM}))
    assert not history(content.parent, "content").available
    assert UNAVAILABLE in outputs(content.parent)[PAGE]


def test_every_field_has_a_finnish_label() -> None:
    fields = {name for kind in KINDS for name in kind.model.model_fields}
    assert fields - set(FIELD_LABELS) == {"editor_note"}  # never shown: see below
    assert "editor_note" not in FIELD_LABELS
    assert changed_fields(["members"]) == "jäsenet muuttuivat"
    assert changed_fields(["summary"]) == "tiivistelmä muuttui"
    assert changed_fields(["sections"], "law") == "pykälät muuttuivat"
    assert changed_fields(["sections"], "topic") == "osiot muuttuivat"
    assert changed_fields(["name", "seats", "members"]) == "nimi, paikat ja jäsenet muuttuivat"
