"""One referral in the dossier: what is asked, the clocks, consent, client support, the
handover, and its status moves as plain buttons."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.formatting import long_date, short_date
from ui.messages import error_text
from ui.referrals.dialogs import (
    CompleteDialog,
    ConsentDialog,
    PlanDialog,
    ReturnDialog,
    SupportDialog,
)
from ui.referrals.handover_box import HandoverBox
from ui.referrals.pdf import HandoverPdf
from ui.referrals.texts import (
    CONSENT_FORM,
    KIND_SHORT,
    OUTCOME,
    REFERRAL_STATUS,
    SUPPORT_WISH,
    destination,
    wmo_deadline_text,
)
from ui.tasks import TaskRunner
from ui.widgets.fields import heading, muted
from wijkteam.domain.referral import (
    REFERRAL_TRANSITIONS,
    ReferralKind,
    ReferralStatus,
    SupportWish,
    Urgency,
)
from wijkteam.errors import WijkteamError
from wijkteam.services.referral_records import HandoverChoice, ReferralRecord
from wijkteam.wiring import Services

DEFAULT_SCOPE = "Gegevens uit de gesprekken delen met de consulent voor deze vraag"


class ReferralPanel(QWidget):
    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        changed: Callable[[ReferralRecord], None],
        notify: Callable[[str], None],
    ) -> None:
        super().__init__()
        self._services = services
        self._changed = changed
        self._notify = notify
        self._referral: ReferralRecord | None = None
        self.pdf = HandoverPdf(services, runner, self)
        self.title = heading("", 2)
        self.title.setWordWrap(True)
        self.question = QLabel()
        self.question.setObjectName("quote")
        self.question.setWordWrap(True)
        self.facts = muted()
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.deadline = QLabel()
        self.deadline.setObjectName("deadline")
        self.deadline.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.hide()

        self.send_button = QPushButton("Versturen")
        self.plan_button = QPushButton("Gesprek gepland…")
        self.complete_button = QPushButton("Afronden…")
        self.return_button = QPushButton("Teruggestuurd…")
        self.reopen_button = QPushButton("Opnieuw openen")
        self.send_button.clicked.connect(self.send)
        self.plan_button.clicked.connect(self.plan)
        self.complete_button.clicked.connect(self.complete)
        self.return_button.clicked.connect(self.mark_returned)
        self.reopen_button.clicked.connect(
            lambda: self._act(lambda r: self._services.referrals.reopen(r.id))
        )
        actions = QHBoxLayout()
        for button in (
            self.send_button,
            self.plan_button,
            self.complete_button,
            self.return_button,
            self.reopen_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)

        consent_box = QGroupBox("Toestemming van de inwoner")
        self.consent_label = QLabel()
        self.consent_label.setWordWrap(True)
        self.consent_button = QPushButton("Toestemming vastleggen…")
        self.withdraw_button = QPushButton("Toestemming ingetrokken…")
        self.consent_button.clicked.connect(self.give_consent)
        self.withdraw_button.clicked.connect(self.withdraw_consent)
        consent_buttons = QHBoxLayout()
        consent_buttons.addWidget(self.consent_button)
        consent_buttons.addWidget(self.withdraw_button)
        consent_buttons.addStretch(1)
        consent_layout = QVBoxLayout(consent_box)
        consent_layout.addWidget(self.consent_label)
        consent_layout.addLayout(consent_buttons)

        support_box = QGroupBox("Onafhankelijke cliëntondersteuning")
        self.support = QComboBox()
        for wish in SupportWish:
            self.support.addItem(SUPPORT_WISH[wish], wish)
        self.support.activated.connect(self._support_chosen)
        support_layout = QHBoxLayout(support_box)
        support_layout.addWidget(
            muted("Vertel de inwoner dat een gratis, onafhankelijke cliëntondersteuner kan helpen.")
        )
        support_layout.addWidget(self.support)

        self.handover = HandoverBox()
        self.handover.prefillRequested.connect(self._prefill)
        self.handover.saveRequested.connect(self.save_handover)
        self.pdf_button = QPushButton("Overdrachtsverslag afdrukken / opslaan als PDF…")
        self.pdf_button.clicked.connect(lambda: self._referral and self.pdf.offer(self._referral))
        pdf_row = QHBoxLayout()
        pdf_row.addWidget(self.pdf_button)
        pdf_row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.question)
        layout.addWidget(self.facts)
        layout.addWidget(self.deadline)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(consent_box)
        layout.addWidget(support_box)
        layout.addWidget(self.handover, 1)
        layout.addLayout(pdf_row)

    @property
    def referral(self) -> ReferralRecord | None:
        return self._referral

    def show_referral(self, referral: ReferralRecord | None) -> None:
        previous = self._referral
        self._referral = referral
        self.setVisible(referral is not None)
        self.message.hide()
        if referral is None:
            return
        where = destination(
            referral.law, referral.law_other, referral.specialist, referral.specialist_other
        )
        self.title.setText(
            f"{KIND_SHORT[referral.kind]} · {where} · {REFERRAL_STATUS[referral.status]}"
        )
        self.question.setText(f"“{referral.question}”")
        self.facts.setText(_facts(referral))
        self._show_deadline(referral)
        self._show_consent(referral)
        self.support.setCurrentIndex(self.support.findData(referral.support_wish))
        moves = REFERRAL_TRANSITIONS[referral.status]
        self.send_button.setEnabled(ReferralStatus.SENT in moves)
        self.plan_button.setEnabled(ReferralStatus.PLANNED in moves)
        self.complete_button.setEnabled(ReferralStatus.COMPLETED in moves)
        self.return_button.setEnabled(ReferralStatus.RETURNED in moves)
        self.reopen_button.setVisible(referral.status is ReferralStatus.RETURNED)
        editable = referral.status is ReferralStatus.CONCEPT
        if previous is None or previous.id != referral.id or not editable:
            self.handover.text.setPlainText(referral.handover_text)
            self.handover.show_sources(
                self._services.referrals.handover_sources(referral.report_id)
            )
        self.handover.set_editable(editable)
        self.pdf_button.setEnabled(referral.consent_in_force)

    def has_unsaved_handover(self) -> bool:
        """The handover text was changed and not saved (only a concept can be edited)."""
        referral = self._referral
        return (
            referral is not None
            and referral.status is ReferralStatus.CONCEPT
            and self.handover.text.toPlainText().strip() != referral.handover_text.strip()
        )

    # --- actions -------------------------------------------------------------------------
    def send(self) -> None:
        referral = self._referral
        if referral and referral.status is ReferralStatus.CONCEPT:
            self._save_handover_quietly()
        if (
            referral is not None
            and referral.consent_in_force
            and referral.kind is ReferralKind.CONSULTATION
            and self._current().support_wish is SupportWish.NOT_TOLD
            and not self._ask_support()
        ):
            return
        self._act(lambda r: self._services.referrals.send(r.id), "Doorverwijzing verstuurd.")

    def _ask_support(self) -> bool:
        """The cliëntondersteuning answer, asked for before a keukentafelgesprek is sent."""
        dialog = SupportDialog(self)
        dialog.set_save(
            lambda: self._services.referrals.set_support(
                self._current().id, dialog.wish() or SupportWish.NOT_TOLD
            )
        )
        if dialog.exec() != dialog.DialogCode.Accepted or dialog.result_record is None:
            return False
        self._after(dialog.result_record)
        return True

    def plan(self) -> None:
        dialog = PlanDialog(self)
        dialog.set_save(
            lambda: self._services.referrals.plan(
                self._current().id, dialog.day.text(), dialog.consultant.text()
            )
        )
        self._run(dialog)

    def complete(self) -> None:
        dialog = CompleteDialog(self)
        dialog.set_save(
            lambda: self._services.referrals.complete(
                self._current().id, dialog.outcome.currentData(), dialog.note.text()
            )
        )
        self._run(dialog)

    def mark_returned(self) -> None:
        dialog = ReturnDialog(self)
        dialog.set_save(
            lambda: self._services.referrals.mark_returned(self._current().id, dialog.reason.text())
        )
        self._run(dialog)

    def give_consent(self) -> None:
        today = short_date(self._services.store.clock.today())
        dialog = ConsentDialog(today, DEFAULT_SCOPE, self)
        dialog.set_save(
            lambda: self._services.referrals.give_consent(self._current().id, dialog.value())
        )
        self._run(dialog)

    def withdraw_consent(self) -> None:
        answer = QMessageBox.question(
            self,
            "Toestemming ingetrokken",
            "Heeft de inwoner de toestemming ingetrokken? Dat wordt vastgelegd met de datum "
            "van vandaag. Er gaat daarna niets meer naar de consulent.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._act(
                lambda r: self._services.referrals.withdraw_consent(r.id),
                "Intrekking van de toestemming vastgelegd.",
            )

    def save_handover(self, text: str) -> None:
        self._act(
            lambda r: self._services.referrals.save_handover(r.id, text), "Overdracht opgeslagen."
        )

    # --- helpers -------------------------------------------------------------------------
    def _current(self) -> ReferralRecord:
        assert self._referral is not None
        return self._referral

    def _prefill(self, choice: HandoverChoice) -> None:
        text = self._services.referrals.prefill_handover(self._current().report_id, choice)
        self.handover.text.setPlainText(text)
        self.handover.text.moveCursor(QTextCursor.MoveOperation.End)
        self.handover.text.setFocus()

    def _save_handover_quietly(self) -> None:
        text = self.handover.text.toPlainText()
        if text.strip() != self._current().handover_text:
            self.save_handover(text)

    def _support_chosen(self, _index: int) -> None:
        self._act(lambda r: self._services.referrals.set_support(r.id, self.support.currentData()))

    def _run(self, dialog) -> None:  # type: ignore[no-untyped-def]
        if dialog.exec() == dialog.DialogCode.Accepted and dialog.result_record is not None:
            self._after(dialog.result_record)

    def _act(self, action: Callable[[ReferralRecord], ReferralRecord], note: str = "") -> None:
        if self._referral is None:
            return
        try:
            updated = action(self._referral)
        except WijkteamError as error:
            self.message.setText(error_text(error))
            self.message.show()
            return
        self._after(updated)
        if note:
            self._notify(note)

    def _after(self, updated: ReferralRecord) -> None:
        self._changed(updated)

    def _show_deadline(self, r: ReferralRecord) -> None:
        if r.wmo_deadline is None:
            self.deadline.hide()
            return
        self.deadline.show()
        self.deadline.setText(wmo_deadline_text(r.wmo_deadline))
        self.deadline.setProperty("state", r.wmo_deadline.state.value)
        self.deadline.style().unpolish(self.deadline)
        self.deadline.style().polish(self.deadline)

    def _show_consent(self, r: ReferralRecord) -> None:
        consent = r.consent
        if consent is None:
            self.consent_label.setText("Nog geen toestemming vastgelegd. Versturen kan pas daarna.")
        else:
            text = (
                f"{CONSENT_FORM[consent.form]} gegeven door {html.escape(consent.given_by)} op "
                f"{short_date(consent.given_on)}, voor: {html.escape(consent.scope)}."
            )
            if consent.withdrawn_on is not None:
                text += f"<br><b>Ingetrokken op {short_date(consent.withdrawn_on)}.</b>"
            self.consent_label.setText(text)
        self.consent_button.setEnabled(not r.consent_in_force)
        self.withdraw_button.setEnabled(r.consent_in_force)


def _facts(r: ReferralRecord) -> str:
    parts = [f"Aangevraagd op {short_date(r.created_on)}"]
    if r.member_name:
        parts[0] += f" door {html.escape(r.member_name)}"
    if r.urgency is Urgency.URGENT:
        parts.append(f"<b>Spoed</b>: {html.escape(r.urgency_reason or '')}")
    if r.sent_at is not None:
        sent = f"Verstuurd op {short_date(r.sent_at.date())}"
        if r.days_to_send is not None:
            sent += f" ({r.days_to_send} dagen na de melding)"
        parts.append(sent)
    if r.status is ReferralStatus.SENT and r.response_due is not None:
        late = " — <b>geen reactie binnen 10 werkdagen</b>" if r.response_overdue else ""
        parts.append(f"Reactie verwacht uiterlijk {long_date(r.response_due)}{late}")
    if r.planned_on is not None:
        parts.append(
            f"Gesprek op {long_date(r.planned_on)} met {html.escape(r.consultant_name or '')}"
        )
    if r.outcome is not None:
        note = f" ({html.escape(r.outcome_note)})" if r.outcome_note else ""
        parts.append(f"Uitkomst: {OUTCOME[r.outcome]}{note}")
    if r.returned_reason:
        parts.append(f"Teruggestuurd: {html.escape(r.returned_reason)}")
    return "<br>".join(parts)
