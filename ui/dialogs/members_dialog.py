"""Team › Teamleden: see the team. A coordinator also adds colleagues with their first
password, sets a new password, edits work contact details, changes roles and switches
accounts off."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
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
from ui.security.contact_dialog import ContactDialog
from ui.security.widgets import password_field
from ui.widgets.fields import FieldSet, heading, muted
from ui.widgets.tables import RowTable
from wijkteam.domain.enums import MemberRole
from wijkteam.errors import WijkteamError
from wijkteam.security.passwords import MIN_LENGTH
from wijkteam.services import Services

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
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.changed = False
        self.manages = services.accounts.is_coordinator()
        self.setWindowTitle("Teamleden")
        self.resize(900, 660)
        columns = [*MEMBER_COLUMNS, Column("Kan aanmelden", self._account_text)]
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        self.manage_row = QHBoxLayout()
        self.password_button = QPushButton("&Wachtwoord instellen…")
        self.password_button.clicked.connect(self._set_password)
        self.contact_button = QPushButton("&Contactgegevens…")
        self.contact_button.clicked.connect(self._edit_contact)
        self.role_button = QPushButton("R&ol wisselen")
        self.role_button.clicked.connect(self._toggle_role)
        self.deactivate_button = QPushButton("Account &uitzetten")
        self.deactivate_button.clicked.connect(self._deactivate)
        manage_buttons = (
            self.password_button,
            self.contact_button,
            self.role_button,
            self.deactivate_button,
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
                f"Het eerste wachtwoord heeft minstens {MIN_LENGTH} tekens. Het teamlid "
                "kiest daarna zelf een nieuw via Team › Wachtwoord wijzigen."
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
        layout.addWidget(buttons)
        self._load()

    def _account_text(self, member) -> str:  # type: ignore[no-untyped-def]
        return "ja" if self._services.accounts.has_account(member) else "nee"

    def _load(self) -> None:
        self.model.set_rows(self._services.members.list())

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
        password, ok = QInputDialog.getText(
            self,
            "Wachtwoord instellen",
            f"Nieuw wachtwoord (minstens {MIN_LENGTH} tekens):",
            QLineEdit.EchoMode.Password,
        )
        if ok:
            self._run(lambda: self._services.accounts.set_password(member.id, password, password))

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
        answer = QMessageBox.question(
            self, "Account uitzetten", "Dit teamlid kan dan niet meer aanmelden. Doorgaan?"
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: self._services.accounts.deactivate(member.id))

    def _run(self, action) -> None:  # type: ignore[no-untyped-def]
        try:
            action()
        except WijkteamError as error:
            show_error(self, error)
            return
        self.changed = True
        self._load()
