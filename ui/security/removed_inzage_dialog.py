"""Beheer › Inzage voor een inwoner die niet meer op deze laptop staat: when all of a
resident's meldingen closed and left the laptop (bewaartermijn), the team server still holds
them for a while. The coordinator finds the resident by surname and birth date and makes the
inzage from the server's copy (services/privacy.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.feedback import show_error
from ui.messages import field_errors
from ui.security.privacy_actions import warn_incomplete
from ui.tasks import TaskRunner
from ui.widgets.fields import FieldSet, muted
from wijkteam.errors import WijkteamError
from wijkteam.services.privacy import InzageFiles
from wijkteam.services.privacy_remote import RemovedResident, RemovedSearch
from wijkteam.services.privacy_words import dutch_date
from wijkteam.wiring import Services

INTRO = (
    "Zoek hier een inwoner van wie alle meldingen zijn afgesloten en niet meer op deze laptop "
    "staan. De teamserver van het team bewaart ze versleuteld tot de bewaartermijn voorbij "
    "is; alleen de laptops van het team kunnen ze lezen."
)
UNREACHABLE = (
    "De teamserver was niet bereikbaar; inwoners die alleen daar staan, zijn nu niet te "
    "vinden. Probeer het opnieuw als de laptop verbinding heeft."
)
NONE_FOUND = "Geen inwoner gevonden met deze achternaam en geboortedatum."
ASKING = "Zoeken… (de teamserver wordt gevraagd; dit kan even duren)"
MAKING = "De inzage wordt gemaakt…"
NOT_WRITTEN = "De bestanden konden niet worden geschreven. Kies een andere map."


class RemovedInzageDialog(QDialog):
    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner  # both steps ask the team server: never on the UI thread
        self.found: list[RemovedResident] = []
        self.written: InzageFiles | None = None
        self.setWindowTitle("Inzage voor een inwoner die niet meer op deze laptop staat")
        self.setMinimumWidth(560)
        self.fieldset = FieldSet()
        self.surname = QLineEdit()
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText("dd-mm-jjjj")
        form = QFormLayout()
        self.fieldset.add(form, "surname", "&Achternaam", self.surname)
        self.fieldset.add(form, "birth_date", "&Geboortedatum", self.birth_date)
        self.search_button = QPushButton("&Zoeken")
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.search_button)
        self.results = QListWidget()
        self.results.setAccessibleName("Gevonden inwoners")
        self.results.currentRowChanged.connect(self._chosen)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.make_button = QPushButton("&Inzage maken…")
        self.make_button.setEnabled(False)
        self.make_button.clicked.connect(self.make)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        buttons.addButton(self.make_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(muted(INTRO))
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.results)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def search(self) -> None:
        self.fieldset.clear_errors()
        self.results.clear()
        self.found = []
        self.make_button.setEnabled(False)
        self.search_button.setEnabled(False)
        self.status.setText(ASKING)
        surname, born = self.surname.text(), self.birth_date.text()
        self._runner.submit(
            lambda: self._services.privacy.find_removed(surname, born),
            self._show_found,
            self._search_failed,
        )

    def _search_failed(self, error: BaseException) -> None:
        self.search_button.setEnabled(True)
        self.status.setText("")
        errors = field_errors(error) if isinstance(error, WijkteamError) else {}
        if errors:
            self.fieldset.show_errors(errors)
        else:
            show_error(self, error)

    def _show_found(self, answer: RemovedSearch) -> None:
        self.search_button.setEnabled(True)
        if not answer.reachable:
            self.status.setText(UNREACHABLE)
            return
        self.found = list(answer.found)
        for person in self.found:
            born = f", geboren {dutch_date(person.birth_date)}" if person.birth_date else ""
            item = QListWidgetItem(f"{person.name}{born}")
            item.setData(Qt.ItemDataRole.UserRole, str(person.uuid))
            self.results.addItem(item)
        self.status.setText("" if self.found else NONE_FOUND)
        if self.found:
            self.results.setCurrentRow(0)
            self.results.setFocus()

    def _chosen(self, row: int) -> None:
        self.make_button.setEnabled(0 <= row < len(self.found))

    def make(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Map voor de inzage kiezen")
        if folder:
            self.make_to(Path(folder))

    def make_to(self, folder: Path) -> None:
        """Writes the inzage in the background; `written` holds the files when done."""
        row = self.results.currentRow()
        if not 0 <= row < len(self.found):
            return
        self.make_button.setEnabled(False)
        self.status.setText(MAKING)
        chosen = self.found[row].uuid
        self._runner.submit(
            lambda: self._services.privacy.write_removed_inzage(chosen, folder),
            self._written,
            self._not_written,
        )

    def _written(self, files: InzageFiles) -> None:
        self.make_button.setEnabled(True)
        self.written = files
        self.status.setText(f"Inzage opgeslagen: {files.pdf.name} en {files.json.name}")
        warn_incomplete(self, files)

    def _not_written(self, error: BaseException) -> None:
        self.make_button.setEnabled(True)
        self.status.setText("")
        if isinstance(error, WijkteamError):
            show_error(self, error)
        else:
            QMessageBox.warning(self, "Wijkteam", NOT_WRITTEN)
