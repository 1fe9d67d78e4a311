"""Driving real widgets as a member would: typing, clicking, shortcuts, modal dialogs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

D = TypeVar("D", bound=QDialog)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Types like a keyboard. QTest.keyClicks aborts on non-ASCII (é, ë, €), so those
    characters go in as key events carrying their text."""
    widget.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def replace_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)


def with_modal(kind: type[D], interact: Callable[[D], None]) -> Callable[[], None]:
    """Returns a callback for QTimer that finds the open modal dialog of `kind` and drives it.
    If the interaction fails, the dialog is closed so the test fails instead of hanging."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, run)
            return
        try:
            interact(dialog)
        except BaseException:
            dialog.done(QDialog.DialogCode.Rejected)  # no questions: the test failed
            raise

    return run


def drive_modal(
    kind: type[D],
    interact: Callable[[D], None],
    opener: Callable[[], object],
    return_to: QWidget | None = None,
) -> None:
    """Opens a modal dialog with `opener` and drives it with `interact`. The offscreen
    platform has no window manager to give focus back afterwards, so `return_to` gets it."""
    QTimer.singleShot(0, with_modal(kind, interact))
    opener()
    if return_to is not None:
        return_to.activateWindow()
        QApplication.processEvents()


def show_active(qtbot: QtBot, widget: QWidget) -> None:
    """Shows a top-level widget and makes it the active window, so focus moves (and the
    editingFinished signals they cause) happen as on a desktop."""
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
