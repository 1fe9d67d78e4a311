"""The dossier's Documenten tab: every summary and handover made for the resident, kept in
the store exactly as printed. A copy can be printed or saved again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.documents.pdf_output import Outcome, PdfOutput
from ui.documents.texts import DOCUMENT_KIND, FILE_NAME
from ui.feedback import show_error
from ui.formatting import short_date, short_datetime
from ui.labels import LANGUAGE
from ui.models.columns import Column
from ui.models.row_model import RowTableModel
from ui.navigator import Navigator
from ui.widgets.fields import muted
from ui.widgets.tables import RowTable
from wijkteam.errors import WijkteamError
from wijkteam.services.documents import DocumentRecord
from wijkteam.wiring import Services

COLUMNS = [
    Column("Gemaakt", lambda d: short_datetime(d.generated_at), width=150),
    Column("Soort", lambda d: DOCUMENT_KIND[d.kind], width=170),
    Column("Taal", lambda d: LANGUAGE[d.language], width=110),
    Column("Melding van", lambda d: short_date(d.report_received_on), width=120),
    Column("Gemaakt door", lambda d: d.member_name or "", width=170),
    Column(
        "Controlegetal",
        lambda d: d.sha256[:16],
        tooltip=lambda d: f"SHA-256: {d.sha256}\n{d.size // 1024 + 1} kB",
        stretch=True,
    ),
]


class DocumentsTab(QWidget):
    def __init__(
        self,
        services: Services,
        navigator: Navigator,
        make_summary: Callable[[], None],
    ) -> None:
        """`make_summary`: the dossier's own "Bezoekverslag…" for its chosen melding."""
        super().__init__()
        self._services = services
        self._navigator = navigator
        self._resident_id: int | None = None
        self.output = PdfOutput(self)
        self.new_button = QPushButton("Bezoek&verslag maken…")
        self.new_button.clicked.connect(make_summary)
        self.print_button = QPushButton("Opnieuw a&fdrukken…")
        self.print_button.clicked.connect(self.print_again)
        self.save_button = QPushButton("Opslaan als &PDF…")
        self.save_button.clicked.connect(self.save_again)
        self.model = RowTableModel(COLUMNS, self)
        self.table = RowTable(COLUMNS)
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.table.rowActivated.connect(lambda _row: self.print_again())
        self.empty = muted(
            "Nog geen verslagen. Een bezoekverslag voor de inwoner maakt u hier of bij de "
            "melding; een overdrachtsverslag bij de doorverwijzing. Elk afgedrukt of "
            "opgeslagen verslag wordt hier bewaard, versleuteld met de rest van de gegevens."
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addStretch(0)

    def show_resident(self, resident_id: int) -> None:
        self._resident_id = resident_id
        self.refresh()

    def refresh(self) -> None:
        if self._resident_id is None:
            return
        rows = self._services.documents.for_resident(self._resident_id)
        self.model.set_rows(rows)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        if rows:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._enable()

    def selected(self) -> DocumentRecord | None:
        return self.table.current_row()

    def _enable(self) -> None:
        chosen = self.selected() is not None
        self.print_button.setEnabled(chosen)
        self.save_button.setEnabled(chosen)

    # --- actions ---------------------------------------------------------------------------
    def print_again(self) -> None:
        document = self.selected()
        pdf = self._content(document)
        if document is None or pdf is None:
            return
        outcome = self.output.print(pdf, FILE_NAME[document.kind])
        if outcome.went_out:
            self._services.documents.copied(document.id, outcome.audit_action)
        if outcome is Outcome.IN_VIEWER:
            self._navigator.notify(
                "Er is geen printer ingesteld: het verslag staat open in de "
                "PDF-lezer om af te drukken."
            )

    def save_again(self) -> None:
        document = self.selected()
        if document is None:
            return
        path = self.output.ask_path("Verslag opslaan", FILE_NAME[document.kind])
        pdf = self._content(document) if path is not None else None
        if path is not None and pdf is not None and self.output.write(pdf, path).went_out:
            self._services.documents.copied(document.id, Outcome.SAVED.audit_action)
            self._navigator.notify("Verslag opgeslagen als PDF.")

    def _content(self, document: DocumentRecord | None) -> bytes | None:
        if document is None:
            return None
        try:
            return self._services.documents.content(document.id)
        except WijkteamError as error:
            show_error(self, error)
            return None
