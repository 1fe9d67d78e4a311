"""A table view set up the way every list in the app behaves: whole rows, keyboard first,
Enter or double-click opens the row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.models.columns import ROW_ROLE, Column
from ui.widgets.deadline_delegate import DeadlineDelegate


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
        self.verticalHeader().setDefaultSectionSize(34)
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
        for number, column in enumerate(self._columns):
            if column.width:
                self.setColumnWidth(number, column.width)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        stretching = [n for n, column in enumerate(self._columns) if column.stretch]
        if stretching:
            header.setStretchLastSection(False)
            for number in stretching:
                header.setSectionResizeMode(number, QHeaderView.ResizeMode.Stretch)

    def current_row(self) -> Any:
        index = self.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.rowActivated.emit(row)
