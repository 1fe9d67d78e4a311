"""Looking at a window as a member would, in numbers: is any text wider than the room it
gets (QFontMetrics against the widget's geometry), and does any Alt+letter do two things.

`cut_texts(window)` and `mnemonic_clashes(window)` look at what is visible now;
`walk_tabs(window, look)` shows every tab (nested ones too) and looks at each."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6 import QtGui
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from ui.tour.walk import settle, walk_tabs
from ui.widgets.text_box import RichHintEdit, TextBox

SLACK = 1  # pixels of rounding
HEADER_PADDING = 2 * 6  # QHeaderView::section { padding: 6px } in ui/style.py
SORT_ARROW = 16
TAB_PADDING = 2 * 6  # at least this much of QTabBar::tab { padding: 8px 16px }
LINE_EDIT_FRAME = 2 * (6 + 2)  # padding and border (2 px when focused)
CLEAR_BUTTON = 24
COMBO_ARROW = 28


@dataclass(frozen=True)
class Cut:
    where: str
    text: str
    need: int
    room: int

    def __str__(self) -> str:
        return f"{self.where}: '{self.text}' needs {self.need} px, gets {self.room}"


def plain(text: str) -> str:
    """The text as shown: mnemonic ampersands gone, && as one &."""
    return re.sub(r"&(.)", r"\1", text)


def mnemonic(text: str) -> str | None:
    match = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName() or '-'})"


def _shown(widget: QWidget) -> Iterator[QWidget]:
    """The widget and its visible descendants, not into other windows."""
    if not widget.isVisible():
        return
    yield widget
    for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if not child.isWindow():
            yield from _shown(child)


def _room(widget: QWidget) -> int:
    """The width the widget really gets on screen: its own, clipped by its parents up to
    the nearest scroll area (scrolled content is not cut, it scrolls)."""
    rect = QRect(widget.mapTo(widget.window(), widget.rect().topLeft()), widget.size())
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent.parentWidget(), QAbstractScrollArea):
            break
        parent_rect = QRect(parent.mapTo(parent.window(), parent.rect().topLeft()), parent.size())
        rect = QRect(
            max(rect.left(), parent_rect.left()),
            rect.top(),
            min(rect.right(), parent_rect.right()) - max(rect.left(), parent_rect.left()) + 1,
            rect.height(),
        )
        if parent.isWindow():
            break
        parent = parent.parentWidget()
    return rect.width()


def _bold(font: QFont) -> QFontMetrics:
    bold = QFont(font)
    bold.setBold(True)
    return QFontMetrics(bold)


def cut_texts(root: QWidget) -> list[Cut]:
    cuts: list[Cut] = []
    for widget in _shown(root):
        cuts.extend(_cuts_of(widget))
    return cuts


def _cuts_of(widget: QWidget) -> list[Cut]:
    if isinstance(widget, QLabel):
        return _label(widget)
    if isinstance(widget, QAbstractButton) and widget.text():
        need = widget.sizeHint().width()
        return _compare(widget, widget.text(), need, _room(widget))
    if isinstance(widget, QTabBar):
        return _tabs(widget)
    if isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
        return _header(widget)
    if isinstance(widget, QLineEdit) and not widget.text() and widget.placeholderText():
        clear = CLEAR_BUTTON if widget.isClearButtonEnabled() else 0
        need = widget.fontMetrics().horizontalAdvance(widget.placeholderText())
        return _compare(
            widget, widget.placeholderText(), need + LINE_EDIT_FRAME + clear, _room(widget)
        )
    if isinstance(widget, QPlainTextEdit | QTextEdit) and widget.document().isEmpty():
        return _hint(widget)
    if isinstance(widget, QComboBox) and not widget.isEditable() and widget.currentText():
        need = widget.fontMetrics().horizontalAdvance(widget.currentText()) + COMBO_ARROW
        return _compare(widget, widget.currentText(), need, _room(widget))
    if isinstance(widget, QGroupBox) and widget.title():
        need = _bold(widget.font()).horizontalAdvance(plain(widget.title())) + 28
        return _compare(widget, widget.title(), need, _room(widget))
    return []


def _hint(edit: QPlainTextEdit | QTextEdit) -> list[Cut]:
    """A text box's hint, wrapped at the box's width, must fit its height; and Qt's own
    placeholder painting shows one line only, so a longer hint needs a TextBox."""
    hint = edit.placeholderText()
    if not hint:
        return []
    margin = int(edit.document().documentMargin())
    width = edit.viewport().width() - 2 * margin - 2
    flags = int(Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
    need = edit.fontMetrics().boundingRect(0, 0, width, 10_000, flags, hint).height()
    if not isinstance(edit, TextBox | RichHintEdit) and need > edit.fontMetrics().height():
        return [
            Cut(_name(edit) + " (Qt shows one line)", hint[:60], need, edit.fontMetrics().height())
        ]
    return _compare_height(edit, hint, need + 2 * margin, edit.viewport().height())


def _compare_height(widget: QWidget, text: str, need: int, room: int) -> list[Cut]:
    if need > room + SLACK:
        return [Cut(_name(widget) + " (height)", plain(text)[:60], need, room)]
    return []


def _compare(widget: QWidget, text: str, need: int, room: int) -> list[Cut]:
    if need > room + SLACK:
        return [Cut(_name(widget), plain(text), need, room)]
    return []


def _label(label: QLabel) -> list[Cut]:
    text = label.text()
    if not text or (label.pixmap() is not None and not label.pixmap().isNull()):
        return []
    margins = label.contentsMargins()
    width = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    if label.wordWrap():
        need_height = label.heightForWidth(label.width())
        if need_height > label.height() + SLACK:
            return [Cut(_name(label) + " (height)", plain(text)[:60], need_height, label.height())]
        return []
    if rich:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setHtml(text)
        need = int(document.idealWidth()) - 2 * int(document.documentMargin())
    else:
        lines = plain(text).split("\n")
        need = max(label.fontMetrics().horizontalAdvance(line) for line in lines)
    room = min(width, _room(label) - margins.left() - margins.right())
    return _compare(label, text, need, room)


def _tabs(bar: QTabBar) -> list[Cut]:
    cuts = []
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        text = bar.tabText(index)
        need = bar.fontMetrics().horizontalAdvance(plain(text)) + TAB_PADDING
        rect = bar.tabRect(index)
        room = min(rect.width(), max(0, bar.width() - rect.left()))
        cuts.extend(_compare(bar, text, need, room))
    return cuts


def _header(header: QHeaderView) -> list[Cut]:
    model = header.model()
    if model is None:
        return []
    metrics = _bold(header.font())
    cuts = []
    viewport = header.viewport().width()
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        if not text:
            continue
        need = metrics.horizontalAdvance(text) + HEADER_PADDING
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == section:
            need += SORT_ARROW
        left = header.sectionViewportPosition(section)
        room = min(header.sectionSize(section), viewport - left)
        cuts.extend(_compare(header, text, need, room))
    return cuts


# --- mnemonics -------------------------------------------------------------------------
def _mnemonic_texts(root: QWidget) -> list[str]:
    texts: list[str] = []
    if isinstance(root, QMainWindow):
        texts.extend(a.text() for a in root.menuBar().actions() if a.isVisible())
    for widget in _shown(root):
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i))
    return texts


def mnemonic_clashes(root: QWidget) -> dict[str, list[str]]:
    """Alt+letters that more than one visible thing in this window answers to."""
    return _clashes(_mnemonic_texts(root))


def menu_clashes(window: QMainWindow) -> dict[str, dict[str, list[str]]]:
    """Per menu of the menu bar: letters used twice in that menu."""
    found = {}
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            clashes = _clashes([a.text() for a in menu.actions() if a.isVisible()])
            if clashes:
                found[plain(action.text())] = clashes
    return found


def _clashes(texts: list[str]) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = defaultdict(list)
    for text in texts:
        letter = mnemonic(text)
        if letter is not None:
            seen[letter].append(plain(text))
    return {letter: users for letter, users in seen.items() if len(users) > 1}


__all__ = ["cut_texts", "menu_clashes", "mnemonic_clashes", "settle", "walk_tabs"]
