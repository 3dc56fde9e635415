"""Parse results kept between builds: same documents, fewer parses, never a wrong one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator import parsecache
from generator.core.diagnostics import Report
from generator.load import files as loader
from generator.pipeline import check

BODY = """\
name: Työ- ja elinkeinoministeriö
type: ministeriö
summary: |
  Vastaa [[kela]]-yhteistyöstä.
"""
OTHER = "name: Kansaneläkelaitos\ntype: virasto\n"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the YAML parser was really given."""
    seen: list[str] = []
    real = loader.parse_yaml

    def counting(text: str) -> parsecache.Parsed:
        seen.append(text)
        return real(text)

    monkeypatch.setattr(loader, "parse_yaml", counting)
    return seen


def _load(root: Path) -> tuple[list[loader.Document], Report]:
    report = Report()
    documents = loader.load(root, report, cache_folder=root.parent / parsecache.FOLDER)
    return documents, report


def _view(documents: list[loader.Document]) -> list[tuple[object, ...]]:
    return [(d.id, d.path, d.data, d.values, d.keys) for d in documents]


def test_an_unchanged_file_is_not_parsed_again(
        make_content: Callable[[dict[str, str]], Path], parses: list[str]) -> None:
    root = make_content({"bodies/tem.yaml": BODY, "bodies/kela.yaml": OTHER})
    first, _ = _load(root)
    assert len(parses) == 2
    second, report = _load(root)
    assert len(parses) == 2  # both from the cache
    assert _view(second) == _view(first)
    assert second[1].position(("summary",)) == (3, 10)
    assert not report.errors


def test_a_changed_file_is_parsed_and_a_removed_one_forgotten(
        make_content: Callable[[dict[str, str]], Path], parses: list[str]) -> None:
    root = make_content({"bodies/tem.yaml": BODY, "bodies/kela.yaml": OTHER})
    _load(root)
    (root / "bodies/tem.yaml").write_text(BODY.replace("ministeriö\n", "ministeriö (uusi)\n"),
                                          "utf-8")
    (root / "bodies/kela.yaml").unlink()
    documents, _ = _load(root)
    assert documents[0].data["type"] == "ministeriö (uusi)"
    assert len(parses) == 3
    cache = parsecache.ParseCache(root.parent / parsecache.FOLDER)
    assert len(cache._stored) == 1  # only the file that still exists


def test_a_damaged_cache_is_ignored_and_rewritten(
        make_content: Callable[[dict[str, str]], Path], parses: list[str]) -> None:
    root = make_content({"bodies/tem.yaml": BODY})
    first, _ = _load(root)
    cached = root.parent / parsecache.FOLDER / parsecache.FILE_NAME
    blob = bytearray(cached.read_bytes())
    blob[-5] ^= 0xFF  # one flipped byte in the marshalled data
    cached.write_bytes(bytes(blob))
    again, _ = _load(root)
    assert len(parses) == 2 and _view(again) == _view(first)
    _load(root)
    assert len(parses) == 2  # the rewritten cache is good again


def test_other_loader_code_means_nothing_cached_is_used(
        make_content: Callable[[dict[str, str]], Path], parses: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_content({"bodies/tem.yaml": BODY})
    _load(root)
    monkeypatch.setattr(parsecache, "code_version", lambda: "toinen versio")
    _load(root)
    assert len(parses) == 2


def test_without_the_loader_source_nothing_is_cached(
        make_content: Callable[[dict[str, str]], Path], parses: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parsecache, "code_version", lambda: None)
    root = make_content({"bodies/tem.yaml": BODY})
    for _ in range(2):
        documents, _ = _load(root)
        assert [d.id for d in documents] == ["tem"]
    assert len(parses) == 2
    assert not (root.parent / ".cache").exists()


def test_files_with_errors_are_never_cached(
        make_content: Callable[[dict[str, str]], Path], parses: list[str]) -> None:
    root = make_content({"bodies/tem.yaml": "name: a\nname: b\n"})
    for _ in range(2):
        documents, report = _load(root)
        assert not documents
        assert [d.message for d in report.errors] == [
            "avain 'name' toistuu (ensimmäinen rivillä 1)"]
    assert len(parses) == 2


def test_two_files_with_the_same_bytes_share_no_data(
        make_content: Callable[[dict[str, str]], Path]) -> None:
    root = make_content({"bodies/a.yaml": OTHER, "bodies/b.yaml": OTHER})
    _load(root)
    a, b = _load(root)[0]
    assert a.data == b.data and a.data is not b.data


def test_an_unwritable_cache_only_costs_time(
        make_content: Callable[[dict[str, str]], Path], parses: list[str]) -> None:
    root = make_content({"bodies/tem.yaml": BODY})
    (root.parent / ".cache").write_text("tiedosto, ei kansio", "utf-8")  # mkdir fails
    for _ in range(2):
        documents, report = _load(root)
        assert [d.id for d in documents] == ["tem"] and not report.errors
    assert len(parses) == 2


def test_check_without_the_cache_writes_nothing(
        make_content: Callable[[dict[str, str]], Path]) -> None:
    root = make_content({"bodies/tem.yaml": BODY})
    check(root, parse_cache=False)
    assert not (root.parent / ".cache").exists()
    check(root)
    assert (root.parent / parsecache.FOLDER / parsecache.FILE_NAME).is_file()
