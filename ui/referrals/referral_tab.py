"""The dossier's Doorverwijzing tab: the resident's referrals, and one of them opened."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.formatting import short_date
from ui.labels import STATUS
from ui.models.columns import Column
from ui.models.row_model import RowTableModel
from ui.navigator import Navigator
from ui.referrals.dialogs import RequestDialog
from ui.referrals.referral_panel import ReferralPanel
from ui.referrals.texts import KIND_SHORT, REFERRAL_STATUS, destination
from ui.widgets.fields import muted
from ui.widgets.tables import RowTable
from wijkteam.services.records import ResidentRecord
from wijkteam.services.referral_records import ReferralRecord
from wijkteam.wiring import Services

COLUMNS = [
    Column("Aangevraagd", lambda r: short_date(r.created_on), width=125),
    Column(
        "Naar",
        lambda r: (
            f"{KIND_SHORT[r.kind]}: "
            + destination(r.law, r.law_other, r.specialist, r.specialist_other)
        ),
        stretch=True,
    ),
    Column("Status", lambda r: REFERRAL_STATUS[r.status], width=110),
]


class ReferralTab(QWidget):
    def __init__(self, services: Services, navigator: Navigator) -> None:
        super().__init__()
        self._services = services
        self._navigator = navigator
        self._resident: ResidentRecord | None = None
        self.new_button = QPushButton("Doorverwijzing aan&vragen…")
        self.new_button.clicked.connect(self.request)
        self.model = RowTableModel(COLUMNS, self)
        self.table = RowTable(COLUMNS)
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.empty = muted(
            "Nog geen doorverwijzing. Vraag een keukentafelgesprek aan bij de Wmo- of "
            "jeugdconsulent, of schaal op naar een specialist, als dat nodig is."
        )
        self.panel = ReferralPanel(services, navigator.runner, self._changed, navigator.notify)
        self.panel.hide()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addStretch(1)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty)
        left.setMaximumWidth(430)
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def show_resident(self, resident: ResidentRecord) -> None:
        self._resident = resident
        self._load(None)

    def refresh(self) -> None:
        current = self.panel.referral
        if self._resident is not None:
            self._load(current.id if current else None)

    def select(self, referral_id: int) -> None:
        if self._resident is not None:
            self._load(referral_id)
            self.focus_list()

    def request(self) -> None:
        if self._resident is None:
            return
        meldingen = [
            (r.id, f"Melding van {short_date(r.received_on)} · {STATUS[r.status]}")
            for r in self._services.reports.for_resident(self._resident.id)
            if r.is_open
        ]
        if not meldingen:
            self.empty.setText(
                "Een doorverwijzing hoort bij een open melding. Deze inwoner heeft geen open "
                "melding; maak eerst een melding aan."
            )
            self.empty.show()
            return
        dialog = RequestDialog(meldingen, self)
        dialog.set_save(lambda: self._services.referrals.create(dialog.report_id(), dialog.value()))
        if dialog.exec() == RequestDialog.DialogCode.Accepted and dialog.result_record:
            self._changed(dialog.result_record)
            self._navigator.notify("Doorverwijzing aangemaakt als concept.")

    def _changed(self, record: ReferralRecord) -> None:
        self._load(record.id)
        self._navigator.data_changed()  # the melding's status may have moved

    def _load(self, select_id: int | None) -> None:
        assert self._resident is not None
        rows = self._services.referrals.for_resident(self._resident.id)
        self.model.set_rows(rows)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        if not rows:
            self.panel.show_referral(None)
            return
        row = next((n for n, r in enumerate(rows) if r.id == select_id), 0)
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.panel.show_referral(rows[row])

    def _selected(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        if current.isValid():
            self.panel.show_referral(self.model.row_at(current.row()))

    def focus_list(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
