"""A table view set up the way every list in the app behaves: whole rows, keyboard first,
Enter or double-click opens the row. Columns are as wide as their title and their text
need (a column's `width` is its minimum), so no name or title is cut; the stretching
column takes what room is left."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui.models.columns import ROW_ROLE, Column
from ui.widgets.deadline_delegate import DeadlineDelegate

MEASURED_ROWS = 60  # enough to size a column well, few enough for search-as-you-type
ROW_PADDING = 12  # above and below the text of a row
HEADER_PADDING = 2 * 6 + 4  # QHeaderView::section { padding: 6px } and a little air
SORT_ARROW = 18


class RowTable(QTableView):
    rowActivated = Signal(object)

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + ROW_PADDING)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._columns = list(columns)
        self._delegate = DeadlineDelegate(self)
        for number, column in enumerate(self._columns):
            if column.deadline is not None:
                self.setItemDelegateForColumn(number, self._delegate)
        self.activated.connect(self._activated)

    def setModel(self, model: Any) -> None:
        super().setModel(model)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        stretching = [n for n, column in enumerate(self._columns) if column.stretch]
        if stretching:
            header.setStretchLastSection(False)
            for number in stretching:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)
        self.fit_columns()
        model.modelReset.connect(self.fit_columns)
        model.rowsInserted.connect(self.fit_columns)

    def fit_columns(self) -> None:
        """Widens each column that does not stretch to its title and its text (never
        narrower than its `width`, and never narrower than it is: no jumping while typing)."""
        model = self.model()
        if model is None:
            return
        header = self.horizontalHeader()
        last = len(self._columns) - 1
        for number, column in enumerate(self._columns):
            if column.stretch or (number == last and header.stretchLastSection()):
                continue
            title = self._title_width(number)
            wanted = max(column.width or 0, title, self._content_width(number))
            if column.max_width is not None:
                wanted = min(wanted, max(column.max_width, title))
            if wanted > self.columnWidth(number):
                self.setColumnWidth(number, wanted)

    def _title_width(self, column: int) -> int:
        """The column title as painted: bold (ui/style.py), with the sort arrow's room."""
        header = self.horizontalHeader()
        font = QFont(header.font())
        font.setBold(True)
        width = QFontMetrics(font).horizontalAdvance(self._columns[column].title)
        arrow = SORT_ARROW if self.isSortingEnabled() else 0
        return max(width + HEADER_PADDING + arrow, header.sectionSizeHint(column))

    def _content_width(self, column: int) -> int:
        model = self.model()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        widest = 0
        for row in range(min(model.rowCount(), MEASURED_ROWS)):
            index = model.index(row, column)
            delegate = self.itemDelegateForIndex(index)
            widest = max(widest, delegate.sizeHint(option, index).width())
        return widest + (self.showGrid() and 1)

    def minimum_stretch_width(self) -> int:
        """The room the stretching column's title needs."""
        return max(
            (self._title_width(n) for n, c in enumerate(self._columns) if c.stretch),
            default=0,
        )

    def current_row(self) -> Any:
        index = self.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.rowActivated.emit(row)
