"""Beheer › Inzage / Wissen for the resident whose dossier is open (coordinators)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ui.feedback import show_error
from ui.main_window import MainWindow
from wijkteam.errors import WijkteamError
from wijkteam.wiring import Services


class PrivacyActions:
    def __init__(self, window: MainWindow, services: Services) -> None:
        self.window = window
        self.services = services

    def _resident_id(self) -> int | None:
        page = self.window.dossier_page
        if self.window.pages.currentWidget() is page and page.resident is not None:
            return page.resident.id
        QMessageBox.information(
            self.window, "Wijkteam", "Open eerst het dossier van de inwoner om wie het gaat."
        )
        return None

    def inzage(self) -> None:
        resident_id = self._resident_id()
        if resident_id is None:
            return
        folder = QFileDialog.getExistingDirectory(self.window, "Map voor de inzage kiezen")
        if folder:
            self.inzage_to(resident_id, Path(folder))

    def inzage_to(self, resident_id: int, folder: Path) -> tuple[Path, Path] | None:
        try:
            paths = self.services.privacy.write_inzage(resident_id, folder)
        except (WijkteamError, OSError) as error:
            if isinstance(error, WijkteamError):
                show_error(self.window, error)
            else:
                QMessageBox.warning(
                    self.window,
                    "Wijkteam",
                    "De bestanden konden niet worden geschreven. Kies een andere map.",
                )
            return None
        self.window.notify(f"Inzage opgeslagen: {paths[1].name} en {paths[0].name}")
        return paths

    def erase(self) -> None:
        resident_id = self._resident_id()
        if resident_id is None:
            return
        answer = QMessageBox.warning(
            self.window,
            "Inwoner wissen",
            "Alle gegevens van deze inwoner, met alle meldingen, gesprekken en notities, "
            "worden nu definitief van deze laptop gewist (verzoek tot verwijdering, Wmo 2015 "
            "art. 5.3.5). Dit kan niet ongedaan worden gemaakt. Alleen anonieme cijfers en een "
            "regel in het auditlog blijven. Doorgaan?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.confirmed_erase(resident_id)

    def confirmed_erase(self, resident_id: int) -> None:
        try:
            self.services.privacy.erase(resident_id)
        except WijkteamError as error:
            show_error(self.window, error)
            return
        self.window.dossier_page.discard_changes()
        self.window.show_today()
        self.window.data_changed()
        self.window.notify("De inwoner is gewist.")
