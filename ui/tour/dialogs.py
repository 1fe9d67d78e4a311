"""Every dialog of the app, as the tour shows it."""

from __future__ import annotations

from ui.tour.admin_dialogs import ADMIN_DIALOGS
from ui.tour.work_dialogs import WORK_DIALOGS, DialogShot

DIALOGS: tuple[DialogShot, ...] = (*WORK_DIALOGS, *ADMIN_DIALOGS)

__all__ = ["DIALOGS", "DialogShot"]
