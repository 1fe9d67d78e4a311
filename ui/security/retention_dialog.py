"""Beheer › Bewaartermijnen (coordinators): closed cases due for removal, to confirm; cases
the municipality never acknowledged, listed as problems; the anonymous figures kept."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.feedback import show_error
from ui.formatting import MONTHS, short_date
from ui.labels import CLOSING_REASON, SOURCE
from ui.models.columns import Column
from ui.models.row_model import RowTableModel
from ui.security.confirm import confirm_destructive
from ui.security.settings_dialog import RETENTION_HELP
from ui.widgets.fields import muted
from ui.widgets.tables import RowTable
from wijkteam.domain.enums import ClosingReason, ReportSource
from wijkteam.errors import WijkteamError
from wijkteam.wiring import Services

CASE_COLUMNS = [
    Column("Inwoner", lambda c: c.resident_name, width=240),
    Column("Afgesloten", lambda c: short_date(c.closed_on) if c.closed_on else "", width=110),
    Column(
        "Bevestigd door gemeente",
        lambda c: short_date(c.acknowledged_at.date()) if c.acknowledged_at else "nooit",
        width=230,
    ),
    Column("Mag weg vanaf", lambda c: short_date(c.due_on) if c.due_on else "—"),
]
REMOVAL = {"retention": "na de bewaartermijn", "erasure": "gewist op verzoek"}


def _month(period: str) -> str:
    """ "2026-11" as "november 2026"."""
    year, month = period.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


def _source(code: str) -> str:
    return SOURCE[ReportSource(code)] if code in set(ReportSource) else code


def _closing(code: str) -> str:
    if code == "open":
        return "nog niet afgesloten"
    return CLOSING_REASON[ClosingReason(code)] if code in set(ClosingReason) else code


FIGURE_COLUMNS = [
    Column("Maand van de melding", lambda f: _month(f.period), width=215),
    Column("Bron", lambda f: _source(f.source), width=160),
    Column("Afsluitreden", lambda f: _closing(f.closing_reason), width=190),
    Column("Hoe verwijderd", lambda f: REMOVAL.get(f.removal, f.removal), width=150),
    Column("Aantal", lambda f: str(f.cases), width=70),
    Column("Op tijd bezocht", lambda f: str(f.visited_in_time)),
]


def _page(explanation: str, table: QWidget) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(muted(explanation))
    layout.addWidget(table, 1)
    return page


class RetentionDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        # In a team the removal is the team's: every laptop and the team server follow.
        self._team = services.team.status().connected
        self.setWindowTitle("Bewaartermijnen")
        self.resize(1000, 700)
        self.due_model = RowTableModel(CASE_COLUMNS, self)
        self.due_table = RowTable(CASE_COLUMNS)
        self.due_table.setModel(self.due_model)
        self.waiting_model = RowTableModel(CASE_COLUMNS, self)
        self.waiting_table = RowTable(CASE_COLUMNS)
        self.waiting_table.setModel(self.waiting_model)
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
        self.help = muted(RETENTION_HELP)
        self.tabs = QTabWidget()
        self.tabs.addTab(
            _page(
                "Deze afgesloten meldingen mogen van de laptops van het team en van de "
                "teamserver af."
                if self._team
                else "Deze afgesloten meldingen mogen van deze laptop af.",
                self.due_table,
            ),
            "",
        )
        self.tabs.widget(0).layout().addWidget(self.remove_button)  # type: ignore[union-attr]
        self.tabs.addTab(
            _page(
                "Bevestigd door de gemeente; ze mogen weg vanaf de datum in de laatste kolom.",
                self.waiting_table,
            ),
            "",
        )
        self.tabs.addTab(
            _page(
                "Afgesloten, maar nooit bevestigd door de gemeente. Deze meldingen worden niet "
                "verwijderd: synchroniseer ze opnieuw of vraag de gemeente om bevestiging.",
                self.problem_table,
            ),
            "",
        )
        self.tabs.addTab(
            _page("Wat overblijft van verwijderde en gewiste meldingen, zonder namen.", figures),
            "Bewaarde &cijfers",
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.help)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        overview = self._services.retention.overview()
        self.help.setText(RETENTION_HELP + f" De termijn is nu {overview.grace_days} dagen.")
        self.due_model.set_rows(overview.due)
        self.waiting_model.set_rows(overview.waiting)
        self.problem_model.set_rows(overview.problems)
        self.figure_model.set_rows(overview.figures)
        count = self.due_model.rowCount()
        self.tabs.setTabText(0, f"&Klaar om te verwijderen ({count})")
        self.tabs.setTabText(1, f"&Wachten op de termijn ({len(overview.waiting)})")
        self.tabs.setTabText(2, f"&Nooit bevestigd ({len(overview.problems)})")
        self.remove_button.setText(f"&Verwijderen ({count})…")
        self.remove_button.setEnabled(count > 0)

    def remove_due(self) -> None:
        count = self.due_model.rowCount()
        where = (
            "van deze laptop, en bij de volgende synchronisatie ook van de andere laptops van "
            "het team en van de teamserver"
            if self._team
            else "van deze laptop"
        )
        if confirm_destructive(
            self,
            "Verwijderen bevestigen",
            f"{count} afgesloten melding(en) en de gegevens en notities daarbij worden "
            f"definitief verwijderd: {where}. De gemeente heeft ze in haar eigen "
            "systeem. Alleen anonieme cijfers blijven. Doorgaan?",
            "&Ja, verwijderen",
        ):
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
