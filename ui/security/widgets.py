"""Small widgets the security screens share."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit


def password_field() -> QLineEdit:
    """A line edit that never shows what is typed (and is skipped by screen-text checks)."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field
