"""Vandaag's building blocks: a list with its count and a sentence for when it is empty, and
the tabs that hold the shorter lists under the main one, each tab telling its count (and in
red when something in it is late), so every deadline shows on the first screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QTabWidget, QVBoxLayout, QWidget

from ui.models.columns import Column
from ui.models.row_model import RowTableModel
from ui.widgets.fields import heading, muted
from ui.widgets.tables import RowTable
from wijkteam.domain.deadlines import DeadlineState

LATE_COLOUR = QColor("#9f1c17")


class Section(QFrame):
    """A titled list with a count and a sentence for when it is empty. In a tab the tab
    carries the title (`titled=False`)."""

    def __init__(
        self, title: str, columns: list[Column], empty_text: str, *, titled: bool = True
    ) -> None:
        super().__init__()
        self.setObjectName("section")
        self._title = title
        self._columns = columns
        self.title = heading(title, 2)
        self.title.setVisible(titled)
        self.model = RowTableModel(columns, self)
        self.table = RowTable(columns)
        self.table.setModel(self.model)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.empty = muted(empty_text)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        self.title.setBuddy(self.table)
        self.empty.hide()

    @property
    def heading_text(self) -> str:
        return f"{self._title} ({self.model.rowCount()})"

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.model.set_rows(rows)
        self.title.setText(self.heading_text)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)

    def late(self) -> int:
        """How many rows have a deadline that has passed."""
        deadlines = [c.deadline for c in self._columns if c.deadline is not None]
        count = 0
        for number in range(self.model.rowCount()):
            row = self.model.row_at(number)
            if any(_is_late(deadline(row)) for deadline in deadlines):
                count += 1
        return count


def _is_late(deadline: Any) -> bool:
    return getattr(deadline, "state", None) is DeadlineState.OVERDUE


class SectionTabs(QTabWidget):
    """The shorter lists as tabs. The tab shown is the member's choice; until they choose,
    the first one with something in it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sections: list[tuple[Section, str]] = []
        self._chosen = False
        self._choosing = False
        self.currentChanged.connect(lambda _index: self._mark_chosen())

    def add(self, section: Section, label: str) -> None:
        """`label` holds the tab's mnemonic, e.g. "&Nabellen"."""
        self._sections.append((section, label))
        self._choosing = True
        self.addTab(section, label)
        self._choosing = False

    def refreshed(self) -> None:
        """After the sections got their rows: counts on the tabs, and a first choice."""
        for index, (section, label) in enumerate(self._sections):
            count = section.model.rowCount()
            late = section.late()
            text = f"{label} ({count})" if not late else f"{label} ({count}, {late} te laat)"
            self.setTabText(index, text)
            self.tabBar().setTabTextColor(index, LATE_COLOUR if late else QColor())
        if not self._chosen:
            first = next(
                (i for i, (s, _label) in enumerate(self._sections) if s.model.rowCount()), 0
            )
            self._choosing = True
            self.setCurrentIndex(first)
            self._choosing = False

    def show_section(self, section: Section) -> None:
        self.setCurrentWidget(section)
        self._mark_chosen()

    def _mark_chosen(self) -> None:
        if not self._choosing and self._sections:
            self._chosen = True


def open_rows(section: Section, opener: Callable[[Any], None]) -> None:
    section.table.rowActivated.connect(opener)
