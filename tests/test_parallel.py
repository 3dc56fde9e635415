"""Rendering in forked workers: same outputs as a serial render, failures handled.

The forking cases run in a fresh interpreter: pytest may hold other threads (the browser
tests' web server), and the render rightly refuses to fork a process that has them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import pytest

from generator.build import parallel

ROOT = Path(__file__).resolve().parent.parent

# Shared by the fresh-interpreter snippets: a fork counter and tasks that say where they ran.
PRELUDE = """
import json, os, logging
import pytest

from generator.build import parallel
from generator.site.output import Output
PARENT = os.getpid()
FORKS = []
_fork = os.fork
def counting_fork():
    FORKS.append(1)
    return _fork()
os.fork = counting_fork
def task(index):
    return lambda: [Output(f"{index}.md", f"sivu {index}")]

# Tasks are handed out one at a time to whichever process asks. To be sure a task runs in
# the worker, give it `in_worker` and make the others `synced`: the parent's first task
# waits until the worker has run the special one, and the worker's first waits until the
# parent holds a task, so the parent can never be the one that takes the special task.
parallel.MIN_TASKS_PER_WORKER = 1
parallel.RUNS_PER_PROCESS = 1000  # runs of one task
def _wait_for(name):
    import time
    for _ in range(3000):
        if os.path.exists(name):
            return
        time.sleep(0.01)
    raise TimeoutError(name)
def synced(index):
    def run():
        if os.getpid() == PARENT:
            open("parent-started", "w").close()
            _wait_for("worker-done")
        else:
            _wait_for("parent-started")
        return [Output(f"{index}.md", f"sivu {index}")]
    return run
def in_worker(body):
    def run():
        open("worker-done", "w").close()
        return body()
    return run
"""


def run_fresh(code: str, tmp_path: Path) -> Any:
    """Run ``code`` (after :data:`PRELUDE`) in a new interpreter; its last stdout line is
    JSON."""
    result = subprocess.run(
        [sys.executable, "-c", PRELUDE + textwrap.dedent(code)],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    return {"result": json.loads(result.stdout.strip().splitlines()[-1]),
            "stderr": result.stderr}


@pytest.mark.build  # the whole real site, twice
def test_parallel_render_of_the_real_content_matches_a_serial_one(tmp_path: Path) -> None:
    ran = run_fresh(f"""
        from pathlib import Path
        from generator.pipeline import check
        from generator.build import SiteConfig, render_site
        content = Path({str(ROOT / "content")!r})
        graph, report = check(content)
        def render(jobs):
            config = SiteConfig(content_dir=content, project_root=Path.cwd(), handouts=False,
                                jobs=jobs)
            return {{p: o.data.hex() for p, o in render_site(graph, config).files.items()}}
        serial = render(1)
        forks_before = len(FORKS)
        forked = render(2)
        print(json.dumps({{"serial": serial, "forked": forked,
                          "forks": len(FORKS) - forks_before}}))
    """, tmp_path)["result"]
    assert ran["forks"] == 1  # the second render really used a worker
    assert list(ran["forked"]) == list(ran["serial"])  # same files in the same order
    assert ran["forked"] == ran["serial"]  # byte for byte
    assert "index.md" in ran["serial"] and len(ran["serial"]) > 100


def test_outputs_come_back_in_task_order_from_every_worker(tmp_path: Path) -> None:
    ran = run_fresh("""
        def where(index):
            return lambda: [Output(f"{index}.md", str(os.getpid()))]
        outputs = parallel.run_tasks([where(i) for i in range(30)], jobs=3)
        print(json.dumps({"paths": [o.path for o in outputs], "forks": len(FORKS)}))
    """, tmp_path)["result"]
    assert ran == {"paths": [f"{i}.md" for i in range(30)], "forks": 2}


def test_runs_cover_every_task_once_the_last_tasks_first() -> None:
    size = -(-1000 // (2 * parallel.RUNS_PER_PROCESS))
    read_fd = parallel._runs(1000, 2)
    try:
        runs = []
        while record := os.read(read_fd, parallel._RUN.size):
            runs.append(parallel._RUN.unpack(record))
    finally:
        os.close(read_fd)
    indices = [i for first, length in runs for i in range(first, first + length)]
    assert sorted(indices) == list(range(1000))  # every task, once
    assert runs[0] == (1000 - size, size)  # the last tasks first
    assert [first for first, _ in runs] == sorted((first for first, _ in runs), reverse=True)
    assert max(length for _, length in runs) == size


def test_runs_fit_in_the_pipe_however_many_processes() -> None:
    read_fd = parallel._runs(100_000, 1_000)  # e.g. --jobs 1000 on a huge site
    try:
        records = b""
        while chunk := os.read(read_fd, 65536):
            records += chunk
    finally:
        os.close(read_fd)
    runs = [parallel._RUN.unpack_from(records, at)
            for at in range(0, len(records), parallel._RUN.size)]
    assert len(runs) <= parallel.MAX_RUNS
    assert sorted(i for first, length in runs for i in range(first, first + length)) == list(
        range(100_000))


def test_a_task_failing_in_a_worker_raises_here(tmp_path: Path) -> None:
    ran = run_fresh("""
        def broken():
            raise ValueError(f"rikki prosessissa {'työ' if os.getpid() != PARENT else 'pää'}")
        tasks = [synced(0), in_worker(broken), synced(2), synced(3)]
        try:
            parallel.run_tasks(tasks, jobs=2)
        except ValueError as error:
            print(json.dumps({"raised": str(error), "forks": len(FORKS)}))
    """, tmp_path)["result"]
    assert ran == {"raised": "rikki prosessissa työ", "forks": 1}


def test_an_exception_that_cannot_be_pickled_still_arrives_as_text(tmp_path: Path) -> None:
    ran = run_fresh("""
        class Odd(Exception):
            def __init__(self):
                super().__init__("outo virhe")
                self.callback = lambda: None  # lambdas cannot be pickled
        def broken():
            raise Odd()
        try:
            parallel.run_tasks([synced(0), in_worker(broken), synced(2)], jobs=2)
        except RuntimeError as error:
            print(json.dumps({"raised": str(error)}))
    """, tmp_path)["result"]
    assert ran == {"raised": "Odd: outo virhe"}


def test_a_worker_that_dies_costs_only_time(tmp_path: Path) -> None:
    ran = run_fresh("""
        def dies_in_worker():
            if os.getpid() != PARENT:
                os._exit(3)  # as if killed: no answer at all
            return [Output("1.md", "tehty pääprosessissa")]
        tasks = [synced(0), in_worker(dies_in_worker), synced(2), synced(3)]
        outputs = parallel.run_tasks(tasks, jobs=2)
        print(json.dumps({"outputs": [[o.path, o.text] for o in outputs]}))
    """, tmp_path)
    assert ran["result"]["outputs"] == [
        ["0.md", "sivu 0"], ["1.md", "tehty pääprosessissa"], ["2.md", "sivu 2"],
        ["3.md", "sivu 3"]]
    assert "päättyi vastaamatta" in ran["stderr"]


def test_when_no_process_can_be_started_the_work_is_done_here(tmp_path: Path) -> None:
    ran = run_fresh("""
        def no_fork():
            raise OSError(11, "Resource temporarily unavailable")
        os.fork = no_fork
        outputs = parallel.run_tasks([task(i) for i in range(4)], jobs=2)
        print(json.dumps({"paths": [o.path for o in outputs]}))
    """, tmp_path)
    assert ran["result"]["paths"] == ["0.md", "1.md", "2.md", "3.md"]
    assert "ei voitu käynnistää" in ran["stderr"]


def test_what_a_worker_adds_to_the_diagram_cache_is_kept(tmp_path: Path) -> None:
    ran = run_fresh("""
        from pathlib import Path
        from generator.diagrams.session import current_session, diagram_session
        def derives():
            text = current_session().derive("k" * 64, lambda: f"johdettu {os.getpid()}")
            return [Output("1.md", text)]
        with diagram_session(Path("cache")) as session:
            outputs = parallel.run_tasks([synced(0), in_worker(derives), synced(2)], jobs=2)
            known = dict(session.derived)
        files = sorted(p.name for p in Path("cache").iterdir())
        print(json.dumps({"derived": known, "files": files, "text": outputs[1].text,
                          "parent": PARENT}))
    """, tmp_path)["result"]
    assert ran["text"].startswith("johdettu ") and ran["text"] != f"johdettu {ran['parent']}"
    assert ran["derived"] == {"k" * 64: ran["text"]}
    # The session's prune at the end kept the file the worker wrote.
    assert ran["files"] == ["k" * 64 + ".json"]


def test_no_fork_with_other_threads_one_job_or_few_tasks() -> None:
    assert parallel.workers_for(10_000, jobs=1) == 1
    assert parallel.workers_for(parallel.MIN_TASKS_PER_WORKER - 1, jobs=4) == 1
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert parallel.workers_for(10_000, jobs=4) == 1
    finally:
        stop.set()
        thread.join()
