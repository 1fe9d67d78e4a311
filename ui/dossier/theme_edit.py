"""A text field for one theme of the vrij gesprek: plain text in readable type with room
between the lines, growing with what is written (the page scrolls, not the field)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent, QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextEdit, QWidget

from ui.widgets.text_box import RichHintEdit

POINT_SIZE = 12
LINE_HEIGHT_PERCENT = 145
MIN_LINES = 3


class ThemeEdit(RichHintEdit):
    """Emits `edited` when the member changes the text (not when the app sets it)."""

    edited = Signal()

    def __init__(self, prompt: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)  # Tab and Shift+Tab move between the themes
        self.setPlaceholderText(prompt)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        font = QFont(self.font())
        font.setPointSize(POINT_SIZE)
        self.setFont(font)
        self.document().setDocumentMargin(6)
        self.document().documentLayout().documentSizeChanged.connect(lambda _size: self._fit())
        self.textChanged.connect(self._changed)
        self.set_text("")

    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        """Replaces the text without counting as an edit (loading a contact or a draft)."""
        self._quiet = True
        document = self.document()
        try:
            document.setUndoRedoEnabled(False)
            self.setPlainText(text)
            cursor = QTextCursor(document)
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.mergeBlockFormat(_spacious())
            self.moveCursor(QTextCursor.MoveOperation.End)
        finally:
            document.setUndoRedoEnabled(True)
            self._quiet = False
        self._fit()

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Pasting keeps only the words: no fonts or colours from a mail or a website."""
        if source.hasText():
            self.textCursor().insertText(source.text())
            self.ensureCursorVisible()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.document().isEmpty():
            self._fit()  # the hint wraps differently at another width

    def _changed(self) -> None:
        if not self._quiet:
            self.edited.emit()

    def _fit(self) -> None:
        line = self.fontMetrics().lineSpacing() * LINE_HEIGHT_PERCENT / 100
        content = self.document().size().height()
        if self.document().isEmpty():
            content = max(content, self.hint_height())
        margins = self.contentsMargins()
        frame = 2 * self.frameWidth() + margins.top() + margins.bottom()
        minimum = MIN_LINES * line + 2 * self.document().documentMargin()
        self.setFixedHeight(int(max(content, minimum) + frame + 2))


def _spacious() -> QTextBlockFormat:
    block = QTextBlockFormat()
    block.setLineHeight(
        LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
    )
    return block
