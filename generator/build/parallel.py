"""Render tasks shared between this process and forked copies of it, one per CPU.

Pages are independent of each other once the graph is resolved, and the render stage is
CPU-bound Python, so threads would not help. A forked child already holds the graph, the
compiled templates and the diagrams read from the cache, so it starts in milliseconds
(a fresh interpreter would need a second or more for its imports); it sends back only its
outputs, pickled through a pipe. Sphinx's parallel build works the same way.

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

log = logging.getLogger(__name__)


@dataclass
class _Worker:
    pid: int
    read_fd: int
    indices: list[int]
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
    """Every task's outputs, in task order, rendered by :func:`workers_for` processes."""
    count = workers_for(len(tasks), jobs)
    if count <= 1:
        return [output for task in tasks for output in task()]
    shares = [list(range(first, len(tasks), count)) for first in range(count)]
    results: list[list[Output] | None] = [None] * len(tasks)
    session = current_session()
    # Buffered output would otherwise be written once by each process.
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    workers: list[_Worker] = []
    here = list(shares[0])
    try:
        for indices in shares[1:]:
            try:
                workers.append(_fork(tasks, indices, session))
            except OSError as error:  # no process to be had (limits, memory): do it here
                log.warning("Renderöintiprosessia ei voitu käynnistää (%s); sivut tehdään "
                            "tässä prosessissa.", error)
                here += indices
        for index in here:
            results[index] = tasks[index]()
        for worker in workers:
            answer = _receive(worker)
            if answer is None:
                log.warning("Renderöintiprosessi %d päättyi vastaamatta; sen %d sivua "
                            "tehdään uudelleen tässä prosessissa.", worker.pid,
                            len(worker.indices))
                for index in worker.indices:
                    results[index] = tasks[index]()
                continue
            status, payload = answer
            if status == "error":
                raise payload
            outputs, learned = payload
            for index, task_outputs in zip(worker.indices, outputs, strict=True):
                results[index] = task_outputs
            if session is not None:
                session.merge(learned)
    finally:
        for worker in workers:
            _reap(worker)
    return [output for task_outputs in results if task_outputs is not None
            for output in task_outputs]


def _fork(tasks: Sequence[Task], indices: list[int],
          session: DiagramSession | None) -> _Worker:
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
            _answer(write_fd, tasks, indices, session)
            code = 0
        finally:
            os._exit(code)
    os.close(write_fd)
    return _Worker(pid, read_fd, indices)


def _answer(write_fd: int, tasks: Sequence[Task], indices: list[int],
            session: DiagramSession | None) -> None:
    """In the child: run the tasks and send ``("ok", (outputs, learned))`` or
    ``("error", exception)``."""
    known = session.known() if session is not None else ((), ())
    message: tuple[str, Any]
    try:
        outputs = [tasks[index]() for index in indices]
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
