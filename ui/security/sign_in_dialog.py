"""Signing in at start: initials and password. A forgotten password is reset with the
team's recovery code."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.messages import error_text
from ui.security.password_gate import PasswordGate
from ui.security.widgets import password_field
from ui.tasks import TaskRunner
from ui.widgets.fields import heading, muted
from wijkteam.errors import SignInRefused, StoreDamaged, StoreError
from wijkteam.wiring.access import SignInKey, StoreAccess

if TYPE_CHECKING:
    from wijkteam.wiring.access import Opened


class SignInDialog(QDialog):
    """Accepted with `opened`; rejected with `error` set when the store cannot be opened."""

    def __init__(
        self, access: StoreAccess, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._access, self._runner = access, runner
        self.opened: Opened | None = None
        self.error: StoreError | None = None
        self.damaged_key: SignInKey | None = None
        self.setWindowTitle("Wijkteam – aanmelden")
        self.setMinimumWidth(440)
        self.initials = QLineEdit()
        self.initials.setMaxLength(8)
        self.password = password_field()
        self.sign_in_button = QPushButton("&Aanmelden")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.forgot_button = QPushButton("Wachtwoord &vergeten?")
        self.forgot_button.setFlat(True)
        self.forgot_button.clicked.connect(self._forgot)
        self.status = QLabel()
        self.status.setObjectName("signInStatus")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Initialen", self.initials)
        form.addRow("&Wachtwoord", self.password)
        buttons = QHBoxLayout()
        buttons.addWidget(self.forgot_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sign_in_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Aanmelden bij Wijkteam", 1))
        layout.addWidget(muted("De gegevens op deze laptop zijn versleuteld."))
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.gate = PasswordGate(self.sign_in_button, self.status, runner)
        self.initials.setFocus()

    def sign_in(self) -> None:
        initials, password = self.initials.text(), self.password.text()
        if not initials.strip() or not password:
            self.status.setText("Vul uw initialen en uw wachtwoord in.")
            return

        self.gate.attempt(lambda: self._access.unlock(initials, password), self._unlocked)

    def _unlocked(self, key: object) -> None:
        assert isinstance(key, SignInKey)
        self.password.clear()
        self.gate.throttle.succeeded()
        try:
            opened = self._access.sign_in(key)
        except SignInRefused as error:  # a password of another member's account
            self.gate.refused(error_text(error))
            return
        except StoreError as error:
            self.error = error
            if isinstance(error, StoreDamaged):  # kept to put the last good backup back
                self.damaged_key = key
            self.reject()
            return
        if opened.services.accounts.must_choose_password() and not self._choose(opened):
            opened.services.store.close()
            self.status.setText("Kies eerst een eigen wachtwoord; daarna kunt u verder.")
            return
        self.opened = opened
        self.accept()

    def _choose(self, opened: Opened) -> bool:
        """A temporary password (chosen by the coordinator): the member chooses their own."""
        from ui.security.new_password_dialog import choose_own_password

        dialog = choose_own_password(
            self, opened.services.accounts.choose_own_password, self._runner
        )
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _forgot(self) -> None:
        from ui.security.reset_dialog import ResetDialog

        dialog = ResetDialog(self._access, self._runner, self)
        if dialog.exec() == ResetDialog.DialogCode.Accepted and dialog.opened is not None:
            self.opened = dialog.opened
            self.accept()
