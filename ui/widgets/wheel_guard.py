"""Scrolling a form never changes its choices. A drop-down takes the mouse wheel even when
the pointer only passes over it while the page scrolls ("Wijk of kern" went from Vijlen to
Vaals, and closing asked to save a change nobody knowingly made). This filter, installed once
on the application, lets a drop-down or spin box take the wheel only once it has the focus;
until then the wheel scrolls the page under it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel:
            return False
        chooser = _chooser(watched)
        if chooser is None or _focused(chooser):
            return False
        event.ignore()  # not taken: Qt hands the wheel on to the parents (the scroll area)
        return True


def _chooser(watched: QObject) -> QWidget | None:
    for candidate in (watched, watched.parent()):
        if isinstance(candidate, QComboBox | QAbstractSpinBox):
            return candidate
    return None


def _focused(chooser: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is chooser or chooser.isAncestorOf(focus))


def install(app: QApplication) -> None:
    if app.property("wheelGuard") is None:
        app.installEventFilter(WheelGuard(app))
        app.setProperty("wheelGuard", True)
