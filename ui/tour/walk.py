"""Showing every tab of a window in turn (nested tabs too), for whoever looks at each."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtWidgets import QApplication, QTabWidget, QWidget


def settle() -> None:
    """Lets queued layout work run (a dialog grows a moment after its text does)."""
    for _ in range(6):
        QApplication.processEvents()


def tab_name(widget: QTabWidget, index: int) -> str:
    """The tab's text as shown, without its mnemonic and count: 'Nabellen'."""
    text = re.sub(r"&(.)", r"\1", widget.tabText(index))
    return re.sub(r"\s*\(.*\)$", "", text)


def walk_tabs(root: QWidget, look: Callable[[str], None]) -> None:
    """Calls `look(path)` once for every combination of shown tabs under `root`; `path` is
    e.g. ' › Gegevens'."""

    def walk(done: frozenset[int], path: str) -> None:
        tabs = [t for t in root.findChildren(QTabWidget) if t.isVisible() and id(t) not in done]
        if not tabs:
            look(path)
            return
        widget = tabs[0]
        before = widget.currentIndex()
        for index in range(widget.count()):
            if not widget.isTabEnabled(index) or not widget.isTabVisible(index):
                continue
            widget.setCurrentIndex(index)
            settle()
            walk(done | {id(widget)}, f"{path} › {tab_name(widget, index)}")
        widget.setCurrentIndex(before)
        settle()

    walk(frozenset(), "")
