"""The resident's dossier: who they are, and their meldingen."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.close_report_dialog import close_report
from ui.documents.documents_tab import DocumentsTab
from ui.documents.summary_dialog import open_visit_summary
from ui.dossier.conversations_tab import ConversationsTab
from ui.dossier.report_actions import ReportActions
from ui.dossier.report_panel import ReportPanel
from ui.dossier.timeline_tab import TimelineTab
from ui.feedback import show_error
from ui.formatting import age_on, format_phone, short_date
from ui.labels import CHANNEL, LANGUAGE, STATUS
from ui.messages import field_errors
from ui.models.columns import Column
from ui.models.row_model import RowTableModel
from ui.navigator import Navigator
from ui.referrals.referral_tab import ReferralTab
from ui.steps.steps_panel import StepsPanel
from ui.widgets.fields import heading, muted
from ui.widgets.resident_form import ResidentForm
from ui.widgets.tables import RowTable
from ui.widgets.typed_work import ask_to_discard
from wijkteam.errors import WijkteamError
from wijkteam.services.records import ReportRecord, ResidentRecord
from wijkteam.wiring import Services

REPORT_COLUMNS = [
    Column("Ontvangen", lambda r: short_date(r.received_on), width=115),
    Column("Status", lambda r: STATUS[r.status]),
]


class DossierPage(QWidget):
    def __init__(self, services: Services, navigator: Navigator) -> None:
        super().__init__()
        self._services = services
        self._navigator = navigator
        self._resident: ResidentRecord | None = None

        self.back_button = QPushButton("← Terug")
        self.back_button.setToolTip("Terug naar waar u vandaan kwam (Alt+← of Esc)")
        self.name_label = heading("", 1)
        self.summary_label = muted()
        self.new_report_button = QPushButton("&Nieuwe melding voor deze inwoner…")
        self.new_report_button.clicked.connect(
            lambda: self._resident and navigator.new_report(self._resident.id)
        )

        self.reports_model = RowTableModel(REPORT_COLUMNS, self)
        self.reports_table = RowTable(REPORT_COLUMNS)
        self.reports_table.setModel(self.reports_model)
        # Wide enough for the longest status ("Huisbezoek gepland" was cut off at 1280x800).
        longest = max(
            self.reports_table.fontMetrics().horizontalAdvance(t) for t in STATUS.values()
        )
        frame = 2 * self.reports_table.frameWidth()
        self.reports_table.setFixedWidth(REPORT_COLUMNS[0].width + longest + 24 + frame)  # type: ignore[operator]
        self.report_actions = ReportActions(
            services, navigator, self, lambda: self._resident.display_name if self._resident else ""
        )
        self.report_panel = ReportPanel(
            on_plan=navigator.plan_visit,
            on_held=self._mark_held,
            on_close=self._close_report,
            on_summary=self._visit_summary,
            on_edit=self.report_actions.edit,
            on_hand_over=self.report_actions.hand_over,
            on_reopen=self.report_actions.reopen,
            today=services.store.clock.today,
        )
        self.reports_table.selectionModel().currentRowChanged.connect(self._report_selected)
        splitter = QSplitter()
        splitter.addWidget(self.reports_table)
        splitter.addWidget(_scrolling(self.report_panel))
        splitter.setStretchFactor(1, 1)
        self.steps_panel = StepsPanel(services, navigator)
        report_and_steps = QSplitter(Qt.Orientation.Vertical)
        report_and_steps.addWidget(splitter)
        report_and_steps.addWidget(_scrolling(self.steps_panel))
        report_and_steps.setStretchFactor(0, 2)
        report_and_steps.setStretchFactor(1, 3)
        report_and_steps.setSizes([260, 310])  # the melding with its buttons, above the steps

        self.form = ResidentForm(with_network_notes=True)
        self.save_button = QPushButton("Gegevens &opslaan")
        save_action = QAction("Gegevens opslaan", self)
        save_action.setShortcut(QKeySequence.StandardKey.Save)
        save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save_action.triggered.connect(self.save_resident)
        self.addAction(save_action)
        self.save_button.clicked.connect(self.save_resident)
        details = QWidget()
        details.setMaximumWidth(780)  # long lines of input are hard to read
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.form)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        details_layout.addLayout(save_row)
        details_layout.addStretch(1)

        self.tabs = QTabWidget()
        self.tabs.addTab(report_and_steps, "&Meldingen")
        self.tabs.addTab(_scrolling(details), "&Gegevens")
        self.conversations = ConversationsTab(services, navigator)
        self.tabs.addTab(self.conversations, "Ge&sprekken")
        self.referrals = ReferralTab(services, navigator)
        self.tabs.addTab(self.referrals, "Doorverwij&zing")
        self.timeline_tab = TimelineTab(services)
        self.tabs.addTab(self.timeline_tab, "Ti&jdlijn")
        self.documents = DocumentsTab(services, navigator, self._summary_for_chosen_melding)
        self.tabs.addTab(self.documents, "Doc&umenten")

        header = QHBoxLayout()
        header.addWidget(self.back_button)
        names = QVBoxLayout()
        names.addWidget(self.name_label)
        names.addWidget(self.summary_label)
        header.addLayout(names, 1)
        header.addWidget(self.new_report_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    @property
    def resident(self) -> ResidentRecord | None:
        return self._resident

    def show_resident(self, resident_id: int, report_id: int | None = None) -> None:
        resident = self._services.residents.get(resident_id)
        self._resident = resident
        self._show_header(resident)
        self.form.set_record(resident)
        self.tabs.setCurrentIndex(0)
        self._load_reports(report_id)
        self.timeline_tab.show_resident(resident_id)
        self.conversations.show_resident(resident)
        self.referrals.show_resident(resident)
        self.documents.show_resident(resident_id)

    def refresh(self) -> None:
        if self._resident is None:
            return
        current = self.report_panel.report
        self._resident = self._services.residents.get(self._resident.id)
        self._show_header(self._resident)
        self.form.rebase(self._resident)
        self._load_reports(current.id if current else None)
        self.timeline_tab.show_resident(self._resident.id)
        self.conversations.refresh()
        self.referrals.refresh()
        self.documents.refresh()

    def forget_resident(self) -> None:
        """The resident was erased: nothing of theirs stays in the page, nothing is saved or
        refreshed for them any more (an erased resident has nothing left to load)."""
        self.conversations.forget()
        self._resident = None
        self.name_label.clear()
        self.summary_label.clear()
        self.reports_model.set_rows([])
        self._show_report(None)

    def select_report(self, report_id: int) -> None:
        self._load_reports(report_id)

    def has_unsaved_changes(self) -> bool:
        return self._resident is not None and self.form.is_modified()

    def save_resident(self) -> bool:
        if self._resident is None:
            return True
        self.form.fieldset.clear_errors()
        try:
            updated = self._services.residents.update(self._resident.id, self.form.value())
        except WijkteamError as error:
            self.tabs.setCurrentIndex(1)
            unplaced = self.form.fieldset.show_errors(field_errors(error))
            if unplaced or not field_errors(error):
                show_error(self, error)
            return False
        self._resident = updated
        self._show_header(updated)
        self.form.set_record(updated)
        self._navigator.data_changed()
        self._navigator.notify("Gegevens van de inwoner opgeslagen.")
        return True

    def _show_header(self, r: ResidentRecord) -> None:
        self.name_label.setText(r.display_name)
        age = age_on(r.birth_date, self._services.store.clock.today())
        parts = [
            r.address_line,
            f"{age} jaar" if age is not None else "",
            format_phone(r.phone),
            f"liefst via {CHANNEL[r.preferred_channel].lower()}",
            f"verslag in het {LANGUAGE[r.language]}",
        ]
        self.summary_label.setText(" · ".join(p for p in parts if p))

    def _load_reports(self, select_id: int | None) -> None:
        assert self._resident is not None
        reports = self._services.reports.for_resident(self._resident.id)
        self.reports_model.set_rows(reports)
        row = next((i for i, r in enumerate(reports) if r.id == select_id), 0)
        if reports:
            index = self.reports_model.index(row, 0)
            self.reports_table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self._show_report(reports[row])
        else:
            self._show_report(None)

    def _report_selected(self, current, _previous) -> None:  # type: ignore[no-untyped-def]
        if current.isValid():
            self._show_report(self.reports_model.row_at(current.row()))

    def _show_report(self, report: ReportRecord | None) -> None:
        self.report_panel.show_report(report)
        self.steps_panel.setVisible(report is not None)
        self.steps_panel.show_report(
            report.id if report else None,
            member_id=report.assigned_member_id if report else None,
            status=report.status if report else None,
            resident_id=report.resident_id if report else None,
            conversation_held=report.had_conversation if report else True,
        )

    def _mark_held(self, report_id: int) -> None:
        try:
            self._services.visits.mark_held(report_id)
        except WijkteamError as error:
            show_error(self, error)
            return
        self._navigator.data_changed()
        self._navigator.notify("Huisbezoek vastgelegd als gehouden.")

    def _summary_for_chosen_melding(self) -> None:
        report = self.report_panel.report
        if report is None:
            self._navigator.notify("Deze inwoner heeft nog geen melding.")
            return
        self._visit_summary(report.id)

    def _visit_summary(self, report_id: int) -> None:
        if open_visit_summary(
            self._services, self._navigator.runner, report_id, self._navigator.notify, self
        ):
            self.documents.refresh()

    def _close_report(self, report_id: int) -> None:
        if not close_report(self, self._services, report_id):
            return
        self._navigator.data_changed()
        self._navigator.notify("Melding afgesloten.")

    def has_typed_work(self) -> bool:
        """A step or a handover typed and not added or saved yet."""
        return self.steps_panel.form.has_text() or self.referrals.panel.has_unsaved_handover()

    def confirm_leave(self) -> bool:
        """Asked before the dossier is left: unsaved details are saved, kept or dropped;
        a typed step or handover is only dropped after asking."""
        self.conversations.flush()  # conversation text goes to its draft without asking
        typed = self._resident is not None and self.has_typed_work()
        if not self.has_unsaved_changes():
            return not typed or ask_to_discard(self)
        # One question for both: a member asked twice in a row loses track of what they chose.
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Wijzigingen opslaan?",
            "U hebt gegevens van de inwoner gewijzigd maar nog niet opgeslagen. Nu opslaan?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        if typed:
            box.setInformativeText(
                "U typte ook een stap of overdracht die nog niet is toegevoegd. Die gaat "
                "verloren, ook als u de gegevens opslaat. Kies Annuleren om hem eerst toe "
                "te voegen."
            )
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            if not self.save_resident():
                return False
            self.steps_panel.form.clear()
            return True
        if answer == QMessageBox.StandardButton.Discard:
            self.discard_changes()
            return True
        return False

    def discard_changes(self) -> None:
        """Puts the stored details back in the form and forgets a typed step."""
        if self._resident is not None:
            self.form.set_record(self._resident)
        self.steps_panel.form.clear()

    def show_referral(self, referral_id: int) -> None:
        """The Doorverwijzing tab with this referral opened (from Vandaag)."""
        self.tabs.setCurrentWidget(self.referrals)
        self.referrals.select(referral_id)

    def open_conversation_draft(self, draft_id: int) -> None:
        """Shows an unsaved conversation in the Gesprekken tab (offered back at start-up)."""
        self.tabs.setCurrentWidget(self.conversations)
        self.conversations.open_draft(draft_id)


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area
