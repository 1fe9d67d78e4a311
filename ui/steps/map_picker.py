"""Choosing a sociale-kaart entry for a step: search as you type, the matches right under
the field, Down and Enter (or a click) to choose. No popup window steals the focus."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.labels import MAP_KIND
from wijkteam.services.social_map.records import MapEntryRecord, MapQuery
from wijkteam.wiring import Services

MATCHES = 6


class MapPicker(QWidget):
    chosen = Signal(object)  # the entry id, or None when cleared

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._entry_id: int | None = None
        self.line = QLineEdit()
        self.line.setPlaceholderText("zoek op de sociale kaart (mag leeg)")
        self.line.textEdited.connect(self._search)
        self.line.installEventFilter(self)
        self.clear_button = QToolButton()
        self.clear_button.setText("×")
        self.clear_button.setToolTip("Koppeling met de sociale kaart weghalen")
        self.clear_button.clicked.connect(self.clear)
        self.clear_button.hide()
        self.matches = QListWidget()
        self.matches.hide()
        self.matches.installEventFilter(self)
        self.matches.itemActivated.connect(self._choose_item)
        self.matches.itemClicked.connect(self._choose_item)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.matches)
        self.setFocusProxy(self.line)

    @property
    def entry_id(self) -> int | None:
        return self._entry_id

    def text(self) -> str:
        return self.line.text()

    def clear(self) -> None:
        self._entry_id = None
        self.line.clear()
        self.matches.clear()
        self.matches.hide()
        self.clear_button.hide()
        self.chosen.emit(None)

    def choose(self, entry: MapEntryRecord) -> None:
        self._entry_id = entry.id
        self.line.setText(entry.name)
        self.matches.hide()
        self.clear_button.show()
        self.chosen.emit(entry.id)

    def eventFilter(self, watched, event) -> bool:  # type: ignore[no-untyped-def]
        if event.type() != event.Type.KeyPress or watched not in (self.line, self.matches):
            return super().eventFilter(watched, event)
        if event.key() == Qt.Key.Key_Escape and self.matches.isVisible():
            self.matches.hide()  # Esc closes the suggestions, it does not leave the dossier
            self.line.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if watched is self.line and event.key() == Qt.Key.Key_Down and self.matches.count():
            self.matches.show()
            self.matches.setCurrentRow(0)
            self.matches.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)

    def _search(self, text: str) -> None:
        self._entry_id = None
        self.clear_button.hide()
        self.matches.clear()
        if not text.strip():
            self.matches.hide()
            return
        for entry in self._services.social_map.search(MapQuery(text=text), limit=MATCHES):
            place = f" · {entry.place}" if entry.place else ""
            item = QListWidgetItem(f"{entry.name} — {MAP_KIND[entry.kind].lower()}{place}")
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.matches.addItem(item)
        if not self.matches.count():
            self.matches.addItem(_nothing_found())
        row = self.matches.sizeHintForRow(0) or 22
        self.matches.setFixedHeight(
            min(self.matches.count(), MATCHES) * row + 2 * self.matches.frameWidth() + 4
        )
        self.matches.show()

    def _choose_item(self, item: QListWidgetItem) -> None:
        entry = item.data(Qt.ItemDataRole.UserRole)
        if entry is not None:
            self.choose(entry)
            self.line.setFocus(Qt.FocusReason.OtherFocusReason)


def _nothing_found() -> QListWidgetItem:
    item = QListWidgetItem("Niets gevonden. Noteer het als ‘gezocht, niet gevonden’.")
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    return item
