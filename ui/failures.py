"""Unexpected errors in the window: wijkteam/logs.py logs them under a reference (no personal
data); here the member sees a Dutch message with that reference. Installed at start-up for
the UI thread (sys.excepthook) and other threads; background work reports through the task
runner, which hands the flow an Unexpected error with the same kind of reference."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.messages import error_text
from wijkteam import logs
from wijkteam.errors import Unexpected

_showing: list[str] = []


def show_unexpected(reference: str) -> None:
    """A message box with the reference (one at a time; later ones wait their turn)."""
    app = QApplication.instance()
    if app is None:
        return
    _showing.append(reference)
    if len(_showing) == 1:
        QTimer.singleShot(0, _show_next)


def _show_next() -> None:
    if not _showing:
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "Wijkteam",
        error_text(Unexpected(_showing[0])),
        QMessageBox.StandardButton.Ok,
        QApplication.activeWindow(),
    )
    box.setObjectName("unexpectedError")
    box.exec()
    _showing.pop(0)
    if _showing:
        QTimer.singleShot(0, _show_next)


def install() -> logs.Hooks:
    return logs.install_hooks(show=show_unexpected)
