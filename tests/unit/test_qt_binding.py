"""The Qt binding must keep Python's reference counts right: a long writing session calls
Qt's void methods (timers, labels) hundreds of thousands of times."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer


def test_void_qt_calls_do_not_release_none() -> None:
    timer = QTimer()
    timer.setInterval(1000)
    before = sys.getrefcount(None)
    for _ in range(2000):
        timer.stop()  # a void method: must hand back None with its reference counted
    assert sys.getrefcount(None) - before > -100
