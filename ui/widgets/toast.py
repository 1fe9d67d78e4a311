"""A confirmation shown where the member is looking: a calm bar low in the middle of the
window for a few seconds. The status bar keeps the same text afterwards, but nobody reads a
status bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

SHOWN_MS = 6000
MARGIN = 24  # from the bottom of the area it is shown over


class Toast(QLabel):
    def __init__(self, area: QWidget) -> None:
        super().__init__(area)
        self.setObjectName("toast")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Clicks go through to what lies underneath: the toast never blocks work.
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        area.installEventFilter(self)

    def show_text(self, text: str, ms: int = SHOWN_MS) -> None:
        self.setText(text)
        self.setAccessibleName(text)
        self._place()
        self.show()
        self.raise_()
        self._timer.start(ms)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def _place(self) -> None:
        area = self.parentWidget()
        if area is None:
            return
        width = min(640, max(240, area.width() - 2 * MARGIN))
        self.setFixedWidth(width)
        self.adjustSize()
        self.move((area.width() - width) // 2, area.height() - self.height() - MARGIN)
