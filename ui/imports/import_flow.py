"""Bestand › Meldingen importeren…: pick a file, read it off the UI thread, review it in the
ImportDialog, and refresh the lists afterwards."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ui.imports.import_dialog import ImportDialog
from ui.messages import error_text, import_summary_text
from ui.tasks import TaskRunner
from wijkteam.errors import WijkteamError
from wijkteam.sync.imports.preview import ImportPreview
from wijkteam.wiring import Services

FILE_FILTER = "Meldingen (*.csv *.json *.zip *.txt);;Alle bestanden (*)"


class ImportHost(Protocol):
    """What the flow needs of the main window."""

    def data_changed(self) -> None: ...

    def notify(self, text: str) -> None: ...


class ImportFlow:
    def __init__(
        self, parent: QWidget, host: ImportHost, services: Services, runner: TaskRunner
    ) -> None:
        self._parent = parent
        self._host = host
        self._services = services
        self.runner = runner
        self.dialog: ImportDialog | None = None
        self._folder = str(Path.home())

    def start(self, path: Path | None = None) -> None:
        if path is None:
            path = self.choose_file()
            if path is None:
                return
        self._folder = str(path.parent)
        self._host.notify("Bestand wordt gelezen…")
        self._parent.setEnabled(False)
        self.runner.submit(
            lambda: self._services.imports.preview_file(path), self._review, self._refused
        )

    def choose_file(self) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(
            self._parent, "Meldingen importeren", self._folder, FILE_FILTER
        )
        return Path(name) if name else None

    def _review(self, preview: ImportPreview) -> None:
        self._parent.setEnabled(True)
        if self.runner.closing:  # the member closed Wijkteam meanwhile: nothing was imported
            return
        self.dialog = ImportDialog(self._services, preview, self.runner, self._parent)
        self.dialog.exec()
        summary = self.dialog.summary
        self.dialog.deleteLater()
        self.dialog = None
        if summary is not None:
            self._host.data_changed()
            self._host.notify(import_summary_text(summary))

    def _refused(self, error: BaseException) -> None:
        self._parent.setEnabled(True)
        text = (
            error_text(error)
            if isinstance(error, WijkteamError)
            else "Het bestand kon niet worden gelezen."
        )
        QMessageBox.warning(self._parent, "Meldingen importeren", text)
