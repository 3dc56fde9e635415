"""Render tasks shared between this process and forked copies of it, one per CPU.

Pages are independent of each other once the graph is resolved, and the render stage is
CPU-bound Python, so threads would not help. A forked child already holds the graph, the
compiled templates and the diagrams read from the cache, so it starts in milliseconds
(a fresh interpreter would need a second or more for its imports); it sends back only its
outputs, pickled through a pipe. Sphinx's parallel build works the same way.

Tasks are handed out as the processes ask for them, a small run at a time, from the end of
the list: a few tasks cost as much as hundreds of pages (the open-data export, the
calendar, the site-wide relations page), so the driver lists them last and they start
first, and whichever process is free takes the next run. (Dealt out in turns, one process
got the big ones and the other waited for it: ~20 % of the stage at 1,000 entities.) The
runs are fixed-size records written to a pipe before forking; on Linux each read of one
record from a pipe is whole, so no two processes get the same run.

Forking is used only where it is safe and pays off: on Linux, in a process with no other
threads (``mkdocs serve`` runs a web server thread, so it renders serially), with at least
two CPUs and enough tasks. Outputs come back in task order, so the site is byte-identical
to a serial render. A task's exception is raised here as if it had run here; a worker that
dies without an answer (killed, out of memory) costs only time: its tasks run here again.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import signal
import struct
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..diagrams.session import DiagramSession, current_session, default_workers
from ..site.output import Output

Task = Callable[[], list[Output]]

#: Below this many tasks per process, a fork costs more than it saves.
MIN_TASKS_PER_WORKER = 40
#: Runs handed out per process (the last run of a process is at most this small a part
#: of its work, so the processes finish within a run of each other).
RUNS_PER_PROCESS = 32
_RUN = struct.Struct("<II")  # first task, number of tasks
MAX_RUNS = 4096  # 32 KiB of records: within what a Linux pipe holds (64 KiB) unread

log = logging.getLogger(__name__)


@dataclass
class _Worker:
    pid: int
    read_fd: int
    reaped: bool = False


def workers_for(task_count: int, jobs: int | None = None) -> int:
    """How many processes (this one included) render ``task_count`` tasks. ``jobs``: at
    most this many (``None``: one per available CPU)."""
    wanted = default_workers() if jobs is None else max(1, jobs)
    if (sys.platform != "linux" or not hasattr(os, "fork")
            or threading.active_count() > 1):
        return 1
    return max(1, min(wanted, task_count // MIN_TASKS_PER_WORKER))


def run_tasks(tasks: Sequence[Task], jobs: int | None = None) -> list[Output]:
    """Every task's outputs, in task order, rendered by :func:`workers_for` processes;
    the last tasks are started first (list the big ones last)."""
    count = workers_for(len(tasks), jobs)
    if count <= 1:
        return [output for task in tasks for output in task()]
    results: dict[int, list[Output]] = {}
    session = current_session()
    # Buffered output would otherwise be written once by each process.
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    runs_fd = _runs(len(tasks), count)
    workers: list[_Worker] = []
    try:
        for _ in range(count - 1):
            try:
                workers.append(_fork(tasks, runs_fd, session))
            except OSError as error:  # no process to be had (limits, memory): do it here
                log.warning("Renderöintiprosessia ei voitu käynnistää (%s); sivut tehdään "
                            "tässä prosessissa.", error)
                break
        results.update(_work(tasks, runs_fd))
        for worker in workers:
            answer = _receive(worker)
            if answer is None:
                log.warning("Renderöintiprosessi %d päättyi vastaamatta; sen sivut tehdään "
                            "uudelleen tässä prosessissa.", worker.pid)
                continue
            status, payload = answer
            if status == "error":
                raise payload
            outputs, learned = payload
            results.update(outputs)
            if session is not None:
                session.merge(learned)
        for index in range(len(tasks)):  # a dead worker's tasks
            if index not in results:
                results[index] = tasks[index]()
    finally:
        os.close(runs_fd)
        for worker in workers:
            _reap(worker)
    return [output for index in range(len(tasks)) for output in results[index]]


def _runs(task_count: int, processes: int) -> int:
    """A pipe holding every run of tasks, last tasks first; its reading end."""
    # Runs big enough that every record fits in the pipe before anyone reads it.
    size = max(1, -(-task_count // (processes * RUNS_PER_PROCESS)),
               -(-task_count // MAX_RUNS))
    records = b"".join(_RUN.pack(max(0, end - size), min(size, end))
                       for end in range(task_count, 0, -size))
    read_fd, write_fd = os.pipe()
    try:
        os.write(write_fd, records)
    except BaseException:
        os.close(read_fd)
        raise
    finally:
        os.close(write_fd)
    return read_fd


def _work(tasks: Sequence[Task], runs_fd: int) -> dict[int, list[Output]]:
    """Run the runs this process gets until none are left."""
    done: dict[int, list[Output]] = {}
    while record := os.read(runs_fd, _RUN.size):
        first, length = _RUN.unpack(record)
        for index in range(first, first + length):
            done[index] = tasks[index]()
    return done


def _fork(tasks: Sequence[Task], runs_fd: int, session: DiagramSession | None) -> _Worker:
    read_fd, write_fd = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        raise
    if pid == 0:  # the child: never returns, never runs the parent's cleanup code
        code = 1
        try:
            os.close(read_fd)
            _answer(write_fd, tasks, runs_fd, session)
            code = 0
        finally:
            os._exit(code)
    os.close(write_fd)
    return _Worker(pid, read_fd)


def _answer(write_fd: int, tasks: Sequence[Task], runs_fd: int,
            session: DiagramSession | None) -> None:
    """In the child: run the runs it gets and send ``("ok", ({index: outputs}, learned))``
    (contents as bytes: :meth:`Output.encoded`) or ``("error", exception)``."""
    known = session.known() if session is not None else ((), ())
    message: tuple[str, Any]
    try:
        outputs = {index: [output.encoded() for output in task_outputs]
                   for index, task_outputs in _work(tasks, runs_fd).items()}
        learned = session.learned_since(known) if session is not None else None
        message = ("ok", (outputs, learned))
    except BaseException as error:  # every failure, even KeyboardInterrupt, goes back
        message = ("error", error)
    try:
        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an exception that cannot be pickled: send its text
        failure = message[1]
        data = pickle.dumps(("error", RuntimeError(f"{type(failure).__name__}: {failure}")))
    with os.fdopen(write_fd, "wb") as pipe:
        pipe.write(data)


def _receive(worker: _Worker) -> tuple[str, Any] | None:
    """The worker's answer, or ``None`` if it died before giving a whole one."""
    with os.fdopen(worker.read_fd, "rb") as pipe:
        worker.read_fd = -1
        data = pipe.read()
    _, status = os.waitpid(worker.pid, 0)
    worker.reaped = True
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
        return None
    try:
        answer: tuple[str, Any] = pickle.loads(data)
    except Exception:  # a truncated answer
        return None
    return answer


def _reap(worker: _Worker) -> None:
    if worker.read_fd >= 0:
        os.close(worker.read_fd)
        worker.read_fd = -1
    if not worker.reaped:
        with contextlib.suppress(ProcessLookupError):
            os.kill(worker.pid, signal.SIGKILL)
        os.waitpid(worker.pid, 0)
        worker.reaped = True
