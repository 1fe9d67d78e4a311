"""Werkvoorraad: every open melding, filtered and searched as you type."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.labels import STATUS
from ui.models.worklist_model import WORKLIST_COLUMNS, WorklistModel
from ui.navigator import Navigator
from ui.widgets.fields import heading, muted
from ui.widgets.tables import RowTable
from wijkteam.domain.status import OPEN_STATUSES, ReportStatus
from wijkteam.wiring import Services

SEARCH_DELAY_MS = 120  # wait for a pause in typing before querying
ALL_OPEN = "open"
ALL = "all"


class WorklistPage(QWidget):
    def __init__(self, services: Services, navigator: Navigator) -> None:
        super().__init__()
        self._services = services
        self._navigator = navigator
        self.search = QLineEdit()
        self.search.setPlaceholderText("Zoek op naam, postcode of BSN")
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.status_filter = QComboBox()
        self.status_filter.addItem("Alle open meldingen", ALL_OPEN)
        for status in ReportStatus:
            self.status_filter.addItem(STATUS[status], status.value)
        self.status_filter.addItem("Alle meldingen", ALL)
        self.member_filter = QComboBox()
        self.count_label = muted()
        self.model = WorklistModel(services.worklist, self)
        self.table = RowTable(WORKLIST_COLUMNS)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(3, Qt.SortOrder.AscendingOrder)

        search_label = QLabel("&Zoeken")
        search_label.setBuddy(self.search)
        status_label = QLabel("&Status")
        status_label.setBuddy(self.status_filter)
        member_label = QLabel("Tea&mlid")
        member_label.setBuddy(self.member_filter)
        filters = QHBoxLayout()
        filters.addWidget(search_label)
        filters.addWidget(self.search, 2)
        filters.addSpacing(12)
        filters.addWidget(status_label)
        filters.addWidget(self.status_filter)
        filters.addSpacing(12)
        filters.addWidget(member_label)
        filters.addWidget(self.member_filter)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Werkvoorraad", 1))
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._apply_filters)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._search_enter)
        self.status_filter.currentIndexChanged.connect(self._apply_filters)
        self.member_filter.currentIndexChanged.connect(self._apply_filters)
        self.model.countChanged.connect(self._show_count)
        self.model.modelReset.connect(self._select_first_found)
        self.table.rowActivated.connect(
            lambda r: navigator.open_dossier(r.resident_id, r.report_id)
        )

    def refresh(self) -> None:
        self._fill_members()
        self.model.refresh()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _fill_members(self) -> None:
        current = self.member_filter.currentData()
        self.member_filter.blockSignals(True)
        self.member_filter.clear()
        self.member_filter.addItem("Alle teamleden", None)
        for member in self._services.members.list():
            self.member_filter.addItem(member.name, member.id)
        index = self.member_filter.findData(current)
        self.member_filter.setCurrentIndex(max(index, 0))
        self.member_filter.blockSignals(False)

    def _apply_filters(self) -> None:
        self._debounce.stop()
        choice = self.status_filter.currentData()
        if choice == ALL_OPEN:
            statuses = OPEN_STATUSES
        elif choice == ALL:
            statuses = frozenset(ReportStatus)
        else:
            statuses = frozenset({ReportStatus(choice)})
        self.model.set_query(
            replace(
                self.model.query,
                statuses=statuses,
                member_id=self.member_filter.currentData(),
                text=self.search.text(),
            )
        )

    def _search_enter(self) -> None:
        """Enter in the search box opens the highlighted resident at once (the first found,
        or the one chosen with the arrow keys)."""
        if self._debounce.isActive():
            self._apply_filters()  # typed faster than the search: search now
        row = self.table.current_row()
        if row is None and self.model.rowCount():
            row = self.model.row_at(0)
        if row is not None:
            self._navigator.open_dossier(row.resident_id, row.report_id)

    def _select_first_found(self) -> None:
        """While searching, the first result is highlighted: that is what Enter opens."""
        if self.model.rowCount() and self.search.text().strip():
            self.table.selectRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search box move the highlight through the results; Esc
        clears a search (in an empty one it goes back, as anywhere)."""
        if (
            watched is not self.search
            or event.type() != QEvent.Type.KeyPress
            or not isinstance(event, QKeyEvent)
        ):
            return super().eventFilter(watched, event)
        if event.key() == Qt.Key.Key_Escape and self.search.text():
            self.search.clear()
            return True
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.model.rowCount():
            current = self.table.currentIndex().row()
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            self.table.selectRow(max(0, min(self.model.rowCount() - 1, current + step)))
            return True
        return super().eventFilter(watched, event)

    def _show_count(self, total: int) -> None:
        noun = "melding" if total == 1 else "meldingen"
        self.count_label.setText(f"{total} {noun}")
