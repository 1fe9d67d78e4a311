"""The writing area of the conversation editor: the seven open themes and the free notes,
one under the other in a scrolling column of readable width, and below them the slot where the
steps agreed in the conversation will be shown."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.dossier.theme_edit import ThemeEdit
from ui.labels import NOTES_LABEL, NOTES_PROMPT, THEME_LABEL, THEME_PROMPT
from wijkteam.domain.contacts import CONVERSATION_KINDS, THEMES, ContactKind, Theme

READABLE_WIDTH = 860  # longer lines are hard to read


class ConversationThemes(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme_edits = {theme: ThemeEdit(THEME_PROMPT[theme]) for theme in THEMES}
        self.notes_edit = ThemeEdit(NOTES_PROMPT)
        # Empty until the steps panel is added here (steps_slot.addWidget(panel)).
        self.steps_slot = QVBoxLayout()
        self.steps_slot.setObjectName("stepsSlot")

        self.themes_box = QWidget()
        themes = QVBoxLayout(self.themes_box)
        themes.setContentsMargins(0, 0, 0, 0)
        for theme, edit in self.theme_edits.items():
            themes.addWidget(_title(THEME_LABEL[theme], edit))
            themes.addWidget(edit)
        self._content = QWidget()
        self._content.setObjectName("writingContent")
        self._content.setMaximumWidth(READABLE_WIDTH)
        column = QVBoxLayout(self._content)
        column.addWidget(self.themes_box)
        column.addWidget(_title(NOTES_LABEL, self.notes_edit))
        column.addWidget(self.notes_edit)
        column.addLayout(self.steps_slot)
        column.addStretch(1)
        self.setWidget(self._content)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        for edit in self.edits():
            edit.cursorPositionChanged.connect(lambda e=edit: self._follow_cursor(e))

    def edits(self) -> list[ThemeEdit]:
        return [*self.theme_edits.values(), self.notes_edit]

    def set_texts(self, themes: Mapping[Theme, str], notes: str) -> None:
        for theme, edit in self.theme_edits.items():
            edit.set_text(themes.get(theme, ""))
        self.notes_edit.set_text(notes)
        self.verticalScrollBar().setValue(0)

    def themes(self) -> dict[Theme, str]:
        return {theme: edit.text() for theme, edit in self.theme_edits.items() if edit.text()}

    def notes(self) -> str:
        return self.notes_edit.text()

    def show_for(self, kind: ContactKind) -> None:
        self.themes_box.setVisible(self._themes_shown(kind))

    def writing_fields(self, kind: ContactKind) -> list[ThemeEdit]:
        return self.edits() if self._themes_shown(kind) else [self.notes_edit]

    def jump(self, widget: QWidget, step: int, kind: ContactKind) -> None:
        """To the next (step 1) or previous (-1) field, cursor at the end of its text; from a
        field above the themes to the first one."""
        fields = self.writing_fields(kind)
        if widget in fields:
            index = (fields.index(widget) + step) % len(fields)  # type: ignore[arg-type]
        else:
            index = 0 if step > 0 else len(fields) - 1
        target = fields[index]
        target.setFocus(Qt.FocusReason.TabFocusReason)
        target.moveCursor(QTextCursor.MoveOperation.End)
        self.ensureWidgetVisible(target, 0, 40)

    def _themes_shown(self, kind: ContactKind) -> bool:
        """Themes belong to a conversation; text already written under one stays in view."""
        return kind in CONVERSATION_KINDS or any(e.text() for e in self.theme_edits.values())

    def _follow_cursor(self, edit: ThemeEdit) -> None:
        """Keeps the line being typed in view while a field grows below the window's edge."""
        if not edit.hasFocus():
            return

        def follow() -> None:
            rect = edit.cursorRect()
            point = edit.viewport().mapTo(self._content, rect.center())
            self.ensureVisible(point.x(), point.y(), 0, rect.height() + 24)

        QTimer.singleShot(0, follow)


def _title(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setObjectName("themeTitle")
    label.setBuddy(buddy)
    return label
