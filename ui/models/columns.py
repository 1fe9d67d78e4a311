"""Column specifications shared by the list models."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

# Extra data roles the delegates read.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
DEADLINE_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    tooltip: Callable[[Any], str] | None = None
    deadline: Callable[[Any], Any] | None = None  # painted as a coloured badge
    sort_key: str | None = None  # the service's sort name, for server-side sorting
    width: int | None = None  # at least this wide; wider when the title or the text needs it
    stretch: bool = False  # takes the room that is left, instead of the last column
    max_width: int | None = None  # never wider (long texts get a tooltip instead)
