"""What the dossier does with a melding beyond planning and closing: correct it, hand it
over to a colleague, reopen it. After each, every list follows at once (Vandaag and the
werkvoorraad refresh through the navigator)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from ui.dialogs.handover_dialog import HandoverDialog, ReopenDialog
from ui.dialogs.report_edit_dialog import ReportEditDialog
from ui.navigator import Navigator
from wijkteam.services.records import ReportRecord
from wijkteam.wiring import Services


class ReportActions:
    def __init__(
        self,
        services: Services,
        navigator: Navigator,
        parent: QWidget,
        resident_name: Callable[[], str],
    ) -> None:
        self._services = services
        self._navigator = navigator
        self._parent = parent
        self._resident_name = resident_name

    def edit(self, report: ReportRecord) -> bool:
        dialog = ReportEditDialog(self._services, report, self._resident_name(), self._parent)
        return self._done(dialog, "Melding gewijzigd.")

    def hand_over(self, report: ReportRecord) -> bool:
        dialog = HandoverDialog(self._services, report, self._resident_name(), self._parent)
        if dialog.member_box.count() == 0:
            self._navigator.notify("Er is geen ander teamlid om de melding aan over te dragen.")
            return False
        name = dialog.member_box.currentText
        return self._done(dialog, lambda: f"Melding overgedragen aan {name()}.")

    def reopen(self, report: ReportRecord) -> bool:
        dialog = ReopenDialog(self._services, report, self._resident_name(), self._parent)
        return self._done(dialog, "Melding heropend.")

    def _done(self, dialog: QDialog, message: str | Callable[[], str]) -> bool:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self._navigator.data_changed()
        self._navigator.notify(message() if callable(message) else message)
        return True
