"""Dialogs grow when their text grows. A window's minimum size ignores word-wrapped text
(Qt asks a layout's minimum, not its height for the window's width), so an error message
appearing under a field squeezed the fields to a few pixels and cut the message. This
filter, installed once on the application, gives every dialog the height its content needs
at its width, within the screen."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog

FRAME_HEIGHT = 40  # the title bar the screen also has to hold


class DialogRoom(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and isinstance(watched, QDialog):
            QTimer.singleShot(0, lambda dialog=watched: grow_to_fit(dialog))
        return False


def grow_to_fit(dialog: QDialog) -> None:
    if not shiboken6.isValid(dialog) or not dialog.isVisible():
        return
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    need = (
        layout.totalHeightForWidth(dialog.width())
        if layout.hasHeightForWidth()
        else layout.totalMinimumSize().height()
    )
    screen = dialog.screen()
    if screen is not None:
        need = min(need, screen.availableGeometry().height() - FRAME_HEIGHT)
    if need > dialog.height():
        dialog.resize(dialog.width(), need)


def install(app: QApplication) -> None:
    if app.property("dialogRoom") is None:
        room = DialogRoom(app)
        app.installEventFilter(room)
        app.setProperty("dialogRoom", True)
