"""Backups: daily while the app is open (checked every hour, made off the UI thread), one at
closing, and Beheer › Back-up terugzetten for coordinators."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

from ui.feedback import show_error
from ui.messages import error_text
from ui.tasks import TaskRunner
from wijkteam.errors import WijkteamError
from wijkteam.logs import report_unexpected
from wijkteam.wiring import Services
from wijkteam.wiring.restore import restore_backup as restore_backup_file

HOURLY_MS = 60 * 60 * 1000
log = logging.getLogger(__name__)


class BackupHost(Protocol):
    """What the scheduler needs of the window."""

    def notify(self, text: str) -> None: ...

    def backups_changed(self) -> None: ...


class BackupScheduler(QObject):
    """Daily back-ups while the app is open. A failure is logged (a code or a reference,
    nothing personal), said in the status bar and kept for Beheer, never dropped."""

    def __init__(self, services: Services, runner: TaskRunner, window: BackupHost) -> None:
        super().__init__(window)
        self._services = services
        self._runner = runner
        self._window = window
        self.running = False
        self.timer = QTimer(self)
        self.timer.setInterval(HOURLY_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        if self.running or not self._services.backups.is_due():
            return
        self.running = True
        self._runner.submit(self._services.backups.make, self._done, self._failed)

    def _done(self, _path: object) -> None:
        self.running = False
        self._window.backups_changed()

    def _failed(self, error: BaseException) -> None:
        """The service logged it (and the runner, for an unexpected one, with a reference)."""
        self.running = False  # tried again within the hour
        text = error_text(error) if isinstance(error, WijkteamError) else ""
        self._window.notify(
            f"De back-up is niet gelukt; Wijkteam probeert het binnen een uur opnieuw. {text}"
        )
        self._window.backups_changed()

    def at_closing(self) -> None:
        """Closing goes on if it fails (the failure is logged and kept for Beheer); the next
        start makes the daily backup."""
        self.timer.stop()
        try:
            self._services.backups.make()
        except WijkteamError:
            pass  # the service logged it and kept it for Beheer
        except Exception as error:  # closing goes on; logged with a reference, not dropped
            report_unexpected(error, "the back-up at closing")


def restore_backup(parent: QWidget, services: Services, before_restore: Callable[[], None]) -> bool:
    """Choose a backup, confirm, restore (the current store is kept aside) and quit."""
    backups = services.backups.list()
    if not backups:
        QMessageBox.information(parent, "Wijkteam", "Er zijn nog geen back-ups.")
        return False
    labels = [f"{b.made_at:%d-%m-%Y %H:%M} (UTC)" for b in backups]
    choice, ok = QInputDialog.getItem(parent, "Back-up terugzetten", "Back-up:", labels, 0, False)
    if not ok:
        return False
    backup = backups[labels.index(choice)]
    answer = QMessageBox.warning(
        parent,
        "Back-up terugzetten",
        "Wijkteam zet de gekozen back-up terug en sluit daarna af. Wat sinds die back-up is "
        "ingevoerd, staat dan niet meer in Wijkteam; de huidige gegevens worden apart "
        "bewaard in de map 'vervangen'. Doorgaan?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    return restore_now(services, backup.path, before_restore)


def restore_now(services: Services, backup: Path, before_restore: Callable[[], None]) -> bool:
    try:
        restore_backup_file(services, backup, before_restore)
    except WijkteamError as error:
        show_error(None, error)
        return False
    QMessageBox.information(
        None, "Wijkteam", "De back-up is teruggezet. Wijkteam sluit nu; start het opnieuw."
    )
    app = QApplication.instance()
    if app is not None:
        app.quit()
    return True
