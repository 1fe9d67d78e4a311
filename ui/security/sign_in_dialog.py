"""Signing in at start: initials and password. A forgotten password is reset with the
team's recovery code."""

from __future__ import annotations

from pathlib import Path
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

from ui.security.password_gate import PasswordGate
from ui.security.widgets import password_field
from ui.tasks import TaskRunner
from ui.widgets.fields import heading, muted
from wijkteam.clock import Clock
from wijkteam.errors import StoreError

if TYPE_CHECKING:
    from wijkteam.security.setup import Opened


class SignInDialog(QDialog):
    """Accepted with `opened`; rejected with `error` set when the store cannot be opened."""

    def __init__(
        self,
        data_dir: Path,
        runner: TaskRunner,
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._data_dir, self._runner, self._clock = data_dir, runner, clock
        self.opened: Opened | None = None
        self.error: StoreError | None = None
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

        def work():  # type: ignore[no-untyped-def]
            from wijkteam.security.setup import unlock  # loads the database layer

            return unlock(self._data_dir, initials, password)

        self.gate.attempt(work, self._unlocked)

    def _unlocked(self, result: object) -> None:
        from wijkteam.security.setup import open_unlocked

        ring, unlocked = result  # type: ignore[misc]
        self.password.clear()
        try:
            self.opened = open_unlocked(
                self._data_dir,
                ring,
                unlocked,
                clock=self._clock,
                failed_attempts=self.gate.throttle.succeeded(),
            )
        except StoreError as error:
            self.error = error
            self.reject()
            return
        self.accept()

    def _forgot(self) -> None:
        from ui.security.reset_dialog import ResetDialog

        dialog = ResetDialog(self._data_dir, self._runner, self._clock, self)
        if dialog.exec() == ResetDialog.DialogCode.Accepted and dialog.opened is not None:
            self.opened = dialog.opened
            self.accept()
