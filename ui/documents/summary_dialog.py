"""The bezoekverslag for the resident: choose the conversation and the language, tick what
goes on paper, then print it or save it as PDF. The made PDF is kept in the dossier."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.documents.maker import DocumentMaker, Filing
from ui.documents.pdf_output import Outcome
from ui.documents.summary_checks import ReachPanel, confirm_language
from ui.documents.summary_form import SummaryForm, ThemeState
from ui.documents.texts import FILE_NAME
from ui.feedback import show_error
from ui.formatting import short_date
from ui.labels import LANGUAGE
from ui.tasks import TaskRunner
from ui.widgets.fields import heading, muted
from ui.widgets.typed_work import AsksBeforeDiscarding
from wijkteam.documents import warm_up
from wijkteam.documents.summary_choices import compose_summary
from wijkteam.domain.documents import DocumentKind, VisitSummary, VisitSummaryDraft
from wijkteam.domain.enums import Language
from wijkteam.errors import ValidationFailed, WijkteamError
from wijkteam.wiring import Services

log = logging.getLogger(__name__)

LANGUAGE_HINT = {
    Language.DUTCH: "Alleen wat u aanvinkt, komt op papier. Schrijf in gewone woorden, zoals "
    "u het de inwoner zou vertellen.",
    Language.GERMAN: "Koppen en vaste zinnen drukt Wijkteam in het Duits. Wat u hieronder "
    "schrijft, komt er letterlijk in: schrijf het in het Duits. Alleen wat u aanvinkt, komt "
    "op papier.",
    Language.ENGLISH: "Koppen en vaste zinnen drukt Wijkteam in het Engels. Wat u hieronder "
    "schrijft, komt er letterlijk in: schrijf het in het Engels. Alleen wat u aanvinkt, komt "
    "op papier.",
}

DONE_MESSAGE = {
    Outcome.PRINTED: "Bezoekverslag afgedrukt en bewaard bij de documenten van de inwoner.",
    Outcome.IN_VIEWER: "Er is geen printer ingesteld: het bezoekverslag staat open in de "
    "PDF-lezer om af te drukken. Het is bewaard bij de documenten van de inwoner.",
    Outcome.SAVED: "Bezoekverslag opgeslagen als PDF en bewaard bij de documenten van de inwoner.",
}


class VisitSummaryDialog(AsksBeforeDiscarding, QDialog):
    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        draft: VisitSummaryDraft,
        notify: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._draft = draft
        self._notify = notify
        self._kept: dict[int | None, ThemeState] = {}  # rewordings and ticks per conversation
        self._busy_building = False
        self.maker = DocumentMaker(services, runner, self)
        self.setWindowTitle("Bezoekverslag")  # no personal data in a window title
        self.resize(820, 700)

        self.conversation = QComboBox()
        for choice in draft.conversations:
            self.conversation.addItem(
                f"Huisbezoek van {short_date(choice.on)} (gesprek {choice.number})",
                choice.contact_id,
            )
        self.conversation.setEnabled(len(draft.conversations) > 1)
        self.language = QComboBox()
        for language in Language:
            self.language.addItem(LANGUAGE[language], language)
        self.language.setCurrentIndex(self.language.findData(draft.summary.language))
        self.hint = muted()
        self.form = SummaryForm()
        self.print_button = QPushButton("&Afdrukken… (Ctrl+P)")
        self.save_button = QPushButton("&Opslaan als PDF…")
        self.cancel_button = QPushButton("Annuleren")
        self._build(draft.summary)

        summary = draft.summary
        self.form.set_themes(summary.themes, {})
        self.form.set_steps(summary.next_steps, summary.member.name)
        self.form.set_next_contact(summary.next_contact)
        self._show_hint()
        index = self.conversation.findData(draft.contact_id)
        self.conversation.setCurrentIndex(index)
        self._conversation_index = index
        self._chain_tabs()
        self.conversation.currentIndexChanged.connect(self._conversation_chosen)
        self.language.currentIndexChanged.connect(self._show_hint)
        self.print_button.clicked.connect(self.print_summary)
        self.save_button.clicked.connect(self.save_summary)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_summary)
        # While the member reads and ticks, the PDF machinery loads in the background.
        self.maker.runner.submit(warm_up, lambda _: None, _warm_up_failed)

    def _build(self, summary: VisitSummary) -> None:
        choose = QFormLayout()
        if self.conversation.count():
            choose.addRow("&Gesprek", self.conversation)
        choose.addRow("&Taal van het verslag", self.language)
        title = heading(f"Bezoekverslag voor {summary.resident_name or 'de inwoner'}", 2)
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        buttons = QHBoxLayout()
        for button in (self.print_button, self.save_button, self.cancel_button):
            button.setAutoDefault(False)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        self.member_line = QLabel()
        self.reach = ReachPanel(self._fill_in_contact)
        self.reach.changed.connect(self._show_ready)
        layout.addWidget(self.member_line)
        layout.addWidget(self.reach)
        self._show_member(summary)
        layout.addLayout(choose)
        layout.addWidget(self.hint)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    @property
    def draft(self) -> VisitSummaryDraft:
        return self._draft

    def chosen_language(self) -> Language:
        return Language(self.language.currentData())

    # --- actions ---------------------------------------------------------------------------
    def print_summary(self) -> None:
        self._make(save=False)

    def save_summary(self) -> None:
        self._make(save=True)

    def _make(self, *, save: bool) -> None:
        if self._busy_building:
            return  # Ctrl+P again while the previous one is being built
        self.form.fieldset.clear_errors()
        try:
            summary = compose_summary(self._draft, self.form.choices(self.chosen_language()))
        except ValidationFailed as error:
            self.form.fieldset.show_errors(error.errors)
            return
        if not self.reach.resolved():
            return  # the buttons wait for a choice; a shortcut may still get here
        if not confirm_language(self, summary, "opslaan" if save else "afdrukken"):
            return
        filing = Filing(
            self._draft.resident_id,
            DocumentKind.VISIT_SUMMARY,
            summary.language,
            FILE_NAME[DocumentKind.VISIT_SUMMARY],
            report_id=self._draft.report_id,
            member_id=self._services.context.actor.member_id,
        )

        def prepare() -> Callable[[], bytes]:
            return lambda: _build_pdf(summary)

        self._busy(True)
        if save:
            self.maker.save(prepare, filing, "Bezoekverslag opslaan", self._finished)
        else:
            self.maker.print(prepare, filing, self._finished)

    def _finished(self, outcome: Outcome) -> None:
        self._busy(False)
        if outcome.went_out:
            self._notify(DONE_MESSAGE[outcome])
            self.accept()

    def _busy(self, busy: bool) -> None:
        """While a PDF is built the dialog stays open: what is printed is what it shows."""
        self._busy_building = busy
        self.cancel_button.setEnabled(not busy)
        self._show_ready()

    def reject(self) -> None:
        if not self._busy_building:
            super().reject()

    def _conversation_chosen(self) -> None:
        contact_id = self.conversation.currentData()
        try:
            draft = self._services.documents.visit_summary_draft(self._draft.report_id, contact_id)
        except WijkteamError as error:
            show_error(self, error)
            self.conversation.blockSignals(True)
            self.conversation.setCurrentIndex(self._conversation_index)
            self.conversation.blockSignals(False)
            return
        self._kept[self._draft.contact_id] = self.form.theme_state()
        self._draft = draft
        self._conversation_index = self.conversation.currentIndex()
        self.form.set_themes(draft.summary.themes, self._kept.get(contact_id, {}))
        self._chain_tabs()
        self._show_member(draft.summary)

    def _show_member(self, summary: VisitSummary) -> None:
        self.member_line.setText(f"Met {summary.member.name} als contactpersoon op het verslag.")
        self.reach.show_for(summary, self._may_fill_in(summary.member.member_id))

    def _may_fill_in(self, member_id: int | None) -> bool:
        """Members fill in their own contact details; a coordinator anyone's."""
        me = self._services.context.actor.member_id
        return member_id is not None and (
            member_id == me or self._services.accounts.is_coordinator()
        )

    def _fill_in_contact(self) -> None:
        from ui.security.contact_dialog import ContactDialog

        summary = self._draft.summary
        member_id = summary.member.member_id
        record = next(
            (m for m in self._services.members.list(include_inactive=True) if m.id == member_id),
            None,
        )
        if record is None:
            return
        own = member_id == self._services.context.actor.member_id
        dialog = ContactDialog(self._services, record, self, own=own)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.saved is None:
            return
        member = replace(summary.member, phone=dialog.saved.phone, email=dialog.saved.email)
        self._draft = replace(self._draft, summary=replace(summary, member=member))
        self._show_member(self._draft.summary)

    def _show_ready(self) -> None:
        ready = self.reach.resolved() and not self._busy_building
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    def _chain_tabs(self) -> None:
        chain = [self.conversation, self.language, *self.form.tab_chain(), self.print_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _show_hint(self) -> None:
        self.hint.setText(LANGUAGE_HINT[self.chosen_language()])


def _warm_up_failed(error: BaseException) -> None:
    # Not fatal: the first document then loads what it needs itself (and reports failure).
    log.warning("Loading the PDF machinery ahead failed: %s", type(error).__name__)


def _build_pdf(summary: VisitSummary) -> bytes:
    from wijkteam.documents.visit_summary import build_visit_summary

    return build_visit_summary(summary)


def open_visit_summary(
    services: Services,
    runner: TaskRunner,
    report_id: int,
    notify: Callable[[str], None],
    parent: QWidget,
    contact_id: int | None = None,
) -> bool:
    """Opens the dialog for a melding's conversation; True when a summary went out."""
    try:
        draft = services.documents.visit_summary_draft(report_id, contact_id)
    except WijkteamError as error:
        show_error(parent, error)
        return False
    dialog = VisitSummaryDialog(services, runner, draft, notify, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()  # it holds the conversation's text
