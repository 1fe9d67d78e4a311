"""What an import would do, before anything is written: how many entries are new or change,
and every bad row with its line number and the reason, in Dutch. The member chooses to
import only the good rows or to cancel."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ui.messages import field_error_text
from ui.models.columns import Column
from ui.models.row_model import RowTableModel
from ui.widgets.fields import heading, muted
from ui.widgets.tables import RowTable
from wijkteam.services.social_map import MapImportPreview
from wijkteam.services.social_map.csv_columns import HEADER_OF_FIELD


@dataclass(frozen=True)
class ProblemLine:
    line: int
    column: str
    text: str


PROBLEM_COLUMNS = [
    Column("Regel", lambda p: str(p.line), width=70),
    Column("Kolom", lambda p: p.column, width=150),
    Column("Wat is er mis", lambda p: p.text, tooltip=lambda p: p.text, stretch=True),
]


def problem_lines(preview: MapImportPreview) -> list[ProblemLine]:
    return [
        ProblemLine(problem.line, HEADER_OF_FIELD.get(error.field, ""), field_error_text(error))
        for problem in preview.problems
        for error in problem.errors
    ]


def summary_text(preview: MapImportPreview) -> str:
    good = preview.valid_rows
    parts = [f"{preview.new} nieuw", f"{preview.updates} bijgewerkt"]
    if preview.unchanged:
        parts.append(f"{preview.unchanged} al zo op de kaart")
    noun = "goede regel" if good == 1 else "goede regels"
    return f"In het bestand staan {good} {noun}: {', '.join(parts)}."


class ImportPreviewDialog(QDialog):
    """Accepted means: import (only the good rows when `only_valid`)."""

    def __init__(self, preview: MapImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.only_valid = bool(preview.problems)
        self.setWindowTitle("Sociale kaart importeren")
        self.resize(860, 500 if preview.problems else 220)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Sociale kaart importeren", 2))
        self.summary = muted(summary_text(preview))
        layout.addWidget(self.summary)
        if preview.parsed.ignored_columns:
            ignored = ", ".join(f"'{c}'" for c in preview.parsed.ignored_columns)
            layout.addWidget(
                muted(f"Deze kolommen kent Wijkteam niet; ze worden overgeslagen: {ignored}.")
            )
        self.problems_model = RowTableModel(PROBLEM_COLUMNS, self)
        self.problems_table = RowTable(PROBLEM_COLUMNS)
        self.problems_table.setModel(self.problems_model)
        self.problems_table.setWordWrap(True)  # the whole reason, not cut off
        self.problems_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        if preview.problems:
            count = len(preview.problems)
            noun = "regel heeft" if count == 1 else "regels hebben"
            self.problems_heading = heading(f"{count} {noun} een fout", 3)
            layout.addWidget(self.problems_heading)
            layout.addWidget(
                muted(
                    "Deze regels worden niet geïmporteerd. Verbeter ze in Excel en importeer "
                    "het bestand daarna nog eens: wat al is geïmporteerd, komt er niet dubbel in."
                )
            )
            self.problems_model.set_rows(problem_lines(preview))
            layout.addWidget(self.problems_table, 1)
        else:
            self.problems_table.hide()
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self._import_label(), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            "Annuleren", QDialogButtonBox.ButtonRole.RejectRole
        )
        self.import_button.setEnabled(preview.valid_rows > 0)
        self.import_button.setDefault(preview.valid_rows > 0)
        if preview.valid_rows == 0:
            layout.addWidget(QLabel("Er is niets om te importeren."))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _import_label(self) -> str:
        if self.preview.problems:
            return "Alleen de &goede regels importeren"
        return "&Importeren"
