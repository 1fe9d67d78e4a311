"""A forgotten password at the sign-in screen: the recovery code (kept on paper by the
coordinator) and a new password for the member with these initials.

Only the key derivation runs off the UI thread; the store is opened, re-keyed and signed in
on the UI thread, as at a normal sign-in. The code works once: the team gets a new recovery
code, in `opened.recovery_code`, which the main window shows to print."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.messages import error_text
from ui.security.password_gate import PasswordGate
from ui.security.widgets import password_field
from ui.tasks import TaskRunner
from ui.widgets.fields import FieldSet, heading, muted
from wijkteam.clock import Clock
from wijkteam.errors import SignInRefused, StoreError, ValidationFailed
from wijkteam.security.passwords import MIN_LENGTH, check_new_password

if TYPE_CHECKING:
    from wijkteam.security.setup import Opened

CODE_REFUSED = "Deze herstelcode of deze initialen kloppen niet."


class ResetDialog(QDialog):
    def __init__(
        self, data_dir: Path, runner: TaskRunner, clock: Clock | None, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self._data_dir, self._clock = data_dir, clock
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
        self.fieldset.add(form, "password_again", "&Nog een keer", self.again)
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
        try:
            check_new_password(password, again)  # at once, before the slow part
        except ValidationFailed as error:
            self.fieldset.show_errors(error.errors)
            return

        def work():  # type: ignore[no-untyped-def]
            from wijkteam.security.setup import unlock_with_code

            return unlock_with_code(self._data_dir, code, self._clock)

        self.gate.attempt(
            work,
            lambda result: self._finish(result, initials, password, again),
            refused_text=CODE_REFUSED,
        )

    def _finish(self, result: object, initials: str, password: str, again: str) -> None:
        from wijkteam.security.setup import finish_reset

        ring, unlocked = result  # type: ignore[misc]
        self.status.setText("Het nieuwe wachtwoord en een nieuwe sleutel worden ingesteld…")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.opened = finish_reset(
                self._data_dir, ring, unlocked, initials, password, again, clock=self._clock
            )
        except SignInRefused:
            self.gate.refused(CODE_REFUSED)
            return
        except (StoreError, ValidationFailed) as error:
            self.status.setText(error_text(error))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.accept()
