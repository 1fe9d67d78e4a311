"""The task runner's contract, the same for the threaded runner the app makes and the inline
one tests pass in: results and errors on the UI thread, cancelling, waiting until idle."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.app import application
from ui.tasks import InlineTaskRunner, TaskRunner, ThreadTaskRunner
from wijkteam.common.cancel import CancelToken
from wijkteam.errors import Cancelled, NotFound, Unexpected


class Seen:
    def __init__(self) -> None:
        self.events: list[tuple[str, Any]] = []
        self.threads: list[bool] = []

    def __call__(self, kind: str) -> Callable[..., None]:
        def record(*value: Any) -> None:
            app = QApplication.instance()
            assert app is not None
            self.threads.append(QThread.currentThread() is app.thread())
            self.events.append((kind, value[0] if value else None))

        return record


@pytest.fixture(params=["thread", "inline"])
def runner(request: pytest.FixtureRequest, qtbot: QtBot) -> TaskRunner:
    application()
    return ThreadTaskRunner() if request.param == "thread" else InlineTaskRunner()


def _settle(qtbot: QtBot, runner: TaskRunner) -> None:
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


def test_results_and_our_errors_reach_the_ui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    seen = Seen()
    runner.submit(lambda: 42, seen("done"), seen("error"))
    runner.submit(
        lambda: (_ for _ in ()).throw(NotFound("resident", 7)), seen("done"), seen("error")
    )
    _settle(qtbot, runner)
    outcomes = dict(seen.events)  # the threaded runner may finish them in either order
    assert outcomes["done"] == 42 and isinstance(outcomes["error"], NotFound)
    assert seen.threads == [True, True]


def test_an_unexpected_error_arrives_as_a_reference(qtbot: QtBot, runner: TaskRunner) -> None:
    seen = Seen()

    def broken() -> None:
        raise KeyError("Quirijn Fictiefsma")

    runner.submit(broken, seen("done"), seen("error"))
    _settle(qtbot, runner)
    ((kind, error),) = seen.events
    assert kind == "error" and isinstance(error, Unexpected)
    assert len(error.params["reference"]) == 8
    assert "Quirijn" not in repr(error) + str(error)


def test_work_that_checks_its_token_stops_when_cancelled(qtbot: QtBot) -> None:
    application()
    runner = ThreadTaskRunner()
    seen = Seen()
    started, release = threading.Event(), threading.Event()
    token = CancelToken()

    def long_work() -> str:
        started.set()
        release.wait(10)
        token.raise_if_cancelled()
        return "klaar"

    task = runner.submit(long_work, seen("done"), seen("error"), token=token)
    assert started.wait(10) and runner.busy
    task.cancel()
    release.set()
    _settle(qtbot, runner)
    ((kind, error),) = seen.events
    assert kind == "error" and isinstance(error, Cancelled)
    assert task.finished and task.cancelled


def test_a_cancelled_result_is_dropped_and_said_as_cancelled(qtbot: QtBot) -> None:
    application()
    runner = ThreadTaskRunner()
    seen = Seen()
    release = threading.Event()
    task = runner.submit(
        lambda: release.wait(10), seen("done"), seen("error"), on_cancelled=seen("cancelled")
    )
    task.cancel()
    release.set()
    _settle(qtbot, runner)
    assert seen.events == [("cancelled", None)]


def test_when_idle_waits_for_all_running_work(qtbot: QtBot) -> None:
    application()
    runner = ThreadTaskRunner()
    seen = Seen()
    gates = [threading.Event(), threading.Event()]
    for number, gate in enumerate(gates):
        runner.submit(
            lambda gate=gate, number=number: gate.wait(10) and number, seen("done"), seen("error")
        )
    runner.when_idle(lambda: seen.events.append(("idle", None)))
    gates[0].set()
    qtbot.waitUntil(lambda: len(seen.events) == 1, timeout=10_000)
    assert seen.events == [("done", 0)] and runner.busy
    gates[1].set()
    _settle(qtbot, runner)
    assert seen.events == [("done", 0), ("done", 1), ("idle", None)]
    runner.when_idle(lambda: seen.events.append(("idle again", None)))  # idle: at once
    assert seen.events[-1] == ("idle again", None)
