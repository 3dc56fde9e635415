"""The stages pause the garbage collector and always give it back."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import pipeline
from generator.gcpause import paused_gc


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_paused_inside_and_restored_after() -> None:
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_restored_after_an_exception() -> None:
    with pytest.raises(RuntimeError), paused_gc():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_caller_that_disabled_it_keeps_it_disabled() -> None:
    gc.disable()
    with paused_gc():
        pass
    assert not gc.isenabled()


def test_check_runs_paused_and_restores(monkeypatch: pytest.MonkeyPatch,
                                        tmp_path: Path) -> None:
    seen: list[bool] = []
    real_load = pipeline.load

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real_load(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "load", spy)
    (tmp_path / "content").mkdir()
    pipeline.check(tmp_path / "content")
    assert seen == [False]
    assert gc.isenabled()
