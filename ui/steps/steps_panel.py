"""The steps (afspraken) of one melding: add one as the resident chooses it, mark a first step
taken during the visit, and follow each step up. Used in the dossier and next to the
conversation editor."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.feedback import show_error
from ui.formatting import short_date
from ui.labels import LANDING, STEP_ACTOR, STEP_STATUS
from ui.messages import field_errors
from ui.models.columns import Column
from ui.models.row_model import RowTableModel
from ui.navigator import Navigator
from ui.steps.follow_up_flow import move_follow_up, record_follow_up
from ui.steps.gap_dialog import GapDialog
from ui.steps.step_form import StepForm
from ui.widgets.fields import heading, muted
from ui.widgets.tables import RowTable
from wijkteam.domain.social_map import MapCategory
from wijkteam.domain.status import ReportStatus
from wijkteam.domain.steps import StepStatus
from wijkteam.errors import WijkteamError
from wijkteam.services.steps.records import StepRecord
from wijkteam.wiring import Services


def _who(s: StepRecord) -> str:
    return s.actor_name or s.social_map_entry_name or STEP_ACTOR[s.actor]


def _what(s: StepRecord) -> str:
    return f"{s.what} ({s.social_map_entry_name})" if s.social_map_entry_name else s.what


def _state(s: StepRecord) -> str:
    text = STEP_STATUS[s.status]
    if s.first_step:
        text += " · eerste stap"
    if s.landing is not None:
        text += f" · {LANDING[s.landing].lower()}"
    return text


STEP_COLUMNS = [
    Column("Afspraak", _what, tooltip=_what, stretch=True),
    Column("Wie", _who, tooltip=_who, width=120),
    Column("Inwoner koos", lambda s: "ja" if s.resident_chose else "", width=125),
    Column("Wanneer", lambda s: short_date(s.due_on), width=95),
    Column("Status", _state, tooltip=_state, width=145),
    Column("Nabellen", lambda s: short_date(s.next_follow_up), width=95),
]


HINT = (
    "Wat kiest de inwoner? Vul in en voeg toe; een stap die al tijdens het bezoek "
    "is gezet legt u vast met ‘Eerste stap direct gezet’."
)
HINT_BEFORE_CONVERSATION = (
    "Afspraken volgen op een gesprek met de inwoner. Leg eerst het huisbezoek of een ander "
    "gesprek vast; daarna kunt u hier afspraken toevoegen."
)


class StepsPanel(QWidget):
    def __init__(
        self, services: Services, navigator: Navigator, *, all_mnemonics: bool = True
    ) -> None:
        """Next to the conversation editor (`all_mnemonics=False`) the editor's own Alt keys
        win: only "Eerste stap direct gezet" (Alt+E) and "koos" (Alt+K) keep theirs, and
        Enter in "Wat" adds the step."""
        super().__init__()
        self._services = services
        self._navigator = navigator
        self._report_id: int | None = None
        self._contact_id: int | None = None
        self._member_id: int | None = None
        self._resident_id: int | None = None
        self.title = heading("Afspraken", 2)
        self.hint = muted(HINT)
        self.form = StepForm(services)
        self.add_button = QPushButton("&Afspraak toevoegen")
        self.first_step_button = QPushButton("&Eerste stap direct gezet")
        self.first_step_button.setToolTip(
            "Vandaag gedaan, door de inwoner gekozen. Nabellen wordt voorgesteld."
        )
        self.gap_button = QPushButton("Gezocht, niet gevonden…")
        self.gap_button.setToolTip("Noteer wat u samen zocht en niet op de sociale kaart staat.")
        self.gap_button.clicked.connect(self._note_gap)
        self.add_button.clicked.connect(lambda: self._add(first_step=False))
        self.first_step_button.clicked.connect(lambda: self._add(first_step=True))
        self.model = RowTableModel(STEP_COLUMNS, self)
        self.table = RowTable(STEP_COLUMNS)
        self.table.setModel(self.model)
        self.table.setMinimumHeight(150)
        self.empty = muted("Nog geen afspraken.")
        self.done_button = QPushButton("Stap is gedaan")
        self.dropped_button = QPushButton("Gaat niet door")
        self.follow_up_button = QPushButton("Nabellen vast&leggen…")
        self.move_button = QPushButton("Nabellen verplaatsen…")
        self.done_button.clicked.connect(lambda: self._set_status(StepStatus.DONE))
        self.dropped_button.clicked.connect(lambda: self._set_status(StepStatus.NOT_GOING_AHEAD))
        self.follow_up_button.clicked.connect(self._record_follow_up)
        self.move_button.clicked.connect(self._move_follow_up)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.form.what.returnPressed.connect(lambda: self._add(first_step=False))

        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.first_step_button)
        add_row.addStretch(1)
        add_row.addWidget(self.gap_button)
        actions = QHBoxLayout()
        for button in (
            self.done_button,
            self.dropped_button,
            self.follow_up_button,
            self.move_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.form)
        layout.addLayout(add_row)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        if not all_mnemonics:
            _keep_only_own_mnemonics(self)

    def show_report(
        self,
        report_id: int | None,
        *,
        contact_id: int | None = None,
        member_id: int | None = None,
        status: ReportStatus | None = None,
        resident_id: int | None = None,
        conversation_held: bool = True,
    ) -> None:
        """Shows the steps of a melding; new steps link to `contact_id` (the conversation
        being written) when given. Before any conversation (`conversation_held` False and
        no `contact_id`) the form is closed and says why: the status rule refuses a step."""
        if report_id != self._report_id:
            self.form.clear()
        self._report_id = report_id
        self._contact_id = contact_id
        self._member_id = member_id
        self._resident_id = resident_id
        open_report = report_id is not None and status is not ReportStatus.CLOSED
        too_early = open_report and not conversation_held and contact_id is None
        writable = open_report and not too_early
        for widget in (self.form, self.add_button, self.first_step_button, self.gap_button):
            widget.setEnabled(writable)
        self.hint.setText(HINT_BEFORE_CONVERSATION if too_early else HINT)
        self.reload()

    def reload(self) -> None:
        steps = self._services.steps.for_report(self._report_id) if self._report_id else []
        current = self.table.current_row()
        self.model.set_rows(steps)
        self.title.setText(f"Afspraken ({len(steps)})" if steps else "Afspraken")
        self.table.setVisible(bool(steps))
        self.empty.setVisible(not steps)
        if current is not None:
            row = next((n for n, s in enumerate(steps) if s.id == current.id), None)
            if row is not None:
                self.table.selectRow(row)
        self._enable()

    def current_step(self) -> StepRecord | None:
        return self.table.current_row()

    def _enable(self) -> None:
        step = self.current_step()
        open_step = step is not None and step.is_open
        self.done_button.setEnabled(open_step)
        self.dropped_button.setEnabled(open_step)
        has_call = step is not None and step.next_follow_up is not None
        self.follow_up_button.setEnabled(has_call)
        self.move_button.setEnabled(has_call)

    def _add(self, first_step: bool) -> None:
        if self._report_id is None:
            return
        self.form.fieldset.clear_errors()
        data = self.form.value(self._contact_id, self._member_id)
        try:
            if first_step:
                self._services.steps.first_step_taken(self._report_id, data)
            else:
                self._services.steps.create(self._report_id, data)
        except WijkteamError as error:
            unplaced = self.form.fieldset.show_errors(field_errors(error))
            if unplaced or not field_errors(error):
                show_error(self, error)
            return
        self.form.clear()
        self.form.what.setFocus()
        self._navigator.notify(
            "Eerste stap vastgelegd; nabellen is voorgesteld."
            if first_step
            else "Afspraak toegevoegd; nabellen is voorgesteld."
        )
        self._navigator.data_changed()
        self.reload()

    def _note_gap(self) -> None:
        def record(text: str, category: MapCategory | None) -> object:
            return self._services.gaps.record_gap(
                text, category, self._member_id, self._resident_id
            )

        dialog = GapDialog(self.form.map_picker.text(), record, self)
        if dialog.exec() == GapDialog.DialogCode.Accepted:
            self._navigator.notify("Genoteerd bij ‘gezocht, niet gevonden’.")
            self._navigator.data_changed()

    def _set_status(self, status: StepStatus) -> None:
        step = self.current_step()
        if step is None:
            return
        try:
            self._services.steps.set_status(step.id, status)
        except WijkteamError as error:
            show_error(self, error)
            return
        self._navigator.data_changed()
        self.reload()

    def _open_follow_up_id(self) -> int | None:
        step = self.current_step()
        if step is None:
            return None
        open_calls = [f for f in self._services.follow_ups.for_report(step.report_id) if f.is_open]
        return next((f.id for f in open_calls if f.step_id == step.id), None)

    def _record_follow_up(self) -> None:
        follow_up_id = self._open_follow_up_id()
        if follow_up_id is not None:
            record_follow_up(self, self._services, self._navigator, follow_up_id)
            self.reload()

    def _move_follow_up(self) -> None:
        follow_up_id = self._open_follow_up_id()
        if follow_up_id is not None:
            move_follow_up(self, self._services, self._navigator, follow_up_id)
            self.reload()


def _keep_only_own_mnemonics(panel: QWidget) -> None:
    keep = {panel.first_step_button.text(), panel.form.resident_chose.text()}  # type: ignore[attr-defined]
    for widget in panel.findChildren(QLabel) + panel.findChildren(QAbstractButton):
        text = widget.text()
        if "&" in text and text not in keep:
            widget.setText(text.replace("&", ""))
