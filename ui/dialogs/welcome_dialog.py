"""First start on an empty store: load the demo, or begin empty with the first team member."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.messages import field_errors
from ui.widgets.fields import FieldSet, heading, muted
from wijkteam.domain.enums import MemberRole
from wijkteam.errors import WijkteamError
from wijkteam.wiring import Services


class WelcomeDialog(QDialog):
    """Accepted with `wants_demo` True (the caller loads it) or after adding a member."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.wants_demo = False
        self.setWindowTitle("Welkom bij Wijkteam")
        self.setMinimumWidth(560)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._member_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    def _choice_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading("Welkom bij Wijkteam", 1))
        layout.addWidget(
            muted(
                "Er staan nog geen gegevens op deze laptop. Wilt u eerst rondkijken met "
                "verzonnen voorbeeldgegevens (inwoners van Vaals, Lemiers, Vijlen en Holset), "
                "of meteen beginnen?"
            )
        )
        self.demo_button = QPushButton("&Demo-gegevens laden")
        self.demo_button.setDefault(True)
        self.empty_button = QPushButton("&Leeg beginnen")
        self.demo_button.clicked.connect(self._choose_demo)
        self.empty_button.clicked.connect(self._start_empty)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.empty_button)
        return page

    def _member_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading("Wie bent u?", 1))
        layout.addWidget(
            muted("U wordt het eerste teamlid. Collega's voegt u later toe via Team › Teamleden.")
        )
        self.fieldset = FieldSet()
        form = QFormLayout()
        self.name_field = QLineEdit()
        self.initials_field = QLineEdit()
        self.initials_field.setMaxLength(8)
        self.fieldset.add(form, "member_name", "&Naam", self.name_field)
        self.fieldset.add(form, "member_initials", "&Initialen", self.initials_field)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Beginnen")
        buttons.accepted.connect(self._add_member)
        layout.addWidget(buttons)
        return page

    def _start_empty(self) -> None:
        """After first start the coordinator exists already; otherwise ask who this is."""
        if self._services.members.count():
            self.accept()
        else:
            self.pages.setCurrentIndex(1)

    def _choose_demo(self) -> None:
        self.wants_demo = True
        self.accept()

    def _add_member(self) -> None:
        self.fieldset.clear_errors()
        try:
            self._services.members.add(
                self.name_field.text(), self.initials_field.text(), MemberRole.COORDINATOR
            )
        except WijkteamError as error:
            self.fieldset.show_errors(field_errors(error))
            return
        self.accept()
