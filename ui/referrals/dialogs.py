"""The small dialogs of a referral: the request, consent, planning, completing, returning.

Each dialog saves through the service on OK and stays open with the message next to the
field when something is wrong, so nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.feedback import show_error
from ui.messages import field_errors
from ui.referrals.texts import CONSENT_FORM, KIND, LAW, OUTCOME, SPECIALIST
from ui.widgets.fields import DateField, FieldSet, muted
from ui.widgets.text_box import TextBox
from ui.widgets.typed_work import AsksBeforeDiscarding
from wijkteam.domain.referral import (
    ConsentForm,
    Law,
    ReferralKind,
    ReferralOutcome,
    Specialist,
    SupportWish,
    Urgency,
)
from wijkteam.errors import WijkteamError
from wijkteam.services.referral_records import ConsentInput, ReferralInput, ReferralRecord


class _SavingDialog(AsksBeforeDiscarding, QDialog):
    """OK runs `save`; errors go next to their fields and the dialog stays open."""

    def __init__(self, title: str, ok_text: str, intro: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(600)
        self.fieldset = FieldSet()
        self.form = QFormLayout()
        self.result_record: ReferralRecord | None = None
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        self.buttons.accepted.connect(self._try_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if intro:
            layout.addWidget(muted(intro))
        layout.addLayout(self.form)
        self.body = layout
        self._save: Callable[[], ReferralRecord] | None = None

    def finish_layout(self) -> None:
        self.body.addWidget(self.buttons)

    def set_save(self, save: Callable[[], ReferralRecord]) -> None:
        self._save = save

    def _try_save(self) -> None:
        assert self._save is not None
        self.fieldset.clear_errors()
        try:
            self.result_record = self._save()
        except WijkteamError as error:
            unplaced = self.fieldset.show_errors(field_errors(error))
            if unplaced or not field_errors(error):
                show_error(self, error)
            return
        self.accept()


class RequestDialog(_SavingDialog):
    """A new referral: consultation under a law, or escalation to a specialist."""

    def __init__(self, meldingen: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(
            "Doorverwijzing aanvragen",
            "Aanvragen",
            "Wat vraagt u aan wie? Toestemming en overdracht legt u daarna vast.",
            parent,
        )
        self.report_box = QComboBox()
        for report_id, text in meldingen:
            self.report_box.addItem(text, report_id)
        self.kind_group = QButtonGroup(self)
        kinds = QVBoxLayout()
        kinds.setContentsMargins(0, 0, 0, 0)
        self.kind_buttons: dict[ReferralKind, QRadioButton] = {}
        for kind in ReferralKind:
            button = QRadioButton(KIND[kind])
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            kinds.addWidget(button)
        self.kind_buttons[ReferralKind.CONSULTATION].setChecked(True)
        kind_row = QWidget()
        kind_row.setLayout(kinds)
        self.law_box = QComboBox()
        for law in Law:
            self.law_box.addItem(LAW[law], law)
        self.law_other = QLineEdit()
        self.law_other.setPlaceholderText("bijvoorbeeld Participatiewet of schuldhulp")
        self.specialist_box = QComboBox()
        for specialist in Specialist:
            self.specialist_box.addItem(SPECIALIST[specialist], specialist)
        self.specialist_other = QLineEdit()
        self.question = TextBox()
        self.question.setTabChangesFocus(True)
        self.question.setFixedHeight(90)
        self.urgent = QCheckBox("Spoed")
        self.urgency_reason = QLineEdit()
        self.urgency_reason.setPlaceholderText("waarom het niet kan wachten")
        f = self.fieldset
        if len(meldingen) > 1:
            self.form.addRow("&Melding", self.report_box)
        self.form.addRow("Soort", kind_row)
        self.law_field = f.add(self.form, "law", "&Wet", self.law_box)
        self.law_other_field = f.add(self.form, "law_other", "Welke &wet", self.law_other)
        self.specialist_field = f.add(self.form, "specialist", "&Specialist", self.specialist_box)
        self.specialist_other_field = f.add(
            self.form, "specialist_other", "Welke s&pecialist", self.specialist_other
        )
        f.add(self.form, "referral_question", "&Vraag", self.question)
        self.form.addRow("", self.urgent)
        self.reason_field = f.add(self.form, "urgency_reason", "&Reden spoed", self.urgency_reason)
        self.finish_layout()
        for signal in (
            self.kind_group.buttonToggled,
            self.law_box.currentIndexChanged,
            self.specialist_box.currentIndexChanged,
            self.urgent.toggled,
        ):
            signal.connect(self._show_relevant)
        self._show_relevant()

    def kind(self) -> ReferralKind:
        return next(k for k, b in self.kind_buttons.items() if b.isChecked())

    def report_id(self) -> int:
        return self.report_box.currentData()

    def value(self, member_id: int | None = None) -> ReferralInput:
        return ReferralInput(
            kind=self.kind(),
            question=self.question.toPlainText(),
            law=self.law_box.currentData(),
            law_other=self.law_other.text(),
            specialist=self.specialist_box.currentData(),
            specialist_other=self.specialist_other.text(),
            urgency=Urgency.URGENT if self.urgent.isChecked() else Urgency.NORMAL,
            urgency_reason=self.urgency_reason.text(),
            member_id=member_id,
        )

    def _show_relevant(self, *_args: object) -> None:
        consultation = self.kind() is ReferralKind.CONSULTATION
        self.law_field.setVisible(consultation)
        self.law_other_field.setVisible(consultation and self.law_box.currentData() is Law.OTHER)
        self.specialist_field.setVisible(not consultation)
        self.specialist_other_field.setVisible(
            not consultation and self.specialist_box.currentData() is Specialist.OTHER
        )
        self.reason_field.setVisible(self.urgent.isChecked())
        for field in (self.law_field, self.law_other_field, self.specialist_field):
            label = self.form.labelForField(field)
            if label is not None:
                label.setVisible(field.isVisibleTo(self))
        for field in (self.specialist_other_field, self.reason_field):
            label = self.form.labelForField(field)
            if label is not None:
                label.setVisible(field.isVisibleTo(self))


class ConsentDialog(_SavingDialog):
    def __init__(self, today: str, scope: str, parent: QWidget | None = None) -> None:
        super().__init__(
            "Toestemming vastleggen",
            "Vastleggen",
            "Zonder toestemming van de inwoner gaat er niets naar de consulent of specialist.",
            parent,
        )
        self.given_by = QLineEdit()
        self.given_by.setPlaceholderText("bijv. de inwoner zelf, of de dochter (gemachtigd)")
        self.given_on = DateField()
        self.given_on.setText(today)
        self.form_box = QComboBox()
        for form in ConsentForm:
            self.form_box.addItem(CONSENT_FORM[form], form)
        self.scope = QLineEdit(scope)
        f = self.fieldset
        f.add(self.form, "consent_given_by", "&Wie gaf toestemming", self.given_by)
        f.add(self.form, "consent_given_on", "Wann&eer", self.given_on)
        self.form.addRow("&Hoe", self.form_box)
        f.add(self.form, "consent_scope", "Waar&voor", self.scope)
        self.finish_layout()

    def value(self) -> ConsentInput:
        return ConsentInput(
            self.given_by.text(),
            self.given_on.text(),
            self.form_box.currentData(),
            self.scope.text(),
        )


class PlanDialog(_SavingDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Gesprek gepland", "Opslaan", "Wanneer is het keukentafelgesprek, en met wie?", parent
        )
        self.day = DateField()
        self.consultant = QLineEdit()
        self.fieldset.add(self.form, "planned_on", "&Datum", self.day)
        self.fieldset.add(self.form, "consultant_name", "&Consulent", self.consultant)
        self.finish_layout()


class CompleteDialog(_SavingDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Doorverwijzing afronden", "Afronden", "Wat is de uitkomst?", parent)
        self.outcome = QComboBox()
        for outcome in ReferralOutcome:
            self.outcome.addItem(OUTCOME[outcome], outcome)
        self.note = QLineEdit()
        self.note.setPlaceholderText("bijvoorbeeld: hulp bij het huishouden, 3 uur per week")
        self.form.addRow("&Uitkomst", self.outcome)
        self.fieldset.add(self.form, "outcome_note", "&Toelichting", self.note)
        self.finish_layout()


class ReturnDialog(_SavingDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Teruggestuurd",
            "Opslaan",
            "De consulent stuurde de doorverwijzing terug. Waarom?",
            parent,
        )
        self.reason = QLineEdit()
        self.fieldset.add(self.form, "returned_reason", "&Reden", self.reason)
        self.finish_layout()


class SupportDialog(_SavingDialog):
    """Before a keukentafelgesprek is asked for: was the resident told about free,
    independent client support, and what do they want?"""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Cliëntondersteuning",
            "Vastleggen en versturen",
            "Vertel de inwoner dat een gratis, onafhankelijke cliëntondersteuner kan helpen "
            "bij het keukentafelgesprek. Wat wil de inwoner?",
            parent,
        )
        self.group = QButtonGroup(self)
        self.answers: dict[SupportWish, QRadioButton] = {}
        answers = QVBoxLayout()
        answers.setContentsMargins(0, 0, 0, 0)
        for wish, text in (
            (SupportWish.WANTS, "&Wil graag een cliëntondersteuner"),
            (SupportWish.DECLINES, "Wil &geen cliëntondersteuner"),
            (SupportWish.THINKS_ABOUT_IT, "&Denkt er nog over na"),
        ):
            button = QRadioButton(text)
            self.group.addButton(button)
            self.answers[wish] = button
            answers.addWidget(button)
        box = QWidget()
        box.setLayout(answers)
        self.fieldset.add(self.form, "support_wish", "Verteld", box)
        self.ok_button.setEnabled(False)
        self.group.buttonToggled.connect(lambda *_: self.ok_button.setEnabled(True))
        self.finish_layout()

    def wish(self) -> SupportWish | None:
        return next((w for w, b in self.answers.items() if b.isChecked()), None)
