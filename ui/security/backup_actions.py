"""Backups: daily while the app is open (checked every hour, made off the UI thread), one at
closing, and for coordinators Beheer › Back-up maken (on request, saying where it went and
its size) and Beheer › Back-up terugzetten (saying what it will and will not bring back)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QWidget

from ui.feedback import show_error
from ui.formatting import long_date
from ui.messages import error_text
from ui.security.confirm import confirm_destructive
from ui.tasks import TaskRunner
from wijkteam.errors import WijkteamError
from wijkteam.logs import report_unexpected
from wijkteam.services.backups import BackupInfo, RestorePreview
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


def make_backup_now(parent: QWidget, services: Services, runner: TaskRunner) -> None:
    """Beheer › Back-up maken: off the UI thread, then where it went and how big it is."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def done(info: object) -> None:
        QApplication.restoreOverrideCursor()
        assert isinstance(info, BackupInfo)
        show_backup_made(parent, info)

    def failed(error: BaseException) -> None:
        QApplication.restoreOverrideCursor()
        if isinstance(error, WijkteamError):
            show_error(parent, error)
        else:
            QMessageBox.warning(
                parent,
                "Back-up maken",
                "De back-up kon niet worden gemaakt. Is er genoeg ruimte op de schijf? "
                "Er is niets veranderd aan de gegevens.",
            )

    runner.submit(services.backups.make_now, done, failed)


def show_backup_made(parent: QWidget, info: BackupInfo) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "Back-up gemaakt",
        f"De back-up is gemaakt ({size_text(info.size)}).",
        parent=parent,
    )
    box.setObjectName("backupMade")
    box.setInformativeText(
        f"Bestand: {info.path.name}\nMap: {info.path.parent}\n\n"
        "De back-up is versleuteld, net als de gegevens zelf. Met het sleutelbestand "
        "keys.json in dezelfde map en een wachtwoord of de herstelcode is hij terug te "
        "zetten (Beheer › Back-up terugzetten)."
    )
    folder = box.addButton("&Map openen", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Ok)
    folder.clicked.disconnect()
    folder.clicked.connect(
        lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(info.path.parent)))
    )
    box.exec()
    return box


def size_text(size: int) -> str:
    """Bytes as a Dutch reader says them: "2,4 MB", "380 kB"."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} kB"


def _when(backup: BackupInfo) -> str:
    moment = backup.made_at.replace(tzinfo=UTC).astimezone()
    return f"{long_date(moment.date())} om {moment:%H:%M}"


def restore_question(preview: RestorePreview) -> tuple[str, str]:
    """What a restore brings back and what not (the warning before it)."""
    changed = preview.changed_since
    parts = [
        _count(changed.get("resident", 0), "inwoner", "inwoners"),
        _count(changed.get("report", 0), "melding", "meldingen"),
        _count(changed.get("contact", 0), "gesprek of contact", "gesprekken en contacten"),
    ]
    listed = ", ".join(p for p in parts if p)
    text = (
        f"<p>Terugzetten: de back-up van <b>{_when(preview.backup)}</b>.</p>"
        "<p><b>Komt terug:</b> alles zoals het op dat moment in Wijkteam stond.</p>"
    )
    if listed:
        text += (
            f"<p><b>Komt niet terug:</b> wat daarna is ingevoerd of gewijzigd ({listed}). "
            "Het blijft apart bewaard in de map 'vervangen', maar Wijkteam gebruikt het niet "
            "meer.</p>"
        )
    else:
        text += "<p>Sinds deze back-up is er niets ingevoerd of gewijzigd.</p>"
    if preview.erased_since == 1:
        text += (
            "<p><b>Blijft gewist:</b> 1 inwoner die na deze back-up is gewist. Wijkteam wist "
            "deze inwoner meteen opnieuw in de teruggezette gegevens, voordat iemand ermee "
            "werkt.</p>"
        )
    elif preview.erased_since:
        text += (
            f"<p><b>Blijft gewist:</b> {preview.erased_since} inwoners die na deze back-up zijn "
            "gewist. Wijkteam wist hen meteen opnieuw in de teruggezette gegevens, voordat "
            "iemand ermee werkt.</p>"
        )
    if preview.audit_rows_since:
        rows = _count(preview.audit_rows_since, "regel", "regels")
        text += (
            f"<p><b>Gaat mee:</b> het auditlog van na deze back-up ({rows}). Wie wat heeft "
            "bekeken of gewijzigd, blijft vastgelegd.</p>"
        )
    details = (
        "Auditlog: de regels van na de back-up komen in de teruggezette gegevens, vóór de "
        "regel van het terugzetten zelf; Keten controleren (Beheer › Auditlog) vindt de keten "
        "daarna gaaf. Wijkteam sluit na het terugzetten af; start het daarna opnieuw."
    )
    return text, details


def _count(n: int, one: str, more: str) -> str:
    if n == 0:
        return ""
    return f"1 {one}" if n == 1 else f"{n} {more}"


def restore_backup(parent: QWidget, services: Services, before_restore: Callable[[], None]) -> bool:
    """Choose a backup, see what it will and will not bring back, restore (the current
    store is kept aside, the erasure ledger re-applied) and quit."""
    backups = services.backups.list()
    if not backups:
        QMessageBox.information(parent, "Wijkteam", "Er zijn nog geen back-ups.")
        return False
    labels = [f"{_when(b)} ({size_text(b.size)})" for b in backups]
    choice, ok = QInputDialog.getItem(
        parent,
        "Back-up terugzetten",
        f"Back-ups in {backups[0].path.parent}:",
        labels,
        0,
        False,
    )
    if not ok:
        return False
    backup = backups[labels.index(choice)]
    try:
        text, details = restore_question(services.backups.preview(backup))
    except WijkteamError as error:
        show_error(parent, error)
        return False
    if not confirm_destructive(parent, "Back-up terugzetten", text, "&Ja, terugzetten", details):
        return False
    return restore_now(services, backup.path, before_restore)


def restore_now(services: Services, backup: Path, before_restore: Callable[[], None]) -> bool:
    try:
        result = restore_backup_file(services, backup, before_restore)
    except WijkteamError as error:
        show_error(None, error)
        return False
    again = ""
    if result.erased_again == 1:
        again = " De inwoner die na de back-up was gewist, is opnieuw gewist."
    elif result.erased_again:
        again = (
            f" De {result.erased_again} inwoners die na de back-up waren gewist, zijn "
            "opnieuw gewist."
        )
    QMessageBox.information(
        None,
        "Wijkteam",
        f"De back-up is teruggezet.{again} Wijkteam sluit nu; start het opnieuw.",
    )
    app = QApplication.instance()
    if app is not None:
        app.quit()
    return True
