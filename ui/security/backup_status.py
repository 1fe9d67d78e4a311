"""Beheer › Back-ups…: when the last good back-up was made and where back-ups go, a warning
when it is older than two days or the last attempt failed, and a back-up made now. The same
warning sits in the coordinator's status bar until it is resolved."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.formatting import short_datetime
from ui.messages import error_text
from ui.tasks import TaskRunner
from ui.widgets.fields import heading
from wijkteam.errors import WijkteamError
from wijkteam.services.backups import BackupStatus, BackupWarning
from wijkteam.wiring import Services

WARNING = {
    BackupWarning.NEVER: "Er is nog geen back-up gemaakt.",
    BackupWarning.STALE: "De laatste back-up is ouder dan twee dagen.",
    BackupWarning.FAILED: "De laatste back-up is mislukt.",
}
ADVICE = {
    BackupWarning.NEVER: "Maak er nu een.",
    BackupWarning.STALE: "Wijkteam maakt er een zolang het open staat; maak er nu een.",
    BackupWarning.FAILED: "Kijk of de map bestaat, of u er mag schrijven en of er ruimte is, "
    "en probeer het nu opnieuw.",
}


def local(moment: datetime | None) -> str:
    if moment is None:
        return "nog nooit"
    return short_datetime(moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None))


def warning_line(status: BackupStatus) -> str:
    """For the status bar: empty when all is well."""
    return "" if status.warning is None else f"⚠ {WARNING[status.warning]} (Beheer › Back-ups)"


class BackupStatusDialog(QDialog):
    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self.made_now = False
        self.setWindowTitle("Back-ups")
        self.setMinimumWidth(520)
        self.last_made = QLabel()
        self.last_made.setObjectName("lastBackup")
        self.folder = QLabel()
        self.folder.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("backupWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020; font-weight: bold;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.make_button = QPushButton("&Nu een back-up maken")
        self.make_button.clicked.connect(self.make_now)
        form = QFormLayout()
        form.addRow("Laatste geslaagde back-up:", self.last_made)
        form.addRow("Map:", self.folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.make_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Back-ups", 2))
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.show_status()

    def show_status(self) -> None:
        status = self._services.backups.status()
        self.last_made.setText(local(status.last_made_at))
        self.folder.setText(str(status.folder))
        if status.warning is None:
            self.warning.clear()
            self.warning.hide()
        else:
            self.warning.setText(f"{WARNING[status.warning]} {ADVICE[status.warning]}")
            self.warning.show()

    def make_now(self) -> None:
        self.make_button.setEnabled(False)
        self.status.setText("Bezig met de back-up…")
        self._runner.submit(self._services.backups.make, self._made, self._failed)

    def _made(self, _path: object) -> None:
        self.made_now = True
        self.make_button.setEnabled(True)
        self.status.setText("De back-up is gemaakt.")
        self.show_status()

    def _failed(self, error: BaseException) -> None:
        self.make_button.setEnabled(True)
        text = error_text(error) if isinstance(error, WijkteamError) else ""
        self.status.setText(f"De back-up is niet gelukt. {text}".strip())
        self.show_status()
