"""Syncing with the team server in the background, on the window's one task runner: every few
minutes while connected, when the window comes back to the front, and on F9. Typing never
waits for it. Offline is quiet (the status bar says so); a revoked laptop is told once and
keeps working on its own; after a round that brought something in, the pages refresh."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from ui.messages import error_text
from ui.tasks import TaskRunner
from ui.team.texts import OFFLINE_NOTE, conflicts_text, result_text, status_line, today_here
from wijkteam.common.cancel import CancelToken
from wijkteam.errors import WijkteamError
from wijkteam.teamsync.errors import DeviceRevoked, ServerUnreachable

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from wijkteam.wiring import Services

log = logging.getLogger(__name__)
INTERVAL_MS = 3 * 60_000  # a round every few minutes while connected
FOCUS_PAUSE_S = 30.0  # coming back to the window syncs, but not more often than this


class TeamSync(QObject):
    """A child of the main window: its timer and status bar widgets live as long as it."""

    def __init__(
        self,
        window: MainWindow,
        services: Services,
        runner: TaskRunner,
        open_conflicts: Callable[[], None],
        interval_ms: int = INTERVAL_MS,
    ) -> None:
        super().__init__(window)
        self.window, self.services, self.runner = window, services, runner
        self.task_token: CancelToken | None = None  # set while a round runs
        self.offline = False
        self.failed = False
        self.revoked_told = False
        self.rounds = 0  # rounds started, for the status and for tests
        self.stopped = False  # the window closed: no new round, the store may be closed
        self._last_attempt = 0.0
        self.label = QLabel()
        self.label.setObjectName("teamSyncStatus")
        self.conflicts_button = QPushButton()
        self.conflicts_button.setObjectName("teamConflicts")
        self.conflicts_button.setFlat(True)
        self.conflicts_button.setStyleSheet("color: #b00020; text-decoration: underline;")
        self.conflicts_button.setToolTip("Kies per conflict welke versie blijft")
        self.conflicts_button.clicked.connect(lambda _checked=False: open_conflicts())
        self.conflicts_button.hide()
        bar = window.statusBar()
        bar.addPermanentWidget(self.label)
        bar.addPermanentWidget(self.conflicts_button)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.in_background)
        window.installEventFilter(self)
        self.status_changed()

    # --- state ----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.task_token is not None

    def status(self) -> Any:
        return self.services.team.status()

    def status_changed(self) -> None:
        """The status bar again, and the timer on or off (after connect, revoke, settle)."""
        if self.stopped:
            return
        try:
            status = self.status()
        except WijkteamError as error:
            log.warning("Team status unavailable (%s)", type(error).__name__)
            return
        today = today_here(self.services.store.clock)
        self.label.setText(status_line(status, today, offline=self.offline, failed=self.failed))
        self.label.setVisible(status.connected)
        self.conflicts_button.setText(conflicts_text(status.conflicts))
        self.conflicts_button.setVisible(status.conflicts > 0)
        active = status.connected and not status.revoked
        if active and not self.timer.isActive():
            self.timer.start()
        elif not active:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        activated = watched is self.window and event.type() == QEvent.Type.WindowActivate
        if activated and time.monotonic() - self._last_attempt >= FOCUS_PAUSE_S:
            QTimer.singleShot(0, self.in_background)
        return False

    # --- rounds ---------------------------------------------------------------------------
    def in_background(self) -> None:
        if self.stopped or self.runner.closing or self.running:
            return
        status = self.status()
        if status.connected and not status.revoked:
            self._start(manual=False)

    def now(self) -> None:
        """F9 and the button: one round now, with a word in the status bar when it is done."""
        if self.stopped:
            return
        if self.running:
            self.window.notify("De synchronisatie loopt al.")
            return
        status = self.status()
        if not status.connected:
            self.window.notify(
                "Deze laptop is nog niet verbonden met een teamserver (Team › Teamserver…)."
            )
            return
        if status.revoked:
            self._tell_revoked()
            return
        self.window.notify("Synchroniseren met het team…")
        self._start(manual=True)

    def _start(self, *, manual: bool) -> None:
        self._last_attempt = time.monotonic()
        self.rounds += 1
        token = CancelToken()
        self.task_token = token
        team = self.services.team
        self.runner.submit(
            lambda: team.sync(token),
            lambda result: self._done(result, manual),
            lambda error: self._failed(error, manual),
            token=token,
            on_cancelled=self._stopped,
        )

    def _stopped(self) -> None:
        self.task_token = None
        self.status_changed()

    def _done(self, result: Any, manual: bool) -> None:
        self.task_token = None
        if self.stopped:  # the window is closing: nothing to show any more
            return
        self.offline = self.failed = False
        if result.pulled:
            self.window.after_team_sync()
        if manual or result.conflicts:
            self.window.notify(result_text(result))
        self.status_changed()

    def _failed(self, error: BaseException, manual: bool) -> None:
        self.task_token = None
        if self.stopped:
            return
        if isinstance(error, ServerUnreachable):
            self.offline = True  # quiet: the status bar says so, work goes on
            if manual:
                self.window.notify(OFFLINE_NOTE)
        elif isinstance(error, DeviceRevoked):
            self._tell_revoked()
        else:
            self.failed = True
            text = error_text(error) if isinstance(error, WijkteamError) else str(error)
            self.label.setToolTip(text)
            if manual:
                QMessageBox.warning(self.window, "Synchroniseren", text)
        self.status_changed()

    def _tell_revoked(self) -> None:
        self.timer.stop()
        if self.revoked_told:
            return
        self.revoked_told = True
        QMessageBox.warning(self.window, "Uit het team gehaald", error_text(DeviceRevoked()))

    def stop(self) -> None:
        self.stopped = True
        self.timer.stop()
        if self.task_token is not None:
            self.task_token.cancel()
