"""The sidebar: the main pages, the current one highlighted, none while a dossier is open.

A plain QListWidget picks its first row by itself when it gets the keyboard focus without a
current row. When the focus fell to the sidebar because the page that had it was hidden,
that silently opened Vandaag underneath the dossier being opened: two pages drawn on top
of each other. Here only the member's own choice (click, arrow keys, setCurrentRow) asks
for a page; showing where the member is never does.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QWidget


class Sidebar(QListWidget):
    pageChosen = Signal(int)  # the row the member chose

    def __init__(self, labels: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nav")
        self.addItems(labels)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._quiet = False
        self.currentRowChanged.connect(self._changed)

    def show_current(self, row: int) -> None:
        """Highlights `row` (-1: none) without asking for a page."""
        self._quiet = True
        try:
            if row < 0:
                self.clearSelection()
                self.setCurrentIndex(QModelIndex())
            else:
                self.setCurrentRow(row)
        finally:
            self._quiet = False

    def focusInEvent(self, event: QFocusEvent) -> None:
        row = self.currentRow()
        self._quiet = True
        try:
            super().focusInEvent(event)
        finally:
            self._quiet = False
        if row < 0 and self.currentRow() >= 0:
            self.show_current(-1)  # the sidebar tells where the member is, not where Qt was

    def _changed(self, row: int) -> None:
        if not self._quiet and row >= 0:
            self.pageChosen.emit(row)
