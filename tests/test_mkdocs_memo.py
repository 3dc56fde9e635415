"""generator/mkdocs_memo.py: values by key, in memory across serve rebuilds and on disk
between builds; a build keeps only what it used."""

from __future__ import annotations

from pathlib import Path

from generator.mkdocs_memo import Memo


def test_values_last_across_builds_and_processes_and_unused_ones_go(tmp_path: Path) -> None:
    memo = Memo(tmp_path, "kokeilu")
    memo.start_build()
    assert memo.get("a", lambda: ["yksi"]) == ["yksi"]
    memo.keep("b", {"kaksi": 2})
    memo.save()
    assert (memo.hits, memo.misses) == (0, 2)

    memo.start_build()  # the next serve rebuild, same process: only "a" is asked for
    assert memo.get("a", lambda: ["laskettu uudelleen"]) == ["yksi"]
    assert memo.find("c") is None
    assert (memo.hits, memo.misses) == (1, 0)
    memo.save()

    later = Memo(tmp_path, "kokeilu")  # a new process reads the file
    later.start_build()
    assert later.find("a") == ["yksi"]
    assert later.find("b") is None  # not used by the last build: dropped
    assert [p.name for p in tmp_path.iterdir()] == ["kokeilu.marshal"]


def test_a_damaged_file_means_computing_again(tmp_path: Path) -> None:
    memo = Memo(tmp_path, "kokeilu")
    memo.get("a", lambda: "arvo")
    memo.save()
    file = tmp_path / "kokeilu.marshal"
    file.write_bytes(file.read_bytes()[:-3] + b"xyz")
    again = Memo(tmp_path, "kokeilu")
    again.start_build()
    assert again.get("a", lambda: "uusi") == "uusi"


def test_without_a_folder_it_remembers_only_in_memory(tmp_path: Path) -> None:
    memo = Memo(None, "kokeilu")
    memo.get("a", lambda: 1)
    memo.save()
    memo.start_build()
    assert memo.find("a") == 1
    assert Memo(None, "kokeilu").find("a") is None
