"""The panel beside the map: one entry's form with Opslaan, Gecontroleerd vandaag and
Deactiveren. A refused save marks the fields in Dutch and keeps every typed word."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.feedback import show_error
from ui.messages import field_errors
from ui.social_map.entry_editor import EntryEditor
from ui.widgets.fields import heading
from wijkteam.errors import WijkteamError
from wijkteam.services.social_map import MapEntryRecord, SocialMapService


class EntryPanel(QWidget):
    saved = Signal(object)  # the MapEntryRecord as stored now

    def __init__(self, service: SocialMapService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.title = heading("Nieuw item", 2)
        self.status = QLabel()
        self.status.setObjectName("warning")
        self.status.setWordWrap(True)
        self.status.hide()
        self.form_message = QLabel()
        self.form_message.setObjectName("fieldError")
        self.form_message.setWordWrap(True)
        self.form_message.hide()
        self.editor = EntryEditor()
        self.save_button = QPushButton("&Opslaan")
        self.save_button.setDefault(True)
        self.checked_button = QPushButton("Gecontroleerd vand&aag")
        self.checked_button.setToolTip(
            "U hebt nagevraagd of alles nog klopt: de datum van vandaag wordt bewaard."
        )
        self.active_button = QPushButton("Deactiveren")
        self.active_button.setToolTip(
            "Een item dat er niet meer is, verdwijnt uit de lijst maar blijft bewaard, "
            "zodat afspraken die ernaar verwijzen kloppen."
        )
        self.save_button.clicked.connect(self.save)
        self.checked_button.clicked.connect(self.mark_checked)
        self.active_button.clicked.connect(self.toggle_active)

        form_holder = QWidget()
        form_layout = QVBoxLayout(form_holder)
        form_layout.setContentsMargins(0, 0, 8, 0)
        form_layout.addWidget(self.editor)
        form_layout.addStretch(1)
        self.scroll = scroll = QScrollArea()
        scroll.setWidget(form_holder)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.checked_button)
        buttons.addStretch(1)
        buttons.addWidget(self.active_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.form_message)
        layout.addLayout(buttons)
        self.show_entry(None)

    @property
    def record(self) -> MapEntryRecord | None:
        return self.editor.record

    def show_entry(self, record: MapEntryRecord | None) -> None:
        self.editor.set_record(record)
        self._show_state(record)

    def save(self) -> bool:
        """Creates or updates the entry. False (with the reasons shown) when refused."""
        self.editor.fieldset.clear_errors()
        self.form_message.hide()
        data = self.editor.value()
        record = self.record
        try:
            stored = self._service.update(record.id, data) if record else self._service.create(data)
        except WijkteamError as error:
            errors = field_errors(error)
            if not errors:
                show_error(self, error)
                return False
            unplaced = self.editor.fieldset.show_errors(errors)
            self._scroll_to_first_error()
            if unplaced:
                self.form_message.setText("\n".join(unplaced))
                self.form_message.show()
            return False
        self.show_entry(stored)
        self.saved.emit(stored)
        return True

    def mark_checked(self) -> None:
        if self.record is None or (self.editor.is_modified() and not self.save()):
            return
        assert self.record is not None
        self._apply(lambda: self._service.mark_checked(self.record.id))  # type: ignore[union-attr]

    def toggle_active(self) -> None:
        if self.record is None or (self.editor.is_modified() and not self.save()):
            return
        record = self.record
        assert record is not None
        change = self._service.deactivate if record.active else self._service.reactivate
        self._apply(lambda: change(record.id))

    def confirm_leave(self) -> bool:
        """Asked before another entry is shown: unsaved changes are saved, dropped or kept."""
        if not self.editor.is_modified():
            return True
        answer = QMessageBox.question(
            self,
            "Wijzigingen opslaan?",
            "U hebt dit item van de sociale kaart gewijzigd maar nog niet opgeslagen. Nu opslaan?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.discard_changes()
            return True
        return False

    def discard_changes(self) -> None:
        self.show_entry(self.record)

    def _scroll_to_first_error(self) -> None:
        for field in self.editor.fieldset.fields.values():
            if field.has_error:
                self.scroll.ensureWidgetVisible(field)
                return

    def _apply(self, change) -> None:  # type: ignore[no-untyped-def]
        try:
            stored = change()
        except WijkteamError as error:
            show_error(self, error)
            return
        self.show_entry(stored)
        self.saved.emit(stored)

    def _show_state(self, record: MapEntryRecord | None) -> None:
        self.title.setText(record.name if record else "Nieuw item")
        self.checked_button.setEnabled(record is not None)
        self.active_button.setEnabled(record is not None)
        inactive = record is not None and not record.active
        self.active_button.setText("Heractiveren" if inactive else "Deactiveren")
        notes = []
        if record is not None and not record.active:
            notes.append("Niet actief: dit item staat niet meer in de gewone lijst.")
        if record is not None and record.active and record.stale:
            notes.append(
                "Niet gecontroleerd in het afgelopen jaar. Bel of mail even of het nog klopt."
            )
        if record is not None and record.is_example:
            notes.append("Verzonnen voorbeeld: geen echt aanbod.")
        self.status.setText("\n".join(notes))
        self.status.setVisible(bool(notes))
        self.form_message.hide()
