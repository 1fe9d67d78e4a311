"""The review step of an import: every record, every problem with its line number, and the
residents that look like someone already known. Nothing is written until the member
presses "Alles importeren" (only when the whole file is good) or "Alleen geldige importeren"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.imports.columns import problem_columns, proposal_columns, record_columns
from ui.messages import error_text, import_preview_text, import_summary_text
from ui.models.row_model import RowTableModel
from ui.tasks import TaskRunner
from ui.widgets.fields import heading, muted
from ui.widgets.tables import RowTable
from wijkteam.errors import WijkteamError
from wijkteam.services.records import ResidentRecord
from wijkteam.sync.imports.preview import ImportPreview, ImportSummary, PreviewRow
from wijkteam.wiring import Services


class ImportDialog(QDialog):
    def __init__(
        self,
        services: Services,
        preview: ImportPreview,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self.preview = preview
        self.decisions: dict[int, int | None] = {}
        self.summary: ImportSummary | None = None
        self.setWindowTitle("Meldingen importeren")
        self.resize(1180, 760)

        self.records_model = RowTableModel(record_columns(preview.unit), self)
        self.records_model.set_rows(preview.rows)
        self.records = RowTable(record_columns(preview.unit))
        self.records.setModel(self.records_model)
        self.problems_model = RowTableModel(problem_columns(preview.unit), self)
        self.problems_model.set_rows(preview.problems)
        self.problems = RowTable(problem_columns(preview.unit))
        self.problems.setModel(self.problems_model)
        self.problems.setWordWrap(True)
        self._proposal_columns = proposal_columns(
            preview.unit, self.decisions, lambda position: position in self.decisions
        )
        self.proposals_model = RowTableModel(self._proposal_columns, self)
        self._pairs = [(row, person) for row in preview.proposals for person in row.candidates]
        self.proposals_model.set_rows(self._pairs)
        self.proposals = RowTable(self._proposal_columns)
        self.proposals.setModel(self.proposals_model)

        self.link_button = QPushButton("Zelfde persoon: &koppelen")
        self.new_button = QPushButton("Iemand anders: &nieuwe inwoner")
        self.import_all = QPushButton("&Alles importeren")
        self.import_valid = QPushButton("Alleen &geldige importeren")
        self.cancel = QPushButton("Annuleren")
        self.advice = QLabel()
        self.advice.setObjectName("warning")
        self.advice.setWordWrap(True)
        self.result_text = heading("", 2)
        self.result_text.setWordWrap(True)
        self.close_button = QPushButton("&Sluiten")

        self.pages = QStackedWidget()
        self.pages.addWidget(self._review_page())
        self.pages.addWidget(self._result_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self.link_button.clicked.connect(self._link_selected)
        self.new_button.clicked.connect(self._new_selected)
        self.proposals.rowActivated.connect(lambda _pair: self._link_selected())
        self.import_all.clicked.connect(lambda: self.start_import(only_valid=False))
        self.import_valid.clicked.connect(lambda: self.start_import(only_valid=True))
        self.cancel.clicked.connect(self.reject)
        self.close_button.clicked.connect(self.accept)
        self._update_buttons()
        (self.problems if preview.problems else self.records).setFocus()

    # --- building -------------------------------------------------------------------------
    def _review_page(self) -> QWidget:
        preview = self.preview
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading("Meldingen importeren", 1))
        layout.addWidget(muted(f"Bestand: {preview.file_name}"))
        self.overview = QLabel(import_preview_text(preview))
        layout.addWidget(self.overview)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._section("Meldingen in het bestand", self.records))
        errors, notices = len(preview.errors), len(preview.problems) - len(preview.errors)
        title = f"Problemen ({errors} {'fout' if errors == 1 else 'fouten'}"
        title += f", {notices} ter info)" if notices else ")"
        self.problems_section = self._section(title, self.problems)
        self.problems_section.setVisible(bool(preview.problems))
        splitter.addWidget(self.problems_section)
        self.proposals_section = self._section(
            "Lijkt op een bekende inwoner (zelfde achternaam en geboortedatum)",
            self.proposals,
            muted("Kies per melding: is het dezelfde persoon, of iemand anders?"),
            self._row(self.link_button, self.new_button),
        )
        self.proposals_section.setVisible(bool(preview.proposals))
        splitter.addWidget(self.proposals_section)
        for index, stretch in enumerate((5, 3, 2)):
            splitter.setStretchFactor(index, stretch)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.advice)
        layout.addLayout(self._row(self.import_all, self.import_valid, self.cancel))
        return page

    def _result_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(heading("Import klaar", 1))
        layout.addWidget(self.result_text)
        layout.addWidget(
            muted("De nieuwe meldingen staan in de Werkvoorraad en op Vandaag, met hun termijn.")
        )
        layout.addStretch(1)
        layout.addLayout(self._row(self.close_button))
        return page

    @staticmethod
    def _section(title: str, *widgets: QWidget | QHBoxLayout) -> QFrame:
        box = QFrame()
        box.setObjectName("section")
        layout = QVBoxLayout(box)
        layout.addWidget(heading(title, 3))
        for widget in widgets:
            if isinstance(widget, QHBoxLayout):
                layout.addLayout(widget)
            else:
                layout.addWidget(widget)
        return box

    @staticmethod
    def _row(*buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        return row

    # --- the member's choices -------------------------------------------------------------
    def _selected_pair(self) -> tuple[PreviewRow, ResidentRecord] | None:
        return self.proposals.current_row()  # type: ignore[no-any-return]

    def _link_selected(self) -> None:
        pair = self._selected_pair()
        if pair is not None:
            self.decide(pair[0].position, pair[1].id)

    def _new_selected(self) -> None:
        pair = self._selected_pair()
        if pair is not None:
            self.decide(pair[0].position, None)

    def decide(self, position: int, resident_id: int | None) -> None:
        row = self.proposals.currentIndex().row()
        self.decisions[position] = resident_id
        self.proposals_model.set_rows(self._pairs)
        if row >= 0:
            self.proposals.selectRow(min(row + 1, self.proposals_model.rowCount() - 1))
        self._update_buttons()

    def undecided(self) -> list[int]:
        return [r.position for r in self.preview.proposals if r.position not in self.decisions]

    def _update_buttons(self) -> None:
        preview = self.preview
        importable = bool(preview.importable)
        waiting = bool(self.undecided())
        self.import_all.setEnabled(preview.is_valid and importable and not waiting)
        self.import_valid.setEnabled(bool(preview.errors) and importable and not waiting)
        self.link_button.setEnabled(bool(preview.proposals))
        self.new_button.setEnabled(bool(preview.proposals))
        # Only a button that can be pressed is the default (the style paints it dark).
        self.import_all.setDefault(self.import_all.isEnabled())
        self.import_valid.setDefault(self.import_valid.isEnabled() and not preview.is_valid)
        self.advice.setText(self._advice(importable, waiting))
        self.advice.setVisible(bool(self.advice.text()))

    def _advice(self, importable: bool, waiting: bool) -> str:
        if not importable:
            return "Er staat niets nieuws in dit bestand om te importeren."
        if waiting:
            return "Kies eerst bij elke melding die op een bekende inwoner lijkt wat u wilt."
        if self.preview.errors:
            return (
                "Niet alle meldingen zijn goed. Verbeter het bestand en open het opnieuw, of "
                "importeer alleen de goede meldingen."
            )
        return ""

    # --- importing ------------------------------------------------------------------------
    def start_import(self, *, only_valid: bool) -> None:
        for button in (self.import_all, self.import_valid, self.cancel):
            button.setEnabled(False)
        self.advice.setText("Bezig met importeren…")
        self.advice.show()
        decisions = dict(self.decisions)
        self._runner.submit(
            lambda: self._services.imports.commit(self.preview, decisions, only_valid=only_valid),
            self._imported,
            self._failed,
        )

    def _imported(self, summary: ImportSummary) -> None:
        self.summary = summary
        self.result_text.setText(import_summary_text(summary))
        self.pages.setCurrentIndex(1)
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def _failed(self, error: BaseException) -> None:
        self.cancel.setEnabled(True)
        self._update_buttons()
        if isinstance(error, WijkteamError):
            self.advice.setText(error_text(error))
        else:
            self.advice.setText("Het importeren is mislukt. Er is niets opgeslagen.")
        self.advice.show()
