"""The inline form for a new step: what, who acts, a sociale-kaart entry, when, and whether
the resident chose it.
No modal dialog: it sits next to the conversation so typing is never interrupted."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from ui.labels import STEP_ACTOR
from ui.steps.map_picker import MapPicker
from ui.widgets.fields import DateField, FieldSet
from wijkteam.domain.steps import StepActor
from wijkteam.services.steps.records import StepInput
from wijkteam.wiring import Services


class StepForm(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fieldset = FieldSet()
        self.what = QLineEdit()
        self.what.setPlaceholderText("bijv. meelopen met de wandelgroep op dinsdag")
        self.actor = QComboBox()
        for actor in StepActor:
            self.actor.addItem(STEP_ACTOR[actor], actor)
        self.actor_name = QLineEdit()
        self.actor_name.setPlaceholderText("wie precies (mag leeg)")
        who = QWidget()
        who_row = QHBoxLayout(who)
        who_row.setContentsMargins(0, 0, 0, 0)
        who_row.addWidget(self.actor)
        who_row.addWidget(self.actor_name, 1)
        self.map_picker = MapPicker(services)
        self.due = DateField()
        self.due.setMaximumWidth(180)
        self.resident_chose = QCheckBox("De inwoner &koos deze stap zelf")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.fieldset.add(form, "step_what", "&Wat", self.what)
        self.fieldset.add(form, "step_actor_name", "W&ie doet het", who)
        self.fieldset.add(form, "step_map_entry", "So&ciale kaart", self.map_picker)
        self.fieldset.add(form, "step_due", "Wanneer", self.due)
        form.addRow("", self.resident_chose)

    def value(self, contact_id: int | None = None, member_id: int | None = None) -> StepInput:
        return StepInput(
            what=self.what.text(),
            actor=self.actor.currentData(),
            actor_name=self.actor_name.text(),
            social_map_entry_id=self.map_picker.entry_id,
            due=self.due.text(),
            resident_chose=self.resident_chose.isChecked(),
            contact_id=contact_id,
            member_id=member_id,
        )

    def has_text(self) -> bool:
        """Something typed for a step that is not added yet."""
        return any(
            text.strip()
            for text in (
                self.what.text(),
                self.actor_name.text(),
                self.map_picker.text(),
                self.due.text(),
            )
        )

    def clear(self) -> None:
        self.fieldset.clear_errors()
        self.what.clear()
        self.actor.setCurrentIndex(0)
        self.actor_name.clear()
        self.map_picker.clear()
        self.due.setText("")
        self.resident_chose.setChecked(False)
