"""Telling the member something went wrong, in Dutch, without losing what they typed."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ui.messages import error_text
from wijkteam.errors import WijkteamError


def show_error(parent: QWidget | None, error: WijkteamError) -> None:
    QMessageBox.warning(parent, "Wijkteam", error_text(error))
