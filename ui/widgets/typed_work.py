"""Leaving a form with typed data asks first. Esc, Annuleren or the window's close button on
a dialog where the member typed something no longer throws it away silently: a question
offers "Verder invullen" (the default, also on Esc) or "Weggooien"."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def _value(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return None if widget.isReadOnly() else widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return None if widget.isReadOnly() else widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentIndex()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    return None


class TypedWork:
    """The inputs under `root` as they were when `mark()` was called."""

    def __init__(self, root: QWidget) -> None:
        self._root = root
        self._start: dict[int, Any] | None = None

    def _now(self) -> dict[int, Any]:
        values = {}
        for widget in self._root.findChildren(QWidget):
            value = _value(widget)
            if value is not None and shiboken6.isValid(widget):
                values[id(widget)] = value
        return values

    def mark(self) -> None:
        self._start = self._now()

    def changed(self) -> bool:
        if self._start is None:
            return False
        now = self._now()
        return any(key in now and now[key] != value for key, value in self._start.items())


def ask_to_discard(parent: QWidget) -> bool:
    """True when the member chose to throw away what they typed."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Niet opgeslagen")
    box.setText("U hebt hier iets ingevuld dat nog niet is opgeslagen.")
    box.setInformativeText("Wilt u verder invullen, of wat u typte weggooien?")
    keep = box.addButton("&Verder invullen", QMessageBox.ButtonRole.RejectRole)
    discard = box.addButton("&Weggooien", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.setObjectName("discardQuestion")
    box.exec()
    return box.clickedButton() is discard


class AsksBeforeDiscarding:
    """Mix into a QDialog (before QDialog): what was typed since the dialog opened is only
    thrown away after asking. A dialog may extend `has_typed_work`."""

    _typed: TypedWork | None = None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if self._typed is None:
            self._typed = TypedWork(self)  # type: ignore[arg-type]
            QTimer.singleShot(0, self._typed.mark)  # once the dialog has filled itself in

    def has_typed_work(self) -> bool:
        return self._typed is not None and self._typed.changed()

    def reject(self) -> None:
        if self.has_typed_work() and not ask_to_discard(self):  # type: ignore[arg-type]
            return
        super().reject()  # type: ignore[misc]
