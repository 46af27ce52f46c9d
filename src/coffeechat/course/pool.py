"""Grading workers: a pool of processes that grade submissions in parallel.

The grading process hands students to worker processes
(:func:`coffeechat.course.worker.run_worker`) a few at a time and takes back
one :class:`~coffeechat.course.outcome.Outcome` for each, which it passes to
its ``record`` at once. A worker that stops mid-submission is replaced and
the submission handed out again, once; then it is recorded as failed.
"""

from __future__ import annotations

import collections
import multiprocessing
import queue
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coffeechat.course.outcome import Outcome
from coffeechat.course.worker import Settings, run_worker, stop_kernels_in
from coffeechat.errors import GradingError

__all__ = ["RETRIES_PER_SUBMISSION", "run_pool"]

#: How many times a submission is handed to a fresh worker after the worker
#: grading it stopped (killed, crashed) before it is recorded as failed.
RETRIES_PER_SUBMISSION = 1


def _restart_cap(jobs: int, todo: int) -> int:
    """Most workers started again in one run, whatever stops them."""
    return min(2 * jobs + 4, jobs + 2 * todo)


def _worker_stopped(student: str, tries: int) -> Outcome:
    return Outcome.failure(
        student,
        [
            f"could not be graded: its grading worker stopped {tries} times while grading it "
            "(the notebook may stop or kill the process that runs it); scored 0"
        ],
    )


def _process_context() -> Any:
    """How grading workers are started.

    On Linux, while this process has no other thread, workers are forked from
    it: they start at once with nbgrader and the grading code already
    imported (importing them takes a new process 2 to 4 s). Elsewhere, or
    with other threads about (forking those is unsafe), they are forked from
    a clean server process that imports the grading code once.
    """
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["coffeechat.course.worker"])
    return context


def _eta(start: float, done: int, total: int) -> str:
    if done == 0:
        return ""
    left = (time.perf_counter() - start) / done * (total - done)
    return f" (about {left / 60:.0f} min left)" if left >= 90 else f" (about {left:.0f} s left)"


def run_pool(
    settings: Settings,
    todo: list[str],
    jobs: int,
    record: Callable[[Outcome], None],
    progress: Callable[[str], None] | None = None,
    *,
    retries: int | None = None,
    restart_cap: int | None = None,
) -> list[str]:
    """Grade ``todo`` in ``jobs`` worker processes; return the students left unfinished.

    ``record`` is called with each submission's outcome as soon as it is
    graded. A worker that stops while grading a submission is replaced and
    the submission handed out again, ``retries`` times at most
    (:data:`RETRIES_PER_SUBMISSION`); then it is recorded as failed, with the
    reason. Past ``restart_cap`` replacements in all, grading stops and the
    students not yet graded are returned; so does Ctrl-C.
    """
    pool = _Pool(settings, todo, min(jobs, len(todo)), record, progress)
    if restart_cap is not None:
        pool.cap = restart_cap
    if retries is not None:
        pool.retries = retries
    return pool.run()


class _Pool:
    """One grading run's workers, queues and bookkeeping."""

    def __init__(
        self,
        settings: Settings,
        todo: list[str],
        count: int,
        record: Callable[[Outcome], None],
        progress: Callable[[str], None] | None,
    ) -> None:
        self.settings, self.todo, self.count = settings, todo, count
        self.record, self.say = record, progress or (lambda line: None)
        self.context = _process_context()
        # Students go to the workers through a queue without a feeder thread, a
        # few at a time (``top_up``): the grading process stays single-threaded,
        # so that a replacement worker can be forked from it safely too.
        self.tasks, self.results = self.context.SimpleQueue(), self.context.Queue()
        self.pending = collections.deque(todo)
        self.queued = 0
        self.cap = _restart_cap(count, len(todo))
        self.retries = RETRIES_PER_SUBMISSION
        self.workers: dict[int, Any] = {}
        self.folders: dict[int, Path] = {}
        self.serial = iter(range(10**9))
        self.holding: dict[int, str] = {}
        self.done: set[str] = set()
        self.tries: dict[str, int] = {}
        self.restarts = 0
        self.started = 0
        self.start = time.perf_counter()

    def launch(self) -> None:
        index = next(self.serial)
        self.folders[index] = Path(tempfile.mkdtemp(prefix="coffeechat-grading-"))
        worker = self.context.Process(
            target=run_worker,
            args=(index, self.settings, self.tasks, self.results, str(self.folders[index])),
            daemon=True,
        )
        worker.start()
        self.workers[index] = worker

    def clear_up(self, index: int) -> None:
        """A stopped worker's kernels and folder go with it, however it stopped."""
        stop_kernels_in(self.folders[index])
        shutil.rmtree(self.folders.pop(index), ignore_errors=True)

    def top_up(self) -> None:
        while self.pending and self.queued < 2 * self.count:
            self.tasks.put(self.pending.popleft())
            self.queued += 1

    def left(self) -> list[str]:
        return [s for s in self.todo if s not in self.done]

    def run(self) -> list[str]:
        for _ in range(self.count):
            self.launch()
        self.top_up()
        interrupted = False
        try:
            while len(self.done) < len(self.todo):
                try:
                    message = self.results.get(timeout=0.5)
                except queue.Empty:
                    if not self.replace_stopped():
                        break
                    continue
                self.receive(message)
        except KeyboardInterrupt:
            interrupted = True
            return self.left()
        finally:
            self.stop(interrupted)
        if len(self.done) < len(self.todo):
            self.say(
                f"grading workers stopped {self.restarts + self.count} times in all; stopping "
                "here (something keeps stopping them)"
            )
        return self.left()

    def receive(self, message: tuple[Any, ...]) -> None:
        """Act on one message of a worker (see :func:`~coffeechat.course.worker.run_worker`)."""
        kind, index = message[0], message[1]
        if kind == "start":
            self.holding[index] = message[2]
            self.queued -= 1
            self.top_up()
            self.started += 1
            self.say(
                f"grading {min(self.started, len(self.todo))}/{len(self.todo)} {message[2]}"
                "\N{HORIZONTAL ELLIPSIS}" + _eta(self.start, len(self.done), len(self.todo))
            )
        elif kind == "done":
            outcome: Outcome = message[2]
            self.holding.pop(index, None)
            self.done.add(outcome.student)
            self.record(outcome)
        elif kind == "error":
            raise GradingError(f"a grading worker could not start: {message[2]}")

    def replace_stopped(self) -> bool:
        """Replace workers that stopped, retrying what they held; False when none is left."""
        for index, worker in list(self.workers.items()):
            if worker.is_alive():
                continue
            del self.workers[index]
            self.clear_up(index)
            student = self.holding.pop(index, None)
            if student is None:
                continue
            self.tries[student] = self.tries.get(student, 0) + 1
            if self.tries[student] > self.retries:
                self.done.add(student)
                self.record(_worker_stopped(student, self.tries[student]))
            else:
                self.pending.appendleft(student)
                self.top_up()
                self.say(f"the worker grading {student} stopped; grading it again in a new worker")
        wanted = min(self.count, len(self.todo) - len(self.done))
        while len(self.workers) < wanted and self.restarts < self.cap:
            self.restarts += 1
            self.launch()
        return bool(self.workers)

    def stop(self, interrupted: bool) -> None:
        """Stop every worker (asking first, unless interrupted) and clear up after them."""
        if not interrupted:
            for _ in self.workers:
                self.tasks.put(None)
            for worker in self.workers.values():
                worker.join(timeout=2)
                if worker.is_alive():
                    worker.terminate()
        for worker in self.workers.values():
            worker.join(timeout=10)
            if worker.is_alive():
                worker.kill()
                worker.join(timeout=10)
        for index in list(self.folders):
            self.clear_up(index)
        self.results.cancel_join_thread()
