"""A sign that the app is working: after 300 ms of waiting, a small window over the work
says what is happening, with a moving bar. Work in the background keeps it moving; work
that holds the screen (opening the main window) shows it at once, before it starts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QProgressBar, QVBoxLayout, QWidget

DELAY_MS = 300  # shorter waits need no sign


class BusyNote(QFrame):
    """`start()` when the work begins, `finish()` when it ends; it shows only when the work
    takes longer than DELAY_MS."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        flags = Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
        super().__init__(parent, flags)
        self.setObjectName("busyNote")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # moving, no percentage: we cannot honestly say how far
        self.bar.setTextVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.setMinimumWidth(360)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.appear)

    def start(self, delay_ms: int = DELAY_MS) -> None:
        self._timer.start(delay_ms)

    def set_text(self, text: str) -> None:
        self.label.setText(text)

    def appear(self) -> None:
        """Shows the note now, centred over its window (or the screen), painted at once."""
        self._timer.stop()
        self.adjustSize()
        owner = self.parentWidget()
        if owner is not None and owner.isVisible():
            centre = owner.window().frameGeometry().center()
        else:
            screen = QGuiApplication.primaryScreen()
            centre = screen.availableGeometry().center() if screen else self.rect().center()
        self.move(centre - self.rect().center())
        self.show()
        self.raise_()
        for _ in range(3):
            QApplication.processEvents()  # painted before the caller holds the screen
        self.repaint()

    def finish(self) -> None:
        self._timer.stop()
        self.hide()
        self.deleteLater()


@contextmanager
def holding_the_screen(text: str, parent: QWidget | None = None) -> Iterator[BusyNote]:
    """For work on the UI thread that takes longer than DELAY_MS: the note shows before it
    starts (nothing can be painted while it runs) and goes when it ends."""
    note = BusyNote(text, parent)
    note.appear()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield note
    finally:
        QApplication.restoreOverrideCursor()
        note.finish()
