"""First start on a member's new laptop: join the team with the coordinator's invite code.
The store is made and the team's data fetched off the UI thread, with a busy bar; what goes
wrong is said in Dutch under the field or above the buttons, and nothing typed is lost."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.messages import error_text
from ui.security.first_start_dialog import PASSWORD_HELP
from ui.security.widgets import password_field
from ui.tasks import TaskRunner
from ui.team.busy import BusyBar
from ui.widgets.fields import FieldSet, heading, muted
from wijkteam.errors import ValidationError, ValidationFailed, WijkteamError

if TYPE_CHECKING:
    from wijkteam.wiring.access import Opened, StoreAccess

INTRO = (
    "De coördinator van uw team heeft u een uitnodiging gegeven: het adres van de "
    "teamserver en een code. Daarmee komt het werk van het team op deze laptop, versleuteld "
    "opgeslagen. U kiest hier uw eigen wachtwoord voor deze laptop."
)


class JoinTeamDialog(QDialog):
    def __init__(
        self, access: StoreAccess, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._access, self._runner = access, runner
        self.opened: Opened | None = None
        self.busy = False
        self.setWindowTitle("Aansluiten bij een team")
        self.setMinimumWidth(640)
        self.fieldset = FieldSet()
        self.server_url = QLineEdit()
        self.server_url.setPlaceholderText("https://teamserver.gemeente.nl")
        self.code = QLineEdit()
        self.code.setPlaceholderText("ABCDE-FGHJK-…")
        self.initials = QLineEdit()
        self.initials.setMaxLength(8)
        self.password = password_field()
        self.again = password_field()
        form = QFormLayout()
        add = self.fieldset.add
        add(form, "server_url", "&Adres van de teamserver", self.server_url)
        add(form, "invite_code", "&Uitnodigingscode", self.code)
        add(form, "member_initials", "Uw &initialen", self.initials)
        add(form, "password", "&Wachtwoord", self.password)
        add(form, "password_again", "Wachtwoord &nog een keer", self.again)
        self.progress = BusyBar()
        self.status = QLabel()
        self.status.setObjectName("joinStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Aan&sluiten")
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText("&Terug")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Aansluiten bij een team", 1))
        layout.addWidget(muted(INTRO))
        layout.addLayout(form)
        layout.addWidget(muted(PASSWORD_HELP))
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def submit(self) -> None:
        if self.busy:
            return
        self.fieldset.clear_errors()
        self.status.clear()
        missing = [
            ValidationError(name, "required")
            for name, box in (("server_url", self.server_url), ("invite_code", self.code))
            if not box.text().strip()
        ]
        if missing:
            self.fieldset.show_errors(missing)
            return
        url, code = self.server_url.text().strip(), self.code.text().strip()
        initials, password, again = self.initials.text(), self.password.text(), self.again.text()
        self._set_busy(True)
        self.status.setText(
            "Deze laptop sluit aan bij het team en haalt het werk van het team op. Dit kan "
            "even duren…"
        )
        access = self._access
        self._runner.submit(
            lambda: access.join_team(url, code, initials, password, again),
            self._done,
            self._failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        if busy:
            self.progress.start()
        else:
            self.progress.stop()
        self.ok_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        for field in self.fieldset.fields.values():
            field.editor.setEnabled(not busy)

    def _done(self, opened: Any) -> None:
        self._set_busy(False)
        self.opened = opened
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.status.clear()
        if isinstance(error, ValidationFailed | ValidationError):
            errors = error.errors if isinstance(error, ValidationFailed) else (error,)
            unplaced = self.fieldset.show_errors(errors)
            self.status.setText("\n".join(unplaced))
        elif isinstance(error, WijkteamError):
            self.status.setText(error_text(error))
        else:
            self.status.setText("Er ging iets mis. Probeer het nog eens.")

    def reject(self) -> None:
        if not self.busy:  # the store is being made: wait for it
            super().reject()
