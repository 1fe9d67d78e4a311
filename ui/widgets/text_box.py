"""A text box whose hint (placeholder) shows in full. Qt draws a placeholder of a text edit
inside the first line's rectangle only, so a hint of two lines was cut mid-word; these boxes
draw it wrapped over the whole box."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractScrollArea, QPlainTextEdit, QTextEdit, QWidget


def paint_hint(edit: QAbstractScrollArea, hint: str, margin: float) -> None:
    """Draws `hint` over the whole viewport of an empty text edit."""
    viewport = edit.viewport()
    painter = QPainter(viewport)
    painter.setPen(edit.palette().placeholderText().color())
    painter.setFont(edit.font())
    area = QRectF(viewport.rect()).adjusted(margin + 2, margin, -margin, -margin)
    painter.drawText(area, int(Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap), hint)
    painter.end()


class TextBox(QPlainTextEdit):
    """A QPlainTextEdit (Tab moves on) whose placeholder is never cut."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._hint = ""
        self.setTabChangesFocus(True)

    def setPlaceholderText(self, text: str) -> None:  # type: ignore[override]
        self._hint = text
        self.viewport().update()

    def placeholderText(self) -> str:  # type: ignore[override]
        return self._hint

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._hint and self.document().isEmpty():
            paint_hint(self, self._hint, self.document().documentMargin())


class RichHintEdit(QTextEdit):
    """The same for a QTextEdit; `hint_height` says how tall the hint is at this width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hint = ""

    def setPlaceholderText(self, text: str) -> None:  # type: ignore[override]
        self._hint = text
        self.viewport().update()

    def placeholderText(self) -> str:  # type: ignore[override]
        return self._hint

    def hint_height(self) -> int:
        margin = self.document().documentMargin()
        width = int(self.viewport().width() - 2 * margin - 2)
        flags = int(Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        box = self.fontMetrics().boundingRect(0, 0, max(width, 50), 10_000, flags, self._hint)
        return int(box.height() + 2 * margin)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._hint and self.document().isEmpty():
            paint_hint(self, self._hint, self.document().documentMargin())
