"""Beheer › Inzage / Wissen for the resident whose dossier is open (coordinators)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ui.feedback import show_error
from ui.main_window import MainWindow
from ui.security.confirm import confirm_destructive
from wijkteam.errors import WijkteamError
from wijkteam.services.privacy import ErasurePreview, InzageFiles
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

    def inzage_to(
        self,
        resident_id: int,
        folder: Path,
        on_written: Callable[[InzageFiles], None] | None = None,
    ) -> None:
        """Writes the inzage in the background: on a team laptop it asks the team server for
        what left this laptop, which can take a while when the server is slow or down."""
        self.window.notify("De inzage wordt gemaakt…")

        def written(files: InzageFiles) -> None:
            self.window.notify(f"Inzage opgeslagen: {files.pdf.name} en {files.json.name}")
            warn_incomplete(self.window, files)
            if on_written is not None:
                on_written(files)

        def failed(error: BaseException) -> None:
            self.window.notify("")
            if isinstance(error, WijkteamError):
                show_error(self.window, error)
            else:
                QMessageBox.warning(
                    self.window,
                    "Wijkteam",
                    "De bestanden konden niet worden geschreven. Kies een andere map.",
                )

        self.window.runner.submit(
            lambda: self.services.privacy.write_inzage(resident_id, folder), written, failed
        )

    def erase(self) -> None:
        resident_id = self._resident_id()
        if resident_id is None:
            return
        try:
            preview = self.services.privacy.erasure_preview(resident_id)
        except WijkteamError as error:
            show_error(self.window, error)
            return
        text, details = erasure_question(preview, len(self.services.backups.list()), self._kept())
        if confirm_destructive(
            self.window, "Inwoner wissen", text, "&Ja, definitief wissen", details
        ):
            self.confirmed_erase(resident_id)

    def _kept(self) -> int:
        return self.services.settings.security().backups_kept

    def confirmed_erase(self, resident_id: int) -> None:
        try:
            self.services.privacy.erase(resident_id)
        except WijkteamError as error:
            show_error(self.window, error)
            return
        page = self.window.dossier_page
        page.forget_resident()  # before anything refreshes: the resident is gone
        self.window.show_today()
        self.window.data_changed()
        self.window.notify("De inwoner is gewist.")


def erasure_question(preview: ErasurePreview, backups: int, kept: int) -> tuple[str, str]:
    """What goes now, what stays, and what happens in the backups made before."""
    name = escape(preview.name)
    parts = [
        _count(preview.reports, "melding", "meldingen"),
        _count(preview.contacts, "gesprek of contact", "gesprekken en contacten"),
        _count(preview.referrals, "doorverwijzing", "doorverwijzingen"),
        _count(preview.documents, "document", "documenten"),
    ]
    listed = ", ".join(p for p in parts if p)
    text = (
        f"<p><b>{name}</b> wordt nu definitief van deze laptop gewist, op verzoek van de "
        "inwoner (AVG artikel 17, Wmo 2015 artikel 5.3.5).</p>"
        f"<p><b>Nu weg:</b> alle gegevens van {name}"
        + (f": {listed}" if listed else "")
        + ", met alle notities, afspraken en nabelmomenten. Dit kan niet ongedaan worden "
        "gemaakt.</p>"
        "<p><b>Blijft:</b> anonieme cijfers (zonder naam) en een regel in het auditlog "
        "(wie wiste wanneer, zonder inhoud).</p>"
    )
    if backups:
        which = (
            "de back-up op deze laptop van vóór nu bevat"
            if backups == 1
            else f"de {backups} back-ups op deze laptop van vóór nu bevatten"
        )
        details = (
            f"Oudere back-ups: {which} {preview.name} nog. Wijkteam bewaart steeds de "
            f"laatste {kept}: "
            f"na {kept} nieuwe back-ups is {preview.name} uit alle back-ups weg. Zet iemand "
            f"eerder een oudere back-up terug, dan wist Wijkteam {preview.name} daarin meteen "
            "opnieuw, voordat iemand ermee werkt."
        )
    else:
        details = "Er zijn nog geen back-ups op deze laptop waarin deze inwoner staat."
    return text, details


def _count(n: int, one: str, more: str) -> str:
    if n == 0:
        return ""
    return f"1 {one}" if n == 1 else f"{n} {more}"


def warn_incomplete(parent: QWidget, files: InzageFiles) -> None:
    """The document's own warning, on screen: the overview may lack what only the team
    server holds."""
    if not files.warnings:
        return
    lines = [
        f"De inzage is opgeslagen ({files.pdf.name}), maar is niet compleet. "
        "In het document staat:",
        *[f"“{line}”" for line in files.warnings],
        "Maak een nieuwe inzage zodra de teamserver weer bereikbaar is.",
    ]
    QMessageBox.warning(parent, "Inzage niet compleet", "\n\n".join(lines))
