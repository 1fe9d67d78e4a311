"""The overdrachtsverslag: built off the UI thread, printed or saved as PDF, and recorded in
the dossier (kind, date, SHA-256; the PDF itself is kept in the store)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QStandardPaths
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ui.feedback import show_error
from ui.tasks import TaskRunner, ThreadTaskRunner
from wijkteam.documents.content import DocumentKind
from wijkteam.domain.enums import Language
from wijkteam.errors import WijkteamError
from wijkteam.services import Services
from wijkteam.services.referral_records import ReferralRecord

# No personal data in a file name unless the member types it.
DEFAULT_NAME = "overdrachtsverslag.pdf"


class HandoverPdf:
    def __init__(self, services: Services, parent: QWidget) -> None:
        self._services = services
        self._parent = parent
        self.runner: TaskRunner = ThreadTaskRunner()
        self.last_saved: Path | None = None

    def offer(self, referral: ReferralRecord) -> None:
        """Asks whether to print or to save, then does it."""
        box = QMessageBox(self._parent)
        box.setWindowTitle("Overdrachtsverslag")
        box.setText("Wilt u het overdrachtsverslag afdrukken of opslaan als PDF?")
        print_button = box.addButton("Afdrukken…", QMessageBox.ButtonRole.AcceptRole)
        save_button = box.addButton("Opslaan als PDF…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Annuleren", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is save_button:
            self.ask_and_save(referral)
        elif box.clickedButton() is print_button:
            self.build(referral, self._print)

    def ask_and_save(self, referral: ReferralRecord) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = QFileDialog(self._parent, "Overdrachtsverslag opslaan", folder, "PDF (*.pdf)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.selectFile(DEFAULT_NAME)
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return
        path = Path(dialog.selectedFiles()[0])
        self.build(referral, lambda pdf: self._write(pdf, path))

    def build(self, referral: ReferralRecord, then) -> None:  # type: ignore[no-untyped-def]
        """Builds the PDF in the background; records it, then hands the bytes to `then`."""
        try:
            content = self._services.referrals.handover_report(referral.id)
        except WijkteamError as error:
            show_error(self._parent, error)
            return

        def work() -> bytes:
            from wijkteam.documents.handover import build_handover_report

            return build_handover_report(content)

        def done(pdf: bytes) -> None:
            self._services.documents.record(
                referral.resident_id,
                DocumentKind.HANDOVER,
                Language.DUTCH,
                pdf,
                report_id=referral.report_id,
                member_id=referral.member_id,
            )
            then(pdf)

        self.runner.submit(work, done, self._failed)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, WijkteamError):
            show_error(self._parent, error)
        else:
            QMessageBox.warning(
                self._parent, "Wijkteam", "Het overdrachtsverslag kon niet worden gemaakt."
            )

    def _write(self, pdf: bytes, path: Path) -> None:
        try:
            path.write_bytes(pdf)
        except OSError:
            QMessageBox.warning(
                self._parent,
                "Wijkteam",
                "Het bestand kon niet worden opgeslagen. Kies een andere map.",
            )
            return
        self.last_saved = path

    def _print(self, pdf: bytes) -> None:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self._parent).exec() != QPrintDialog.DialogCode.Accepted:
            return
        buffer = QBuffer(self._parent)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document = QPdfDocument(self._parent)
        document.load(buffer)
        painter = QPainter(printer)
        try:
            for page in range(document.pageCount()):
                if page:
                    printer.newPage()
                target = painter.viewport().size()
                image = document.render(page, target)
                painter.drawImage(0, 0, image)
        finally:
            painter.end()
