"""Vandaag: the first screen. What needs doing now, deadlines first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.formatting import day_and_time, deadline_tooltip, long_date, short_date
from ui.labels import CHANNEL
from ui.models.columns import Column
from ui.navigator import Navigator
from ui.pages.today_sections import Section, SectionTabs, open_rows
from ui.referrals import today_section as referral_alerts
from ui.referrals.today_section import REFERRAL_ALERT_COLUMNS
from ui.steps.follow_up_flow import move_follow_up, record_follow_up
from ui.widgets.fields import heading, muted
from wijkteam.services.steps.records import FollowUpRecord
from wijkteam.wiring import Services

UNPLANNED_COLUMNS = [
    Column(
        "Termijn huisbezoek",
        lambda r: short_date(r.deadline.due),
        tooltip=lambda r: deadline_tooltip(r.deadline),
        deadline=lambda r: r.deadline,
    ),
    Column("Inwoner", lambda r: r.resident_name, tooltip=lambda r: r.resident_name, max_width=210),
    Column("Wijk", lambda r: r.district or "", width=90),
    Column("Ontvangen", lambda r: short_date(r.received_on)),
    Column("Teamlid", lambda r: r.member_name or "nog niemand"),
]
TODAY_VISIT_COLUMNS = [
    Column("Tijd", lambda r: f"{r.planned_at:%H:%M}"),
    Column("Inwoner", lambda r: r.resident_name, tooltip=lambda r: r.resident_name, max_width=210),
    Column("Adres", lambda r: r.address, tooltip=lambda r: r.address, stretch=True),
    Column("Teamlid", lambda r: r.member_name or "", width=130),
]
FOLLOW_UP_COLUMNS = [
    Column(
        "Nabellen",
        lambda r: short_date(r.due_on),
        tooltip=lambda r: follow_up_tooltip(r),
        deadline=lambda r: r.deadline,
    ),
    Column("Inwoner", lambda r: r.resident_name, tooltip=lambda r: r.resident_name, max_width=210),
    Column("Afspraak", lambda r: r.step_what, tooltip=lambda r: r.step_what, stretch=True),
    Column("Via", lambda r: via_text(r)),
    Column("Teamlid", lambda r: r.member_name or "", width=130),
]
WEEK_VISIT_COLUMNS = [
    Column("Wanneer", lambda r: day_and_time(r.planned_at)),
    Column("Inwoner", lambda r: r.resident_name, tooltip=lambda r: r.resident_name, max_width=210),
    Column("Adres", lambda r: r.address, tooltip=lambda r: r.address, stretch=True),
    Column("Teamlid", lambda r: r.member_name or "", width=130),
]


SIDE_BY_SIDE_WIDTH = 1600  # the page's width from which its lists stand side by side


def via_text(row: FollowUpRecord) -> str:
    """'Telefoon', or 'Telefoon, poging 2' when an earlier attempt did not reach them."""
    return CHANNEL[row.channel] + (f", poging {row.attempt}" if row.attempt > 1 else "")


def follow_up_tooltip(row: FollowUpRecord) -> str:
    late = " (te laat)" if row.deadline.days_left < 0 else ""
    return f"Nabellen gepland op {long_date(row.due_on)}{late}"


class TodayPage(QWidget):
    """The main list (home visits still to plan) on top, as tall as the screen allows; the
    shorter lists in tabs below it, each tab with its count."""

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
            "Huisbezoeken vandaag",
            TODAY_VISIT_COLUMNS,
            "Vandaag geen huisbezoeken gepland.",
            titled=False,
        )
        self.visits_week = Section(
            "Later deze week",
            WEEK_VISIT_COLUMNS,
            "Verder deze week geen huisbezoeken gepland.",
            titled=False,
        )
        self.follow_ups = Section(
            "Nabellen", FOLLOW_UP_COLUMNS, "Vandaag hoeft u niemand na te bellen.", titled=False
        )
        self.referrals = Section(
            referral_alerts.TITLE,
            REFERRAL_ALERT_COLUMNS,
            referral_alerts.EMPTY_TEXT,
            titled=False,
        )
        self.record_button = QPushButton("Nabellen vast&leggen…")
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
        hint.setWordWrap(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.plan_button)
        buttons.addWidget(hint)
        buttons.addStretch(1)
        self.unplanned.layout().addLayout(buttons)

        self.tabs = SectionTabs()
        self.tabs.add(self.visits_today, "Huisbezoeken &vandaag")
        self.tabs.add(self.follow_ups, "&Nabellen")
        self.tabs.add(self.referrals, "Doorverw&ijzingen")
        self.tabs.add(self.visits_week, "Later deze &week")
        self.lists = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.lists.addWidget(self.unplanned, 5)
        self.lists.addWidget(self.tabs, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.date_label)
        layout.addLayout(self.lists, 1)

        for section in (self.unplanned, self.visits_today, self.visits_week, self.follow_ups):
            open_rows(section, lambda r: navigator.open_dossier(r.resident_id, r.report_id))
        open_rows(
            self.referrals,
            lambda r: navigator.open_referral(r.resident_id, r.report_id, r.referral_id),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a wide screen the shorter lists stand beside the main one, both full height."""
        super().resizeEvent(event)
        wide = event.size().width() >= SIDE_BY_SIDE_WIDTH
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.lists.direction() != direction:
            self.lists.setDirection(direction)
            self.lists.setStretch(0, 1 if wide else 5)
            self.lists.setStretch(1, 1 if wide else 3)

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
        self.tabs.refreshed()

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
