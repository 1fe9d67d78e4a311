"""Synchronisatie › Exporteren naar bestand: first shows what will leave the laptop (counts
and a readable preview of each kind), then writes the encrypted archive."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.formatting import short_datetime
from ui.messages import error_text, field_errors
from ui.models.columns import Column
from ui.models.row_model import RowTableModel
from ui.sync.preview_text import describe
from ui.sync.texts import RESOURCE
from ui.tasks import Task, TaskRunner
from ui.widgets.fields import FieldSet, heading, muted
from ui.widgets.tables import RowTable
from wijkteam.common.cancel import CancelToken
from wijkteam.errors import Cancelled, ValidationError, WijkteamError
from wijkteam.sync.export.records import ExportPreview, ExportResult
from wijkteam.sync.zgw.resources import KIND_ORDER, ResourceKind
from wijkteam.wiring import Services


@dataclass(frozen=True)
class CountRow:
    kind: ResourceKind
    count: int


COUNT_COLUMNS = [
    Column("Wat gaat er mee", lambda r: RESOURCE[r.kind], stretch=True),
    Column("Aantal", lambda r: str(r.count), width=90),
]


def default_target(now: datetime) -> Path:
    """A file name without personal data, in Documenten when there is one."""
    folder = Path.home() / "Documents"
    return (folder if folder.is_dir() else Path.home()) / f"wijkteam-export-{now:%Y%m%d-%H%M}.zip"


def _choose_target(parent: QWidget, current: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, "Export opslaan", current, "ZIP-bestand (*.zip)")
    return path


class ExportDialog(QDialog):
    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        parent: QWidget | None = None,
        choose_target: Callable[[QWidget, str], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._exports = services.export.exports
        self._runner = runner
        self._choose_target = choose_target
        self.preview: ExportPreview | None = None
        self._asked = 0  # a newer preview request makes older answers stale
        self.result: ExportResult | None = None
        self._writing: Task | None = None  # the export being written, which may be stopped
        self._previewing: Task | None = None
        self.setWindowTitle("Exporteren naar de gemeente")
        self.resize(900, 720)
        self.since_label = muted()
        self.privacy_label = muted()
        self.push_note = muted(_push_note(len(services.export.push.undelivered())))
        self.push_note.setVisible(bool(self.push_note.text()))
        self.everything = QCheckBox("&Alles opnieuw versturen, ook wat de gemeente al bevestigde")
        self.everything.toggled.connect(self.refresh)
        self.model = RowTableModel(COUNT_COLUMNS, self)
        self.table = RowTable(COUNT_COLUMNS)
        self.table.setModel(self.model)
        self.table.verticalHeader().setDefaultSectionSize(28)  # seven short rows: fit 800 px
        rows = len(KIND_ORDER) * self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(rows + self.table.horizontalHeader().sizeHint().height() + 4)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_samples())
        self.sample_title = QLabel()
        self.sample_title.setObjectName("heading3")
        self.samples = QPlainTextEdit()
        self.samples.setReadOnly(True)
        self.technical = QCheckBox("Toon precies wat wordt verstuurd (technische weergave)")
        self.technical.toggled.connect(lambda *_: self._show_samples())
        self.fieldset = FieldSet()
        self.target = QLineEdit(str(default_target(services.store.clock.now())))
        browse = QPushButton("Bla&deren…")
        browse.clicked.connect(self._browse)
        target_row = QWidget()
        row = QHBoxLayout(target_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.target, 1)
        row.addWidget(browse)
        self.passphrase = _secret_edit()
        self.repeat = _secret_edit()
        form = QFormLayout()
        self.fieldset.add(form, "target", "&Bestand", target_row)
        self.fieldset.fields["target"].setFocusProxy(self.target)
        self.fieldset.add(form, "passphrase", "&Wachtzin", self.passphrase)
        self.fieldset.add(form, "passphrase_repeat", "Wachtzin &nogmaals", self.repeat)
        self.status = muted()
        self.export_button = QPushButton("&Exporteren")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.close_button = QPushButton("Sluiten")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Wat gaat er naar de gemeente?", 2))
        layout.addWidget(self.since_label)
        layout.addWidget(self.privacy_label)
        layout.addWidget(self.push_note)
        layout.addWidget(self.everything)
        layout.addWidget(self.table)
        layout.addWidget(self.sample_title)
        layout.addWidget(self.samples, 1)
        layout.addWidget(self.technical)
        layout.addWidget(heading("Versleuteld bestand", 3))
        layout.addWidget(
            muted(
                "Het bestand is versleuteld (AES-256) en gaat met 7-Zip open met de wachtzin. "
                "Geef de wachtzin apart van het bestand door, bijvoorbeeld telefonisch."
            )
        )
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.refresh()

    # --- preview ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.export_button.setEnabled(False)
        self.status.setText("Bezig met verzamelen…")
        include_all = self.everything.isChecked()
        self._asked += 1
        asked = self._asked
        if self._previewing is not None:
            self._previewing.cancel()  # its answer would be stale anyway
        token = CancelToken()
        self._previewing = self._runner.submit(
            lambda: self._exports.preview(include_all=include_all, cancel=token),
            lambda preview: self._previewed(preview, asked),
            self._preview_failed,
            token=token,
            on_cancelled=lambda: None,
        )

    def _preview_failed(self, error: BaseException) -> None:
        self._previewing = None
        self._failed(error)

    def _previewed(self, preview: ExportPreview, asked: int) -> None:
        if asked != self._asked:
            return
        self._previewing = None
        self.preview = preview
        self.model.set_rows([CountRow(kind, preview.counts.get(kind, 0)) for kind in KIND_ORDER])
        self.since_label.setText(_since_text(preview))
        self.privacy_label.setText(
            "Volgens de instellingen gaat ook gespreksinhoud mee naar de gemeente."
            if preview.share_conversation
            else "Gespreksinhoud blijft op deze laptop: de gemeente ziet wanneer en hoe er "
            "contact was, niet wat er gezegd is."
        )
        first = next((n for n, k in enumerate(KIND_ORDER) if preview.counts.get(k)), 0)
        self.table.selectRow(first)
        self._show_samples()
        if preview.total == 0:
            self.status.setText("Er is niets nieuws om te versturen.")
        else:
            self.status.setText(f"{preview.total} onderdelen van {preview.cases} meldingen.")
        self.export_button.setEnabled(preview.total > 0)

    def _show_samples(self) -> None:
        row = self.table.current_row()
        if self.preview is None or row is None:
            self.sample_title.clear()
            self.samples.clear()
            return
        bodies = list(self.preview.samples.get(row.kind, ()))
        if not bodies:
            self.sample_title.setText(f"{RESOURCE[row.kind]}: niets")
            self.samples.clear()
            return
        shown = "de eerste " + str(len(bodies)) if len(bodies) < row.count else "alle"
        self.sample_title.setText(f"{RESOURCE[row.kind]}: {shown} van {row.count}")
        if self.technical.isChecked():
            self.samples.setPlainText(json.dumps(bodies, indent=2, ensure_ascii=False))
        else:
            self.samples.setPlainText("\n".join(describe(row.kind, b) for b in bodies))

    # --- export -----------------------------------------------------------------------------
    def export(self) -> None:
        self.fieldset.clear_errors()
        target, secret = self.target.text().strip(), self.passphrase.text()
        problems = []
        if not target:
            problems.append(ValidationError("target", "required"))
        if secret and secret != self.repeat.text():
            problems.append(ValidationError("passphrase_repeat", "passphrase_mismatch"))
        if problems:
            self.fieldset.show_errors(problems)
            return
        include_all = self.everything.isChecked()
        self.export_button.setEnabled(False)
        self.status.setText("Bezig met schrijven…")
        token = CancelToken()
        task = self._runner.submit(
            lambda: self._exports.export(
                Path(target), secret, include_all=include_all, cancel=token
            ),
            self._exported,
            self._failed,
            token=token,
        )
        if not task.finished:
            self._writing = task
            self.close_button.setText("&Stoppen")

    @property
    def writing(self) -> bool:
        return self._writing is not None and not self._writing.finished

    def reject(self) -> None:
        """While the archive is written, Sluiten/Esc stop it at a safe point instead: the
        dialog stays until nothing is half written."""
        if self._writing is not None and not self._writing.finished:
            self._writing.cancel()
            self.close_button.setEnabled(False)
            self.status.setText("Stoppen…")
            return
        if self._previewing is not None:
            self._previewing.cancel()  # nobody will read it: stop gathering
        super().reject()

    def _done_writing(self) -> None:
        self._writing = None
        self.close_button.setText("Sluiten")
        self.close_button.setEnabled(True)

    def _exported(self, result: ExportResult) -> None:
        self._done_writing()
        self.result = result
        self.passphrase.clear()
        self.repeat.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._done_writing()
        self.export_button.setEnabled(self.preview is not None and self.preview.total > 0)
        if isinstance(error, Cancelled):
            self.status.setText("Gestopt. Er is niets geschreven.")
            return
        if not isinstance(error, WijkteamError):
            self.status.setText("Er ging iets mis. Er is niets geschreven; probeer het nog eens.")
            return
        unplaced = self.fieldset.show_errors(field_errors(error))
        self.status.setText("\n".join(unplaced) if unplaced else "")
        if not field_errors(error):
            self.status.setText(error_text(error))

    def _browse(self) -> None:
        chosen = (self._choose_target or _choose_target)(self, self.target.text())
        if chosen:
            self.target.setText(chosen)


def _secret_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _since_text(preview: ExportPreview) -> str:
    if preview.include_all:
        return "Alles gaat opnieuw mee; wat de gemeente al heeft, wordt niet dubbel aangemaakt."
    if preview.since is None:
        return "Dit is de eerste export: alles gaat mee."
    local = preview.since.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
    return f"Wat er veranderde sinds de laatste bevestigde export ({short_datetime(local)})."


def _push_note(waiting: int) -> str:
    """Refusals of the direct push stay with the push: a file does not carry them."""
    if not waiting:
        return ""
    what = "1 onderdeel kwam" if waiting == 1 else f"{waiting} onderdelen kwamen"
    return (
        f"Let op: {what} bij het rechtstreeks synchroniseren niet aan; een bestand neemt ze "
        "niet mee (zie Synchroniseren met de gemeente)."
    )
