"""A new password, typed twice: a member choosing their own at the first sign-in, or a
coordinator giving a colleague a temporary one (Teamleden › Wachtwoord instellen, Account
weer aanzetten). The slow part (the key derivation) runs off the UI thread."""

from __future__ import annotations

from collections.abc import Callable

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
from ui.widgets.fields import FieldSet, heading, muted
from wijkteam.errors import ValidationFailed
from wijkteam.security.passwords import check_new_password

Save = Callable[[str, str], object]


class NewPasswordDialog(QDialog):
    def __init__(
        self,
        title: str,
        intro: str,
        button: str,
        save: Save,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        may_cancel: bool = True,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setWindowTitle(title)
        self.setMinimumWidth(540)
        self.fieldset = FieldSet()
        self.password, self.again = password_field(), password_field()
        form = QFormLayout()
        self.fieldset.add(form, "password", "&Nieuw wachtwoord", self.password)
        self.fieldset.add(form, "password_again", "Nog &een keer", self.again)
        self.status = QLabel()
        self.status.setWordWrap(True)
        kinds = QDialogButtonBox.StandardButton.Ok
        if may_cancel:
            kinds |= QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(kinds)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(button)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, 2))
        layout.addWidget(muted(intro))
        layout.addLayout(form)
        help_text = muted(PASSWORD_HELP)
        help_text.setObjectName("passwordHelp")
        layout.addWidget(help_text)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.gate = PasswordGate(self.ok_button, self.status, runner)
        self.password.setFocus()

    def submit(self) -> None:
        self.fieldset.clear_errors()
        password, again = self.password.text(), self.again.text()
        try:
            check_new_password(password, again)  # at once, before the slow part
        except ValidationFailed as error:
            self.fieldset.show_errors(error.errors)
            return
        self.gate.attempt(
            lambda: self._save(password, again),
            lambda _result: self.accept(),
            on_invalid=lambda errors: self.fieldset.show_errors(errors),
        )


def choose_own_password(
    parent: QWidget | None, save: Save, runner: TaskRunner
) -> NewPasswordDialog:
    """At the first sign-in with a password someone else chose."""
    return NewPasswordDialog(
        "Kies uw eigen wachtwoord",
        "U bent aangemeld met een wachtwoord dat de coördinator voor u koos. Kies nu uw "
        "eigen wachtwoord; dat kent alleen u. Daarna werkt het tijdelijke wachtwoord niet "
        "meer.",
        "Wachtwoord opslaan",
        save,
        runner,
        parent,
    )


def temporary_password(
    parent: QWidget | None, name: str, save: Save, runner: TaskRunner, *, reactivating: bool
) -> NewPasswordDialog:
    """A coordinator gives a colleague a password to sign in with once."""
    intro = (
        f"{name} meldt zich aan met dit tijdelijke wachtwoord en kiest dan meteen een eigen "
        "wachtwoord. Geef het persoonlijk door, niet per e-mail."
    )
    if reactivating:
        intro = f"Het account van {name} gaat weer aan. " + intro
    return NewPasswordDialog(
        "Account weer aanzetten" if reactivating else "Wachtwoord instellen",
        intro,
        "Account aanzetten" if reactivating else "Wachtwoord instellen",
        save,
        runner,
        parent,
    )
