"""Gezocht, niet gevonden: note what was sought and not on the map, and see per category
what the neighbourhood lacks."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.feedback import show_error
from ui.formatting import short_date
from ui.labels import MAP_CATEGORY
from ui.messages import field_errors
from ui.models.columns import Column
from ui.models.row_model import RowTableModel
from ui.navigator import Navigator
from ui.widgets.fields import FieldSet, heading, muted
from ui.widgets.tables import RowTable
from wijkteam.domain.social_map import MapCategory
from wijkteam.errors import WijkteamError
from wijkteam.services.social_map import GapCount
from wijkteam.wiring import Services

NO_CATEGORY = "Geen categorie"
ALL = "all"
NONE = "none"


def category_text(category: MapCategory | None) -> str:
    return MAP_CATEGORY[category] if category is not None else NO_CATEGORY


COUNT_COLUMNS = [
    Column("Categorie", lambda c: c[0], stretch=True),
    Column("Keer gezocht", lambda c: str(c[1]), width=130),
]
GAP_COLUMNS = [
    Column("Datum", lambda g: short_date(g.noted_on), width=105),
    Column("Wat werd er gezocht", lambda g: g.sought, tooltip=lambda g: g.sought, stretch=True),
    Column("Categorie", lambda g: category_text(g.category), width=170),
    Column("Teamlid", lambda g: g.member_name or "", width=150),
]


class GapsTab(QWidget):
    def __init__(self, services: Services, navigator: Navigator) -> None:
        super().__init__()
        self._services = services
        self._navigator = navigator
        self.sought = QLineEdit()
        self.sought.setPlaceholderText("bijv. zwemles voor volwassenen in Vijlen")
        self.category = QComboBox()
        self.category.addItem(NO_CATEGORY, None)
        for category in MapCategory:
            self.category.addItem(MAP_CATEGORY[category], category)
        self.member = QComboBox()
        self.record_button = QPushButton("&Noteren")
        self.record_button.clicked.connect(self.record)
        self.sought.returnPressed.connect(self.record)
        self.fieldset = FieldSet()
        form = QFormLayout()
        self.fieldset.add(form, "sought", "Wat werd er ge&zocht?", self.sought)
        self.fieldset.add(form, "category", "&Categorie", self.category)
        self.fieldset.add(form, "gap_member", "Tea&mlid", self.member)
        button_row = QHBoxLayout()
        button_row.addWidget(self.record_button)
        button_row.addStretch(1)
        form.addRow("", button_row)
        form_holder = QWidget()
        form_holder.setLayout(form)
        form_holder.setMaximumWidth(760)

        self.counts_model = RowTableModel(COUNT_COLUMNS, self)
        self.counts_table = RowTable(COUNT_COLUMNS)
        self.counts_table.setModel(self.counts_model)
        self.counts_table.selectionModel().currentRowChanged.connect(self._category_chosen)
        self.gaps_model = RowTableModel(GAP_COLUMNS, self)
        self.gaps_table = RowTable(GAP_COLUMNS)
        self.gaps_table.setModel(self.gaps_model)
        self.remove_button = QPushButton("Notitie &verwijderen…")
        self.remove_button.clicked.connect(self.remove_selected)
        self.count_label = muted()

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.gaps_table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.remove_button)
        right_layout.addLayout(bottom)
        splitter = QSplitter()
        splitter.addWidget(self.counts_table)
        splitter.addWidget(right)
        splitter.setSizes([340, 720])
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted(
                "Wat een inwoner en teamlid samen zochten en niet op de sociale kaart vonden. "
                "Samen laat dit zien wat er in de buurt ontbreekt. Schrijf op wát er gezocht "
                "werd, niet wie het zocht."
            )
        )
        layout.addWidget(form_holder)
        layout.addWidget(heading("Wat ontbreekt er in de buurt?", 3))
        layout.addWidget(splitter, 1)

    def refresh(self) -> None:
        current = self.member.currentData()
        self.member.clear()
        for member in self._services.members.list():
            self.member.addItem(member.name, member.id)
        self.member.setCurrentIndex(max(self.member.findData(current), 0))
        self._load_counts()

    def record(self) -> None:
        self.fieldset.clear_errors()
        try:
            self._services.gaps.record_gap(
                self.sought.text(), self.category.currentData(), self.member.currentData()
            )
        except WijkteamError as error:
            errors = field_errors(error)
            if errors:
                self.fieldset.show_errors(errors)
            else:
                show_error(self, error)
            return
        self.sought.clear()
        self._navigator.notify("Genoteerd bij gezocht, niet gevonden.")
        self._load_counts()

    def remove_selected(self) -> None:
        gap = self.gaps_table.current_row()
        if gap is None:
            return
        answer = QMessageBox.question(
            self, "Notitie verwijderen", f"De notitie '{gap.sought}' verwijderen?"
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._services.gaps.remove_gap(gap.id)
        except WijkteamError as error:
            show_error(self, error)
        self._load_counts()

    def _load_counts(self) -> None:
        counts: list[GapCount] = self._services.gaps.counts()
        total = sum(c.count for c in counts)
        chosen = self.counts_table.current_row()
        rows = [("Alles", total, ALL)] + [
            (category_text(c.category), c.count, c.category or NONE) for c in counts
        ]
        self.counts_model.set_rows(rows)
        keys = [r[2] for r in rows]
        row = keys.index(chosen[2]) if chosen is not None and chosen[2] in keys else 0
        self.counts_table.selectRow(row)
        self._show_gaps(rows[row][2])

    def _category_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._show_gaps(self.counts_model.row_at(current.row())[2])

    def _show_gaps(self, key: object) -> None:
        gaps = self._services.gaps
        if key == ALL:
            rows = gaps.gaps()
        elif key == NONE:
            rows = gaps.gaps(uncategorised=True)
        else:
            rows = gaps.gaps(MapCategory(str(key)))
        self.gaps_model.set_rows(rows)
        noun = "notitie" if len(rows) == 1 else "notities"
        self.count_label.setText(f"{len(rows)} {noun}")
