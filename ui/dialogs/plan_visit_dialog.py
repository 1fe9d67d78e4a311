"""Plan or move the home visit. The two-week deadline stays in view while choosing."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.feedback import show_error
from ui.formatting import deadline_text, long_date, short_date
from ui.messages import field_errors
from ui.widgets.fields import DateField, FieldSet, heading
from wijkteam.errors import WijkteamError
from wijkteam.services.inputs import VisitInput
from wijkteam.services.records import ReportRecord
from wijkteam.validation import parse_date
from wijkteam.wiring import Services


class PlanVisitDialog(QDialog):
    def __init__(
        self,
        services: Services,
        report: ReportRecord,
        resident_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._report = report
        replanning = report.planned_visit is not None
        self.setWindowTitle("Huisbezoek verplaatsen" if replanning else "Huisbezoek plannen")
        self.fieldset = FieldSet()
        self.date_field = DateField()
        self.time_field = QLineEdit()
        self.time_field.setPlaceholderText("uu:mm")
        self.time_field.setMaximumWidth(90)
        self.member_box = QComboBox()
        for member in services.members.list():
            self.member_box.addItem(member.name, member.id)
        self.reason_field = QLineEdit()
        self.reason_field.setPlaceholderText("bijv. inwoner ziek, op verzoek van de inwoner")
        self.warning = QLabel()
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)

        today = services.store.clock.today()
        if replanning:
            assert report.planned_visit is not None
            current = report.planned_visit.planned_at
            self.date_field.set_date(current.date())
            self.time_field.setText(f"{current:%H:%M}")
        else:
            self.date_field.set_date(today + timedelta(days=1))
            self.time_field.setText("10:00")
        # Moving a visit keeps its member; a new visit is the signed-in member's own.
        me = services.accounts.current()
        member_id = (report.planned_visit.member_id if report.planned_visit else None) or (
            me.id if me else report.assigned_member_id
        )
        if member_id is not None:
            self.member_box.setCurrentIndex(max(self.member_box.findData(member_id), 0))

        form = QFormLayout()
        self.fieldset.add(form, "visit_date", "&Datum", self.date_field)
        self.fieldset.add(form, "visit_time", "&Tijd", self.time_field)
        self.fieldset.add(form, "visit_member", "Team&lid", self.member_box)
        if replanning:
            self.fieldset.add(form, "replan_reason", "&Reden verplaatsen", self.reason_field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Opslaan")
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)

        deadline = report.deadline
        layout = QVBoxLayout(self)
        layout.addWidget(heading(resident_name, 2))
        layout.addWidget(
            QLabel(
                f"Melding ontvangen op {short_date(report.received_on)}. Huisbezoek uiterlijk "
                f"{long_date(deadline.due)} ({deadline_text(deadline)})."
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)
        self.date_field.line.textChanged.connect(self._check_deadline)
        self._check_deadline()
        self.saved: ReportRecord | None = None

    def _check_deadline(self) -> None:
        try:
            chosen = parse_date(self.date_field.text(), "visit_date")
        except WijkteamError:
            chosen = None
        late = chosen is not None and chosen > self._report.deadline.due
        self.warning.setText(
            "Let op: deze datum ligt na de termijn van twee weken." if late else ""
        )
        self.warning.setVisible(late)

    def _save(self) -> None:
        self.fieldset.clear_errors()
        data = VisitInput(
            date=self.date_field.text(),
            time=self.time_field.text(),
            member_id=self.member_box.currentData(),
            reason=self.reason_field.text(),
        )
        try:
            self.saved = self._services.visits.plan(self._report.id, data)
        except WijkteamError as error:
            if self.fieldset.show_errors(field_errors(error)) or not field_errors(error):
                show_error(self, error)
            return
        self.accept()
