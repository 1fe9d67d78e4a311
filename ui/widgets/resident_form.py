"""The resident's details, used in Nieuwe melding and in the dossier."""

from __future__ import annotations

from dataclasses import fields, replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ui.formatting import format_phone, short_date
from ui.labels import CHANNEL, KNOWN_DISTRICTS, LANGUAGE
from ui.widgets.fields import DateField, FieldSet, FormField
from ui.widgets.text_box import TextBox
from wijkteam.domain.enums import Channel, Language
from wijkteam.services.inputs import ResidentInput
from wijkteam.services.records import ResidentRecord


class ResidentForm(QWidget):
    """Emits identityChanged when BSN, surname or birth date were edited (duplicate check)."""

    identityChanged = Signal()

    def __init__(self, *, with_network_notes: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fieldset = FieldSet()
        self._pristine: ResidentInput | None = None
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add = self.fieldset.add

        self.surname = QLineEdit()
        self.prefix = QLineEdit()
        self.prefix.setPlaceholderText("bijv. van, de")
        self.first_names = QLineEdit()
        self.birth_date = DateField()
        self.bsn = QLineEdit()
        self.bsn.setPlaceholderText("alleen als het werk erom vraagt")
        self.bsn.setMaxLength(11)
        self.bsn_confirmed = QCheckBox("BSN is bevestigd door de gemeente")
        self.bsn_confirmed.setToolTip(
            "Een BSN dat de elfproef doorstaat, hoort daarmee nog niet bij deze persoon. "
            "Vink dit alleen aan als de gemeente het nummer heeft bevestigd."
        )
        self.street = QLineEdit()
        self.house_number = QLineEdit()
        self.house_number.setMaximumWidth(90)
        self.house_number_suffix = QLineEdit()
        self.house_number_suffix.setMaximumWidth(70)
        self.house_number_suffix.setPlaceholderText("toev.")
        self.postcode = QLineEdit()
        self.postcode.setPlaceholderText("1234 AB")
        self.postcode.setMaximumWidth(120)
        self.place = QLineEdit()
        self.district = QComboBox()
        self.district.setEditable(True)
        self.district.addItems(["", *KNOWN_DISTRICTS])
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("bijv. 043 306 1234 of +49 241 123456")
        self.email = QLineEdit()
        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(CHANNEL[channel], channel)
        self.language = QComboBox()
        for language in Language:
            self.language.addItem(LANGUAGE[language], language)
        self.language.setToolTip("De taal waarin het bezoekverslag voor de inwoner wordt geprint")

        add(form, "surname", "&Achternaam *", self.surname)
        add(form, "prefix", "&Voorvoegsel", self.prefix)
        add(form, "first_names", "Voornam&en", self.first_names)
        add(form, "birth_date", "Geboortedatum", self.birth_date)
        add(form, "bsn", "BSN", self.bsn)
        form.addRow("", self.bsn_confirmed)
        add(form, "street", "Straat", self.street)
        form.addRow(self._house_label(), self._house_row())
        add(form, "postcode", "&Postcode", self.postcode)
        add(form, "place", "&Woonplaats", self.place)
        add(form, "district", "Wij&k of kern", self.district)
        add(form, "phone", "Te&lefoon", self.phone)
        add(form, "email", "E-ma&il", self.email)
        add(form, "preferred_channel", "Lie&fst bereikbaar via", self.channel)
        add(form, "language", "Taal verslag", self.language)
        self.network_notes: QPlainTextEdit | None = None
        if with_network_notes:
            self.network_notes = TextBox()
            self.network_notes.setPlaceholderText(
                "Familie, buren, vrienden, mantelzorgers: wie is er in het leven van de inwoner?"
            )
            self.network_notes.setMinimumHeight(90)
            add(form, "network_notes", "Netwerk", self.network_notes)

        for editor in (self.surname, self.bsn):
            editor.editingFinished.connect(self.identityChanged)
        self.birth_date.editingFinished.connect(self.identityChanged)
        self.place.editingFinished.connect(self._suggest_district)

    def _house_label(self) -> QLabel:
        label = QLabel("Huisnummer")
        label.setBuddy(self.house_number)
        return label

    def _house_row(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        number = FormField(self.house_number)
        suffix = FormField(self.house_number_suffix)
        self.fieldset.fields["house_number"] = number
        self.fieldset.fields["house_number_suffix"] = suffix
        layout.addWidget(number)
        layout.addWidget(suffix)
        layout.addStretch(1)
        return row

    def _suggest_district(self) -> None:
        if not self.district.currentText().strip():
            self.district.setEditText(self.place.text().strip())

    def value(self) -> ResidentInput:
        return ResidentInput(
            surname=self.surname.text(),
            first_names=self.first_names.text(),
            prefix=self.prefix.text(),
            birth_date=self.birth_date.text(),
            bsn=self.bsn.text(),
            bsn_confirmed=self.bsn_confirmed.isChecked(),
            street=self.street.text(),
            house_number=self.house_number.text(),
            house_number_suffix=self.house_number_suffix.text(),
            postcode=self.postcode.text(),
            place=self.place.text(),
            district=self.district.currentText(),
            phone=self.phone.text(),
            email=self.email.text(),
            preferred_channel=self.channel.currentData(),
            language=self.language.currentData(),
            network_notes=self.network_notes.toPlainText() if self.network_notes else "",
        )

    def set_record(self, r: ResidentRecord) -> None:
        self._show(_shown(r))
        self.fieldset.clear_errors()
        self._pristine = self.value()

    def rebase(self, r: ResidentRecord) -> None:
        """Show a newer version of the record (a sync, a settled conflict) under the member's
        unsaved edits: the fields they changed keep their text, every other field takes the new
        value, so a later save never writes back a stale copy of a colleague's change."""
        if self._pristine is None:
            self.set_record(r)
            return
        mine, base, theirs = self.value(), self._pristine, _shown(r)
        edited = {
            f.name: getattr(mine, f.name)
            for f in fields(ResidentInput)
            if getattr(mine, f.name) != getattr(base, f.name)
        }
        self._show(replace(theirs, **edited))
        self._pristine = theirs if edited else self.value()

    def _show(self, v: ResidentInput) -> None:
        self.surname.setText(v.surname)
        self.prefix.setText(v.prefix)
        self.first_names.setText(v.first_names)
        self.birth_date.setText(v.birth_date)
        self.bsn.setText(v.bsn)
        self.bsn_confirmed.setChecked(v.bsn_confirmed)
        self.street.setText(v.street)
        self.house_number.setText(v.house_number)
        self.house_number_suffix.setText(v.house_number_suffix)
        self.postcode.setText(v.postcode)
        self.place.setText(v.place)
        self.district.setEditText(v.district)
        self.phone.setText(v.phone)
        self.email.setText(v.email)
        self.channel.setCurrentIndex(self.channel.findData(v.preferred_channel))
        self.language.setCurrentIndex(self.language.findData(v.language))
        if self.network_notes is not None:
            self.network_notes.setPlainText(v.network_notes)

    def is_modified(self) -> bool:
        """True when the member changed something since the record was shown."""
        return self._pristine is not None and self.value() != self._pristine


def _shown(r: ResidentRecord) -> ResidentInput:
    """The record as the form shows it (dates and phone numbers formatted)."""
    return ResidentInput(
        surname=r.surname,
        first_names=r.first_names or "",
        prefix=r.prefix or "",
        birth_date=short_date(r.birth_date),
        bsn=r.bsn or "",
        bsn_confirmed=r.bsn_confirmed,
        street=r.street or "",
        house_number=r.house_number or "",
        house_number_suffix=r.house_number_suffix or "",
        postcode=r.postcode or "",
        place=r.place or "",
        district=r.district or "",
        phone=format_phone(r.phone),
        email=r.email or "",
        preferred_channel=r.preferred_channel,
        language=r.language,
        network_notes=r.network_notes or "",
    )
