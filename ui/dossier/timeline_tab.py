"""Tijdlijn: the resident's contacts, steps and follow-ups in date order, open items on top."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.formatting import short_date
from ui.labels import CONTACT_KIND, FOLLOW_UP_STATE, LANDING, STEP_STATUS
from ui.models.columns import Column
from ui.models.row_model import RowTableModel
from ui.widgets.fields import muted
from ui.widgets.tables import RowTable
from wijkteam.domain.steps import follow_up_deadline
from wijkteam.services.steps.records import TimelineItem, TimelineKind
from wijkteam.wiring import Services

KIND_NAME = {
    TimelineKind.STEP: "Afspraak",
    TimelineKind.FOLLOW_UP: "Nabellen",
}


def _kind(item: TimelineItem) -> str:
    if item.kind is TimelineKind.CONTACT and item.contact_kind is not None:
        return CONTACT_KIND[item.contact_kind]
    return KIND_NAME.get(item.kind, "")


def _state(item: TimelineItem) -> str:
    parts: list[str] = []
    if item.step_status is not None:
        parts.append(STEP_STATUS[item.step_status])
    if item.follow_up_state is not None:
        parts.append(FOLLOW_UP_STATE[item.follow_up_state])
    if item.landing is not None:
        parts.append(LANDING[item.landing].lower())
    if item.resident_chose:
        parts.append("inwoner koos")
    return " · ".join(parts)


class TimelineTab(QWidget):
    def __init__(self, services: Services) -> None:
        super().__init__()
        self._services = services
        today = services.store.clock.today
        self._today = today
        columns = [
            Column(
                "Datum",
                lambda i: short_date(i.on),
                deadline=lambda i: self._badge(i),
                width=265,
            ),
            Column("Soort", _kind, width=130),
            Column("Wat", lambda i: i.text, tooltip=lambda i: i.text, stretch=True),
            Column("Stand", _state, width=230),
            Column("Teamlid", lambda i: i.member_name or "", width=130),
        ]
        self.model = RowTableModel(columns, self)
        self.table = RowTable(columns)
        self.table.setModel(self.model)
        self.summary = muted()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def show_resident(self, resident_id: int) -> None:
        items = self._services.timeline.for_resident(resident_id)
        self.model.set_rows(items)
        still_open = sum(1 for i in items if i.is_open)
        self.summary.setText(
            f"{still_open} open (bovenaan), daarna de rest, nieuwste eerst."
            if still_open
            else "Niets open. Nieuwste eerst."
        )

    def _badge(self, item: TimelineItem):  # type: ignore[no-untyped-def]
        if not item.is_open:
            return None
        today: date = self._today()
        return follow_up_deadline(item.on, today)
