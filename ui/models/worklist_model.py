"""Werkvoorraad's table: filters, sorting and paging happen in SQL; rows arrive page by page
as the view scrolls (canFetchMore/fetchMore), never all at once."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from ui.formatting import deadline_text, deadline_tooltip, short_date, short_datetime
from ui.labels import STATUS
from ui.models.columns import Column
from ui.models.row_model import cell_data
from wijkteam.domain.status import AWAITING_VISIT_PLAN
from wijkteam.services.records import WorklistRow
from wijkteam.services.worklist import WorklistQuery, WorklistService, WorklistSort

PAGE = 200
Index = QModelIndex | QPersistentModelIndex

WORKLIST_COLUMNS = [
    Column("Inwoner", lambda r: r.resident_name, sort_key=WorklistSort.RESIDENT, width=230),
    Column("Wijk", lambda r: r.district or "", sort_key=WorklistSort.DISTRICT, width=110),
    Column(
        "Ontvangen", lambda r: short_date(r.received_on), sort_key=WorklistSort.RECEIVED, width=110
    ),
    Column(
        "Termijn huisbezoek",
        lambda r: _deadline_cell(r),
        tooltip=lambda r: deadline_tooltip(r.deadline),
        deadline=lambda r: _deadline_badge(r),
        sort_key=WorklistSort.DEADLINE,
        width=210,
    ),
    Column("Status", lambda r: STATUS[r.status], sort_key=WorklistSort.STATUS, width=160),
    Column(
        "Teamlid", lambda r: r.member_name or "nog niemand", sort_key=WorklistSort.MEMBER, width=150
    ),
]


def _deadline_cell(row: WorklistRow) -> str:
    if row.planned_visit_at is not None:
        return f"gepland {short_datetime(row.planned_visit_at)}"
    if row.status not in AWAITING_VISIT_PLAN:
        return short_date(row.deadline.due)
    return f"{short_date(row.deadline.due)} · {deadline_text(row.deadline)}"


def _deadline_badge(row: WorklistRow) -> Any:
    """Only meldingen still waiting for a plan get the coloured urgency badge."""
    return row.deadline if row.status in AWAITING_VISIT_PLAN else None


class WorklistModel(QAbstractTableModel):
    countChanged = Signal(int)

    def __init__(self, service: WorklistService, parent: Any = None) -> None:
        super().__init__(parent)
        self._service = service
        self._query = WorklistQuery()
        self._rows: list[WorklistRow] = []
        self._total = 0
        # Nothing is fetched until the list is first shown: a hidden list costs no start-up.
        self._active = False

    @property
    def query(self) -> WorklistQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    def set_query(self, query: WorklistQuery) -> None:
        self._query = query
        if self._active:
            self.refresh()

    def refresh(self) -> None:
        self._active = True
        self.beginResetModel()
        self._total = self._service.count(self._query)
        self._rows = self._service.rows(self._query, 0, PAGE)
        self.endResetModel()
        self.countChanged.emit(self._total)

    def row_at(self, row: int) -> WorklistRow:
        return self._rows[row]

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self._service.rows(self._query, len(self._rows), PAGE)
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(WORKLIST_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return WORKLIST_COLUMNS[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return cell_data(WORKLIST_COLUMNS[index.column()], self._rows[index.row()], role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = WORKLIST_COLUMNS[column].sort_key
        if key is None:
            return
        self.set_query(
            replace(
                self._query,
                sort=WorklistSort(key),
                descending=order == Qt.SortOrder.DescendingOrder,
            )
        )
