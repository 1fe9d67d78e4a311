"""One melding in the dossier: the question, the deadline, the visit and what happened."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.dossier.event_texts import event_line
from ui.formatting import (
    deadline_text,
    deadline_tooltip,
    long_date,
    short_date,
    short_datetime,
)
from ui.labels import CLOSING_REASON, SOURCE, STATUS, VISIT_STATE
from ui.widgets.fields import heading, muted
from wijkteam.domain.enums import VisitState
from wijkteam.domain.status import AWAITING_VISIT_PLAN, EventKind
from wijkteam.services.records import ReportRecord

ReportAction = Callable[[ReportRecord], object]


class ReportPanel(QWidget):
    def __init__(
        self,
        on_plan: Callable[[int], None],
        on_held: Callable[[int], None],
        on_close: Callable[[int], None],
        on_summary: Callable[[int], None],
        on_edit: ReportAction | None = None,
        on_hand_over: ReportAction | None = None,
        on_reopen: ReportAction | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__()
        self._report: ReportRecord | None = None
        self._today = today
        self._reopens = on_reopen is not None
        self._hands_over = on_hand_over is not None
        self.title = heading("", 2)
        self.question = QLabel()
        self.question.setObjectName("quote")
        self.question.setWordWrap(True)
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.deadline = QLabel()
        self.deadline.setObjectName("deadline")
        self.visit = QLabel()
        self.visit.setWordWrap(True)
        self.facts = QFormLayout()
        self.history = muted()
        self.plan_button = QPushButton("Huisbezoek &plannen…")
        self.held_button = QPushButton("Huisbezoek geh&ouden")
        self.close_button = QPushButton("Melding a&fsluiten…")
        self.summary_button = QPushButton("Bezoek&verslag…")
        self.summary_button.setToolTip(
            "Een verslag van het gesprek voor de inwoner, in de eigen taal, om af te drukken"
        )
        self.summary_button.clicked.connect(lambda: self._report and on_summary(self._report.id))
        self.plan_button.clicked.connect(lambda: self._report and on_plan(self._report.id))
        self.held_button.clicked.connect(lambda: self._report and on_held(self._report.id))
        self.close_button.clicked.connect(lambda: self._report and on_close(self._report.id))
        self.edit_button = QPushButton("Melding wijzigen…")
        self.hand_over_button = QPushButton("Overdragen…")
        self.hand_over_button.setToolTip("Een collega neemt de melding over, met een korte notitie")
        self.reopen_button = QPushButton("Melding heropenen…")
        # No Alt key for these three: every letter of the dossier's Meldingen tab is taken by
        # the daily work (tabs, menus, visit and steps); they are rare and reached with Tab.
        for button, action in (
            (self.edit_button, on_edit),
            (self.hand_over_button, on_hand_over),
            (self.reopen_button, on_reopen),
        ):
            if action is None:
                button.hide()  # never show(): a button without a parent yet is a window
            else:
                button.clicked.connect(lambda _=False, a=action: self._report and a(self._report))

        buttons = QHBoxLayout()
        # Three and three (or four): one row of four was wider than the panel at 1280x800.
        for button in (self.plan_button, self.held_button, self.summary_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        more = QHBoxLayout()
        for button in (
            self.edit_button,
            self.hand_over_button,
            self.close_button,
            self.reopen_button,
        ):
            more.addWidget(button)
        more.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.question)
        layout.addWidget(self.deadline)
        layout.addWidget(self.visit)
        layout.addLayout(buttons)
        layout.addLayout(more)
        layout.addLayout(self.facts)
        layout.addWidget(heading("Verloop", 3))
        layout.addWidget(self.history)
        layout.addStretch(1)

    @property
    def report(self) -> ReportRecord | None:
        return self._report

    def show_report(self, report: ReportRecord | None) -> None:
        self._report = report
        self.setVisible(report is not None)
        if report is None:
            return
        self.title.setText(
            f"Melding van {short_date(report.received_on)} · {STATUS[report.status]}"
        )
        self.question.setText(f"“{report.question}”")
        self._show_deadline(report)
        self._show_visit(report)
        self._show_facts(report)
        self.history.setText(self._history_text(report))
        self.plan_button.setText(
            "Huisbezoek ver&plaatsen…" if report.planned_visit else "Huisbezoek &plannen…"
        )
        self.plan_button.setEnabled(report.is_open)
        planned = report.planned_visit
        self.held_button.setEnabled(
            report.is_open and planned is not None and planned.planned_at.date() <= self._today()
        )
        self.close_button.setVisible(report.is_open)
        # One of the two at a time, in the same place.
        self.hand_over_button.setVisible(report.is_open and self._hands_over)
        self.reopen_button.setVisible(not report.is_open and self._reopens)

    def _show_deadline(self, report: ReportRecord) -> None:
        due = long_date(report.deadline.due)
        if report.status in AWAITING_VISIT_PLAN:
            self.deadline.setText(f"Huisbezoek uiterlijk {due} — {deadline_text(report.deadline)}")
            self.deadline.setProperty("state", report.deadline.state.value)
        else:
            self.deadline.setText(f"Termijn huisbezoek: {due}")
            self.deadline.setProperty("state", "none")
        self.deadline.setToolTip(deadline_tooltip(report.deadline))
        self.deadline.style().unpolish(self.deadline)
        self.deadline.style().polish(self.deadline)

    def _show_visit(self, report: ReportRecord) -> None:
        planned = report.planned_visit
        if planned is None:
            held = [e for e in report.events if e.kind is EventKind.VISIT_HELD]
            visit = next((v for v in report.visits if v.state is VisitState.HELD), None)
            if held:
                self.visit.setText(f"Huisbezoek gehouden op {short_date(held[-1].occurred_at)}")
            elif visit:
                self.visit.setText(f"Huisbezoek gehouden op {short_datetime(visit.planned_at)}")
            else:
                self.visit.setText("Nog geen huisbezoek gepland.")
            return
        late = planned.planned_at.date() > report.deadline.due
        text = (
            f"Huisbezoek gepland op {long_date(planned.planned_at.date())} om "
            f"{planned.planned_at:%H:%M}"
        )
        if planned.member_name:
            text += f" met {planned.member_name}"
        if late:
            text += " — let op: na de termijn van twee weken"
        self.visit.setText(text)

    def _show_facts(self, report: ReportRecord) -> None:
        while self.facts.rowCount():
            self.facts.removeRow(0)
        reporter = ", ".join(p for p in (report.reporter_name, report.reporter_relation) if p)
        rows = [
            ("Melder", reporter or "onbekend"),
            ("Contact melder", report.reporter_contact or ""),
            ("Bron", SOURCE[report.source]),
            ("Ontvangen", long_date(report.received_on)),
            ("Teamlid", report.assigned_member_name or "nog niemand"),
            ("Zaaknummer", report.case_reference or ""),
        ]
        if report.closing_reason:
            rows.append(
                (
                    "Afgesloten",
                    f"{short_date(report.closed_on)} · {CLOSING_REASON[report.closing_reason]}",
                )
            )
        for label, value in rows:
            if value:
                text = QLabel(value)
                text.setWordWrap(True)
                text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.facts.addRow(f"{label}:", text)

    @staticmethod
    def _history_text(report: ReportRecord) -> str:
        lines = [event_line(e) for e in report.events] or [
            f"{short_datetime(c.changed_at)} — {STATUS[c.status]}"
            + (f" ({html.escape(c.note)})" if c.note else "")
            for c in report.history
        ]
        if report.visits:
            lines.append("<b>Huisbezoeken</b>")
        for visit in reversed(report.visits):
            reason = f" — reden: {html.escape(visit.replan_reason)}" if visit.replan_reason else ""
            who = f" met {html.escape(visit.member_name)}" if visit.member_name else ""
            lines.append(
                f"{short_datetime(visit.planned_at)}{who}: {VISIT_STATE[visit.state]}{reason}"
            )
        return "<br>".join(lines) or "Nog niets vastgelegd."
