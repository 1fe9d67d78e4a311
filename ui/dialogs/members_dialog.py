"""Team › Teamleden: see the team. A coordinator also adds colleagues with a first
(temporary) password, sets a new temporary password, edits work contact details, changes
roles, switches accounts off and on again. Switched-off members show with a filter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
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

from ui.feedback import show_error
from ui.formatting import format_phone
from ui.labels import ROLE
from ui.messages import field_errors
from ui.models.columns import Column
from ui.models.row_model import RowTableModel
from ui.security.confirm import confirm_destructive
from ui.security.contact_dialog import ContactDialog
from ui.security.new_password_dialog import temporary_password
from ui.security.widgets import password_field
from ui.tasks import TaskRunner, ThreadTaskRunner
from ui.widgets.fields import FieldSet, heading, muted
from ui.widgets.tables import RowTable
from wijkteam.domain.enums import MemberRole
from wijkteam.errors import WijkteamError
from wijkteam.security.passwords import MIN_LENGTH
from wijkteam.services.key_rotation import Rotation
from wijkteam.wiring import Services

MEMBER_COLUMNS = [
    Column("Naam", lambda m: m.name, width=160, max_width=220),
    Column("Initialen", lambda m: m.initials),
    Column("Rol", lambda m: ROLE[m.role]),
    Column("Telefoon (werk)", lambda m: format_phone(m.phone)),
    Column(
        "E-mail (werk)", lambda m: m.email or "", tooltip=lambda m: m.email or "", max_width=200
    ),
]


class MembersDialog(QDialog):
    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner or ThreadTaskRunner()
        self.changed = False
        self.manages = services.accounts.is_coordinator()
        self.setWindowTitle("Teamleden")
        self.resize(900, 660)
        columns = [*MEMBER_COLUMNS, Column("Kan aanmelden", self._account_text, width=260)]
        self.model = RowTableModel(columns, self)
        self.table = RowTable(columns)
        self.table.setModel(self.model)
        self.fieldset = FieldSet()
        self.name_field = QLineEdit()
        self.initials_field = QLineEdit()
        self.initials_field.setMaxLength(8)
        self.password_field = password_field()
        self.again_field = password_field()
        self.role_box = QComboBox()
        for role in MemberRole:
            self.role_box.addItem(ROLE[role], role)
        form = QFormLayout()
        self.fieldset.add(form, "member_name", "&Naam", self.name_field)
        self.fieldset.add(form, "member_initials", "&Initialen", self.initials_field)
        form.addRow("&Rol", self.role_box)
        self.fieldset.add(form, "password", "&Eerste wachtwoord", self.password_field)
        self.fieldset.add(form, "password_again", "Nog een &keer", self.again_field)
        add_button = QPushButton("&Toevoegen")
        add_button.clicked.connect(self._add)
        form.addRow("", add_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.show_inactive = QCheckBox("Ook &uitgezette teamleden tonen")
        self.show_inactive.toggled.connect(lambda _checked: self._load())
        layout = QVBoxLayout(self)
        layout.addWidget(self.show_inactive)
        layout.addWidget(self.table, 1)
        self.manage_row = QHBoxLayout()
        self.password_button = QPushButton("&Wachtwoord instellen…")
        self.password_button.clicked.connect(self._set_password)
        self.contact_button = QPushButton("&Contactgegevens…")
        self.contact_button.clicked.connect(self._edit_contact)
        self.role_button = QPushButton("R&ol wisselen")
        self.role_button.clicked.connect(self._toggle_role)
        self.deactivate_button = QPushButton("Account uit&zetten…")
        self.deactivate_button.clicked.connect(self._deactivate)
        self.reactivate_button = QPushButton("Account weer &aanzetten…")
        self.reactivate_button.clicked.connect(self._reactivate)
        manage_buttons = (
            self.password_button,
            self.contact_button,
            self.role_button,
            self.deactivate_button,
            self.reactivate_button,
        )
        for button in manage_buttons:
            self.manage_row.addWidget(button)
        self.manage_row.addStretch(1)
        self.add_form = QWidget()
        add_layout = QVBoxLayout(self.add_form)
        add_layout.setContentsMargins(0, 0, 0, 0)
        add_layout.addWidget(heading("Teamlid toevoegen", 3))
        add_layout.addWidget(
            muted(
                f"Het eerste wachtwoord heeft minstens {MIN_LENGTH} tekens. Bij de eerste "
                "keer aanmelden kiest het teamlid meteen een eigen wachtwoord."
            )
        )
        add_layout.addLayout(form)
        if self.manages:
            layout.addLayout(self.manage_row)
            layout.addWidget(self.add_form)
        else:
            for button in manage_buttons:
                button.hide()
            self.add_form.hide()
            layout.addWidget(muted("Alleen een coördinator kan teamleden toevoegen of wijzigen."))
        self.status = QLabel()
        self.status.setObjectName("membersStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        if self.table.selectionModel() is not None:
            self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._load()

    def _account_text(self, member) -> str:  # type: ignore[no-untyped-def]
        accounts = self._services.accounts
        if not member.active:
            return "nee (uitgezet)"
        if not accounts.has_account(member):
            return "nee (geen wachtwoord)"
        if accounts.has_temporary_password(member):
            return "ja (tijdelijk wachtwoord)"
        return "ja"

    def _load(self) -> None:
        self.model.set_rows(
            self._services.members.list(include_inactive=self.show_inactive.isChecked())
        )
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        member = self._selected()
        active = member is None or member.active
        for button in (self.password_button, self.contact_button, self.role_button):
            button.setEnabled(active)
        self.deactivate_button.setEnabled(member is not None and member.active)
        self.reactivate_button.setEnabled(member is not None and not member.active)

    def _selected(self):  # type: ignore[no-untyped-def]
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def _add(self) -> None:
        self.fieldset.clear_errors()
        try:
            self._services.accounts.add(
                self.name_field.text(),
                self.initials_field.text(),
                self.role_box.currentData(),
                self.password_field.text(),
                self.again_field.text(),
            )
        except WijkteamError as error:
            if field_errors(error):
                self.fieldset.show_errors(field_errors(error))
            else:
                show_error(self, error)
            return
        self.changed = True
        for field in (self.name_field, self.initials_field, self.password_field, self.again_field):
            field.clear()
        self._load()

    def _set_password(self) -> None:
        member = self._selected()
        if member is None:
            return

        def save(password: str, again: str) -> None:
            self._services.accounts.set_password(member.id, password, again)

        dialog = temporary_password(self, member.name, save, self._runner, reactivating=False)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.changed = True
            self._load()

    def _reactivate(self) -> None:
        member = self._selected()
        if member is None or member.active:
            return

        def save(password: str, again: str) -> None:
            self._services.accounts.reactivate(member.id, password, again)

        dialog = temporary_password(self, member.name, save, self._runner, reactivating=True)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.changed = True
            self._load()

    def _edit_contact(self) -> None:
        member = self._selected()
        if member is None:
            return
        own = member.id == self._services.context.actor.member_id
        if ContactDialog(self._services, member, self, own=own).exec():
            self.changed = True
            self._load()

    def _toggle_role(self) -> None:
        member = self._selected()
        if member is None:
            return
        role = (
            MemberRole.MEMBER if member.role is MemberRole.COORDINATOR else MemberRole.COORDINATOR
        )
        self._run(lambda: self._services.accounts.set_role(member.id, role))

    def _deactivate(self) -> None:
        member = self._selected()
        if member is None:
            return
        if not confirm_destructive(
            self,
            "Account uitzetten",
            f"{member.name} kan dan niet meer aanmelden. De naam blijft bij eerder werk staan, "
            "en u kunt het account later weer aanzetten.",
            "&Ja, uitzetten",
            "De gegevens en de back-ups krijgen meteen een nieuwe sleutel, zodat het oude "
            "wachtwoord ook een oude kopie van het sleutelbestand niet meer opent.",
        ):
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            rotation = self._services.accounts.deactivate(member.id)
        except WijkteamError as error:
            QApplication.restoreOverrideCursor()
            show_error(self, error)
            return
        QApplication.restoreOverrideCursor()
        self.changed = True
        self._load()
        self.status.setText(_deactivated_text(member.name, rotation, self._names()))

    def _names(self) -> dict[object, str]:
        return {m.uuid: m.name for m in self._services.members.list(include_inactive=True)}

    def _run(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            action()
        except WijkteamError as error:
            show_error(self, error)
            return
        self.changed = True
        self._load()


def _deactivated_text(name: str, rotation: Rotation | None, names: dict[object, str]) -> str:
    text = f"Het account van {name} staat uit."
    if rotation is not None:
        text += (
            " De gegevens en de back-ups hebben een nieuwe sleutel: een oud wachtwoord opent "
            "ook een oude kopie van het sleutelbestand niet meer."
        )
        lost = [names.get(u, "een teamlid") for u in rotation.lost_accounts]
        if lost:
            text += (
                f" Geef {', '.join(lost)} een nieuw wachtwoord (Wachtwoord instellen): dat "
                "account was nog van een oudere versie van Wijkteam."
            )
    return text
