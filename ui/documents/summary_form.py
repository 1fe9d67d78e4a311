"""What goes on the resident's summary: themes to tick (and reword), what the resident
decided, the steps to tick, and the next contact. Holds the member's choices as typed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.documents.texts import theme_label
from ui.formatting import short_date
from ui.labels import CHANNEL, STEP_ACTOR
from ui.widgets.fields import DateField, FieldSet, muted
from ui.widgets.text_box import TextBox
from wijkteam.documents.summary_choices import SummaryChoices
from wijkteam.domain.documents import NextContact, NextStep, ThemeText
from wijkteam.domain.enums import Channel, Language
from wijkteam.domain.steps import StepActor

# What the member did to each theme of a conversation: (text, ticked), by key.
ThemeState = dict[str, tuple[str, bool]]

THEME_LINES = 4  # a theme's box shows about this many lines before it scrolls
# An unticked theme stays readable but clearly off the paper.
STYLE = "QPlainTextEdit:disabled { color: #6b7785; background: #eef1f4; }"


class ThemeChoice(QWidget):
    """A theme of the conversation: ticked, it goes on paper as its box reads."""

    def __init__(self, theme: ThemeText) -> None:
        super().__init__()
        self.key = theme.key
        self.check = QCheckBox(theme_label(theme.key))
        self.text = TextBox(theme.text)
        self.text.setTabChangesFocus(True)
        self.text.setEnabled(False)
        lines = self.text.fontMetrics().lineSpacing()
        self.text.setFixedHeight(lines * THEME_LINES + 12)
        self.check.toggled.connect(self.text.setEnabled)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.check)
        layout.addWidget(self.text)


class SummaryForm(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setStyleSheet(STYLE)
        self.fieldset = FieldSet()
        self.theme_choices: list[ThemeChoice] = []
        self.step_checks: list[QCheckBox] = []

        self.themes_box = QGroupBox("Waar we over spraken")
        self.themes_layout = QVBoxLayout(self.themes_box)
        self.no_themes = muted(
            "Bij dit gesprek zijn geen aantekeningen per thema vastgelegd. Het verslag noemt "
            "dan alleen wat de inwoner besloot, de afspraken en het volgende contact."
        )
        self.themes_layout.addWidget(self.no_themes)

        decision_box = QGroupBox("Wat de inwoner besloot")
        self.decision = TextBox()
        self.decision.setTabChangesFocus(True)
        self.decision.setPlaceholderText(
            "In de woorden van de inwoner, bijvoorbeeld: u wilt het koor in Lemiers proberen."
        )
        self.decision.setFixedHeight(self.decision.fontMetrics().lineSpacing() * 3 + 12)
        QVBoxLayout(decision_box).addWidget(self.decision)

        self.steps_box = QGroupBox("Afspraken en wat al gedaan is")
        self.steps_layout = QVBoxLayout(self.steps_box)
        self.no_steps = muted(
            "Bij deze melding staan nog geen afspraken. Een stap die u samen al zette, legt u "
            "vast met ‘Eerste stap direct gezet’ bij de afspraken; dan kan hij op het verslag."
        )
        self.steps_layout.addWidget(self.no_steps)

        contact_box = QGroupBox("Volgend contact")
        self.with_contact = QCheckBox("Op het verslag zetten")
        self.contact_date = DateField()
        self.contact_time = QLineEdit()
        self.contact_time.setPlaceholderText("uu:mm (mag leeg)")
        self.contact_time.setMaxLength(5)
        self.channel = QComboBox()
        self.channel.addItem("(niet vermelden)", None)
        for channel in Channel:
            self.channel.addItem(CHANNEL[channel], channel.value)
        self.contact_note = QLineEdit()
        self.contact_note.setPlaceholderText("Bijvoorbeeld: we bespreken hoe het koor was.")
        contact_form = QFormLayout()
        contact_form.addRow("", self.with_contact)
        self.fieldset.add(contact_form, "next_contact_on", "Datum", self.contact_date)
        self.fieldset.add(contact_form, "next_contact_at", "Tijd", self.contact_time)
        contact_form.addRow("Hoe", self.channel)
        contact_form.addRow("Toelichting", self.contact_note)
        self._contact_inputs = (
            self.contact_date,
            self.contact_time,
            self.channel,
            self.contact_note,
        )
        self.with_contact.toggled.connect(self._contact_toggled)
        self._contact_toggled(False)
        QVBoxLayout(contact_box).addLayout(contact_form)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.themes_box)
        layout.addWidget(decision_box)
        layout.addWidget(self.steps_box)
        layout.addWidget(contact_box)
        layout.addStretch(1)

    def _contact_toggled(self, on: bool) -> None:
        for widget in self._contact_inputs:
            widget.setEnabled(on)

    # --- filling ---------------------------------------------------------------------------
    def set_themes(self, themes: tuple[ThemeText, ...], keep: ThemeState) -> None:
        """The conversation's themes; `keep` holds what the member did earlier, by key."""
        for choice in self.theme_choices:
            choice.deleteLater()
        self.theme_choices = []
        for theme in themes:
            text, ticked = keep.get(theme.key, (theme.text, False))
            choice = ThemeChoice(ThemeText(theme.key, text))
            choice.check.setChecked(ticked)
            self.themes_layout.addWidget(choice)
            self.theme_choices.append(choice)
        self.no_themes.setVisible(not themes)

    def set_steps(self, steps: tuple[NextStep, ...], member_name: str) -> None:
        for check in self.step_checks:
            check.deleteLater()
        self.step_checks = []
        for step in steps:
            check = QCheckBox(_step_line(step, member_name))
            check.setChecked(True)  # agreements are the resident's own: printed unless untick
            self.steps_layout.addWidget(check)
            self.step_checks.append(check)
        self.no_steps.setVisible(not steps)

    def tab_chain(self) -> list[QWidget]:
        """The form as it reads: themes, decision, steps, next contact. Themes and steps are
        made after the fixed fields, so without this Tab would reach them last."""
        themes = [w for c in self.theme_choices for w in (c.check, c.text)]
        return [
            *themes,
            self.decision,
            *self.step_checks,
            self.with_contact,
            self.contact_date.line,
            self.contact_time,
            self.channel,
            self.contact_note,
        ]

    def set_next_contact(self, contact: NextContact) -> None:
        self.with_contact.setChecked(contact.on is not None)
        self.contact_date.set_date(contact.on)
        self.contact_time.setText(f"{contact.at:%H:%M}" if contact.at else "")
        channel = contact.channel.value if contact.channel is not None else None
        self.channel.setCurrentIndex(max(0, self.channel.findData(channel)))

    # --- reading ---------------------------------------------------------------------------
    def theme_state(self) -> ThemeState:
        return {c.key: (c.text.toPlainText(), c.check.isChecked()) for c in self.theme_choices}

    def choices(self, language: Language) -> SummaryChoices:
        state = self.theme_state()
        return SummaryChoices(
            language=language,
            themes=[key for key, (_text, ticked) in state.items() if ticked],
            theme_texts={key: text for key, (text, _ticked) in state.items()},
            decision=self.decision.toPlainText(),
            steps=[n for n, check in enumerate(self.step_checks) if check.isChecked()],
            with_next_contact=self.with_contact.isChecked(),
            next_contact_on=self.contact_date.text(),
            next_contact_at=self.contact_time.text(),
            next_contact_channel=_channel(self.channel.currentData()),
            next_contact_note=self.contact_note.text(),
        )


def _channel(value: str | None) -> Channel | None:
    return Channel(value) if value else None


def _step_line(step: NextStep, member_name: str) -> str:
    who = step.who_name or (member_name if step.who is StepActor.MEMBER else "")
    actor = STEP_ACTOR[step.who] + (f" ({who})" if who else "")
    if step.done_on is not None:
        when = f"al gedaan op {short_date(step.done_on)}"
    else:
        when = short_date(step.when) if step.when else "nog geen datum"
    return f"{step.what} — {actor} — {when}"
