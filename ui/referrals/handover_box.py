"""The handover (overdracht): tick conversation themes and steps, prefill, edit, save."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from ui.formatting import short_date
from ui.labels import STEP_ACTOR, THEME_LABEL
from ui.widgets.fields import muted
from ui.widgets.text_box import TextBox
from wijkteam.domain.contacts import Theme
from wijkteam.domain.steps import StepActor
from wijkteam.services.referral_records import HandoverChoice, HandoverSources

THEME_ROLE = Qt.ItemDataRole.UserRole
PREVIEW = 90


class HandoverBox(QGroupBox):
    """Nothing goes into the handover that the member did not tick or type."""

    prefillRequested = Signal(object)  # HandoverChoice
    saveRequested = Signal(str)

    def __init__(self) -> None:
        super().__init__("Overdracht voor de consulent")
        self.parts = QListWidget()
        self.parts.setMinimumHeight(120)
        self.parts.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.parts.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.prefill_button = QPushButton("Aangevinkte onderdelen in de overdracht zetten")
        self.text = TextBox()
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(160)
        self.text.setPlaceholderText(
            "Wat moet de consulent weten? Vink hierboven aan wat uit de gesprekken en "
            "afspraken mee mag, of typ zelf."
        )
        self.save_button = QPushButton("Overdracht opslaan")
        self.hint = muted(
            "Alleen wat u aanvinkt komt in de overdracht. Daarna kunt u de tekst aanpassen."
        )
        self.prefill_button.clicked.connect(lambda: self.prefillRequested.emit(self.choice()))
        self.save_button.clicked.connect(lambda: self.saveRequested.emit(self.text.toPlainText()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.prefill_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.parts)
        layout.addLayout(buttons)
        layout.addWidget(self.text)

    def show_sources(self, sources: HandoverSources) -> None:
        self.parts.clear()
        for theme in sources.themes:
            words = " ".join(theme.text.split())
            preview = words if len(words) <= PREVIEW else words[: PREVIEW - 1] + "…"
            item = QListWidgetItem(
                f"Gesprek {short_date(theme.occurred_on)} · {THEME_LABEL[theme.theme]}: {preview}"
            )
            item.setData(THEME_ROLE, ("theme", theme.contact_id, theme.theme.value))
            self._checkable(item)
        for step in sources.steps:
            who = step.who_name or STEP_ACTOR[StepActor(step.who)]
            item = QListWidgetItem(f"Afspraak · {step.what} ({who})")
            item.setData(THEME_ROLE, ("step", step.step_id, ""))
            self._checkable(item)
        if not self.parts.count():
            item = QListWidgetItem("Nog geen gespreksthema’s of afspraken bij deze melding.")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.parts.addItem(item)

    def _checkable(self, item: QListWidgetItem) -> None:
        item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.parts.addItem(item)

    def choice(self) -> HandoverChoice:
        themes: set[tuple[int, Theme]] = set()
        steps: set[int] = set()
        for n in range(self.parts.count()):
            item = self.parts.item(n)
            data = item.data(THEME_ROLE)
            if data is None or item.checkState() != Qt.CheckState.Checked:
                continue
            kind, ident, theme = data
            if kind == "theme":
                themes.add((ident, Theme(theme)))
            else:
                steps.add(ident)
        return HandoverChoice(frozenset(themes), frozenset(steps))

    def set_editable(self, editable: bool) -> None:
        self.parts.setVisible(editable)
        self.prefill_button.setVisible(editable)
        self.save_button.setEnabled(editable)
        self.text.setReadOnly(not editable)
        self.hint.setText(
            "Alleen wat u aanvinkt komt in de overdracht. Daarna kunt u de tekst aanpassen."
            if editable
            else "De overdracht is verstuurd zoals hieronder staat."
        )
