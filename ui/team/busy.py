"""A busy bar that can be thrown away safely. An indeterminate QProgressBar runs a style
animation; a bar destroyed while it ran (its dialog closed and deleted at once) left the
style's animation timer with a dead object: a crash (QUnifiedTimer / removeAnimation).
Stopping paints the bar once, synchronously, as a full determinate bar: that is when the
style ends its animation. Then it is hidden."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar


class BusyBar(QProgressBar):
    def __init__(self) -> None:
        super().__init__()
        self.setTextVisible(False)
        self.setRange(0, 1)
        self.hide()

    def start(self) -> None:
        self.setRange(0, 0)
        self.show()

    def stop(self) -> None:
        self.setRange(0, 1)
        self.setValue(1)  # the style only reaches its "stop animating" code for progress > 0
        if self.isVisible():
            self.repaint()
        self.hide()
