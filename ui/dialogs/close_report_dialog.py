from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ui.feedback import show_error
from ui.labels import CLOSING_REASON
from ui.messages import open_items_question
from ui.widgets.fields import muted
from ui.widgets.typed_work import AsksBeforeDiscarding
from wijkteam.domain.enums import ClosingReason
from wijkteam.errors import OpenItemsRemain, WijkteamError
from wijkteam.wiring import Services


class CloseReportDialog(AsksBeforeDiscarding, QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Melding afsluiten")
        self.setMinimumWidth(480)
        self.reason_box = QComboBox()
        for reason in ClosingReason:
            self.reason_box.addItem(CLOSING_REASON[reason], reason)
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(200)
        self.note_edit.setPlaceholderText("kort, zonder persoonlijke details")
        form = QFormLayout()
        form.addRow("&Reden", self.reason_box)
        form.addRow("&Toelichting", self.note_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Afsluiten")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(muted("Waarom wordt deze melding afgesloten?"))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def reason(self) -> ClosingReason:
        return self.reason_box.currentData()

    def note(self) -> str:
        return self.note_edit.text()


def close_report(parent: QWidget, services: Services, report_id: int) -> bool:
    """Asks why, closes the melding, and asks once more when steps or follow-ups are still
    open (they then do not go ahead). True when the melding was closed."""
    dialog = CloseReportDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        services.reports.close(report_id, dialog.reason(), dialog.note())
        return True
    except OpenItemsRemain as open_items:
        answer = QMessageBox.question(
            parent,
            "Melding afsluiten",
            open_items_question(open_items),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
    except WijkteamError as error:
        show_error(parent, error)
        return False
    try:
        services.reports.close(report_id, dialog.reason(), dialog.note(), close_open_items=True)
    except WijkteamError as error:
        show_error(parent, error)
        return False
    return True
