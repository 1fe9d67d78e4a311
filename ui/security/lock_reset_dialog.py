"""The lock screen's "Wachtwoord vergeten?": the team's recovery code gives the signed-in
member a new password. The code works once: the store gets a new key and the team a new
recovery code, shown to print afterwards."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QWidget,
)

from ui.security.recovery_form import RecoveryCodeDialog
from ui.tasks import TaskRunner
from wijkteam.errors import ValidationFailed, WijkteamError
from wijkteam.security.passwords import MIN_LENGTH, check_new_password
from wijkteam.services.accounts import RecoveryGrant
from wijkteam.wiring import Services

CODE_REFUSED = "Deze herstelcode klopt niet."


class LockResetDialog(RecoveryCodeDialog):
    """Accepted with `new_code`: the team's new recovery code, to print."""

    def __init__(self, services: Services, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(
            runner,
            parent,
            title="Wachtwoord vergeten",
            heading_level=2,
            intro=(
                "Vraag de coördinator om de herstelcode op papier. Met die code kiest u een "
                f"nieuw wachtwoord (minstens {MIN_LENGTH} tekens). De code werkt één keer: "
                "daarna krijgt het team een nieuwe herstelcode om te printen."
            ),
            with_initials=False,
            again_label="Nog &een keer",
        )
        self._services = services
        self.new_code: str | None = None
        self.setWindowModality(Qt.WindowModality.ApplicationModal)

    def submit(self) -> None:
        self.fieldset.clear_errors()
        code, password, again = self.code.text(), self.password.text(), self.again.text()
        try:
            check_new_password(password, again)
        except ValidationFailed as error:
            self.fieldset.show_errors(error.errors)
            return
        self.gate.attempt(
            lambda: self._services.accounts.check_recovery_code(code),
            lambda grant: self._reset(grant, password),
            refused_text=CODE_REFUSED,
        )

    def _reset(self, grant: RecoveryGrant, password: str) -> None:
        """On the UI thread: the store gets its new key while nothing else uses it."""
        self.status.setText("Het nieuwe wachtwoord en een nieuwe sleutel worden ingesteld…")
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.new_code = self._services.accounts.after_recovery(grant, password)
        except WijkteamError:
            self.status.setText("Het lukte niet. Probeer het nog eens, of vraag de coördinator.")
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.accept()
