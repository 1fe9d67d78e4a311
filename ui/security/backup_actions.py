"""Backups: daily while the app is open (checked every hour, made off the UI thread), one at
closing, and Beheer › Back-up terugzetten for coordinators."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

from ui.feedback import show_error
from ui.tasks import TaskRunner
from wijkteam.errors import WijkteamError
from wijkteam.wiring import Services
from wijkteam.wiring.restore import restore_backup as restore_backup_file

HOURLY_MS = 60 * 60 * 1000


class BackupScheduler(QObject):
    def __init__(self, services: Services, runner: TaskRunner, parent: QObject) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
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

    def _failed(self, _error: BaseException) -> None:
        self.running = False  # tried again within the hour; nothing personal to report

    def at_closing(self) -> None:
        self.timer.stop()
        # Closing goes on if it fails; the next start makes the daily backup.
        with suppress(WijkteamError, OSError):
            self._services.backups.make()


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
