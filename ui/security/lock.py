"""Auto-lock after idle time and on Ctrl+L.

While locked, every window of the app hides its contents (nothing personal stays on screen,
titles become neutral) and a small unlock dialog asks for the signed-in member's password.
Nothing is closed or thrown away: dialogs keep running and unsaved text stays where it was,
so unlocking returns the member to exactly where they were. (The store stays open behind
the lock; the lock protects the screen, the encryption protects the laptop when it is off.)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from ui.security.unlock_dialog import UnlockDialog
from ui.tasks import TaskRunner
from wijkteam.wiring import Services

LOCKED_TITLE = "Wijkteam – vergrendeld"
_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class _Concealed:
    """One window whose contents are hidden while locked."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.title = window.windowTitle()
        self.focus = window.focusWidget()
        children = window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        # Dialogs are children of the main window too, but windows of their own: hiding one
        # would end it (and lose what was typed), so each window is concealed by itself.
        self.hidden = [c for c in children if c.isVisible() and not c.isWindow()]
        for child in self.hidden:
            child.hide()
        self.cover = QLabel("Wijkteam is vergrendeld.", window)
        self.cover.setObjectName("lockCover")
        self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover.setGeometry(window.rect())
        self.cover.show()
        window.setWindowTitle(LOCKED_TITLE)

    def restore(self) -> None:
        self.cover.deleteLater()
        for child in self.hidden:
            child.show()
        self.window.setWindowTitle(self.title)
        if self.focus is not None:
            self.focus.setFocus()


class LockGuard(QObject):
    locked_changed = Signal(bool)

    def __init__(
        self,
        window: QMainWindow,
        services: Services,
        runner: TaskRunner,
        idle_ms: int | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._runner = runner
        self._concealed: list[_Concealed] = []
        self.unlock_dialog: UnlockDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        if idle_ms is None:
            idle_ms = services.settings.security().auto_lock_minutes * 60_000
        self.set_idle_ms(idle_ms)
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]

    @property
    def locked(self) -> bool:
        return self.unlock_dialog is not None

    def set_idle_ms(self, idle_ms: int) -> None:
        self.timer.setInterval(idle_ms)
        if not self.locked:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _INPUT:
            return False
        if (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_L
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            and not self.locked
        ):
            self.lock()
            return True
        if not self.locked:
            self.timer.start()  # any input counts as activity
        return False

    def lock(self) -> None:
        if self.locked or not self._window.isVisible():
            return  # (a closed window has nothing to hide; its guard must not block others)
        self.timer.stop()
        for window in QApplication.topLevelWidgets():
            if window.isVisible() and not isinstance(window, UnlockDialog):
                self._concealed.append(_Concealed(window))
        self.unlock_dialog = UnlockDialog(self._services, self._runner, self._window)
        self.unlock_dialog.unlocked.connect(self.unlock)
        self.unlock_dialog.reset_with_code.connect(self._reset_with_code)
        self.unlock_dialog.show()
        self.unlock_dialog.raise_()
        self.unlock_dialog.activateWindow()
        self.locked_changed.emit(True)

    def unlock(self) -> None:
        dialog, self.unlock_dialog = self.unlock_dialog, None
        if dialog is not None:
            dialog.hide()
            dialog.deleteLater()
        for concealed in reversed(self._concealed):
            concealed.restore()
        self._concealed.clear()
        self.timer.start()
        self.locked_changed.emit(False)

    def _reset_with_code(self, new_code: str) -> None:
        """The member set a new password with the recovery code: unlocked, and the team's
        new recovery code is shown to print (the old one no longer works)."""
        from ui.security.recovery_code_dialog import RecoveryCodeDialog

        self.unlock()
        team = self._services.settings.team().team_name
        RecoveryCodeDialog(new_code, team, self._window, replaced=True).exec()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
