"""The form both "Wachtwoord vergeten" dialogs share: the recovery code, (at the sign-in
screen) the initials, the new password twice, a status line and the buttons."""

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

CODE_PLACEHOLDER = "XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX"


class RecoveryCodeDialog(QDialog):
    """Subclasses say what "Wachtwoord instellen" does in `submit`."""

    def __init__(
        self,
        runner: TaskRunner,
        parent: QWidget | None,
        *,
        title: str,
        heading_level: int,
        intro: str,
        with_initials: bool,
        again_label: str,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(540)
        self.fieldset = FieldSet()
        self.code = QLineEdit()
        self.code.setPlaceholderText(CODE_PLACEHOLDER)
        self.initials = QLineEdit()
        self.initials.setMaxLength(8)
        self.password, self.again = password_field(), password_field()
        form = QFormLayout()
        form.addRow("&Herstelcode", self.code)
        if with_initials:
            self.fieldset.add(form, "member_initials", "&Initialen", self.initials)
        else:  # the signed-in member's own password: no initials to ask
            self.initials.setParent(self)
            self.initials.hide()
        self.fieldset.add(form, "password", "&Nieuw wachtwoord", self.password)
        self.fieldset.add(form, "password_again", again_label, self.again)
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
        layout.addWidget(heading("Wachtwoord vergeten", heading_level))
        layout.addWidget(muted(intro))
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.gate = PasswordGate(self.ok_button, self.status, runner)
        self.code.setFocus()

    def submit(self) -> None:
        raise NotImplementedError
