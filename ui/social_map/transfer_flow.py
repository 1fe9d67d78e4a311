"""Importeren uit CSV…, Exporteren naar CSV… and the example map: file dialogs, the work off
the UI thread, the preview, and a word in the status bar afterwards."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ui.messages import error_text
from ui.navigator import Navigator
from ui.social_map.import_dialog import ImportPreviewDialog
from ui.tasks import TaskRunner
from wijkteam.errors import WijkteamError
from wijkteam.services.social_map import MapImportPreview, MapImportResult
from wijkteam.services.social_map.examples import load_example_map
from wijkteam.wiring import Services

FILE_FILTER = "CSV-bestanden (*.csv *.txt);;Alle bestanden (*)"
EXPORT_NAME = "sociale-kaart.csv"  # never a person's name in a file name


class MapTransferFlow:
    def __init__(
        self,
        parent: QWidget,
        services: Services,
        navigator: Navigator,
        on_changed: Callable[[], None],
    ) -> None:
        self._parent = parent
        self._services = services
        self._navigator = navigator
        self._on_changed = on_changed
        self.runner: TaskRunner = navigator.runner
        self.dialog: ImportPreviewDialog | None = None
        self._folder = Path.home()

    # --- import ---------------------------------------------------------------------------
    def start_import(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self._parent, "Sociale kaart importeren", str(self._folder), FILE_FILTER
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        self._folder = path.parent
        self._busy("Het bestand wordt gelezen…")
        transfer = self._services.social_map_transfer
        self.runner.submit(lambda: transfer.preview_file(path), self._review, self._failed)

    def _review(self, preview: MapImportPreview) -> None:
        self._parent.setEnabled(True)
        if self.runner.closing:  # the member closed Wijkteam meanwhile: nothing was imported
            return
        self.dialog = ImportPreviewDialog(preview, self._parent)
        accepted = self.dialog.exec() == ImportPreviewDialog.DialogCode.Accepted
        only_valid = self.dialog.only_valid
        self.dialog.deleteLater()
        self.dialog = None
        if not accepted:
            self._navigator.notify("Niets geïmporteerd.")
            return
        self._busy("De sociale kaart wordt bijgewerkt…")
        transfer = self._services.social_map_transfer
        self.runner.submit(
            lambda: transfer.apply(preview, only_valid=only_valid), self._imported, self._failed
        )

    def _imported(self, result: MapImportResult) -> None:
        self._parent.setEnabled(True)
        self._on_changed()
        self._navigator.notify(import_result_text(result))

    # --- export ---------------------------------------------------------------------------
    def start_export(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self._parent,
            "Sociale kaart exporteren",
            str(self._folder / EXPORT_NAME),
            FILE_FILTER,
        )
        if name:
            self.export_file(Path(name))

    def export_file(self, path: Path) -> None:
        if not path.suffix:
            path = path.with_suffix(".csv")
        self._folder = path.parent
        self._busy("De sociale kaart wordt opgeslagen…")
        transfer = self._services.social_map_transfer

        def done(count: int) -> None:
            self._parent.setEnabled(True)
            noun = "item" if count == 1 else "items"
            self._navigator.notify(f"{count} {noun} opgeslagen in {path.name}.")

        self.runner.submit(lambda: transfer.export_file(path), done, self._failed)

    # --- examples -------------------------------------------------------------------------
    def load_examples(self) -> None:
        transfer = self._services.social_map_transfer
        self._busy("De voorbeeldkaart wordt geladen…")
        today = self._services.store.clock.today()
        self.runner.submit(lambda: load_example_map(transfer, today), self._imported, self._failed)

    def remove_examples(self) -> None:
        answer = QMessageBox.question(
            self._parent,
            "Voorbeelden verwijderen",
            "De verzonnen voorbeelden van de sociale kaart verwijderen? Uw eigen items "
            "blijven staan. Een voorbeeld dat bij een afspraak hoort, wordt gedeactiveerd.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        deleted, deactivated = self._services.social_map.remove_examples()
        self._on_changed()
        text = f"{deleted} voorbeelden verwijderd"
        if deactivated:
            text += f", {deactivated} gedeactiveerd"
        self._navigator.notify(text + ".")

    # --- shared ---------------------------------------------------------------------------
    def _busy(self, text: str) -> None:
        self._navigator.notify(text)
        self._parent.setEnabled(False)

    def _failed(self, error: BaseException) -> None:
        self._parent.setEnabled(True)
        text = (
            error_text(error)
            if isinstance(error, WijkteamError)
            else "Het bestand kon niet worden verwerkt. Er is niets veranderd."
        )
        QMessageBox.warning(self._parent, "Sociale kaart", text)


def import_result_text(result: MapImportResult) -> str:
    parts = [f"{result.created} nieuw", f"{result.updated} bijgewerkt"]
    if result.unchanged:
        parts.append(f"{result.unchanged} ongewijzigd")
    if result.skipped:
        noun = "regel" if result.skipped == 1 else "regels"
        parts.append(f"{result.skipped} {noun} overgeslagen")
    return "Sociale kaart bijgewerkt: " + ", ".join(parts) + "."
