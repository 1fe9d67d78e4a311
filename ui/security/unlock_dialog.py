"""The lock screen: the signed-in member's password, or "Wachtwoord vergeten?" with the
team's recovery code. It shows nothing personal, not even whose session it is."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.security.password_gate import PasswordGate
from ui.security.widgets import password_field
from ui.tasks import TaskRunner
from ui.widgets.fields import heading, muted
from wijkteam.errors import SignInRefused
from wijkteam.wiring import Services


class UnlockDialog(QDialog):
    unlocked = Signal()
    reset_with_code = Signal(str)  # the recovery code was used: the team's new code

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self.setWindowTitle("Wijkteam – vergrendeld")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(420)
        self.password = password_field()
        self.password.returnPressed.connect(self.submit)
        self.unlock_button = QPushButton("&Ontgrendelen")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.submit)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.forgot_button = QPushButton("&Wachtwoord vergeten?")
        self.forgot_button.setFlat(True)
        self.forgot_button.clicked.connect(self.forgot)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Wijkteam is vergrendeld", 1))
        layout.addWidget(muted("Vul uw wachtwoord in om verder te gaan waar u was."))
        layout.addWidget(self.password)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.forgot_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout.addLayout(buttons)
        self.gate = PasswordGate(self.unlock_button, self.status, runner)
        self.password.setFocus()

    def submit(self) -> None:
        password = self.password.text()
        if not password:
            return
        self.password.clear()

        def check() -> bool:
            if not self._services.accounts.check_own_password(password):
                raise SignInRefused()
            return True

        self.gate.attempt(
            check, lambda _ok: self.unlocked.emit(), refused_text="Dit wachtwoord klopt niet."
        )

    def forgot(self) -> None:
        from ui.security.lock_reset_dialog import LockResetDialog

        dialog = LockResetDialog(self._services, self._runner, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.new_code:
            self.reset_with_code.emit(dialog.new_code)

    # The lock cannot be closed away: only the password opens it.
    def reject(self) -> None:
        pass

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
