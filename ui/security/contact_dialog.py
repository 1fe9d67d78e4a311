"""Team › Mijn contactgegevens: the work phone number and e-mail address that the visit
summary prints so the resident can reach the member. A coordinator opens the same dialog
for a colleague from Team › Teamleden."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.feedback import show_error
from ui.formatting import format_phone
from ui.messages import field_errors
from ui.widgets.fields import FieldSet, muted
from wijkteam.errors import WijkteamError
from wijkteam.services.records import MemberRecord
from wijkteam.wiring import Services

OWN_INTRO = (
    "Uw telefoonnummer en e-mailadres voor het werk staan op het bezoekverslag dat de "
    "inwoner krijgt, zodat de inwoner u kan bereiken. Laat een veld leeg als u het niet op "
    "het verslag wilt."
)
COLLEAGUE_INTRO = (
    "Het telefoonnummer en e-mailadres voor het werk van {name} staan op het bezoekverslag "
    "dat de inwoner krijgt, zodat de inwoner dit teamlid kan bereiken."
)


class ContactDialog(QDialog):
    def __init__(
        self,
        services: Services,
        member: MemberRecord,
        parent: QWidget | None = None,
        *,
        own: bool = True,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._member_id = member.id
        self.saved: MemberRecord | None = None
        self.setWindowTitle("Mijn contactgegevens" if own else f"Contactgegevens {member.name}")
        self.setMinimumWidth(480)
        self.fieldset = FieldSet()
        self.phone = QLineEdit(format_phone(member.phone))
        self.phone.setPlaceholderText("bijvoorbeeld 06 12345678")
        self.email = QLineEdit(member.email or "")
        self.email.setPlaceholderText("bijvoorbeeld naam@wijkteam.nl")
        self.email.setMaxLength(254)
        form = QFormLayout()
        self.fieldset.add(form, "phone", "&Telefoon (werk)", self.phone)
        self.fieldset.add(form, "email", "&E-mail (werk)", self.email)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Opslaan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.intro = muted(OWN_INTRO if own else COLLEAGUE_INTRO.format(name=member.name))
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def submit(self) -> None:
        self.fieldset.clear_errors()
        try:
            self.saved = self._services.members.set_contact(
                self._member_id, self.phone.text(), self.email.text()
            )
        except WijkteamError as error:
            errors = field_errors(error)
            if errors:
                unplaced = self.fieldset.show_errors(errors)
                self._fit_height()
                if unplaced:
                    show_error(self, error)
            else:
                show_error(self, error)
            return
        self.accept()

    def _fit_height(self) -> None:
        """Grows the dialog so the messages under the fields are not squeezed."""
        layout = self.layout()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)
