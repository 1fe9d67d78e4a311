from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.labels import CLOSING_REASON
from ui.widgets.fields import muted
from wijkteam.domain.enums import ClosingReason


class CloseReportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Melding afsluiten")
        self.reason_box = QComboBox()
        for reason in ClosingReason:
            self.reason_box.addItem(CLOSING_REASON[reason], reason)
        self.note_edit = QLineEdit()
        self.note_edit.setMaxLength(200)
        self.note_edit.setPlaceholderText("korte toelichting (zonder persoonlijke details)")
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
