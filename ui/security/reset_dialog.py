"""A forgotten password: the recovery code (kept on paper by the coordinator) and a new
password for the member with these initials."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.security.password_gate import PasswordGate
from ui.security.widgets import password_field
from ui.tasks import TaskRunner
from ui.widgets.fields import FieldSet, heading, muted
from wijkteam.security.passwords import MIN_LENGTH
from wijkteam.wiring.access import Opened, StoreAccess


class ResetDialog(QDialog):
    def __init__(self, access: StoreAccess, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._access = access
        self.opened: Opened | None = None
        self.setWindowTitle("Nieuw wachtwoord met de herstelcode")
        self.setMinimumWidth(520)
        self.fieldset = FieldSet()
        self.code = QLineEdit()
        self.code.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.initials = QLineEdit()
        self.initials.setMaxLength(8)
        self.password = password_field()
        self.again = password_field()
        form = QFormLayout()
        form.addRow("&Herstelcode", self.code)
        self.fieldset.add(form, "member_initials", "&Initialen", self.initials)
        self.fieldset.add(form, "password", "&Nieuw wachtwoord", self.password)
        self.fieldset.add(form, "password_again", "Nog een &keer", self.again)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Wachtwoord instellen")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Wachtwoord vergeten", 1))
        layout.addWidget(
            muted(
                "De coördinator heeft bij de start van het team een herstelcode op papier "
                f"gekregen. Met die code kiest u een nieuw wachtwoord (minstens {MIN_LENGTH} "
                "tekens). Zonder wachtwoord of herstelcode zijn de gegevens niet te lezen; "
                "ook niet door de leverancier."
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.gate = PasswordGate(self.ok_button, self.status, runner)

    def submit(self) -> None:
        self.fieldset.clear_errors()
        code, initials = self.code.text(), self.initials.text()
        password, again = self.password.text(), self.again.text()
        self.gate.attempt(
            lambda: self._access.reset_password(code, initials, password, again),
            self._done,
            on_invalid=lambda errors: self.fieldset.show_errors(errors),
            refused_text="Deze herstelcode of deze initialen kloppen niet.",
        )

    def _done(self, opened: object) -> None:
        assert isinstance(opened, Opened)
        self.opened = opened
        self.accept()
