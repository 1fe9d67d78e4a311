"""Nieuwe melding: first look for the resident, then record who reported what.

A new resident that looks like someone already known (same BSN, or same surname and birth
date) is shown before anything is created; the member chooses."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.feedback import show_error
from ui.formatting import short_date
from ui.labels import RELATION_SUGGESTIONS, SOURCE
from ui.messages import field_errors
from ui.models.columns import Column
from ui.models.row_model import RowTableModel
from ui.widgets.fields import DateField, FieldSet, heading, muted
from ui.widgets.resident_form import ResidentForm
from ui.widgets.tables import RowTable
from ui.widgets.text_box import TextBox
from ui.widgets.typed_work import AsksBeforeDiscarding
from wijkteam.domain.enums import ReportSource
from wijkteam.errors import DuplicateSuspected, WijkteamError
from wijkteam.services.inputs import ReportInput
from wijkteam.services.records import ReportRecord, ResidentRecord
from wijkteam.wiring import Services

RESIDENT_COLUMNS = [
    Column("Naam", lambda r: r.list_name, width=200),
    Column("Geboren", lambda r: short_date(r.birth_date), width=100),
    Column("Adres", lambda r: r.address_line),
]


class NewReportDialog(AsksBeforeDiscarding, QDialog):
    def __init__(
        self, services: Services, resident_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._chosen: ResidentRecord | None = None
        self._duplicates_seen = False
        self.saved: ReportRecord | None = None
        self.setWindowTitle("Nieuwe melding")
        self.resize(1120, 760)

        self.resident_form = ResidentForm()
        self.fieldset = FieldSet()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Zoek op naam, postcode of BSN")
        self.search.setClearButtonEnabled(True)
        self.search_model = RowTableModel(RESIDENT_COLUMNS, self)
        self.search_results = RowTable(RESIDENT_COLUMNS)
        self.search_results.setModel(self.search_model)
        self.search_results.setMaximumHeight(150)
        self.use_found = QPushButton("Deze inwoner gebr&uiken")
        self.duplicate_box = self._duplicate_panel()
        self.chosen_label = heading("", 2)
        self.chosen_address = muted()
        self.other_resident = QPushButton("&Andere inwoner kiezen")
        self.resident_pages = QStackedWidget()
        self.resident_pages.addWidget(self._new_resident_page())
        self.resident_pages.addWidget(self._chosen_resident_page())

        report_group = self._report_group()
        resident_group = QGroupBox("Inwoner")
        resident_layout = QVBoxLayout(resident_group)
        resident_layout.addWidget(self.resident_pages)

        columns = QHBoxLayout()
        columns.addWidget(resident_group, 5)
        columns.addWidget(report_group, 4)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText("Melding &opslaan")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.duplicate_box)
        layout.addWidget(self.buttons)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search_results.rowActivated.connect(self.choose_resident)
        self.use_found.clicked.connect(self._use_selected_result)
        self.other_resident.clicked.connect(self._forget_choice)
        self.resident_form.identityChanged.connect(self._check_duplicates)

        if resident_id is not None:
            self.choose_resident(services.residents.get(resident_id))
            self.question.setFocus()
        else:
            self.search.setFocus()

    # --- building -------------------------------------------------------------------------
    def _new_resident_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        search_label = QLabel("&Zoek eerst of de inwoner al bekend is")
        search_label.setBuddy(self.search)
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.search_results)
        row = QHBoxLayout()
        row.addWidget(self.use_found)
        row.addStretch(1)
        layout.addLayout(row)
        self.search_results.hide()
        self.use_found.hide()
        layout.addWidget(
            muted(
                "Niet gevonden? Vul hieronder de gegevens van een nieuwe inwoner "
                "in: een achternaam, en een BSN, een geboortedatum of een adres (postcode "
                "en huisnummer) om de inwoner te herkennen."
            )
        )
        scroll = QScrollArea()
        scroll.setWidget(self.resident_form)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(scroll, 1)
        return page

    def _chosen_resident_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(muted("Melding voor de bekende inwoner:"))
        layout.addWidget(self.chosen_label)
        layout.addWidget(self.chosen_address)
        row = QHBoxLayout()
        row.addWidget(self.other_resident)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    def _report_group(self) -> QGroupBox:
        group = QGroupBox("Melding")
        form = QFormLayout(group)
        self.reporter_name = QLineEdit()
        self.reporter_relation = QComboBox()
        self.reporter_relation.setEditable(True)
        self.reporter_relation.addItems(["", *RELATION_SUGGESTIONS])
        self.reporter_contact = QLineEdit()
        self.reporter_contact.setPlaceholderText("telefoon of e-mail, om terug te bellen")
        self.source = QComboBox()
        for source in ReportSource:
            self.source.addItem(SOURCE[source], source)
        self.received = DateField()
        self.received.set_date(self._services.store.clock.today())
        self.member = QComboBox()
        self.member.addItem("Nog niemand", None)
        for member in self._services.members.list():
            self.member.addItem(member.name, member.id)
        self.case_reference = QLineEdit()
        self.case_reference.setPlaceholderText("als de gemeente er een gaf")
        self.question = TextBox()
        self.question.setTabChangesFocus(True)
        self.question.setPlaceholderText("Schrijf de vraag zoals de melder hem stelde.")
        add = self.fieldset.add
        add(form, "reporter_name", "&Melder", self.reporter_name)
        add(form, "reporter_relation", "&Relatie tot inwoner", self.reporter_relation)
        add(form, "reporter_contact", "&Contact melder", self.reporter_contact)
        add(form, "source", "&Bron", self.source)
        add(form, "received_on", "O&ntvangen op", self.received)
        add(form, "assigned_member", "&Teamlid", self.member)
        add(form, "case_reference", "Zaaknummer", self.case_reference)
        add(form, "question", "Vraa&g in de woorden\nvan de melder *", self.question)
        return group

    def _duplicate_panel(self) -> QFrame:
        box = QFrame()
        box.setObjectName("duplicatePanel")
        self.duplicate_model = RowTableModel(RESIDENT_COLUMNS, self)
        self.duplicate_table = RowTable(RESIDENT_COLUMNS)
        self.duplicate_table.setModel(self.duplicate_model)
        self.duplicate_table.setMaximumHeight(120)
        self.use_duplicate = QPushButton("Bestaande inwoner gebr&uiken")
        self.create_anyway = QPushButton("Het is iemand anders: nieuwe inwoner aan&maken")
        self.use_duplicate.clicked.connect(self._use_duplicate)
        self.create_anyway.clicked.connect(self._create_anyway)
        self.duplicate_table.rowActivated.connect(self.choose_resident)
        layout = QVBoxLayout(box)
        layout.addWidget(heading("Lijkt op een inwoner die al bekend is", 3))
        layout.addWidget(
            muted(
                "Zelfde BSN, of zelfde achternaam en geboortedatum. Kies de "
                "bestaande inwoner, of bevestig dat het iemand anders is."
            )
        )
        layout.addWidget(self.duplicate_table)
        row = QHBoxLayout()
        row.addWidget(self.use_duplicate)
        row.addWidget(self.create_anyway)
        row.addStretch(1)
        layout.addLayout(row)
        box.hide()
        return box

    # --- resident choice ------------------------------------------------------------------
    def _run_search(self) -> None:
        results = self._services.residents.search(self.search.text(), limit=20)
        self.search_model.set_rows(results)
        found = bool(results)
        self.search_results.setVisible(found)
        self.use_found.setVisible(found)
        if found:
            self.search_results.selectRow(0)

    def _use_selected_result(self) -> None:
        row = self.search_results.current_row()
        if row is not None:
            self.choose_resident(row)

    def choose_resident(self, resident: ResidentRecord) -> None:
        self._chosen = resident
        self.chosen_label.setText(resident.display_name)
        born = f"geboren {short_date(resident.birth_date)}" if resident.birth_date else ""
        self.chosen_address.setText(" · ".join(p for p in (resident.address_line, born) if p))
        self.resident_pages.setCurrentIndex(1)
        self.duplicate_box.hide()
        self.reporter_name.setFocus()

    def _forget_choice(self) -> None:
        self._chosen = None
        self.resident_pages.setCurrentIndex(0)
        self.search.setFocus()

    def _check_duplicates(self) -> None:
        if self._chosen is not None:
            return
        duplicates = self._services.residents.find_duplicates(self.resident_form.value())
        self._show_duplicates(duplicates)

    def _show_duplicates(self, duplicates: list[ResidentRecord]) -> None:
        self.duplicate_model.set_rows(duplicates)
        self.duplicate_box.setVisible(bool(duplicates))
        self._duplicates_seen = False
        if duplicates:
            self.duplicate_table.selectRow(0)

    def _use_duplicate(self) -> None:
        row = self.duplicate_table.current_row()
        if row is not None:
            self.choose_resident(row)

    def _create_anyway(self) -> None:
        self._duplicates_seen = True
        self.duplicate_box.hide()
        self.save()

    # --- saving ---------------------------------------------------------------------------
    def report_input(self) -> ReportInput:
        return ReportInput(
            question=self.question.toPlainText(),
            source=self.source.currentData(),
            received_on=self.received.text(),
            reporter_name=self.reporter_name.text(),
            reporter_relation=self.reporter_relation.currentText(),
            reporter_contact=self.reporter_contact.text(),
            assigned_member_id=self.member.currentData(),
            case_reference=self.case_reference.text(),
        )

    def save(self) -> None:
        self.fieldset.clear_errors()
        self.resident_form.fieldset.clear_errors()
        try:
            if self._chosen is not None:
                self.saved = self._services.reports.register(
                    self.report_input(), resident_id=self._chosen.id
                )
            else:
                self.saved = self._services.reports.register(
                    self.report_input(),
                    resident=self.resident_form.value(),
                    confirmed_new_resident=self._duplicates_seen,
                )
        except DuplicateSuspected as suspected:
            self._show_duplicates([self._services.residents.get(i) for i in suspected.resident_ids])
            self.duplicate_table.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        except WijkteamError as error:
            errors = field_errors(error)
            resident_fields = self.resident_form.fieldset.fields
            # Report fields first, so focus ends on the first resident error (left column).
            unplaced = self.fieldset.show_errors(
                [e for e in errors if e.field not in resident_fields]
            )
            unplaced += self.resident_form.fieldset.show_errors(
                [e for e in errors if e.field in resident_fields]
            )
            if unplaced or not errors:
                show_error(self, error)
            return
        self.accept()
