"""Team › Teamleden: see the team and add a colleague."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.labels import ROLE
from ui.messages import field_errors
from ui.models.columns import Column
from ui.models.row_model import RowTableModel
from ui.widgets.fields import FieldSet, heading
from ui.widgets.tables import RowTable
from wijkteam.domain.enums import MemberRole
from wijkteam.errors import WijkteamError
from wijkteam.services import Services

MEMBER_COLUMNS = [
    Column("Naam", lambda m: m.name, width=220),
    Column("Initialen", lambda m: m.initials, width=80),
    Column("Rol", lambda m: ROLE[m.role]),
]


class MembersDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.changed = False
        self.setWindowTitle("Teamleden")
        self.resize(560, 460)
        self.model = RowTableModel(MEMBER_COLUMNS, self)
        self.table = RowTable(MEMBER_COLUMNS)
        self.table.setModel(self.model)
        self.fieldset = FieldSet()
        self.name_field = QLineEdit()
        self.initials_field = QLineEdit()
        self.initials_field.setMaxLength(8)
        self.role_box = QComboBox()
        for role in MemberRole:
            self.role_box.addItem(ROLE[role], role)
        form = QFormLayout()
        self.fieldset.add(form, "member_name", "&Naam", self.name_field)
        self.fieldset.add(form, "member_initials", "&Initialen", self.initials_field)
        form.addRow("&Rol", self.role_box)
        add_button = QPushButton("&Toevoegen")
        add_button.clicked.connect(self._add)
        form.addRow("", add_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(heading("Teamlid toevoegen", 3))
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._load()

    def _load(self) -> None:
        self.model.set_rows(self._services.members.list())

    def _add(self) -> None:
        self.fieldset.clear_errors()
        try:
            self._services.members.add(
                self.name_field.text(), self.initials_field.text(), self.role_box.currentData()
            )
        except WijkteamError as error:
            self.fieldset.show_errors(field_errors(error))
            return
        self.changed = True
        self.name_field.clear()
        self.initials_field.clear()
        self._load()
