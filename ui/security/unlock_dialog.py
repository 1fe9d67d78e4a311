"""The lock screen's only control: the signed-in member's password. It shows nothing
personal, not even whose session it is."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.security.password_gate import PasswordGate
from ui.security.widgets import password_field
from ui.tasks import TaskRunner
from ui.widgets.fields import heading, muted
from wijkteam.errors import SignInRefused
from wijkteam.wiring import Services


class UnlockDialog(QDialog):
    unlocked = Signal()

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._services = services
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
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Wijkteam is vergrendeld", 1))
        layout.addWidget(muted("Vul uw wachtwoord in om verder te gaan waar u was."))
        layout.addWidget(self.password)
        layout.addWidget(self.status)
        layout.addWidget(self.unlock_button)
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

    # The lock cannot be closed away: only the password opens it.
    def reject(self) -> None:
        pass

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
