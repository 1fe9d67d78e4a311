"""First start: the team, the municipality and the first coordinator's account. When an
unencrypted store of an earlier version is found, its data is encrypted on the way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
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
from ui.widgets.fields import FieldSet, heading, muted
from wijkteam.errors import ValidationFailed
from wijkteam.security.passwords import MIN_LENGTH
from wijkteam.wiring.access import StoreAccess, TeamSetup

if TYPE_CHECKING:
    from wijkteam.wiring.access import Opened

PASSWORD_HELP = (
    f"Kies een wachtwoord van minstens {MIN_LENGTH} tekens. Waarom zo lang? Op deze laptop "
    "staan levensverhalen van kwetsbare inwoners. Een lang wachtwoord is voor een dief veel "
    "moeilijker te raden dan een kort ingewikkeld wachtwoord. Een zinnetje van een paar "
    "woorden werkt goed, bijvoorbeeld: koffie met oma op dinsdag."
)


class FirstStartDialog(QDialog):
    def __init__(
        self,
        access: StoreAccess,
        runner: TaskRunner,
        *,
        converting: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._access = access
        self.opened: Opened | None = None
        self.setWindowTitle("Welkom bij Wijkteam")
        self.setMinimumWidth(600)
        self.fieldset = FieldSet()
        self.team_name = QLineEdit()
        self.municipality = QLineEdit()
        self.name = QLineEdit()
        self.initials = QLineEdit()
        self.initials.setMaxLength(8)
        self.password = password_field()
        self.again = password_field()
        form = QFormLayout()
        self.fieldset.add(form, "team_name", "Naam van het &team", self.team_name)
        self.fieldset.add(form, "municipality", "&Gemeente", self.municipality)
        self.fieldset.add(form, "member_name", "Uw &naam", self.name)
        self.fieldset.add(form, "member_initials", "Uw &initialen", self.initials)
        self.fieldset.add(form, "password", "&Wachtwoord", self.password)
        self.fieldset.add(form, "password_again", "Wachtwoord nog een &keer", self.again)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Team aanmaken")
        self.join_button = QPushButton("Aansluiten &bij een team…")
        self.join_button.setObjectName("joinTeam")
        self.join_button.setToolTip("U hebt een uitnodiging van de coördinator van uw team")
        self.join_button.clicked.connect(lambda _checked=False: self.join())
        self._runner = runner
        self.joined = False
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Welkom bij Wijkteam", 1))
        intro = (
            "U maakt het team aan en wordt de eerste coördinator. Alle gegevens op deze "
            "laptop worden versleuteld opgeslagen."
        )
        if converting:
            intro += " De gegevens die al op deze laptop staan, worden nu ook versleuteld."
        layout.addWidget(muted(intro))
        join_row = QHBoxLayout()
        join_row.addWidget(
            muted("Bestaat uw team al en hebt u een uitnodiging van de coördinator?"), 1
        )
        join_row.addWidget(self.join_button)
        layout.addLayout(join_row)
        layout.addLayout(form)
        help_text = muted(PASSWORD_HELP)
        help_text.setObjectName("passwordHelp")
        layout.addWidget(help_text)
        warning = muted(
            "Zonder wachtwoord of herstelcode zijn de gegevens niet meer te lezen, door "
            "niemand. Na het aanmaken krijgt u daarom één keer een herstelcode om te printen "
            "en goed te bewaren."
        )
        layout.addWidget(warning)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.gate = PasswordGate(self.ok_button, self.status, runner)

    def setup(self) -> TeamSetup:
        return TeamSetup(
            team_name=self.team_name.text(),
            municipality=self.municipality.text(),
            name=self.name.text(),
            initials=self.initials.text(),
            password=self.password.text(),
            password_again=self.again.text(),
        )

    def submit(self) -> None:
        self.fieldset.clear_errors()
        setup = self.setup()
        try:
            self._access.check_setup(setup)  # at once, before the slow part
        except ValidationFailed as error:
            self.fieldset.show_errors(error.errors)
            return
        self.status.setText("Het team wordt aangemaakt en de gegevens versleuteld…")
        self.gate.attempt(
            lambda: self._access.first_start(setup),
            self._done,
            on_invalid=lambda errors: self.fieldset.show_errors(errors),
        )

    def join(self) -> None:
        """A member's new laptop: join the team with an invite instead of making one."""
        from ui.team.join_dialog import JoinTeamDialog

        dialog = JoinTeamDialog(self._access, self._runner, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.opened is not None:
            self.joined = True
            self._done(dialog.opened)

    def _done(self, opened: object) -> None:
        self.opened = opened  # type: ignore[assignment]
        self.accept()
