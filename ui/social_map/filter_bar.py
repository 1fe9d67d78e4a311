"""Search-as-you-type and the filters above the sociale kaart: kind, category, place,
stale entries, and whether inactive entries show too."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.labels import MAP_CATEGORY, MAP_KIND
from wijkteam.domain.social_map import MapCategory, MapEntryKind
from wijkteam.services.social_map import MapQuery

SEARCH_DELAY_MS = 120  # wait for a pause in typing before querying (as Werkvoorraad does)


class MapFilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Zoek op naam, omschrijving, contactpersoon of plaats")
        self.search.setClearButtonEnabled(True)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem("Alle soorten", None)
        for kind in MapEntryKind:
            self.kind_filter.addItem(MAP_KIND[kind], kind)
        self.category_filter = QComboBox()
        self.category_filter.addItem("Alle categorieën", None)
        for category in MapCategory:
            self.category_filter.addItem(MAP_CATEGORY[category], category)
        self.place_filter = QComboBox()
        self.place_filter.addItem("Alle plaatsen", None)
        self.stale_only = QCheckBox("Niet gecontroleerd in het afgelopen &jaar")
        self.include_inactive = QCheckBox("Ook niet-actie&ve")

        search_label = QLabel("&Zoeken")
        search_label.setBuddy(self.search)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(search_label)
        top.addWidget(self.search, 3)
        for widget in (self.kind_filter, self.category_filter, self.place_filter):
            top.addWidget(widget, 1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addWidget(self.stale_only)
        bottom.addSpacing(16)
        bottom.addWidget(self.include_inactive)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(bottom)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(self._debounce.start)
        for combo in (self.kind_filter, self.category_filter, self.place_filter):
            combo.currentIndexChanged.connect(self._emit)
        for box in (self.stale_only, self.include_inactive):
            box.toggled.connect(self._emit)

    def query(self) -> MapQuery:
        return MapQuery(
            text=self.search.text(),
            kind=self.kind_filter.currentData(),
            category=self.category_filter.currentData(),
            place=self.place_filter.currentData(),
            stale_only=self.stale_only.isChecked(),
            include_inactive=self.include_inactive.isChecked(),
        )

    def set_places(self, places: list[str]) -> None:
        """Fills the place filter, keeping the current choice when it is still there."""
        current = self.place_filter.currentData()
        self.place_filter.blockSignals(True)
        self.place_filter.clear()
        self.place_filter.addItem("Alle plaatsen", None)
        for place in places:
            self.place_filter.addItem(place, place)
        self.place_filter.setCurrentIndex(max(self.place_filter.findData(current), 0))
        self.place_filter.blockSignals(False)

    def search_now(self) -> None:
        self._emit()

    def _emit(self) -> None:
        self._debounce.stop()
        self.changed.emit()
