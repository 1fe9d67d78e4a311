"""A slow password check (the key derivation) off the UI thread, with growing delays after
wrong attempts shown as a countdown next to the button."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractButton, QLabel

from ui.messages import error_text
from ui.tasks import TaskRunner
from ui.widgets.busy import BusyNote
from wijkteam.errors import SignInRefused, ValidationError, ValidationFailed, WijkteamError
from wijkteam.security.throttle import SignInThrottle


class PasswordGate(QObject):
    def __init__(
        self,
        button: QAbstractButton,
        status: QLabel,
        runner: TaskRunner,
        throttle: SignInThrottle | None = None,
    ) -> None:
        super().__init__(button)
        self._button = button
        self._status = status
        self._runner = runner
        self.throttle = throttle or SignInThrottle()
        self.busy = False
        self._countdown = QTimer(self)
        self._countdown.setInterval(250)
        self._countdown.timeout.connect(self._tick)

    def attempt(
        self,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_invalid: Callable[[tuple[ValidationError, ...]], None] | None = None,
        refused_text: str | None = None,
    ) -> None:
        if self.busy or self.throttle.wait_seconds() > 0:
            return
        self.busy = True
        self._button.setEnabled(False)
        note = BusyNote(self._status.text() or "Even controleren…", self._button.window())
        self._status.setText("Even controleren…")
        note.start()  # the key derivation takes a moment: a moving sign after 300 ms

        def done(result: Any) -> None:
            note.finish()
            self.busy = False
            self._button.setEnabled(True)
            self._status.setText("")
            on_success(result)

        def failed(error: BaseException) -> None:
            note.finish()
            self.busy = False
            if isinstance(error, SignInRefused):
                self.refused(refused_text or error_text(error))
                return
            self._button.setEnabled(True)
            if isinstance(error, ValidationFailed | ValidationError) and on_invalid:
                self._status.setText("")
                on_invalid(error.errors if isinstance(error, ValidationFailed) else (error,))
            elif isinstance(error, WijkteamError):
                self._status.setText(error_text(error))
            else:
                self._status.setText("Er ging iets mis. Probeer het nog eens.")

        self._runner.submit(work, done, failed)

    def refused(self, text: str) -> None:
        """A refusal found after the slow part (e.g. initials that are not the account's):
        counted and shown like a wrong password."""
        self.throttle.failed()
        self._refused_text = text
        self._tick()
        self._countdown.start()

    def _tick(self) -> None:
        wait = self.throttle.wait_seconds()
        if wait <= 0:
            self._countdown.stop()
            self._button.setEnabled(True)
            self._status.setText(self._refused_text)
            return
        self._button.setEnabled(False)
        seconds = int(wait + 0.999)
        unit = "seconde" if seconds == 1 else "seconden"
        self._status.setText(f"{self._refused_text}\nWacht nog {seconds} {unit}.")
