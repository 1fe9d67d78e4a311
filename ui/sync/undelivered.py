"""What did not reach the municipality's case system, per melding, with why in Dutch: a
table of the resources refused or held back, and below it the explanation of the one chosen.
Used by the push dialog (after a push, and what is still waiting when it opens)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.formatting import short_date
from ui.models.columns import Column
from ui.models.row_model import RowTableModel
from ui.sync.texts import RESOURCE_ONE, undelivered_short, undelivered_why
from ui.widgets.fields import muted
from ui.widgets.tables import RowTable
from wijkteam.sync.export.records import CaseLabel, UndeliveredResource


@dataclass(frozen=True)
class UndeliveredRow:
    item: UndeliveredResource
    case: CaseLabel | None  # None: the melding is no longer on this laptop

    @property
    def resident(self) -> str:
        return self.case.resident_name if self.case else "(niet meer op deze laptop)"

    @property
    def received(self) -> str:
        return short_date(self.case.received_on) if self.case else ""

    @property
    def what(self) -> str:
        return RESOURCE_ONE[self.item.kind]

    @property
    def short(self) -> str:
        return undelivered_short(self.item.reason, self.item.waits_for)

    @property
    def why(self) -> str:
        i = self.item
        return undelivered_why(i.reason, i.status, i.codes, i.waits_for)


COLUMNS = [
    Column("Inwoner", lambda r: r.resident, width=220),
    Column("Melding van", lambda r: r.received, width=120),
    Column("Wat", lambda r: r.what, width=250),
    Column("Waarom niet", lambda r: r.short, tooltip=lambda r: r.why, stretch=True),
]


def undelivered_rows(
    items: Sequence[UndeliveredResource], labels: Mapping[uuid.UUID, CaseLabel]
) -> list[UndeliveredRow]:
    """Grouped by melding (in the order the member knows them: by name), then as sent."""
    rows = [UndeliveredRow(item, labels.get(item.case_uuid)) for item in items]
    return sorted(rows, key=lambda r: (r.case is None, r.resident, r.received))


class UndeliveredView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RowTableModel(COLUMNS, self)
        self.table = RowTable(COLUMNS)
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._explain())
        self.explanation = muted()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.explanation)

    def show_rows(self, rows: Sequence[UndeliveredRow]) -> None:
        self.model.set_rows(list(rows))
        if rows:
            self.table.selectRow(0)
        self._explain()

    def _explain(self) -> None:
        row = self.table.current_row()
        self.explanation.setText(row.why if row is not None else "")
