"""The sociale kaart's table: columns, and stale or inactive entries marked in words and colour."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ui.formatting import format_phone, short_date
from ui.labels import MAP_CATEGORY, MAP_KIND
from ui.models.columns import Column
from ui.models.row_model import Index, RowTableModel
from wijkteam.services.social_map import MapEntryRecord

STALE_BACKGROUND = QColor("#fff0d1")
STALE_TEXT = QColor("#7a4a00")
INACTIVE_TEXT = QColor("#7b8794")
STALE_MARK = "⚠"  # with the colour, so a stale entry is not told by colour alone


def name_text(entry: MapEntryRecord) -> str:
    flags = (("niet actief", not entry.active), ("voorbeeld", entry.is_example))
    tags = [tag for tag, on in flags if on]
    return f"{entry.name}  ·  {', '.join(tags)}" if tags else entry.name


def checked_text(entry: MapEntryRecord) -> str:
    if entry.last_checked is None:
        return f"{STALE_MARK} nooit"
    if entry.stale:
        return f"{STALE_MARK} {short_date(entry.last_checked)}"
    return short_date(entry.last_checked)


def name_tooltip(entry: MapEntryRecord) -> str:
    parts = [entry.description or ""]
    contact = " · ".join(p for p in (entry.contact_name, format_phone(entry.phone)) if p)
    if contact:
        parts.append(f"Contact: {contact}")
    if entry.is_example:
        parts.append("Verzonnen voorbeeld: geen echt aanbod.")
    return "\n".join(p for p in parts if p)


MAP_COLUMNS = [
    Column("Naam", name_text, tooltip=name_tooltip, stretch=True),
    Column("Soort", lambda e: MAP_KIND[e.kind]),
    Column(
        "Categorieën",
        lambda e: ", ".join(MAP_CATEGORY[c] for c in e.categories),
        tooltip=lambda e: ", ".join(MAP_CATEGORY[c] for c in e.categories),
        max_width=150,
    ),
    Column("Plaats", lambda e: e.place or ""),
    Column(
        "Gecontroleerd",
        checked_text,
        tooltip=lambda e: (
            "Niet gecontroleerd in het afgelopen jaar: klopt dit nog?" if e.stale else ""
        ),
    ),
]
CHECKED_COLUMN = len(MAP_COLUMNS) - 1


class MapTableModel(RowTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(MAP_COLUMNS, parent)

    def row_of(self, entry_id: int) -> int | None:
        for number in range(self.rowCount()):
            if self.row_at(number).id == entry_id:
                return number
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry: MapEntryRecord = self.row_at(index.row())
        stale_cell = index.column() == CHECKED_COLUMN and entry.stale and entry.active
        if role == Qt.ItemDataRole.BackgroundRole and stale_cell:
            return QBrush(STALE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if not entry.active:
                return QBrush(INACTIVE_TEXT)
            if stale_cell:
                return QBrush(STALE_TEXT)
        if role == Qt.ItemDataRole.FontRole and not entry.active:
            font = QFont()
            font.setItalic(True)
            return font
        return super().data(index, role)
