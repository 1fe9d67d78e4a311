"""Recording a follow-up call or message: reached or not, how it went, did it land."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.feedback import show_error
from ui.formatting import long_date
from ui.labels import CHANNEL, LANDING
from ui.messages import field_errors
from ui.widgets.fields import DateField, FieldSet, heading, muted
from ui.widgets.text_box import TextBox
from ui.widgets.typed_work import AsksBeforeDiscarding
from wijkteam.domain.steps import ASKS_FOR_NEXT_CALL, Landing
from wijkteam.errors import WijkteamError
from wijkteam.services.steps.records import FollowUpOutcome, FollowUpRecord, FollowUpResult


class FollowUpDialog(AsksBeforeDiscarding, QDialog):
    """`save` calls the service; the dialog stays open with every word kept when it refuses."""

    def __init__(
        self,
        follow_up: FollowUpRecord,
        proposed_retry: str,
        save: Callable[[FollowUpOutcome], FollowUpResult],
        parent: QWidget | None = None,
        *,
        proposed_next: str = "",
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.result_value: FollowUpResult | None = None
        self.setWindowTitle("Nabellen vastleggen")
        self.setMinimumWidth(560)
        attempt = f" · poging {follow_up.attempt}" if follow_up.attempt > 1 else ""
        intro = muted(
            f"{follow_up.resident_name} · {CHANNEL[follow_up.channel].lower()} · gepland op "
            f"{long_date(follow_up.due_on)}{attempt}"
        )
        self.reached = QRadioButton("&Bereikt")
        self.not_reached = QRadioButton("&Niet bereikt")
        self.reached.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.reached)
        group.addButton(self.not_reached)
        choice = QHBoxLayout()
        choice.addWidget(self.reached)
        choice.addWidget(self.not_reached)
        choice.addStretch(1)

        self.fieldset = FieldSet()
        self.reached_box = QWidget()
        reached_form = QFormLayout(self.reached_box)
        self.how = TextBox()
        self.how.setTabChangesFocus(True)
        self.how.setPlaceholderText("Wat vond de inwoner ervan? Wat is er verder nodig?")
        self.how.setMinimumHeight(90)
        self.landing = QComboBox()
        self.landing.addItem("Nog niet te zeggen", None)
        for landing in Landing:
            self.landing.addItem(LANDING[landing], landing)
        self.new_question = QLineEdit()
        self.new_question.setPlaceholderText("wordt een nieuwe afspraak")
        self.ready = QCheckBox("Klaar: de melding kan worden &afgesloten")
        self.fieldset.add(reached_form, "follow_up_outcome", "&Hoe ging het?", self.how)
        self.fieldset.add(reached_form, "landing", "Is het &geland?", self.landing)
        self.fieldset.add(reached_form, "new_question", "Nieuwe &vraag", self.new_question)
        self.next_call = QCheckBox("Nog een keer be&llen op")
        self.next_call.setChecked(True)
        self.next_call_date = DateField()
        self.next_call_date.setText(proposed_next)
        self.next_call.toggled.connect(self._next_call_toggled)
        self.ready.toggled.connect(self._ready_toggled)
        self.next_call_row = QWidget()
        next_row = QHBoxLayout(self.next_call_row)
        next_row.setContentsMargins(0, 0, 0, 0)
        next_row.addWidget(self.next_call)
        next_row.addWidget(self.next_call_date, 1)
        self.next_call_row.setFocusProxy(self.next_call_date)  # an error puts the cursor there
        self.next_call_field = self.fieldset.add(
            reached_form, "next_call_on", "Volgend belmoment", self.next_call_row
        )
        reached_form.addRow("", self.ready)
        self._reached_form = reached_form
        self.landing.currentIndexChanged.connect(self._show_next_call)
        self._show_next_call()

        self.retry_box = QWidget()
        retry_form = QFormLayout(self.retry_box)
        self.retry_date = DateField()
        self.retry_date.setText(proposed_retry)
        self.fieldset.add(retry_form, "retry_on", "Nieuwe &poging op", self.retry_date)
        self.retry_box.hide()
        self.not_reached.toggled.connect(self._switch)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Opslaan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(follow_up.step_what, 2))
        layout.addWidget(intro)
        layout.addLayout(choice)
        layout.addWidget(self.reached_box)
        layout.addWidget(self.retry_box)
        layout.addWidget(buttons)

    def outcome(self) -> FollowUpOutcome:
        if self.not_reached.isChecked():
            return FollowUpOutcome(reached=False, retry_on=self.retry_date.text())
        return FollowUpOutcome(
            reached=True,
            how_it_went=self.how.toPlainText(),
            landing=self.landing.currentData(),
            new_question=self.new_question.text(),
            next_call_on=self.next_call_date.text() if self._next_call_asked() else "",
        )

    def _asks_for_next_call(self) -> bool:
        return self.landing.currentData() in ASKS_FOR_NEXT_CALL

    def _next_call_asked(self) -> bool:
        return self._asks_for_next_call() and self.next_call.isChecked()

    def _show_next_call(self) -> None:
        """After "komt soms" or "nog niet begonnen" the next call is proposed, with a date."""
        asks = self._asks_for_next_call()
        self._reached_form.setRowVisible(self.next_call_field, asks)
        if asks and self.next_call.isChecked():
            self.ready.setChecked(False)  # there is another call: not done yet

    def _next_call_toggled(self, on: bool) -> None:
        self.next_call_date.setEnabled(on)
        if on:
            self.ready.setChecked(False)

    def _ready_toggled(self, on: bool) -> None:
        """Closing the melding and calling again exclude each other."""
        if on and self._asks_for_next_call():
            self.next_call.setChecked(False)

    @property
    def ready_to_close(self) -> bool:
        return self.reached.isChecked() and self.ready.isChecked()

    def save(self) -> None:
        self.fieldset.clear_errors()
        try:
            self.result_value = self._save(self.outcome())
        except WijkteamError as error:
            unplaced = self.fieldset.show_errors(field_errors(error))
            if unplaced or not field_errors(error):
                show_error(self, error)
            return
        self.accept()

    def _switch(self, not_reached: bool) -> None:
        self.reached_box.setVisible(not not_reached)
        self.retry_box.setVisible(not_reached)
