"""Moving a follow-up call to another day."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from ui.feedback import show_error
from ui.messages import field_errors
from ui.widgets.fields import DateField, FieldSet, muted
from ui.widgets.typed_work import AsksBeforeDiscarding
from wijkteam.errors import WijkteamError


class MoveFollowUpDialog(AsksBeforeDiscarding, QDialog):
    def __init__(
        self, current: date, move: Callable[[str], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._move = move
        self.setWindowTitle("Nabellen verplaatsen")
        self.fieldset = FieldSet()
        self.date_field = DateField()
        self.date_field.set_date(current)
        form = QFormLayout()
        self.fieldset.add(form, "follow_up_due", "Nabellen &op", self.date_field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Verplaatsen")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(muted("Op welke dag belt of appt u de inwoner?"))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.fieldset.clear_errors()
        try:
            self._move(self.date_field.text())
        except WijkteamError as error:
            unplaced = self.fieldset.show_errors(field_errors(error))
            if unplaced or not field_errors(error):
                show_error(self, error)
            return
        self.accept()
