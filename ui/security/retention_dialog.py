"""Beheer › Bewaartermijnen (coordinators): closed cases due for removal, to confirm; cases
the municipality never acknowledged, listed as problems; the anonymous figures kept."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.feedback import show_error
from ui.formatting import short_date
from ui.models.columns import Column
from ui.models.row_model import RowTableModel
from ui.security.settings_dialog import RETENTION_HELP
from ui.widgets.fields import heading, muted
from ui.widgets.tables import RowTable
from wijkteam.errors import WijkteamError
from wijkteam.services import Services

CASE_COLUMNS = [
    Column("Inwoner", lambda c: c.resident_name, width=240),
    Column("Afgesloten", lambda c: short_date(c.closed_on) if c.closed_on else "", width=110),
    Column(
        "Bevestigd door gemeente",
        lambda c: short_date(c.acknowledged_at.date()) if c.acknowledged_at else "nooit",
        width=200,
    ),
    Column("Mag weg vanaf", lambda c: short_date(c.due_on) if c.due_on else "—"),
]
FIGURE_COLUMNS = [
    Column("Maand", lambda f: f.period, width=90),
    Column("Bron", lambda f: f.source, width=160),
    Column("Afsluitreden", lambda f: f.closing_reason, width=160),
    Column("Hoe verwijderd", lambda f: f.removal, width=120),
    Column("Aantal", lambda f: str(f.cases), width=70),
    Column("Op tijd bezocht", lambda f: str(f.visited_in_time)),
]


class RetentionDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle("Bewaartermijnen")
        self.resize(920, 720)
        self.due_model = RowTableModel(CASE_COLUMNS, self)
        self.due_table = RowTable(CASE_COLUMNS)
        self.due_table.setModel(self.due_model)
        self.problem_model = RowTableModel(CASE_COLUMNS, self)
        self.problem_table = RowTable(CASE_COLUMNS)
        self.problem_table.setModel(self.problem_model)
        self.figure_model = RowTableModel(FIGURE_COLUMNS, self)
        figures = RowTable(FIGURE_COLUMNS)
        figures.setModel(self.figure_model)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_due)
        self.status = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        grace = services.settings.security().retention_grace_days
        layout = QVBoxLayout(self)
        layout.addWidget(muted(RETENTION_HELP + f" De termijn is nu {grace} dagen."))
        layout.addWidget(heading("Klaar om van deze laptop te verwijderen", 3))
        layout.addWidget(self.due_table, 2)
        layout.addWidget(self.remove_button)
        layout.addWidget(heading("Problemen: afgesloten, maar nooit bevestigd door de gemeente", 3))
        layout.addWidget(
            muted(
                "Deze meldingen worden niet verwijderd: de gemeente heeft niet bevestigd dat ze "
                "ze heeft. Synchroniseer ze opnieuw of vraag de gemeente om bevestiging."
            )
        )
        layout.addWidget(self.problem_table, 2)
        layout.addWidget(heading("Bewaarde cijfers (zonder persoonsgegevens)", 3))
        layout.addWidget(figures, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        self.due_model.set_rows(self._services.retention.due())
        self.problem_model.set_rows(self._services.retention.problems())
        self.figure_model.set_rows(self._services.retention.figures())
        count = self.due_model.rowCount()
        self.remove_button.setText(f"&Verwijderen ({count})…")
        self.remove_button.setEnabled(count > 0)

    def remove_due(self) -> None:
        count = self.due_model.rowCount()
        answer = QMessageBox.question(
            self,
            "Verwijderen bevestigen",
            f"{count} afgesloten melding(en) en de gegevens en notities daarbij worden "
            "definitief van deze laptop verwijderd. De gemeente heeft ze in haar eigen "
            "systeem. Alleen anonieme cijfers blijven. Doorgaan?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.confirmed_remove()

    def confirmed_remove(self) -> None:
        ids = [self.due_model.row_at(r).report_id for r in range(self.due_model.rowCount())]
        try:
            summary = self._services.retention.remove(ids)
        except WijkteamError as error:
            show_error(self, error)
            return
        self.status.setText(
            f"{summary.reports} melding(en) verwijderd, {summary.residents} inwoner(s) "
            "helemaal van deze laptop af."
        )
        self.reload()
