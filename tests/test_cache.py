"""The one on-disk cache (generator/cache.py) behind parse results, diagrams and PDFs:
what is put is got back, and nothing that goes wrong on disk is ever raised."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from generator.core.cache import Cache, digest

KEY = "a" * 64


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_put_then_get_and_the_file_carries_a_checksum(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c", ".bin")
    assert cache.get(KEY) is None and not cache.has(KEY)
    cache.put(KEY, b"tulos\n\x00\xff")
    assert cache.has(KEY)
    assert Cache(tmp_path / "c", ".bin").get(KEY) == b"tulos\n\x00\xff"
    stored = (tmp_path / "c" / f"{KEY}.bin").read_bytes()
    assert stored == f"sha256:{digest(b'tulos' + bytes([10, 0, 255]))}\n".encode() \
        + b"tulos\n\x00\xff"
    assert [p.name for p in (tmp_path / "c").iterdir()] == [f"{KEY}.bin"]  # no temporary


def test_no_folder_remembers_nothing(tmp_path: Path) -> None:
    cache = Cache(None, ".bin")
    cache.put(KEY, b"x")
    cache.prune([])
    assert cache.get(KEY) is None and not cache.has(KEY)


@pytest.mark.parametrize("stored", [
    b"sha256:" + b"0" * 64 + b"\ntulos",  # checksum of other bytes
    b"sha256:" + digest(b"tulos").encode() + b"\ntulo",  # cut short
])
def test_a_damaged_file_is_not_used_and_warns_once(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, stored: bytes) -> None:
    cache = Cache(tmp_path, ".bin")
    for key in (KEY, "b" * 64):
        (tmp_path / f"{key}.bin").write_bytes(stored)
    with caplog.at_level(logging.WARNING):
        assert cache.get(KEY) is None and cache.get("b" * 64) is None
    (message,) = warnings_of(caplog)
    assert "vioittunut" in message and KEY in message
    cache.put(KEY, b"tulos")
    assert cache.get(KEY) == b"tulos"  # rewritten, good again


@pytest.mark.parametrize("stored", [b"%PDF-1.7\n...", b"yaml-parse-cache 2\nabc\n", b"", b"x"])
def test_a_file_of_an_older_format_is_silently_made_again(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, stored: bytes) -> None:
    (tmp_path / f"{KEY}.bin").write_bytes(stored)
    with caplog.at_level(logging.WARNING):
        assert Cache(tmp_path, ".bin").get(KEY) is None
    assert warnings_of(caplog) == []


def test_an_unwritable_folder_warns_once(tmp_path: Path,
                                         caplog: pytest.LogCaptureFixture) -> None:
    blocked = tmp_path / "tiedosto"
    blocked.write_text("ei kansio", "utf-8")
    cache = Cache(blocked / "c", ".bin")
    with caplog.at_level(logging.WARNING):
        for key in (KEY, "b" * 64):
            cache.put(key, b"x")
            assert cache.get(key) is None
    (message,) = warnings_of(caplog)
    assert "ei voi kirjoittaa" in message


def test_prune_keeps_the_used_keys_and_other_files(tmp_path: Path) -> None:
    cache = Cache(tmp_path, ".json", stale_suffixes=(".svg",))
    for key in ("pidetty", "vanha"):
        cache.put(key, b"{}")
    for name in ("entinen.svg", "kesken.1.2.tmp", "README", "muu.pdf"):
        (tmp_path / name).write_bytes(b"x")
    cache.prune(["pidetty"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README", "muu.pdf", "pidetty.json"]
    assert cache.get("pidetty") == b"{}"
