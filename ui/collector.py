"""Python's cyclic garbage collector runs wherever an allocation happens to trigger it. In a
worker thread of the task runner it would delete widgets (kept in reference cycles) off the
UI thread, which corrupts Qt's bookkeeping and crashes later. So the app turns automatic
collection off and collects on the UI thread instead, every few seconds (as Anki does)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 10_000


class UiThreadCollector(QObject):
    def __init__(self, parent: QObject, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> None:
        gc.collect()

    def stop(self) -> None:
        self.timer.stop()
        gc.collect()
        gc.enable()
