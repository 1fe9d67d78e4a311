"""The Synchronisatie menu of the main window, and the actions behind it."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ui.feedback import show_error
from ui.sync.export_dialog import ExportDialog
from ui.sync.history_dialog import SyncHistoryDialog, contents
from ui.sync.push_dialog import PushDialog, SessionSecret
from ui.sync.settings_dialog import SyncSettingsDialog
from ui.tasks import TaskRunner
from ui.widgets.menu_bar import add_before_help
from wijkteam.errors import WijkteamError
from wijkteam.wiring import Services


class SyncMenu:
    def __init__(self, window: QMainWindow, services: Services, runner: TaskRunner) -> None:
        self._window = window
        self._services = services
        self.runner = runner
        self.secret = SessionSecret()
        bar = window.menuBar()
        self.menu = QMenu("S&ynchronisatie", window)
        add_before_help(bar, self.menu)
        self.export_action = self._add("&Exporteren naar bestand…", "Ctrl+E", self.export)
        self.push_action = self._add("&Synchroniseren met de gemeente…", None, self.push)
        self.history_action = self._add("&Geschiedenis en ontvangstbewijzen…", None, self.history)
        self.menu.addSeparator()
        self.settings_action = self._add("&Instellingen koppeling…", None, self.settings)

    def _add(self, text: str, shortcut: str | None, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self._window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.menu.addAction(action)
        return action

    def _notify(self, text: str) -> None:
        self._window.notify(text)  # type: ignore[attr-defined]

    def _sends_for_team(self) -> bool:
        """One laptop per team sends to the municipality: elsewhere, say which one."""
        try:
            self._services.team_pusher.require()
        except WijkteamError as error:
            show_error(self._window, error)
            return False
        return True

    def _configured(self) -> bool:
        if self._services.export.settings.is_configured():
            return True
        self._notify("Stel eerst de koppeling met de gemeente in.")
        self.settings()
        return self._services.export.settings.is_configured()

    def export(self) -> None:
        if not self._sends_for_team() or not self._configured():
            return
        dialog = ExportDialog(self._services, self.runner, self._window)
        if dialog.exec() == ExportDialog.DialogCode.Accepted and dialog.result is not None:
            self._notify(
                f"Export geschreven: {contents(dialog.result.batch)}. "
                "Geef de wachtzin apart van het bestand door."
            )

    def push(self) -> None:
        if not self._sends_for_team() or not self._configured():
            return
        PushDialog(self._services, self.runner, self.secret, self._window).exec()

    def history(self) -> None:
        SyncHistoryDialog(self._services, self._window).exec()

    def settings(self) -> None:
        dialog = SyncSettingsDialog(self._services, self._window)
        if dialog.exec() == SyncSettingsDialog.DialogCode.Accepted and dialog.saved:
            self._notify("De instellingen van de koppeling zijn opgeslagen.")
