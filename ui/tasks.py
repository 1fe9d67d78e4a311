"""Background work with callbacks on the UI thread. Tests swap in InlineTaskRunner."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class TaskRunner(Protocol):
    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None: ...


class InlineTaskRunner:
    """Runs the work at once on the calling thread (tests, tiny jobs)."""

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        try:
            result = work()
        except Exception as error:
            on_error(error)
            return
        on_done(result)


class _Relay(QObject):
    """Lives on the UI thread; its signals carry results back there (queued connections)."""

    done = Signal(object, object)
    failed = Signal(object, object)

    def __init__(self) -> None:
        super().__init__()
        self.done.connect(lambda callback, value: callback(value))
        self.failed.connect(lambda callback, error: callback(error))


class _Job(QRunnable):
    def __init__(
        self,
        relay: _Relay,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        super().__init__()
        self._relay, self._work, self._on_done, self._on_error = relay, work, on_done, on_error

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:
            self._relay.failed.emit(self._on_error, error)
            return
        self._relay.done.emit(self._on_done, result)


class ThreadTaskRunner:
    """Runs work on Qt's thread pool. Work must not touch widgets; callbacks may."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay()

    def submit(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self._pool.start(_Job(self._relay, work, on_done, on_error))

    def wait(self) -> None:
        self._pool.waitForDone()
