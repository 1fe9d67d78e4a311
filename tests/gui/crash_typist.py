"""A member typing in the real app, for the crash test (tests/gui/test_crash_recovery.py).

    python -m tests.gui.crash_typist DATA_DIR RESIDENT_ID REPORT_ID

Starts the real main window (offscreen) on DATA_DIR, opens the resident's dossier, starts a
home visit in the Gesprekken tab and types with key events carrying their text, the way a
keyboard does (Tab moves to the next theme). Prints READY when the first three themes are
typed, then keeps typing slowly in the third until the process is killed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

WHO = "Zoë groeide op in Übach-Palenberg; café ‘De Zwaan’ was haar tweede thuis."
INTERESTS = "Zingen in het koor, fietsen naar Vijlen, crème brûlée maken."
MOTIVATION_START = "Ze wil graag weer "
MOTIVATION_TAIL = "iets doen met haar handen, liefst samen met anderen, één keer per week."
NOW = datetime(2026, 11, 18, 9, 0)
FAST_MS = 5  # while typing the first themes
SLOW_MS = 150  # afterwards, until killed


def keys() -> Iterator[tuple[Qt.Key, str]]:
    for text in (WHO, INTERESTS):
        yield from ((Qt.Key.Key_unknown, char) for char in text)
        yield Qt.Key.Key_Tab, ""
    yield from ((Qt.Key.Key_unknown, char) for char in MOTIVATION_START)


def press(key: Qt.Key, text: str) -> None:
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import application
    from ui.main_window import MainWindow
    from ui.tasks import InlineTaskRunner
    from wijkteam.clock import FixedClock
    from wijkteam.store import open_store, store_path
    from wijkteam.wiring import Services

    data_dir, resident_id, report_id = Path(argv[0]), int(argv[1]), int(argv[2])
    app = application()
    services = Services.create(open_store(store_path(data_dir), clock=FixedClock(NOW)))
    window = MainWindow(services, InlineTaskRunner())
    window.show()
    window.activateWindow()
    while QApplication.activeWindow() is not window:
        app.processEvents()
    window.open_dossier(resident_id, report_id)
    page = window.dossier_page
    page.tabs.setCurrentWidget(page.conversations)
    page.conversations.new_contact()
    first = iter(keys())
    tail = iter(MOTIVATION_TAIL)

    def type_first() -> None:
        step = next(first, None)
        if step is None:
            print("READY", flush=True)
            QTimer.singleShot(SLOW_MS, type_tail)
            return
        press(*step)
        QTimer.singleShot(FAST_MS, type_first)

    def type_tail() -> None:
        char = next(tail, None)
        if char is not None:
            press(Qt.Key.Key_unknown, char)
            QTimer.singleShot(SLOW_MS, type_tail)

    QTimer.singleShot(0, type_first)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
