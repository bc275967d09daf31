"""Running work off the GUI thread; results, errors and progress come back through signals.

The work function never touches a widget: it gets a ``progress(done, total)`` callable that
emits a signal, and its result or exception is delivered to the callbacks on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

Progress = Callable[[int, int], None]

_running: set[Task] = set()


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from the worker are queued to it."""

    finished = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class Task(QRunnable):
    """One piece of background work; ``relay`` carries its outcome to the GUI thread."""

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.relay = _Relay()
        self._work = work

    def run(self) -> None:
        try:
            result = self._work(self.relay.progress.emit)
        except BaseException as exc:  # delivered to the GUI thread, which decides what to show
            self.relay.failed.emit(exc)
        else:
            self.relay.finished.emit(result)


def run_task(
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    pool: QThreadPool | None = None,
) -> Task:
    """Start ``work`` on the shared thread pool. Callbacks should be methods of a QObject, so
    that a result arriving after that object is gone is dropped instead of crashing."""
    task = Task(work)
    _running.add(task)
    task.relay.finished.connect(on_done)
    if on_error is not None:
        task.relay.failed.connect(on_error)
    if on_progress is not None:
        task.relay.progress.connect(on_progress)
    task.relay.finished.connect(lambda _result: _running.discard(task))
    task.relay.failed.connect(lambda _exc: _running.discard(task))
    (pool or QThreadPool.globalInstance()).start(task)
    return task


_pools: dict[str, QThreadPool] = {}


def own_pool(name: str, threads: int) -> QThreadPool:
    """The pool called ``name`` (made on first use), for work that must not queue behind the
    shared pool's long jobs (the list's rows while counts on a million rows run);
    ``wait_for_tasks`` waits for it."""
    pool = _pools.get(name)
    if pool is None:
        pool = QThreadPool(QCoreApplication.instance())
        pool.setMaxThreadCount(threads)
        _pools[name] = pool
    return pool


def wait_for_tasks() -> None:
    """Block until every background task has finished (before closing the database)."""
    QThreadPool.globalInstance().waitForDone()
    for pool in _pools.values():
        pool.waitForDone()
