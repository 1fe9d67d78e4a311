"""Form building blocks: an input with its Dutch error message right under it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from ui.formatting import short_date
from ui.messages import field_error_text
from wijkteam.errors import ValidationError


class FormField(QWidget):
    """Wraps an input; shows a message below it and marks it, without touching its text."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error_label)
        self.setFocusProxy(editor)
        # A message about what was typed goes as soon as the member types again.
        edited = getattr(editor, "textEdited", None) or getattr(editor, "textChanged", None)
        if edited is not None:
            edited.connect(self._edited)

    def _edited(self, *_args: object) -> None:
        if self.has_error:
            self.clear_error()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.editor.setProperty("invalid", True)
        self._repolish()

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()
        self.editor.setProperty("invalid", False)
        self._repolish()

    @property
    def has_error(self) -> bool:
        return not self.error_label.isHidden()

    def _repolish(self) -> None:
        style = self.editor.style()
        style.unpolish(self.editor)
        style.polish(self.editor)


class FieldSet:
    """The FormFields of one form, addressed by the core's field names."""

    def __init__(self) -> None:
        self.fields: dict[str, FormField] = {}

    def add(self, layout: QFormLayout, name: str, label: str, editor: QWidget) -> FormField:
        field = FormField(editor)
        self.fields[name] = field
        text = QLabel(label)
        text.setBuddy(editor)
        layout.addRow(text, field)
        return field

    def show_errors(self, errors: Iterable[ValidationError]) -> list[str]:
        """Marks the fields; returns messages for errors of fields this form does not have."""
        unplaced: list[str] = []
        first: FormField | None = None
        for error in errors:
            field = self.fields.get(error.field)
            if field is None:
                unplaced.append(field_error_text(error))
                continue
            field.show_error(field_error_text(error))
            first = first or field
        if first is not None:
            first.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return unplaced

    def clear_errors(self) -> None:
        for field in self.fields.values():
            field.clear_error()

    def errors_shown(self) -> Mapping[str, str]:
        return {n: f.error_label.text() for n, f in self.fields.items() if f.has_error}


class DateField(QWidget):
    """A date typed as dd-mm-jjjj (so a wrong date can be told, not silently corrected),
    with a calendar button for those who prefer clicking."""

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.setPlaceholderText("dd-mm-jjjj")
        self.line.setMaxLength(10)
        self.line.editingFinished.connect(self.editingFinished)
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setToolTip("Kies een datum in de kalender")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar = QCalendarWidget()
        self.calendar.setLocale(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.button.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)

    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:
        self.line.setText(text)

    def set_date(self, value: date | None) -> None:
        self.line.setText(short_date(value))

    def _picked(self, picked: QDate) -> None:
        self.line.setText(picked.toString("dd-MM-yyyy"))
        self.button.menu().close()
        self.editingFinished.emit()


def heading(text: str, level: int = 1) -> QLabel:
    label = QLabel(text)
    label.setObjectName(f"heading{level}")
    return label


def muted(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setObjectName("muted")
    label.setWordWrap(True)
    return label
