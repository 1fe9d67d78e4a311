"""A forgotten password: the recovery code (kept on paper by the coordinator) and a new
password for the member with these initials."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QWidget,
)

from ui.security.recovery_form import RecoveryCodeDialog
from ui.tasks import TaskRunner
from wijkteam.security.passwords import MIN_LENGTH
from wijkteam.wiring.access import Opened, StoreAccess


class ResetDialog(RecoveryCodeDialog):
    def __init__(self, access: StoreAccess, runner: TaskRunner, parent: QWidget | None) -> None:
        super().__init__(
            runner,
            parent,
            title="Nieuw wachtwoord met de herstelcode",
            heading_level=1,
            intro=(
                "De coördinator heeft bij de start van het team een herstelcode op papier "
                f"gekregen. Met die code kiest u een nieuw wachtwoord (minstens {MIN_LENGTH} "
                "tekens). Zonder wachtwoord of herstelcode zijn de gegevens niet te lezen; "
                "ook niet door de leverancier."
            ),
            with_initials=True,
            again_label="Nog een &keer",
        )
        self._access = access
        self.opened: Opened | None = None

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
