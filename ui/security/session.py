"""Everything security adds to a signed-in main window: the lock, the menu entries (the
coordinator's tools only for coordinators) and what happens at closing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMenu

from ui.feedback import show_error
from ui.main_window import MainWindow
from ui.security.backup_actions import BackupScheduler, make_backup_now, restore_backup
from ui.security.confirm import confirm_destructive
from ui.security.contact_dialog import ContactDialog
from ui.security.lock import LockGuard
from ui.security.password_dialog import PasswordDialog
from ui.security.privacy_actions import PrivacyActions
from ui.security.recovery_code_dialog import RecoveryCodeDialog
from ui.security.settings_dialog import SecuritySettingsDialog
from ui.tasks import TaskRunner
from ui.widgets.menu_bar import add_before_help
from wijkteam.errors import WijkteamError
from wijkteam.logs import report_unexpected
from wijkteam.wiring import Services

CHECKPOINT_MS = 30_000  # when nothing runs: fold the WAL into the store file


class SecuritySession(QObject):
    """A child of the window: the window keeps it (and so its menu slots and the backup at
    closing) alive for as long as it is open. As a plain object nobody referred to it once
    the window was shown, and its menu entries silently did nothing."""

    def __init__(
        self, window: MainWindow, services: Services, runner: TaskRunner, data_dir: Path
    ) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.runner = runner
        self.data_dir = data_dir
        self.guard = LockGuard(window, services, runner)
        self.backups = BackupScheduler(services, runner, self)
        self.backup_warning = QLabel()
        self.backup_warning.setObjectName("backupWarningBar")
        self.backup_warning.setStyleSheet("color: #b00020;")
        self.backup_warning.hide()
        self.privacy = PrivacyActions(window, services)
        self.coordinator_menu: QMenu | None = None
        self.checkpoints = QTimer(self)  # committed work reaches the store file when idle
        self.checkpoints.setInterval(CHECKPOINT_MS)
        self.checkpoints.timeout.connect(self.checkpoint_when_idle)
        self.checkpoints.start()
        self._closed = False
        self._build_menus()

    # --- menus ----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        file_menu = _menu(bar, "&Bestand")
        self.lock_action = _add(file_menu, "&Vergrendelen", "Ctrl+L", self.guard.lock, self.window)
        file_menu.insertAction(file_menu.actions()[0], self.lock_action)
        team = _menu(bar, "&Team")
        _add(team, "&Wachtwoord wijzigen…", None, self._password, self.window)
        self.contact_action = _add(team, "Mijn &contactgegevens…", None, self._contact, self.window)
        if self.services.accounts.is_coordinator():
            self.coordinator_menu = self._coordinator_menu(bar)
            self.window.statusBar().addPermanentWidget(self.backup_warning)
            self.backups_changed()

    def _coordinator_menu(self, bar) -> QMenu:  # type: ignore[no-untyped-def]
        menu = add_before_help(bar, QMenu("Behee&r", self.window))
        menu.setObjectName("coordinatorMenu")
        window = self.window
        self.audit_action = _add(menu, "&Auditlog…", None, self._audit, window)
        _add(menu, "&Bewaartermijnen…", None, self._retention, window)
        menu.addSeparator()
        _add(menu, "&Inzage voor deze inwoner…", None, self.privacy.inzage, window)
        _add(menu, "Inzage voor een inwoner die &niet meer op deze laptop staat…", None,
             self._removed_inzage, window)  # fmt: skip
        _add(menu, "Deze inwoner &wissen…", None, self.privacy.erase, window)
        menu.addSeparator()
        self.backup_action = _add(menu, "Back-&ups…", None, self._backup_status, window)
        self.backup_now_action = _add(menu, "Back-up &maken", None, self._backup_now, window)
        _add(menu, "Back-up &terugzetten…", None, self._restore, window)
        _add(menu, "B&eveiliging en bewaren…", None, self._settings, window)
        _add(menu, "Nieuwe &herstelcode…", None, self._new_recovery_code, window)
        return menu

    def add_coordinator_action(self, text: str, slot: Callable[[], None]) -> QAction | None:
        """Other coordinator tools hook in here (one line each); members never see them."""
        if self.coordinator_menu is None:
            return None
        return _add(self.coordinator_menu, text, None, slot, self.window)

    # --- actions --------------------------------------------------------------------------
    def _audit(self) -> None:
        from ui.security.audit_dialog import AuditDialog

        try:
            AuditDialog(self.services, self.window).exec()
        except WijkteamError as error:
            show_error(self.window, error)

    def _removed_inzage(self) -> None:
        from ui.security.removed_inzage_dialog import RemovedInzageDialog

        RemovedInzageDialog(self.services, self.runner, self.window).exec()

    def _retention(self) -> None:
        from ui.security.retention_dialog import RetentionDialog

        try:
            RetentionDialog(self.services, self.window).exec()
        except WijkteamError as error:
            show_error(self.window, error)
        self.window.data_changed()

    def _backup_status(self) -> None:
        from ui.security.backup_status import BackupStatusDialog

        dialog = BackupStatusDialog(self.services, self.runner, self.window)
        dialog.exec()
        self.backups_changed()

    # --- what the backup scheduler tells ------------------------------------------------------
    def notify(self, text: str) -> None:
        self.window.notify(text)

    def backups_changed(self) -> None:
        """The coordinator's status bar warns while back-ups are stale or failing."""
        if self.coordinator_menu is None:
            return
        from ui.security.backup_status import warning_line

        try:
            line = warning_line(self.services.backups.status())
        except WijkteamError:
            line = ""
        self.backup_warning.setText(line)
        self.backup_warning.setVisible(bool(line))

    def _backup_now(self) -> None:
        make_backup_now(self.window, self.services, self.runner)
        self.backups_changed()

    def _restore(self) -> None:
        restore_backup(self.window, self.services, self._before_restore)

    def _before_restore(self) -> None:
        self._closed = True
        self.guard.stop()
        self.runner.wait()  # the store closes next: nothing may still be using it
        self.backups.timer.stop()
        self.window.dossier_page.discard_changes()

    def checkpoint_when_idle(self) -> None:
        if self._closed or self.runner.busy:
            return
        try:
            self.services.store.checkpoint()
        except WijkteamError:
            pass  # a damaged store or a full disk: said where the write failed
        except Exception as error:  # a failed checkpoint loses nothing: the WAL keeps it
            report_unexpected(error, "the checkpoint when idle")

    def check_integrity(self) -> None:
        """The full check of the store after sign-in (ui/security/damaged_store.py)."""
        from ui.security.damaged_store import check_after_sign_in

        check_after_sign_in(self.window, self.services, self.runner, self._before_restore)

    def _password(self) -> None:
        if PasswordDialog(self.services, self.runner, self.window).exec():
            self.window.notify("Uw wachtwoord is gewijzigd.")

    def _contact(self) -> None:
        me = self.services.accounts.current()
        if me is None:  # a headless actor has no member record of its own
            return
        if ContactDialog(self.services, me, self.window).exec():
            self.window.notify("Uw contactgegevens zijn opgeslagen.")

    def _settings(self) -> None:
        dialog = SecuritySettingsDialog(self.services, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            minutes = self.services.settings.security().auto_lock_minutes
            self.guard.set_idle_ms(minutes * 60_000)
            self.window.notify("Instellingen opgeslagen.")

    def _new_recovery_code(self) -> None:
        if not confirm_destructive(
            self.window,
            "Nieuwe herstelcode",
            "Na het maken van een nieuwe herstelcode werkt de oude niet meer. Doorgaan?",
            "&Ja, nieuwe code maken",
        ):
            return
        try:
            code = self.services.accounts.new_recovery_code()
        except WijkteamError as error:
            show_error(self.window, error)
            return
        self.show_recovery_code(code, replaced=True)

    def show_recovery_code(self, code: str, *, replaced: bool = False) -> None:
        team = self.services.settings.team().team_name
        RecoveryCodeDialog(code, team, self.window, replaced=replaced).exec()

    def shut_down(self) -> None:
        """At closing: running work finishes, a backup, then the store closes (and its lock
        is released). The window waited already; this also covers quitting otherwise."""
        if self._closed:
            return
        self._closed = True
        self.checkpoints.stop()
        self.guard.stop()
        self.runner.wait()
        self.backups.at_closing()
        self.services.store.close()


def install_security(
    window: MainWindow, services: Services, runner: TaskRunner, data_dir: Path
) -> SecuritySession:
    return SecuritySession(window, services, runner, data_dir)


def _menu(bar, title: str) -> QMenu:  # type: ignore[no-untyped-def]
    for action in bar.actions():
        if action.text() == title and action.menu() is not None:
            return action.menu()
    return bar.addMenu(title)


def _add(menu: QMenu, text: str, shortcut: str | None, slot, parent: QMainWindow) -> QAction:  # type: ignore[no-untyped-def]
    action = QAction(text, parent)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    menu.addAction(action)
    return action
