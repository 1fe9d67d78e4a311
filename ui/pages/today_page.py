"""Vandaag: the first screen. What needs doing now, deadlines first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.formatting import day_and_time, deadline_tooltip, long_date, short_date
from ui.labels import CHANNEL
from ui.models.columns import Column
from ui.models.row_model import RowTableModel
from ui.navigator import Navigator
from ui.referrals import today_section as referral_alerts
from ui.referrals.today_section import REFERRAL_ALERT_COLUMNS
from ui.steps.follow_up_flow import move_follow_up, record_follow_up
from ui.widgets.fields import heading, muted
from ui.widgets.tables import RowTable
from wijkteam.services.steps.records import FollowUpRecord
from wijkteam.wiring import Services

UNPLANNED_COLUMNS = [
    Column(
        "Termijn huisbezoek",
        lambda r: short_date(r.deadline.due),
        tooltip=lambda r: deadline_tooltip(r.deadline),
        deadline=lambda r: r.deadline,
        width=270,
    ),
    Column("Inwoner", lambda r: r.resident_name, width=220),
    Column("Wijk", lambda r: r.district or "", width=110),
    Column("Ontvangen", lambda r: short_date(r.received_on), width=110),
    Column("Teamlid", lambda r: r.member_name or "nog niemand"),
]
TODAY_VISIT_COLUMNS = [
    Column("Tijd", lambda r: f"{r.planned_at:%H:%M}", width=60),
    Column("Inwoner", lambda r: r.resident_name, width=170),
    Column("Adres", lambda r: r.address, stretch=True),
    Column("Teamlid", lambda r: r.member_name or "", width=130),
]
FOLLOW_UP_COLUMNS = [
    Column(
        "Nabellen",
        lambda r: short_date(r.due_on),
        tooltip=lambda r: follow_up_tooltip(r),
        deadline=lambda r: r.deadline,
        width=270,
    ),
    Column("Inwoner", lambda r: r.resident_name, width=190),
    Column("Afspraak", lambda r: r.step_what, tooltip=lambda r: r.step_what, stretch=True),
    Column("Via", lambda r: CHANNEL[r.channel], width=120),
    Column("Poging", lambda r: str(r.attempt), width=70),
    Column("Teamlid", lambda r: r.member_name or "", width=130),
]
WEEK_VISIT_COLUMNS = [
    Column("Wanneer", lambda r: day_and_time(r.planned_at), width=130),
    Column("Inwoner", lambda r: r.resident_name, width=160),
    Column("Adres", lambda r: r.address, stretch=True),
    Column("Teamlid", lambda r: r.member_name or "", width=130),
]


def follow_up_tooltip(row: FollowUpRecord) -> str:
    late = " (te laat)" if row.deadline.days_left < 0 else ""
    return f"Nabellen gepland op {long_date(row.due_on)}{late}"


class Section(QFrame):
    """A titled list with a count and a sentence for when it is empty."""

    def __init__(self, title: str, columns: list[Column], empty_text: str) -> None:
        super().__init__()
        self.setObjectName("section")
        self._title = title
        self.title = heading(title, 2)
        self.model = RowTableModel(columns, self)
        self.table = RowTable(columns)
        self.table.setModel(self.model)
        self.empty = muted(empty_text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.title.setBuddy(self.table)

    def set_rows(self, rows: list) -> None:  # type: ignore[type-arg]
        self.model.set_rows(rows)
        self.title.setText(f"{self._title} ({len(rows)})")
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)


class TodayPage(QWidget):
    def __init__(self, services: Services, navigator: Navigator) -> None:
        super().__init__()
        self._services = services
        self._navigator = navigator
        self.date_label = heading("", 1)
        self.unplanned = Section(
            "Huisbezoek nog plannen",
            UNPLANNED_COLUMNS,
            "Alle meldingen hebben een gepland huisbezoek.",
        )
        self.visits_today = Section(
            "Huisbezoeken vandaag", TODAY_VISIT_COLUMNS, "Vandaag geen huisbezoeken gepland."
        )
        self.visits_week = Section(
            "Later deze week", WEEK_VISIT_COLUMNS, "Verder deze week geen huisbezoeken gepland."
        )
        self.follow_ups = Section(
            "Nabellen", FOLLOW_UP_COLUMNS, "Vandaag hoeft u niemand na te bellen."
        )
        self.referrals = Section(
            referral_alerts.TITLE, REFERRAL_ALERT_COLUMNS, referral_alerts.EMPTY_TEXT
        )
        self.record_button = QPushButton("Nabellen &vastleggen…")
        self.move_button = QPushButton("Nabellen verpl&aatsen…")
        self.record_button.clicked.connect(lambda: self._follow_up(record_follow_up))
        self.move_button.clicked.connect(lambda: self._follow_up(move_follow_up))
        follow_up_buttons = QHBoxLayout()
        follow_up_buttons.addWidget(self.record_button)
        follow_up_buttons.addWidget(self.move_button)
        follow_up_buttons.addStretch(1)
        self.follow_ups.layout().addLayout(follow_up_buttons)
        self.plan_button = QPushButton("Huisbezoek &plannen…")
        self.plan_button.clicked.connect(self._plan_selected)
        hint = muted("Enter of dubbelklik opent het dossier.")

        top = QHBoxLayout()
        top.addWidget(self.date_label)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.plan_button)
        buttons.addWidget(hint)
        buttons.addStretch(1)
        self.unplanned.layout().addLayout(buttons)
        visits = QHBoxLayout()
        visits.addWidget(self.visits_today, 1)
        visits.addWidget(self.visits_week, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.unplanned, 3)
        follow_and_refer = QHBoxLayout()
        follow_and_refer.addWidget(self.follow_ups, 3)
        follow_and_refer.addWidget(self.referrals, 3)
        layout.addLayout(follow_and_refer, 3)
        layout.addLayout(visits, 2)

        self.unplanned.table.rowActivated.connect(
            lambda r: navigator.open_dossier(r.resident_id, r.report_id)
        )
        for section in (self.visits_today, self.visits_week, self.follow_ups):
            section.table.rowActivated.connect(
                lambda r: navigator.open_dossier(r.resident_id, r.report_id)
            )
        self.referrals.table.rowActivated.connect(
            lambda r: navigator.open_referral(r.resident_id, r.report_id, r.referral_id)
        )

    def refresh(self) -> None:
        today, tomorrow, next_monday = self._services.worklist.week_bounds()
        self.date_label.setText(f"Vandaag · {long_date(today)}")
        self.unplanned.set_rows(self._services.worklist.awaiting_visit_plan())
        self.visits_today.set_rows(self._services.worklist.visits_between(today, tomorrow))
        self.visits_week.set_rows(self._services.worklist.visits_between(tomorrow, next_monday))
        self.plan_button.setEnabled(self.unplanned.model.rowCount() > 0)
        self.follow_ups.set_rows(self._services.follow_ups.due())
        has_calls = self.follow_ups.model.rowCount() > 0
        self.record_button.setEnabled(has_calls)
        self.move_button.setEnabled(has_calls)
        self.referrals.set_rows(self._services.referrals.alerts())

    def _plan_selected(self) -> None:
        row = self.unplanned.table.current_row()
        if row is None and self.unplanned.model.rowCount():
            row = self.unplanned.model.row_at(0)
        if row is not None:
            self._navigator.plan_visit(row.report_id)

    def _follow_up(self, action) -> None:  # type: ignore[no-untyped-def]
        row = self.follow_ups.table.current_row()
        if row is None and self.follow_ups.model.rowCount():
            row = self.follow_ups.model.row_at(0)
        if row is not None:
            action(self, self._services, self._navigator, row.id)

    def focus_first_list(self) -> None:
        self.unplanned.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
