"""Start-up: first start or sign-in, with a clear Dutch dialog when the store cannot be used.
The store file is left untouched when it cannot be opened."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtWidgets import QDialog, QMessageBox

from ui.messages import error_text
from ui.security.first_start_dialog import FirstStartDialog
from ui.security.sign_in_dialog import SignInDialog
from ui.tasks import TaskRunner
from wijkteam.errors import StoreDamaged, StoreError
from wijkteam.security.state import StoreState
from wijkteam.wiring.access import StoreAccess

if TYPE_CHECKING:
    from wijkteam.wiring.access import Opened


def explain_store_error(error: StoreError, data_dir: Path) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, "Wijkteam kan niet starten", error_text(error))
    box.setInformativeText(f"Map met gegevens: {data_dir}")
    box.setObjectName("startupError")
    box.exec()


class Started(NamedTuple):
    opened: Opened
    state: StoreState
    joined: bool = False  # a member's new laptop that joined a team at first start


def start_session(access: StoreAccess, runner: TaskRunner) -> Started | None:
    """Sign in (or make the team, or join one, at first start); None when the member
    stopped or the store cannot be used (after saying why)."""
    try:
        state = access.state()
    except StoreError as error:
        explain_store_error(error, access.data_dir)
        return None
    dialog: SignInDialog | FirstStartDialog
    if state is StoreState.LOCKED:
        dialog = SignInDialog(access, runner)
    else:
        dialog = FirstStartDialog(access, runner, converting=state is StoreState.PLAIN)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    if not accepted or dialog.opened is None:
        error = getattr(dialog, "error", None)
        key = getattr(dialog, "damaged_key", None)
        if isinstance(error, StoreDamaged) and key is not None:
            from ui.security.damaged_store import offer_restore_at_sign_in

            opened = offer_restore_at_sign_in(access, key, error)
            return (opened, state) if opened is not None else None
        if error is not None:
            explain_store_error(error, access.data_dir)
        return None
    return Started(dialog.opened, state, isinstance(dialog, FirstStartDialog) and dialog.joined)
