"""The conversation editor's keys, on every input in it: Ctrl+S saves, Ctrl+Enter goes to the
next theme (Ctrl+Shift+Enter to the previous one), and leaving a field saves a draft.

Ctrl+S is claimed through ShortcutOverride, so it reaches the editor even though the dossier
page has its own Ctrl+S (saving the resident's details) for its other tabs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EditorKeys(QObject):
    def __init__(
        self,
        on_save: Callable[[], None],
        on_jump: Callable[[QWidget, int], None],
        on_leave: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_save = on_save
        self._on_jump = on_jump  # (widget, +1 or -1)
        self._on_leave = on_leave

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and self._ours(event):  # type: ignore[arg-type]
            event.accept()
            return True
        if kind == QEvent.Type.KeyPress and self._ours(event):  # type: ignore[arg-type]
            assert isinstance(event, QKeyEvent) and isinstance(watched, QWidget)
            if event.matches(QKeySequence.StandardKey.Save):
                self._on_save()
            else:
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self._on_jump(watched, -1 if shift else 1)
            return True
        if kind == QEvent.Type.FocusOut:
            self._on_leave()
        return False

    @staticmethod
    def _ours(event: QKeyEvent) -> bool:
        if event.matches(QKeySequence.StandardKey.Save):
            return True
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        return bool(control) and event.key() in _ENTER
