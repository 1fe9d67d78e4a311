"""The team server's entries in the Team menu (Teamserver…, Nu synchroniseren F9,
Conflicten…) and the background sync with its status bar part."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ui.tasks import TaskRunner
from ui.team.background import TeamSync
from ui.team.conflicts_dialog import ConflictsDialog
from ui.team.pusher_dialog import PusherDialog
from ui.team.server_dialog import TeamServerDialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from wijkteam.wiring import Services


class TeamActions(QObject):
    def __init__(
        self, window: MainWindow, services: Services, runner: TaskRunner, team_menu: QMenu
    ) -> None:
        super().__init__(window)
        self.window, self.services, self.runner = window, services, runner
        self.sync = TeamSync(window, services, runner, self.conflicts)
        first = team_menu.actions()[0] if team_menu.actions() else None
        self.server_action = self._action("Team&server…", None, self.server)
        self.sync_action = self._action("&Nu synchroniseren", "F9", self.sync.now)
        self.conflicts_action = self._action("C&onflicten…", None, self.conflicts)
        self.pusher_action = self._action("&Verzending naar de gemeente…", None, self.pusher)
        for action in (self.server_action, self.sync_action, self.conflicts_action,
                       self.pusher_action):  # fmt: skip
            team_menu.insertAction(first, action)  # type: ignore[arg-type]
        team_menu.insertSeparator(first)  # type: ignore[arg-type]

    def _action(self, text: str, shortcut: str | None, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # the shortcut works wherever the focus is
        return action

    def server(self) -> None:
        TeamServerDialog(
            self.services, self.runner, self.window, on_change=self.sync.status_changed
        ).exec()
        self.sync.status_changed()

    def conflicts(self) -> None:
        # Each settle shows at once: the pages behind and the status bar's conflict count.
        dialog = ConflictsDialog(self.services, self.window, on_settle=self.window.data_changed)
        dialog.exec()
        self.sync.status_changed()

    def pusher(self) -> None:
        PusherDialog(self.services, self.runner, self.window).exec()
