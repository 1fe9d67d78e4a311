"""The form with every field of a sociale-kaart entry. It only holds text: saving, and the
Dutch messages next to the fields, are done by the map tab through the service."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ui.formatting import format_phone, short_date
from ui.labels import KNOWN_DISTRICTS, MAP_ACCESS, MAP_CATEGORY, MAP_KIND
from ui.widgets.fields import DateField, FieldSet, FormField
from ui.widgets.text_box import TextBox
from wijkteam.domain.social_map import MapAccess, MapCategory, MapEntryKind
from wijkteam.services.social_map import MapEntryInput, MapEntryRecord


class EntryEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fieldset = FieldSet()
        self.record: MapEntryRecord | None = None
        self._pristine = MapEntryInput(name="")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Labels above the fields: the panel beside the list stays narrow, the fields wide.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(4)
        add = self.fieldset.add

        self.name = QLineEdit()
        self.kind = QComboBox()
        for kind in MapEntryKind:
            self.kind.addItem(MAP_KIND[kind], kind)
        self.category_boxes = {c: QCheckBox(MAP_CATEGORY[c]) for c in MapCategory}
        self.access = QComboBox()
        for access in MapAccess:
            self.access.addItem(MAP_ACCESS[access], access)
        self.target_group = QLineEdit()
        self.target_group.setPlaceholderText("bijv. ouderen, mantelzorgers, iedereen")
        self.age_min = _short_line("van")
        self.age_max = _short_line("tot")
        self.schedule = QLineEdit()
        self.schedule.setPlaceholderText("bijv. dinsdag 9.30 uur")
        self.location = QLineEdit()
        self.location.setPlaceholderText("bijv. Buurtcentrum De Linde")
        self.cost = QLineEdit()
        self.cost.setPlaceholderText("bijv. gratis, € 3 per keer")
        self.place = QComboBox()
        self.place.setEditable(True)
        self.place.addItems(["", *KNOWN_DISTRICTS])
        self.contact_name = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("bijv. 043 306 1234 of +49 241 123456")
        self.email = QLineEdit()
        self.backup_name = QLineEdit()
        self.backup_name.setPlaceholderText("wie weet het als de contactpersoon er niet is?")
        self.backup_phone = QLineEdit()
        self.website = QLineEdit()
        self.website.setPlaceholderText("www.…")
        self.description = TextBox()
        self.description.setMinimumHeight(80)
        self.description.setTabChangesFocus(True)
        self.last_checked = DateField()
        self.is_example = QCheckBox("Verzonnen voorbeeld (geen echt aanbod)")

        add(form, "name", "Naa&m *", self.name)
        add(form, "kind", "&Soort", self.kind)
        form.addRow(QLabel("Categorieën"))
        categories = FormField(self._category_grid())
        self.fieldset.fields["categories"] = categories
        form.addRow(categories)
        add(form, "access", "Toegang", self.access)
        add(form, "target_group", "Doelgroep", self.target_group)
        form.addRow(_label("&Leeftijd", self.age_min), self._age_row())
        add(form, "schedule", "&Wanneer", self.schedule)
        add(form, "location", "Waar", self.location)
        add(form, "cost", "Kosten", self.cost)
        add(form, "place", "&Plaats", self.place)
        add(form, "contact_name", "&Contactpersoon", self.contact_name)
        add(form, "phone", "T&elefoon", self.phone)
        add(form, "email", "E-mail", self.email)
        add(form, "backup_name", "Back-&up contact", self.backup_name)
        add(form, "backup_phone", "Telefoon back-up", self.backup_phone)
        add(form, "website", "Website", self.website)
        add(form, "description", "Omschrijving", self.description)
        add(form, "last_checked", "Laatst gecontroleerd", self.last_checked)
        form.addRow("", self.is_example)

    def _category_grid(self) -> QWidget:
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        for number, box in enumerate(self.category_boxes.values()):
            grid.addWidget(box, number // 2, number % 2)
        return grid_widget

    def _age_row(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for name, editor in (("age_min", self.age_min), ("age_max", self.age_max)):
            field = FormField(editor)
            self.fieldset.fields[name] = field
            layout.addWidget(field)
        layout.addWidget(QLabel("jaar"))
        layout.addStretch(1)
        return row

    # --- values -----------------------------------------------------------------------------
    def value(self) -> MapEntryInput:
        return MapEntryInput(
            name=self.name.text(),
            kind=self.kind.currentData(),
            categories=frozenset(c for c, box in self.category_boxes.items() if box.isChecked()),
            access=self.access.currentData(),
            target_group=self.target_group.text(),
            age_min=self.age_min.text(),
            age_max=self.age_max.text(),
            schedule=self.schedule.text(),
            location=self.location.text(),
            cost=self.cost.text(),
            place=self.place.currentText(),
            contact_name=self.contact_name.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            backup_name=self.backup_name.text(),
            backup_phone=self.backup_phone.text(),
            website=self.website.text(),
            description=self.description.toPlainText(),
            last_checked=self.last_checked.text(),
            active=self.record.active if self.record else True,
            is_example=self.is_example.isChecked(),
        )

    def set_record(self, record: MapEntryRecord | None) -> None:
        """Shows an entry, or an empty form for a new one (None)."""
        self.record = record
        r = record
        self.name.setText(r.name if r else "")
        self.kind.setCurrentIndex(self.kind.findData(r.kind if r else MapEntryKind.INITIATIVE))
        for category, box in self.category_boxes.items():
            box.setChecked(bool(r and category in r.categories))
        self.access.setCurrentIndex(self.access.findData(r.access if r else MapAccess.FREE))
        self.age_min.setText("" if r is None or r.age_min is None else str(r.age_min))
        self.age_max.setText("" if r is None or r.age_max is None else str(r.age_max))
        for name in _PLAIN_TEXT:
            getattr(self, name).setText((getattr(r, name) or "") if r else "")
        self.place.setEditText(r.place or "" if r else "")
        self.phone.setText(format_phone(r.phone) if r else "")
        self.backup_phone.setText(format_phone(r.backup_phone) if r else "")
        self.description.setPlainText(r.description or "" if r else "")
        self.last_checked.setText(short_date(r.last_checked) if r else "")
        self.is_example.setChecked(bool(r and r.is_example))
        self.fieldset.clear_errors()
        self._pristine = self.value()

    def is_modified(self) -> bool:
        return self.value() != self._pristine


_PLAIN_TEXT = (
    "target_group",
    "schedule",
    "location",
    "cost",
    "contact_name",
    "email",
    "backup_name",
    "website",
)


def _short_line(placeholder: str) -> QLineEdit:
    line = QLineEdit()
    line.setPlaceholderText(placeholder)
    line.setMaximumWidth(70)
    line.setMaxLength(3)
    return line


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
