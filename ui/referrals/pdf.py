"""The overdrachtsverslag: built off the UI thread, printed or saved as PDF, and recorded in
the dossier (kind, date, SHA-256; the PDF itself is kept in the store)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.documents.maker import DocumentMaker, Filing
from ui.documents.pdf_output import Outcome
from ui.documents.texts import FILE_NAME
from ui.tasks import TaskRunner
from wijkteam.domain.documents import DocumentKind, HandoverReport
from wijkteam.domain.enums import Language
from wijkteam.services.referral_records import ReferralRecord
from wijkteam.wiring import Services


class HandoverPdf:
    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget) -> None:
        self._services = services
        self._parent = parent
        self.maker = DocumentMaker(services, runner, parent)

    @property
    def runner(self) -> TaskRunner:
        return self.maker.runner

    @runner.setter
    def runner(self, runner: TaskRunner) -> None:
        self.maker.runner = runner

    def offer(self, referral: ReferralRecord) -> None:
        """Asks whether to print or to save, then does it."""
        box = QMessageBox(self._parent)
        box.setWindowTitle("Overdrachtsverslag")
        box.setText("Wilt u het overdrachtsverslag afdrukken of opslaan als PDF?")
        print_button = box.addButton("Afdrukken…", QMessageBox.ButtonRole.AcceptRole)
        save_button = box.addButton("Opslaan als PDF…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Annuleren", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() not in (print_button, save_button):
            return
        filing = Filing(
            referral.resident_id,
            DocumentKind.HANDOVER,
            Language.DUTCH,
            FILE_NAME[DocumentKind.HANDOVER],
            report_id=referral.report_id,
            member_id=referral.member_id,
        )

        def prepare() -> Callable[[], bytes]:
            content = self._services.referrals.handover_report(referral.id)  # audited
            return lambda: _build(content)

        if box.clickedButton() is save_button:
            self.maker.save(prepare, filing, "Overdrachtsverslag opslaan", _ignore)
        else:
            self.maker.print(prepare, filing, _ignore)


def _build(content: HandoverReport) -> bytes:
    from wijkteam.documents.handover import build_handover_report

    return build_handover_report(content)


def _ignore(_outcome: Outcome) -> None:
    """The maker already told the member about anything that went wrong."""
