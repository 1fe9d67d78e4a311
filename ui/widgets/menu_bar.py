"""Menus added after start-up go before Help, which stays last in the menu bar as in every
desktop application."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QMenuBar

HELP = "&Help"


def add_before_help(bar: QMenuBar, menu: QMenu) -> QMenu:
    help_menu = next((a for a in bar.actions() if a.text() == HELP), None)
    if help_menu is not None:
        bar.insertMenu(help_menu, menu)
    else:
        bar.addMenu(menu)
    return menu
