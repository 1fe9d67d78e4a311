"""When to write a draft: shortly after the member stops typing, and at the latest a fixed
time after the first unsaved keystroke, so a long stretch of typing without a pause is saved
too. Either way no word is more than MAX_WAIT_MS old when it reaches the store."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

QUIET_MS = 1000  # a pause in typing this long saves
MAX_WAIT_MS = 2000  # ... and nothing waits longer than this


class Autosaver(QObject):
    def __init__(
        self,
        save: Callable[[], None],
        quiet_ms: int = QUIET_MS,
        max_wait_ms: int = MAX_WAIT_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._quiet = _single_shot(self, quiet_ms, self.flush)
        self._deadline = _single_shot(self, max_wait_ms, self.flush)

    def changed(self) -> None:
        """Call on every edit: (re)starts the pause timer; starts the deadline once."""
        self._quiet.start()
        if not self._deadline.isActive():
            self._deadline.start()

    @property
    def pending(self) -> bool:
        return self._quiet.isActive() or self._deadline.isActive()

    def flush(self) -> None:
        """Save now (focus moved, the dossier or window closes, or a timer ran out)."""
        self.cancel()
        self._save()

    def cancel(self) -> None:
        self._quiet.stop()
        self._deadline.stop()


def _single_shot(parent: QObject, ms: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    return timer
