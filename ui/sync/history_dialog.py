"""Synchronisatie › Geschiedenis: every export with its counts and whether the municipality
confirmed it; a receipt file from the back office confirms one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.formatting import short_datetime
from ui.messages import error_text
from ui.models.columns import Column
from ui.models.row_model import RowTableModel
from ui.sync.texts import BATCH_STATE, CHANNEL
from ui.widgets.fields import heading, muted
from ui.widgets.tables import RowTable
from wijkteam.domain.sync import BatchState
from wijkteam.errors import WijkteamError
from wijkteam.sync.export.records import BatchRecord
from wijkteam.sync.zgw.resources import KIND_ORDER
from wijkteam.wiring import Services

SHORT = {
    "zaak": "zaken",
    "rol": "rollen",
    "klantcontact": "contactmomenten",
    "enkelvoudiginformatieobject": "documenten",
    "zaakinformatieobject": "koppelingen",
    "resultaat": "resultaten",
    "status": "statussen",
}


def local(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return short_datetime(moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None))


def contents(batch: BatchRecord) -> str:
    parts = [
        f"{batch.counts[k.value]} {SHORT[k.value]}" for k in KIND_ORDER if batch.counts.get(k.value)
    ]
    return ", ".join(parts)


def state_text(batch: BatchRecord) -> str:
    if batch.state is BatchState.ACKNOWLEDGED:
        return f"{BATCH_STATE[batch.state]} op {local(batch.acknowledged_at)}"
    if batch.state is BatchState.PARTIAL:
        return (
            f"{BATCH_STATE[batch.state]} op {local(batch.acknowledged_at)}: "
            f"{batch.undelivered} niet aangekomen"
        )
    return BATCH_STATE[batch.state]


BATCH_COLUMNS = [
    Column("Gemaakt", lambda b: local(b.created_at), width=150),
    Column("Hoe", lambda b: CHANNEL[b.channel] + (" (alles)" if b.include_all else ""), width=130),
    Column("Meldingen", lambda b: str(b.cases), width=100),
    Column("Inhoud", contents, tooltip=lambda b: f"{contents(b)}\nBatch {b.uuid}", stretch=True),
    Column("Status", state_text, width=470),
]


def _choose_receipt(parent: QWidget) -> str:
    path, _ = QFileDialog.getOpenFileName(
        parent, "Ontvangstbewijs kiezen", str(Path.home()), "Ontvangstbewijs (*.json)"
    )
    return path


class SyncHistoryDialog(QDialog):
    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        choose_receipt: Callable[[QWidget], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._batches = services.export.batches
        self._choose_receipt = choose_receipt
        self.changed = False
        self.setWindowTitle("Synchronisatie: geschiedenis")
        self.resize(1180, 520)
        self.model = RowTableModel(BATCH_COLUMNS, self)
        self.table = RowTable(BATCH_COLUMNS)
        self.table.setModel(self.model)
        self.message = muted()
        receipt = QPushButton("&Ontvangstbewijs inlezen…")
        receipt.clicked.connect(self.read_receipt)
        close = QPushButton("Sluiten")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(receipt)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Wat is er naar de gemeente gegaan?", 2))
        layout.addWidget(
            muted(
                "Een export blijft 'aangemaakt' tot de gemeente een ontvangstbewijs terugstuurt. "
                "Tot dan gaat wat erin zat bij de volgende export opnieuw mee; dubbel aanmaken "
                "doet de gemeente daardoor niets. Rechtstreeks synchroniseren is 'bevestigd' als "
                "alles aankwam, 'deels bevestigd' als het zaaksysteem iets weigerde: wat en "
                "waarom staat bij Synchroniseren met de gemeente, en gaat de volgende keer opnieuw "
                "mee."
            )
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.load()

    def load(self) -> None:
        self.model.set_rows(self._batches.list())
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.message.setText("Er is nog niets naar de gemeente gegaan.")

    def read_receipt(self) -> None:
        chosen = (self._choose_receipt or _choose_receipt)(self)
        if not chosen:
            return
        try:
            batch = self._batches.acknowledge_receipt(Path(chosen))
        except WijkteamError as error:
            self.message.setText(error_text(error))
            return
        self.changed = True
        self.load()
        self.message.setText(f"De export van {local(batch.created_at)} is bevestigd.")
