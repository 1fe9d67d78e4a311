"""Background work with callbacks on the UI thread: one runner, made at start-up (ui/app.py)
and passed to every flow. Tests pass InlineTaskRunner through the same constructor arguments.

`submit` returns a Task whose cancel() sets its CancelToken: work that takes the token
(`runner.submit(lambda: service.export(..., cancel=token), ..., token=token)`) stops at its
next safe point; any other work finishes, and its result is dropped. An error that is not a
WijkteamError is logged (wijkteam/logs.py, no personal data) and reaches `on_error` as
Unexpected(reference), so every flow shows the same Dutch message with that reference.
The window's closing asks `when_idle` first, so the store never closes under running work.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from wijkteam.common.cancel import CancelToken
from wijkteam.errors import Cancelled, Unexpected, WijkteamError
from wijkteam.faults import damage_of
from wijkteam.logs import report_unexpected

log = logging.getLogger(__name__)
OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class Task:
    """A handle on submitted work."""

    def __init__(self, token: CancelToken) -> None:
        self.token = token
        self.finished = False

    def cancel(self) -> None:
        self.token.cancel()

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled


class TaskRunner(Protocol):
    def submit(
        self,
        work: Callable[[], Any],
        on_done: OnDone,
        on_error: OnError,
        *,
        token: CancelToken | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> Task: ...

    @property
    def busy(self) -> bool: ...

    # Set when the member closes the window: flows then finish their work but open nothing
    # new (a review dialog after a file was read, say).
    closing: bool

    def cancel_all(self) -> None: ...

    def when_idle(self, callback: Callable[[], None]) -> None: ...

    def wait(self) -> None: ...


def _as_reported(error: BaseException) -> BaseException:
    """Our own errors as they are; anything else logged, and replaced by its reference."""
    if isinstance(error, WijkteamError):
        return error
    damage = damage_of(error)  # a damaged store, a full or read-only disk: said in Dutch
    if damage is not None:
        log.warning("Background work stopped: %s", damage.code)
        return damage
    return Unexpected(report_unexpected(error, "background work"))


class _Outcome:
    """What came back from one task, and how to hand it to its callbacks."""

    def __init__(
        self,
        task: Task,
        on_done: OnDone,
        on_error: OnError,
        on_cancelled: Callable[[], None] | None,
    ) -> None:
        self.task = task
        self._on_done, self._on_error, self._on_cancelled = on_done, on_error, on_cancelled
        self.value: Any = None
        self.error: BaseException | None = None

    def run(self, work: Callable[[], Any]) -> None:
        """On the worker (or, inline, the calling) thread."""
        if self.task.cancelled:
            self.error = Cancelled()
            return
        try:
            self.value = work()
        except Exception as error:  # every failure is delivered, none is dropped
            self.error = _as_reported(error)

    def deliver(self, closing: bool = False) -> None:
        """On the UI thread. While the window closes, stopped work is not reported: the
        member asked for it and is leaving."""
        self.task.finished = True
        if isinstance(self.error, Cancelled) or (self.error is None and self.task.cancelled):
            if self._on_cancelled is not None:
                self._on_cancelled()
            elif not closing:
                self._on_error(Cancelled())
        elif self.error is not None:
            self._on_error(self.error)
        else:
            self._on_done(self.value)


class InlineTaskRunner:
    """Runs the work at once on the calling thread (tests, tiny jobs): the same outcomes as
    the threaded runner, in the same order, just without waiting."""

    busy = False
    closing = False

    def submit(
        self,
        work: Callable[[], Any],
        on_done: OnDone,
        on_error: OnError,
        *,
        token: CancelToken | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> Task:
        outcome = _Outcome(Task(token or CancelToken()), on_done, on_error, on_cancelled)
        outcome.run(work)
        outcome.deliver()
        return outcome.task

    def cancel_all(self) -> None:
        pass

    def when_idle(self, callback: Callable[[], None]) -> None:
        callback()

    def wait(self) -> None:
        pass


class _Relay(QObject):
    """Lives on the UI thread; its signal carries outcomes back there (queued)."""

    finished = Signal(object)


class _Job(QRunnable):
    def __init__(self, relay: _Relay, outcome: _Outcome, work: Callable[[], Any]) -> None:
        super().__init__()
        self._relay, self._outcome, self._work = relay, outcome, work

    def run(self) -> None:
        self._outcome.run(self._work)
        self._relay.finished.emit(self._outcome)


class ThreadTaskRunner:
    """Runs work on Qt's thread pool. Work must not touch widgets; callbacks may. A plain
    object (no QObject of its own to delete, from whichever thread the collector runs in);
    the relay that brings results back lives on the UI thread."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay()
        self._relay.finished.connect(self._deliver)
        self._running: list[Task] = []
        self._waiting: list[Callable[[], None]] = []
        self.closing = False

    def submit(
        self,
        work: Callable[[], Any],
        on_done: OnDone,
        on_error: OnError,
        *,
        token: CancelToken | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> Task:
        outcome = _Outcome(Task(token or CancelToken()), on_done, on_error, on_cancelled)
        self._running.append(outcome.task)
        self._pool.start(_Job(self._relay, outcome, work))
        return outcome.task

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def cancel_all(self) -> None:
        for task in self._running:
            task.cancel()

    def when_idle(self, callback: Callable[[], None]) -> None:
        """`callback` once no work is running (at once when none is)."""
        if self._running:
            self._waiting.append(callback)
        else:
            callback()

    def wait(self) -> None:
        """Blocks until every job ran and its callbacks were called (closing, tests)."""
        from PySide6.QtCore import QCoreApplication

        while self._running:
            self._pool.waitForDone(50)
            QCoreApplication.processEvents()

    def _deliver(self, outcome: _Outcome) -> None:
        self._running.remove(outcome.task)
        try:
            outcome.deliver(self.closing)
        finally:
            if not self._running:
                waiting, self._waiting = self._waiting, []
                for callback in waiting:
                    callback()
