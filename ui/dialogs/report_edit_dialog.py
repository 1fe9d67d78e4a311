"""Melding wijzigen: correct what was recorded when the melding came in (who reported it,
the question, the source, the date, the zaaknummer). Who has the melding is changed by
handing it over (ui/dialogs/handover_dialog.py)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.feedback import show_error
from ui.formatting import short_date
from ui.labels import RELATION_SUGGESTIONS, SOURCE
from ui.messages import field_errors
from ui.widgets.fields import DateField, FieldSet, heading, muted
from wijkteam.domain.enums import ReportSource
from wijkteam.errors import WijkteamError
from wijkteam.services.inputs import ReportInput
from wijkteam.services.records import ReportRecord
from wijkteam.wiring import Services


class ReportEditDialog(QDialog):
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
        self.saved: ReportRecord | None = None
        self.setWindowTitle("Melding wijzigen")
        self.resize(620, 520)
        self.fieldset = FieldSet()
        self.reporter_name = QLineEdit(report.reporter_name or "")
        self.reporter_relation = QComboBox()
        self.reporter_relation.setEditable(True)
        self.reporter_relation.addItems(["", *RELATION_SUGGESTIONS])
        self.reporter_relation.setCurrentText(report.reporter_relation or "")
        self.reporter_contact = QLineEdit(report.reporter_contact or "")
        self.source = QComboBox()
        for source in ReportSource:
            self.source.addItem(SOURCE[source], source)
        self.source.setCurrentIndex(max(self.source.findData(report.source), 0))
        self.received = DateField()
        self.received.set_date(report.received_on)
        self.case_reference = QLineEdit(report.case_reference or "")
        self.question = QPlainTextEdit(report.question)
        self.question.setTabChangesFocus(True)
        form = QFormLayout()
        add = self.fieldset.add
        add(form, "reporter_name", "&Melder", self.reporter_name)
        add(form, "reporter_relation", "&Relatie tot inwoner", self.reporter_relation)
        add(form, "reporter_contact", "&Contact melder", self.reporter_contact)
        add(form, "source", "&Bron", self.source)
        add(form, "received_on", "Ont&vangen op", self.received)
        add(form, "case_reference", "Zaa&knummer", self.case_reference)
        add(form, "question", "Vraa&g in de woorden\nvan de melder *", self.question)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Opslaan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(resident_name, 2))
        layout.addWidget(
            muted(
                f"Melding van {short_date(report.received_on)}. Wie de melding heeft, "
                "verandert u met Overdragen."
            )
        )
        layout.addLayout(form, 1)
        layout.addWidget(buttons)
        self.question.setFocus()

    def value(self) -> ReportInput:
        return ReportInput(
            question=self.question.toPlainText(),
            source=ReportSource(self.source.currentData()),
            received_on=self.received.text(),
            reporter_name=self.reporter_name.text(),
            reporter_relation=self.reporter_relation.currentText(),
            reporter_contact=self.reporter_contact.text(),
            case_reference=self.case_reference.text(),
        )

    def _save(self) -> None:
        self.fieldset.clear_errors()
        try:
            self.saved = self._services.reports.update(self._report.id, self.value())
        except WijkteamError as error:
            if self.fieldset.show_errors(field_errors(error)) or not field_errors(error):
                show_error(self, error)
            return
        self.accept()
