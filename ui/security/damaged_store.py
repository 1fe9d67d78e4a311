"""A damaged store, said in Dutch with the way out: the last good backup, offered to put back
(issue 17). At sign-in (the store did not open) and after it (the full integrity check in the
background found damage; from then on every write is refused)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.messages import error_text
from ui.tasks import TaskRunner
from wijkteam.errors import StoreDamaged, StoreError, WijkteamError

if TYPE_CHECKING:
    from wijkteam.wiring import Services
    from wijkteam.wiring.access import Opened, SignInKey, StoreAccess

RESTORE = "Laatste goede back-up &terugzetten"


def _box(parent: QWidget | None, error: StoreDamaged) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Critical, "Gegevens beschadigd", error_text(error), parent=parent
    )
    box.setObjectName("storeDamaged")
    return box


def offer_restore_at_sign_in(
    access: StoreAccess, key: SignInKey, error: StoreDamaged
) -> Opened | None:
    """The store did not open: say so and offer the last good backup. The restored store,
    signed in, or None (the member stopped, or there is no good backup)."""
    box = _box(None, error)
    restore = None
    if error.params.get("backup") is not None:
        restore = box.addButton(RESTORE, QMessageBox.ButtonRole.AcceptRole)
    box.addButton("&Afsluiten", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if restore is None or box.clickedButton() is not restore:
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        opened = access.restore_last_good(key)
    except StoreError as failed:
        QApplication.restoreOverrideCursor()
        QMessageBox.critical(None, "Wijkteam", error_text(failed))
        return None
    QApplication.restoreOverrideCursor()
    QMessageBox.information(
        None,
        "Wijkteam",
        "De back-up is teruggezet. Het beschadigde bestand is apart bewaard in de map 'vervangen'.",
    )
    return opened


def check_after_sign_in(
    parent: QWidget,
    services: Services,
    runner: TaskRunner,
    before_restore: Callable[[], None],
) -> None:
    """The full integrity check off the UI thread; writes wait for it meanwhile."""

    def failed(error: BaseException) -> None:
        if isinstance(error, StoreDamaged):
            show_damaged(parent, services, error, before_restore)
        elif isinstance(error, WijkteamError):
            QMessageBox.warning(parent, "Wijkteam", error_text(error))

    runner.submit(services.backups.check_store, lambda _none: None, failed)


def show_damaged(
    parent: QWidget,
    services: Services,
    error: StoreDamaged,
    before_restore: Callable[[], None],
) -> QMessageBox:
    """Writes are refused from now on. A coordinator can put the last good backup back at
    once; a member is told to ask one."""
    from ui.security.backup_actions import restore_now

    box = _box(parent, error)
    good = services.backups.last_good() if error.params.get("backup") is not None else None
    restore = None
    if good is not None and services.accounts.is_coordinator():
        restore = box.addButton(RESTORE, QMessageBox.ButtonRole.AcceptRole)
        box.addButton("&Later", QMessageBox.ButtonRole.RejectRole)
    else:
        if good is not None:
            box.setInformativeText("Vraag een coördinator om de back-up terug te zetten.")
        box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()
    if restore is not None and good is not None and box.clickedButton() is restore:
        restore_now(services, good, before_restore)
    return box
