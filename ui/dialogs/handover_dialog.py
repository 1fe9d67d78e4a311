"""Overdragen (another member takes the melding, with a short note for them) and heropenen
(a closed melding opens again, with the reason). Both become events on the melding."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.feedback import show_error
from ui.formatting import short_date
from ui.messages import field_errors
from ui.widgets.fields import FieldSet, heading, muted
from wijkteam.errors import WijkteamError
from wijkteam.services.records import ReportRecord
from wijkteam.wiring import Services

NOTE_HINT = "Kort, zonder persoonlijke details: die staan in het dossier."


class _ReportDialog(QDialog):
    """A small form about one melding: heading, explanation, fields, Opslaan/Annuleren."""

    def __init__(
        self, title: str, resident_name: str, explanation: str, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(520, 240)
        self.fieldset = FieldSet()
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(resident_name, 2))
        self.explanation = muted(explanation)
        layout.addWidget(self.explanation)
        layout.addLayout(self.form)
        layout.addWidget(muted(NOTE_HINT))  # beside the field it would not fit at 1280×800
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.saved: ReportRecord | None = None

    def _call(self, action) -> None:  # type: ignore[no-untyped-def]
        self.fieldset.clear_errors()
        try:
            self.saved = action()
        except WijkteamError as error:
            if self.fieldset.show_errors(field_errors(error)) or not field_errors(error):
                show_error(self, error)
            return
        self.accept()

    def _save(self) -> None:
        raise NotImplementedError


class HandoverDialog(_ReportDialog):
    def __init__(
        self,
        services: Services,
        report: ReportRecord,
        resident_name: str,
        parent: QWidget | None = None,
    ) -> None:
        now = report.assigned_member_name or "nog niemand"
        when = (
            "na de volgende synchronisatie van beide laptops"
            if services.team.status().connected
            else "meteen"
        )
        super().__init__(
            "Melding overdragen",
            resident_name,
            f"Melding van {short_date(report.received_on)}, nu bij: {now}. Het teamlid dat de "
            f"melding overneemt, ziet hem {when} in Vandaag en de werkvoorraad, met de "
            "nabelafspraken die nog open staan.",
            parent,
        )
        self._services = services
        self._report = report
        self.member_box = QComboBox()
        for member in services.members.list():
            if member.id != report.assigned_member_id:
                self.member_box.addItem(member.name, member.id)
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        self.note.setPlaceholderText("bijv. drie weken afwezig")
        self.fieldset.add(self.form, "handover_member", "&Aan teamlid", self.member_box)
        self.fieldset.add(self.form, "handover_note", "&Notitie voor de collega", self.note)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("O&verdragen")
        self.member_box.setFocus()

    def _save(self) -> None:
        member_id = self.member_box.currentData()
        if member_id is None:
            self.reject()  # nobody else in the team
            return
        self._call(
            lambda: self._services.reports.hand_over(self._report.id, member_id, self.note.text())
        )


class ReopenDialog(_ReportDialog):
    def __init__(
        self,
        services: Services,
        report: ReportRecord,
        resident_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            "Melding heropenen",
            resident_name,
            f"Melding van {short_date(report.received_on)}, afgesloten op "
            f"{short_date(report.closed_on)}. Na heropenen gaat de melding verder waar hij "
            "was; de reden komt in het verloop.",
            parent,
        )
        self._services = services
        self._report = report
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText("bijv. de inwoner belt opnieuw")
        self.fieldset.add(self.form, "reopen_reason", "&Reden *", self.reason)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Heropenen")
        self.reason.setFocus()

    def _save(self) -> None:
        self._call(lambda: self._services.reports.reopen(self._report.id, self.reason.text()))
