"""The conversation editor: one contact moment, and for a home visit the vrij gesprek under
seven open themes plus free notes. Made for writing a long text with the keyboard alone.

Never lose a word: every edit is written to a draft within two seconds (ui/dossier/autosave.py)
and when focus leaves a field or the editor is hidden (tab, dossier or window closed). Ctrl+S
saves the contact itself and removes the draft. No dialog ever opens while typing.

Below the notes, `steps_slot` (an empty layout) is where the panel with the steps agreed in
this conversation goes; `contact_id` says which saved contact the editor shows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QResizeEvent, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.dossier.autosave import Autosaver
from ui.dossier.contact_header import ContactHeader
from ui.dossier.contact_texts import kind_text, orientation_text
from ui.dossier.conversation_themes import ConversationThemes
from ui.dossier.editor_keys import EditorKeys
from ui.formatting import short_date
from ui.messages import error_text, field_errors
from ui.widgets.fields import heading, muted
from wijkteam.domain.contacts import ContactKind, Theme
from wijkteam.errors import WijkteamError
from wijkteam.services.contact_records import ContactInput, ContactRecord, DraftRecord
from wijkteam.validation import parse_date, parse_time
from wijkteam.wiring import Services

log = logging.getLogger(__name__)
T = TypeVar("T")

STYLE = """
QTextEdit { background: white; border: 2px solid #d3dce6; border-radius: 4px; }
QTextEdit:focus { border-color: #2f80c2; }
QLabel#themeTitle { font-size: 11pt; font-weight: 600; color: #24455c; margin-top: 8px; }
QLabel#orientation { padding: 4px 10px; border-radius: 4px; font-weight: 600; }
QLabel#keysHint { font-size: 10pt; color: #52606d; }
#writingContent { background: white; }
"""
# States are coloured with the label's own style sheet: no dynamic property and re-polish.
ORIENTATION_STYLE = {
    False: "background: #e6eef5; color: #24455c;",
    True: "background: #fff0d1; color: #7a4a00;",
}
PROBLEM_STYLE = {False: "", True: "color: #b42318;"}
KEYS_HINT = "Ctrl+Enter: volgend thema"


class ConversationEditor(QWidget):
    saved = Signal(object)  # the ContactRecord, after Ctrl+S or the save button
    draftsChanged = Signal()  # a draft was created or removed: lists mark it
    discarded = Signal()  # the member threw the unsaved text away

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._resident_id: int | None = None
        self._contact_id: int | None = None
        self._draft_id: int | None = None
        self._member_name: str | None = None
        self._dirty = False
        self.setStyleSheet(STYLE)
        self._autosaver = Autosaver(self.autosave, parent=self)
        self._keys = EditorKeys(self.save, self._jump, self._left_field, self)

        self.title = heading("", 2)
        self.orientation_label = QLabel()
        self.orientation_label.setObjectName("orientation")
        self.header = ContactHeader()
        self.header.edited.connect(self._edited)
        self.header.momentChanged.connect(self._moment_changed)
        self.writing = ConversationThemes()
        self.theme_edits = self.writing.theme_edits
        self.notes_edit = self.writing.notes_edit
        self.steps_slot = self.writing.steps_slot
        self.save_button = QPushButton("&Opslaan (Ctrl+S)")
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.discard_button = QPushButton("Wijzigingen &weggooien…")
        self.discard_button.clicked.connect(self.discard)
        self.state_label = muted()
        self.state_label.setObjectName("autosaveState")
        self._build()
        for edit in self.writing.edits():
            edit.edited.connect(self._edited)
        self._keys.watch(*self.header.inputs(), *self.writing.edits())
        chain = [*self.header.inputs(), *self.writing.edits(), self.save_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.orientation_label)
        top.addWidget(_Hint(KEYS_HINT), 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.discard_button)
        bottom.addWidget(self.state_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.header)
        layout.addWidget(self.writing, 1)
        layout.addLayout(bottom)

    def watch_keys(self, *widgets: QWidget) -> None:
        """Gives other widgets the editor's keys (Ctrl+S saves the conversation, Ctrl+Enter
        goes to the first theme), e.g. the list of contact moments beside it."""
        self._keys.watch(*widgets)

    # --- what is shown ---------------------------------------------------------------------
    @property
    def contact_id(self) -> int | None:
        return self._contact_id

    @property
    def draft_id(self) -> int | None:
        return self._draft_id

    @property
    def resident_id(self) -> int | None:
        return self._resident_id

    def start_new(self, resident_id: int, defaults: ContactInput) -> None:
        self.flush()
        self._show(resident_id, None, None, defaults, "Nieuw contactmoment.")
        first = self.writing.writing_fields(self.header.kind())[0]
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_contact(self, record: ContactRecord, draft: DraftRecord | None = None) -> None:
        self.flush()
        self._member_name = record.member_name
        if draft is not None:
            state = f"Niet opgeslagen tekst van {draft.saved_at:%d-%m-%Y %H:%M} teruggezet."
            self._show(record.resident_id, record.id, draft.id, draft.content, state)
        else:
            self._show(record.resident_id, record.id, None, _as_input(record), "Opgeslagen.")

    def show_draft(self, draft: DraftRecord) -> None:
        self.flush()
        state = f"Niet opgeslagen tekst van {draft.saved_at:%d-%m-%Y %H:%M} teruggezet."
        self._show(draft.resident_id, draft.contact_id, draft.id, draft.content, state)

    def clear(self) -> None:
        """Shows nothing (a dossier without contact moments)."""
        self.flush()
        self._show(None, None, None, ContactInput(ContactKind.HOME_VISIT, ""), "")

    def forget(self) -> None:
        """The resident was erased: what was typed goes, and nothing is saved any more."""
        self._dirty = False
        self._show(None, None, None, ContactInput(ContactKind.HOME_VISIT, ""), "")

    def focus_writing(self) -> None:
        """Puts the cursor at the end of the last field written in (or in the first field)."""
        fields = self.writing.writing_fields(self.header.kind())
        written = [f for f in fields if f.text()]
        target = written[-1] if written else fields[0]
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        target.moveCursor(QTextCursor.MoveOperation.End)

    def _show(
        self,
        resident_id: int | None,
        contact_id: int | None,
        draft_id: int | None,
        data: ContactInput,
        state: str,
    ) -> None:
        self._autosaver.cancel()
        self._resident_id, self._contact_id, self._draft_id = resident_id, contact_id, draft_id
        self.header.set_value(data, self._member_name if contact_id else None)
        self.writing.set_texts(data.themes, data.notes)
        self._dirty = False
        self._set_state(state)
        self._moment_changed()

    def value(self) -> ContactInput:
        return replace(
            self.header.value(), themes=self.writing.themes(), notes=self.writing.notes()
        )

    def theme_text(self, theme: Theme) -> str:
        return self.theme_edits[theme].text()

    def has_unsaved_text(self) -> bool:
        """Typed since the last save (perhaps only in a draft so far)."""
        return self._dirty or self._draft_id is not None

    # --- saving ----------------------------------------------------------------------------
    def flush(self) -> None:
        """Write what is not yet in a draft (focus moves, the dossier or window closes)."""
        if self._dirty:
            self._autosaver.flush()
        else:
            self._autosaver.cancel()

    def autosave(self) -> None:
        """Writes the editor's content to its draft: one small UPDATE, no dialog."""
        if not self._dirty or self._resident_id is None:
            return
        data = self.value()
        if self._contact_id is None and not data.has_text():
            self._drop_draft()  # a new contact without a word in it is not worth offering
            return
        try:
            draft_id = self._services.drafts.save(
                self._draft_id, self._resident_id, self._contact_id, data
            )
        except Exception as error:  # a full disk, a locked store: keep the text, try again
            log.warning("autosave failed: %s", type(error).__name__)  # no content in logs
            self._set_state(
                "Automatisch bewaren lukte niet; Wijkteam probeert het zo opnieuw.", problem=True
            )
            self._autosaver.changed()
            return
        created = draft_id != self._draft_id
        self._draft_id, self._dirty = draft_id, False
        now = self._services.store.clock.now()
        self._set_state(f"Automatisch bewaard om {now:%H:%M:%S}, nog niet opgeslagen.")
        if created:
            self.draftsChanged.emit()

    def save(self) -> bool:
        """Saves the contact moment (Ctrl+S). Refused input is marked at its field; the text
        stays in the editor and in the draft."""
        if self._resident_id is None:
            return False
        self.header.fieldset.clear_errors()
        data = self.value()
        contacts = self._services.contacts
        try:
            if self._contact_id is None:
                record = contacts.record(self._resident_id, data, draft_id=self._draft_id)
            else:
                record = contacts.update(self._contact_id, data, draft_id=self._draft_id)
        except WijkteamError as error:
            self.flush()
            unplaced = self.header.fieldset.show_errors(field_errors(error))
            if unplaced or not field_errors(error):
                self._set_state(" ".join(unplaced) or error_text(error), problem=True)
            else:
                self._set_state("Nog niet opgeslagen: kijk naar de velden bovenaan.", problem=True)
            return False
        self._autosaver.cancel()
        self._contact_id, self._draft_id, self._dirty = record.id, None, False
        self._member_name = record.member_name
        self._set_state(f"Opgeslagen om {self._services.store.clock.now():%H:%M}.")
        self._moment_changed()
        self.saved.emit(record)
        return True

    def discard(self) -> None:
        """Throws away what was typed since the last save, after asking."""
        if self._draft_id is None and not self._dirty:
            return
        answer = QMessageBox.question(
            self,
            "Tekst weggooien?",
            "De tekst die nog niet is opgeslagen, wordt weggegooid. Dit kan niet ongedaan "
            "worden gemaakt. Doorgaan?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._autosaver.cancel()
        self._dirty = False
        self._drop_draft()
        self.discarded.emit()

    def _drop_draft(self) -> None:
        self._dirty = False
        if self._draft_id is not None:
            self._services.drafts.discard(self._draft_id)
            self._draft_id = None
            self.draftsChanged.emit()

    # --- reacting to the member ------------------------------------------------------------
    def _edited(self) -> None:
        if not self._dirty:
            self._dirty = True
            self._set_state("Wordt automatisch bewaard…")
        self._autosaver.changed()

    def _left_field(self) -> None:
        if self._dirty:
            self._autosaver.flush()

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()  # the tab, the dossier or the window closes
        super().hideEvent(event)

    def _moment_changed(self) -> None:
        kind = self.header.kind()
        self.writing.show_for(kind)
        self.title.setText(self._title_text(kind))
        self._show_orientation(kind)

    def _title_text(self, kind: ContactKind) -> str:
        if self._contact_id is None:
            return f"Nieuw: {kind_text(kind).lower()}"
        return f"{kind_text(kind)} van {self.header.date_field.text()}"

    def _show_orientation(self, kind: ContactKind) -> None:
        if kind is not ContactKind.HOME_VISIT or self._resident_id is None:
            self.orientation_label.hide()
            return
        # While the date or time is half typed, count as if it were today / the day's start.
        on = _quiet(lambda: parse_date(self.header.date_field.text(), "contact_date"))
        at = _quiet(lambda: parse_time(self.header.time_field.text(), "contact_time"))
        on = on or self._services.store.clock.today()
        orientation = self._services.contacts.orientation_for(
            self._resident_id, self.header.value().report_id, on, at, self._contact_id
        )
        self.orientation_label.setText(orientation_text(orientation))
        beyond = orientation.beyond_usual
        if self.orientation_label.property("beyond") is not beyond:
            self.orientation_label.setProperty("beyond", beyond)
            self.orientation_label.setStyleSheet(ORIENTATION_STYLE[beyond])
        self.orientation_label.show()

    def _set_state(self, text: str, problem: bool = False) -> None:
        self.state_label.setText(text)
        if self.state_label.property("problem") is not problem:
            self.state_label.setProperty("problem", problem)
            self.state_label.setStyleSheet(PROBLEM_STYLE[problem])
        self.discard_button.setEnabled(self._draft_id is not None or self._dirty)

    def _jump(self, widget: QWidget, step: int) -> None:
        """Ctrl+Enter: to the next theme (Ctrl+Shift+Enter: the previous)."""
        self.writing.jump(widget, step, self.header.kind())


class _Hint(QLabel):
    """A hint that is shown whole or not at all: it never widens the window."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._text = text
        self.setObjectName("keysHint")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fits = self.fontMetrics().horizontalAdvance(self._text) <= self.contentsRect().width()
        self.setText(self._text if fits else "")


def _as_input(record: ContactRecord) -> ContactInput:
    return ContactInput(
        kind=record.kind,
        date=short_date(record.occurred_on),
        time=f"{record.occurred_time:%H:%M}" if record.occurred_time else "",
        duration=str(record.duration_minutes or ""),
        member_id=record.member_id,
        report_id=record.report_id,
        medium=record.medium,
        themes=dict(record.themes),
        notes=record.notes or "",
    )


def _quiet(parse: Callable[[], T]) -> T | None:
    """The parsed value, or None while the text is empty or not (yet) valid."""
    try:
        return parse()
    except WijkteamError:
        return None
