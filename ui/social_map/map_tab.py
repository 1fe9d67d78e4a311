"""The map itself: filters, the table of entries, and the panel to edit one."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.navigator import Navigator
from ui.social_map.entry_panel import EntryPanel
from ui.social_map.filter_bar import MapFilterBar
from ui.social_map.map_model import MAP_COLUMNS, MapTableModel
from ui.social_map.transfer_flow import MapTransferFlow
from ui.widgets.fields import muted
from ui.widgets.tables import RowTable
from wijkteam.services.social_map import MapEntryRecord
from wijkteam.services.social_map.service import LIST_LIMIT
from wijkteam.wiring import Services


class MapTab(QWidget):
    def __init__(self, services: Services, navigator: Navigator) -> None:
        super().__init__()
        self._services = services
        self._navigator = navigator
        self._syncing = False
        self.filters = MapFilterBar()
        self.model = MapTableModel(self)
        self.table = RowTable(MAP_COLUMNS)
        self.table.setModel(self.model)
        self.panel = EntryPanel(services.social_map)
        self.count_label = muted()
        self.empty_hint = muted(
            "De sociale kaart is nog leeg. Voeg een item toe, importeer de kaart van uw team "
            "uit Excel (CSV), of begin met de verzonnen voorbeeldkaart van Vaals."
        )
        self.transfer = MapTransferFlow(self, services, navigator, self.refresh)
        self.load_examples_button = QPushButton("Voorbeeldkaart Vaals laden")
        self.load_examples_button.clicked.connect(self.transfer.load_examples)
        self.empty_box = QWidget()
        empty_layout = QHBoxLayout(self.empty_box)
        empty_layout.setContentsMargins(0, 0, 0, 0)
        empty_layout.addWidget(self.empty_hint, 1)
        empty_layout.addWidget(self.load_examples_button)

        self.new_button = QPushButton("&Nieuw item")
        self.import_button = QPushButton("&Importeren uit CSV…")
        self.export_button = QPushButton("E&xporteren naar CSV…")
        self.examples_button = QToolButton()
        self.examples_button.setText("Voorbeeldkaart")
        self.examples_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.examples_button)
        self.load_examples_action = menu.addAction("Voorbeeldkaart Vaals laden")
        self.remove_examples_action = menu.addAction("Voorbeelden verwijderen…")
        self.examples_button.setMenu(menu)
        self.new_button.clicked.connect(self.new_entry)
        self.import_button.clicked.connect(self.transfer.start_import)
        self.export_button.clicked.connect(self.transfer.start_export)
        self.load_examples_action.triggered.connect(self.transfer.load_examples)
        self.remove_examples_action.triggered.connect(self.transfer.remove_examples)

        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)
        actions.addWidget(self.examples_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty_box)
        left_layout.addWidget(self.count_label)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([680, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)

        self.filters.changed.connect(self._load)
        self.filters.search.returnPressed.connect(self._search_enter)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.rowActivated.connect(lambda _row: self.panel.editor.name.setFocus())
        self.panel.saved.connect(self._saved)

    # --- public ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self.filters.set_places(self._services.social_map.places())
        self._load()

    def new_entry(self) -> None:
        if not self.panel.confirm_leave():
            return
        self._syncing = True
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        self._syncing = False
        self.panel.show_entry(None)
        self.panel.editor.name.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- list -----------------------------------------------------------------------------
    def _load(self) -> None:
        query = self.filters.query()
        entries = self._services.social_map.search(query)
        total = self._services.social_map.count(query) if len(entries) >= LIST_LIMIT else None
        self._syncing = True
        self.model.set_rows(entries)
        self._select(self.panel.record)
        self._syncing = False
        shown = len(entries)
        noun = "item" if shown == 1 else "items"
        self.count_label.setText(
            f"{shown} {noun}" if total is None else f"De eerste {shown} van {total} items"
        )
        self.empty_box.setVisible(self._services.social_map.is_empty())

    def _select(self, record: MapEntryRecord | None) -> None:
        row = self.model.row_of(record.id) if record else None
        if row is None:
            self.table.clearSelection()
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        entry = self.model.row_at(current.row())
        if self.panel.record is not None and entry.id == self.panel.record.id:
            return
        if not self.panel.confirm_leave():
            self._syncing = True
            self._select(self.panel.record)
            if self.panel.record is None:
                self.table.setCurrentIndex(QModelIndex())
            self._syncing = False
            return
        self.panel.show_entry(entry)

    def _saved(self, record: MapEntryRecord) -> None:
        self._navigator.notify(f"Opgeslagen: {record.name}.")
        self.refresh()

    def _search_enter(self) -> None:
        """Enter in the search box: search now and move to the first result."""
        self.filters.search_now()
        if self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.table.selectRow(0)
