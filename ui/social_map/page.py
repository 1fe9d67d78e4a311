"""Sociale kaart (Ctrl+3): the map, and what was sought but not found on it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.navigator import Navigator
from ui.social_map.gaps_tab import GapsTab
from ui.social_map.map_tab import MapTab
from ui.widgets.fields import heading
from wijkteam.wiring import Services

TAB_MAP, TAB_GAPS = 0, 1


class SocialMapPage(QWidget):
    def __init__(self, services: Services, navigator: Navigator) -> None:
        super().__init__()
        self.map_tab = MapTab(services, navigator)
        self.gaps_tab = GapsTab(services, navigator)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.map_tab, "&Kaart")
        self.tabs.addTab(self.gaps_tab, "&Gezocht, niet gevonden")
        self.tabs.currentChanged.connect(lambda _index: self.refresh())
        save = QAction("Item opslaan", self)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(self.map_tab.panel.save)
        self.map_tab.addAction(save)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Sociale kaart", 1))
        layout.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        if self.tabs.currentIndex() == TAB_GAPS:
            self.gaps_tab.refresh()
        else:
            self.map_tab.refresh()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(TAB_MAP)
        self.map_tab.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.map_tab.filters.search.selectAll()

    def has_unsaved_changes(self) -> bool:
        return self.map_tab.panel.editor.is_modified()

    def confirm_leave(self) -> bool:
        return self.map_tab.panel.confirm_leave()

    def discard_changes(self) -> None:
        self.map_tab.panel.discard_changes()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.isAncestorOf(self.focusWidget()) and self.tabs.currentIndex() == TAB_MAP:
            self.focus_search()
