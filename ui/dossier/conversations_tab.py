"""The dossier's Gesprekken tab: the resident's contact moments, unsaved drafts on top, and
the conversation editor for the chosen one."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QPushButton, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from ui.documents.summary_dialog import open_visit_summary
from ui.dossier.contact_texts import kind_text, moment_text, orientation_short, orientation_text
from ui.dossier.conversation_editor import ConversationEditor
from ui.formatting import short_date
from ui.models.columns import Column
from ui.models.row_model import RowTableModel
from ui.navigator import Navigator
from ui.steps.steps_panel import StepsPanel
from ui.widgets.fields import muted
from ui.widgets.tables import RowTable
from wijkteam.domain.contacts import THEMES, ContactKind
from wijkteam.services.contact_records import ContactInput, ContactRecord, ContactRow, DraftRecord
from wijkteam.services.records import ReportRecord, ResidentRecord
from wijkteam.wiring import Services

UNSAVED = "niet opgeslagen"


@dataclass(frozen=True)
class Entry:
    """A line of the list: a saved contact (perhaps with a draft), or a draft of a new one."""

    contact_id: int | None
    draft_id: int | None
    day: str
    what: str
    orientation: str
    tooltip: str

    @property
    def label(self) -> str:
        """'Huisbezoek · 2 van 3'; unsaved work says so instead of the count."""
        if self.orientation and self.draft_id is None:
            return f"{self.what} · {self.orientation}"
        return self.what


COLUMNS = [
    Column("Datum", lambda e: e.day, tooltip=lambda e: e.tooltip, width=100),
    Column("Contactmoment", lambda e: e.label, tooltip=lambda e: e.tooltip, stretch=True),
]


class ConversationsTab(QWidget):
    def __init__(self, services: Services, navigator: Navigator) -> None:
        super().__init__()
        self._services = services
        self._navigator = navigator
        self._resident: ResidentRecord | None = None
        self._reports: list[ReportRecord] = []

        self.new_button = QPushButton("Nieuw &contactmoment")
        self.new_button.clicked.connect(self.new_contact)
        self.summary_button = QPushButton("Bezoekverslag van dit ges&prek…")
        self.summary_button.setToolTip(
            "Een verslag voor de inwoner, in de eigen taal, om af te drukken of op te slaan"
        )
        self.summary_button.clicked.connect(self.visit_summary)
        self.summary_button.setEnabled(False)  # until a home visit for a melding is shown
        self.model = RowTableModel(COLUMNS, self)
        self.table = RowTable(COLUMNS)
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._entry_chosen)
        self.editor = ConversationEditor(services)
        self.editor.saved.connect(self._saved)
        self.editor.draftsChanged.connect(lambda: QTimer.singleShot(0, self._reload_list))
        self.editor.discarded.connect(self._discarded)
        self.editor.watch_keys(self.table, self.new_button)
        self.steps = StepsPanel(services, navigator, all_mnemonics=False)
        self.editor.steps_slot.addWidget(self.steps)
        self.editor.header.momentChanged.connect(self._show_steps)
        self.empty_label = muted(
            "Nog geen contactmomenten met deze inwoner. Kies ‘Nieuw contactmoment’ om een "
            "huisbezoek, telefoongesprek of bericht vast te leggen."
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.right = QStackedWidget()
        self.right.addWidget(self.empty_label)
        self.right.addWidget(self.editor)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.summary_button)
        left.setMinimumWidth(250)  # leaves the editor room on a 1280-pixel laptop screen
        left.setMaximumWidth(400)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # --- the dossier calls these -----------------------------------------------------------
    def show_resident(self, resident: ResidentRecord) -> None:
        """A dossier opens: its newest unsaved draft is shown, else its newest contact."""
        self.editor.flush()
        self._resident = resident
        self._load_choices()
        entries = self._reload_list(select=False)
        self.right.setCurrentWidget(self.editor if entries else self.empty_label)
        if entries:
            self._choose(entries[0])
        else:
            self.editor.clear()

    def refresh(self) -> None:
        """Something changed elsewhere: lists and choices again, the editor untouched."""
        if self._resident is None:
            return
        self._load_choices()
        self._reload_list()

    def flush(self) -> None:
        self.editor.flush()

    def forget(self) -> None:
        """The resident was erased (Beheer › Deze inwoner wissen)."""
        self.editor.forget()
        self._resident = None
        self.model.set_rows([])

    def open_draft(self, draft_id: int) -> None:
        """Shows an unsaved draft in the editor (restoring after a crash)."""
        draft = self._services.drafts.get(draft_id)
        self.editor.show_draft(draft)
        self.right.setCurrentWidget(self.editor)
        self._reload_list()
        self.editor.focus_writing()

    def new_contact(self) -> None:
        if self._resident is None:
            return
        self.editor.flush()
        self.table.selectionModel().clearCurrentIndex()
        self.table.clearSelection()
        self.right.setCurrentWidget(self.editor)
        self.editor.start_new(self._resident.id, self._defaults())
        self._show_steps()

    def visit_summary(self) -> None:
        """The resident's summary of the conversation in the editor, saved first."""
        moment = self.editor.header.value()
        if moment.report_id is None or moment.kind is not ContactKind.HOME_VISIT:
            return
        if self.editor.contact_id is None and not self.editor.value().has_text():
            self._navigator.notify(
                "Dit gesprek is nog leeg. Schrijf eerst wat er besproken is; dan kan het "
                "bezoekverslag worden gemaakt."
            )
            return  # an empty new contact is not saved as a held visit
        if (self.editor.contact_id is None or self.editor.has_unsaved_text()) and (
            not self.editor.save()
        ):
            return  # the editor shows what to mend; nothing typed is lost
        if open_visit_summary(
            self._services,
            self._navigator.runner,
            moment.report_id,
            self._navigator.notify,
            self,
            contact_id=self.editor.contact_id,
        ):
            self._navigator.data_changed()

    def _show_steps(self) -> None:
        """The steps panel follows the melding chosen for the conversation being written;
        new steps link to the contact once it is saved."""
        moment = self.editor.header.value()
        self.summary_button.setEnabled(
            moment.kind is ContactKind.HOME_VISIT and moment.report_id is not None
        )
        report_id = moment.report_id
        report = next((r for r in self._reports if r.id == report_id), None)
        self.steps.show_report(
            report.id if report else None,
            contact_id=self.editor.contact_id,
            member_id=self.editor.header.value().member_id,
            status=report.status if report else None,
            resident_id=self._resident.id if self._resident else None,
            conversation_held=report.had_conversation if report else True,
        )

    # --- the list --------------------------------------------------------------------------
    def _load_choices(self) -> None:
        assert self._resident is not None
        self._reports = self._services.reports.for_resident(self._resident.id)
        self.editor.header.set_choices(self._services.members.list(), self._reports)

    def _reload_list(self, select: bool = True) -> list[Entry]:
        if self._resident is None:
            return []
        drafts = self._services.drafts.for_resident(self._resident.id)
        rows = self._services.contacts.for_resident(self._resident.id)
        entries = [_draft_entry(d) for d in drafts if d.contact_id is None]
        entries += [_contact_entry(r) for r in rows]
        entries.sort(key=lambda e: e.draft_id is None)  # unsaved work first, newest first
        self.model.set_rows(entries)
        if select:
            self._mark_current(entries)
        return entries

    def _mark_current(self, entries: list[Entry]) -> None:
        """Selects the line of what the editor shows, without loading it again."""
        row = next((n for n, entry in enumerate(entries) if self._is_shown(entry)), None)
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        if row is None:
            selection.clear()
        else:
            selection.setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        selection.blockSignals(False)
        self.table.viewport().update()

    def _is_shown(self, entry: Entry) -> bool:
        if self.editor.contact_id is not None:
            return entry.contact_id == self.editor.contact_id
        draft_id = self.editor.draft_id
        return entry.contact_id is None and draft_id is not None and entry.draft_id == draft_id

    def _entry_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._choose(self.model.row_at(current.row()))

    def _choose(self, entry: Entry) -> None:
        editor = self.editor
        if self._is_shown(entry):
            return
        self.right.setCurrentWidget(editor)
        if entry.contact_id is not None:
            record = self._services.contacts.get(entry.contact_id)
            draft = self._services.drafts.get(entry.draft_id) if entry.draft_id else None
            editor.show_contact(record, draft)
        elif entry.draft_id is not None:
            editor.show_draft(self._services.drafts.get(entry.draft_id))
        self._mark_current([self.model.row_at(n) for n in range(self.model.rowCount())])
        self._show_steps()

    # --- after the editor acted ------------------------------------------------------------
    def _saved(self, _record: ContactRecord) -> None:
        # Refreshes every page, this tab's list included (the dossier page calls refresh):
        # a home visit may have moved the melding on.
        self._navigator.data_changed()
        self._show_steps()
        self._navigator.notify("Contactmoment opgeslagen.")

    def _discarded(self) -> None:
        contact_id = self.editor.contact_id
        entries = self._reload_list(select=False)
        if contact_id is not None:
            self.editor.show_contact(self._services.contacts.get(contact_id))
            self._mark_current(entries)
        elif entries:
            self._choose(entries[0])
        else:
            self.right.setCurrentWidget(self.empty_label)

    def _defaults(self) -> ContactInput:
        """A home visit now, for the newest open melding, by the member signed in."""
        now = self._services.store.clock.now()
        report = next((r for r in self._reports if r.is_open), None)
        me = self._services.accounts.current()
        fallback = report.assigned_member_id if report else None
        return ContactInput(
            kind=ContactKind.HOME_VISIT,
            date=f"{now:%d-%m-%Y}",
            time=f"{now:%H:%M}",
            member_id=me.id if me else fallback,
            report_id=report.id if report else None,
        )


def _contact_entry(row: ContactRow) -> Entry:
    what = kind_text(row.kind, row.medium)
    if row.draft_id is not None:
        what += f" · {UNSAVED}"
    details = [moment_text(row.occurred_on, row.occurred_time), what]
    if row.member_name:
        details.append(f"door {row.member_name}")
    if row.duration_minutes:
        details.append(f"{row.duration_minutes} minuten")
    if row.orientation is not None:
        details.append(orientation_text(row.orientation).lower())
    if row.themes_written:
        details.append(f"{row.themes_written} van {len(THEMES)} thema's beschreven")
    return Entry(
        contact_id=row.id,
        draft_id=row.draft_id,
        day=short_date(row.occurred_on),
        what=what,
        orientation=orientation_short(row.orientation),
        tooltip=" · ".join(details),
    )


def _draft_entry(draft: DraftRecord) -> Entry:
    content = draft.content
    what = f"{kind_text(content.kind, content.medium)} · {UNSAVED}"
    return Entry(
        contact_id=None,
        draft_id=draft.id,
        day=content.date,
        what=what,
        orientation="",
        tooltip=f"{content.date} {content.time} · {what} · automatisch bewaard op "
        f"{draft.saved_at:%d-%m-%Y} om {draft.saved_at:%H:%M}",
    )
