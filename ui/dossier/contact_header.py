"""The facts of a contact moment above the conversation: kind, when, how long, who, and for
which melding. Only the kind and the date are required."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from ui.formatting import short_date
from ui.labels import CONTACT_KIND, MESSAGE_MEDIUM, STATUS
from ui.widgets.fields import DateField, FieldSet
from wijkteam.domain.contacts import ContactKind, MessageMedium
from wijkteam.services.contact_records import ContactInput
from wijkteam.services.records import MemberRecord, ReportRecord


class ContactHeader(QWidget):
    edited = Signal()  # the member changed a field
    momentChanged = Signal()  # kind, date, time or melding: the orientation count may change

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.fieldset = FieldSet()
        self.kind_box = QComboBox()
        for kind in ContactKind:
            self.kind_box.addItem(CONTACT_KIND[kind], kind)
        self.medium_box = QComboBox()
        for medium in MessageMedium:
            self.medium_box.addItem(MESSAGE_MEDIUM[medium], medium)
        self.member_box = QComboBox()
        self.report_box = QComboBox()
        self.report_box.setMinimumContentsLength(16)
        self.report_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.date_field = DateField()
        self.date_field.setMaximumWidth(150)
        self.time_field = QLineEdit()
        self.time_field.setPlaceholderText("uu:mm")
        self.time_field.setMaximumWidth(90)
        self.duration_field = QLineEdit()
        self.duration_field.setPlaceholderText("bijv. 45")
        self.duration_field.setMaximumWidth(90)

        what = QFormLayout()
        _row(what, "Soort", self.kind_box)
        self.fieldset.add(what, "medium", "&Via", self.medium_box)
        self.fieldset.add(what, "contact_member", "Team&lid", self.member_box)
        self.member_box.setPlaceholderText("Kies een teamlid")
        _row(what, "Meld&ing", self.report_box)
        when = QFormLayout()
        self.fieldset.add(when, "contact_date", "D&atum", self.date_field)
        self.fieldset.add(when, "contact_time", "Tijd", self.time_field)
        self.fieldset.add(when, "duration", "Duur (minuten)", self.duration_field)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(what, 3)
        layout.addSpacing(16)
        layout.addLayout(when, 2)
        self._what = what

        for box in (self.kind_box, self.report_box):
            box.currentIndexChanged.connect(self._moment_changed)
        for box in (self.medium_box, self.member_box):
            box.currentIndexChanged.connect(self._edited)
        for line in (self.date_field.line, self.time_field):
            line.textChanged.connect(self._moment_changed)
        self.duration_field.textChanged.connect(self._edited)
        self.kind_box.currentIndexChanged.connect(self._show_medium)
        self._show_medium()

    def inputs(self) -> tuple[QWidget, ...]:
        return (
            self.kind_box,
            self.medium_box,
            self.member_box,
            self.report_box,
            self.date_field.line,
            self.time_field,
            self.duration_field,
        )

    def kind(self) -> ContactKind:
        return ContactKind(self.kind_box.currentData())

    def set_choices(self, members: Sequence[MemberRecord], reports: Sequence[ReportRecord]) -> None:
        """The team members and the resident's meldingen to choose from; keeps the choice."""
        self._loading = True
        try:
            _fill(self.member_box, [(m.name, m.id) for m in members])
            _fill(
                self.report_box,
                [("Geen melding", None)]
                + [
                    (f"Melding van {short_date(r.received_on)} · {STATUS[r.status]}", r.id)
                    for r in reports
                ],
            )
        finally:
            self._loading = False

    def set_value(self, data: ContactInput, member_name: str | None = None) -> None:
        self._loading = True
        try:
            self.fieldset.clear_errors()
            _choose(self.kind_box, data.kind)
            _choose(self.medium_box, data.medium or MessageMedium.WHATSAPP)
            if data.member_id is None:  # never stored without one; the member chooses
                self.member_box.setCurrentIndex(-1)
            else:
                _choose(self.member_box, data.member_id, member_name or "een vroeger teamlid")
            _choose(self.report_box, data.report_id, "een andere melding")
            self.date_field.setText(data.date)
            self.time_field.setText(data.time)
            self.duration_field.setText(data.duration)
        finally:
            self._loading = False
        self._show_medium()

    def value(self) -> ContactInput:
        kind = self.kind()
        return ContactInput(
            kind=kind,
            date=self.date_field.text(),
            time=self.time_field.text(),
            duration=self.duration_field.text(),
            member_id=self.member_box.currentData(),
            report_id=self.report_box.currentData(),
            medium=MessageMedium(self.medium_box.currentData())
            if kind is ContactKind.MESSAGE
            else None,
        )

    def _show_medium(self) -> None:
        self._what.setRowVisible(self.fieldset.fields["medium"], self.kind() is ContactKind.MESSAGE)

    def _edited(self) -> None:
        if not self._loading:
            self.edited.emit()

    def _moment_changed(self) -> None:
        if not self._loading:
            self.edited.emit()
            self.momentChanged.emit()


def _row(layout: QFormLayout, label: str, editor: QWidget) -> None:
    text = QLabel(label)
    text.setBuddy(editor)
    layout.addRow(text, editor)


def _fill(box: QComboBox, items: list[tuple[str, object]]) -> None:
    current = box.currentData()
    box.clear()
    for text, data in items:
        box.addItem(text, data)
    index = box.findData(current)
    box.setCurrentIndex(max(index, 0))


def _choose(box: QComboBox, data: object, missing_text: str = "") -> None:
    index = box.findData(data)
    if index < 0 and data is not None:  # e.g. a member who has left the team since
        box.addItem(missing_text, data)
        index = box.count() - 1
    box.setCurrentIndex(max(index, 0))
