"""Team › Wachtwoord wijzigen: the member's own password (re-wraps the store key only)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.security.first_start_dialog import PASSWORD_HELP
from ui.security.password_gate import PasswordGate
from ui.security.widgets import password_field
from ui.tasks import TaskRunner
from ui.widgets.fields import FieldSet, muted
from wijkteam.wiring import Services


class PasswordDialog(QDialog):
    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle("Wachtwoord wijzigen")
        self.setMinimumWidth(520)
        self.fieldset = FieldSet()
        self.current, self.new, self.again = password_field(), password_field(), password_field()
        form = QFormLayout()
        self.fieldset.add(form, "current_password", "&Huidig wachtwoord", self.current)
        self.fieldset.add(form, "password", "&Nieuw wachtwoord", self.new)
        self.fieldset.add(form, "password_again", "Nog &een keer", self.again)
        self.status = QLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Wijzigen")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(muted(PASSWORD_HELP))
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.gate = PasswordGate(self.ok_button, self.status, runner)

    def submit(self) -> None:
        self.fieldset.clear_errors()
        current, new, again = self.current.text(), self.new.text(), self.again.text()
        self.gate.attempt(
            lambda: self._services.accounts.change_own_password(current, new, again),
            lambda _none: self.accept(),
            on_invalid=lambda errors: self.fieldset.show_errors(errors),
        )
