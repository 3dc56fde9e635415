"""The stages pause the garbage collector and always give it back."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import pipeline
from generator.core.gcpause import paused_gc

ROOT = Path(__file__).resolve().parent.parent


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


def test_survivors_move_to_the_oldest_generation_unscanned() -> None:
    with paused_gc():
        kept = [[i] for i in range(20_000)]
    assert gc.get_count()[0] < 1_000  # not waiting in the youngest generation
    assert gc.get_freeze_count() == 0  # and not frozen: a full collection still sees them
    assert len(kept) == 20_000


def test_objects_someone_else_froze_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with paused_gc():
            _ = [[i] for i in range(1_000)]
        # Still frozen (an unfreeze would make it 0); a few may have been freed meanwhile.
        assert gc.get_freeze_count() > frozen // 2
    finally:
        gc.unfreeze()


def test_cycles_left_by_a_stage_are_still_collected() -> None:
    """Promoted, not frozen: a full collection frees what a stage left in a cycle."""
    class Node:
        def __init__(self) -> None:
            self.me = self

    with paused_gc():
        for _ in range(1_000):
            Node()  # unreachable at once, but in a cycle
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, Node)]
