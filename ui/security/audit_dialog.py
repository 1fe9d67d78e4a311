"""Beheer › Auditlog (coordinators): who viewed or changed which record, filtered, checked for
tampering and missing rows, exported as CSV. Shows numbers and actions only, never content:
the record's number in this store, or the start of its UUID when it is not (or no longer)
here."""

from __future__ import annotations

import uuid
from datetime import UTC

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.feedback import show_error
from ui.models.columns import Column
from ui.models.row_model import RowTableModel
from ui.security.audit_texts import ACTION, CSV_LABELS, OBJECT, RESULT, chain_text
from ui.widgets.tables import RowTable
from wijkteam.errors import WijkteamError
from wijkteam.security.context import AuditAction
from wijkteam.services.audit_records import AuditQuery, AuditRecord, ChainCheck
from wijkteam.wiring import Services

PAGE = 500


def _local(record: AuditRecord) -> str:
    return record.at.replace(tzinfo=UTC).astimezone().strftime("%d-%m-%Y %H:%M:%S")


def _number(local: int | None, ident: uuid.UUID | None) -> str:
    """The record's number in this store, or the start of its UUID when it is not here
    (erased, removed, or on another laptop)."""
    if local is not None:
        return str(local)
    return f"{str(ident)[:8]}…" if ident is not None else ""


def _object_text(record: AuditRecord) -> str:
    """'melding 60': what was touched with its number, in one column (room at 1280×800)."""
    what = OBJECT.get(record.object_type, record.object_type)
    number = _number(record.object_id, record.object_uuid)
    return f"{what} {number}" if number else what


class AuditDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle("Auditlog")
        self.resize(1240, 640)
        members = services.members.list(include_inactive=True)
        names = {m.id: m.name for m in members}
        by_uuid = {m.uuid: m.name for m in members}
        self._device = str(services.audit.device)

        def who(member: uuid.UUID | None) -> str:
            return by_uuid.get(member, "onbekend teamlid") if member else "systeem"

        def actor(r: AuditRecord) -> str:
            return who(r.actor_member_uuid)

        def responsible(r: AuditRecord) -> str:
            return who(r.responsible_member_uuid)

        def action(r: AuditRecord) -> str:
            return ACTION[r.action]

        # Nine columns in a 1240-pixel dialog: long names and actions get a tooltip, and what
        # was touched takes the room that is left.
        columns = [
            Column("Tijdstip", _local),
            Column("Teamlid", actor, tooltip=actor, max_width=140),
            Column("Verantwoordelijk", responsible, tooltip=responsible, max_width=140),
            Column("Actie", action, tooltip=action, max_width=150),
            Column("Gegeven", _object_text, tooltip=_object_text, stretch=True),
            Column("Inwoner-nr.", lambda r: _number(r.resident_id, r.resident_uuid)),
            Column("Resultaat", lambda r: RESULT[r.result]),
            Column("Apparaat", self._device_text),
            Column("Volgnr.", lambda r: str(r.seq)),
        ]
        self.model = RowTableModel(columns, self)
        self.table = RowTable(columns)
        self.table.horizontalHeader().setDefaultSectionSize(40)  # each as wide as it needs
        self.table.setModel(self.model)
        self.member_box = QComboBox()
        self.member_box.addItem("Alle teamleden", None)
        for member_id, name in sorted(names.items(), key=lambda item: item[1]):
            self.member_box.addItem(name, member_id)
        self.action_box = QComboBox()
        self.action_box.addItem("Alle acties", None)
        for action, label in ACTION.items():
            self.action_box.addItem(label, action.value)
        today = services.store.clock.today()
        self.since = QDateEdit(today.replace(day=1))
        self.until = QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")
        for signal in (
            self.member_box.currentIndexChanged,
            self.action_box.currentIndexChanged,
            self.since.dateChanged,
            self.until.dateChanged,
        ):
            signal.connect(self.reload)
        filters = QHBoxLayout()
        for label, widget in (
            ("&Teamlid", self.member_box),
            ("&Actie", self.action_box),
            ("&Van", self.since),
            ("t/m", self.until),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addStretch(1)
        self.count_label = QLabel()
        self.more_button = QPushButton("&Meer laden")
        self.more_button.clicked.connect(self._more)
        self.verify_button = QPushButton("&Keten controleren")
        self.verify_button.clicked.connect(self.verify)
        self.export_button = QPushButton("&Exporteren als CSV…")
        self.export_button.clicked.connect(self._export)
        self.chain_label = QLabel()
        self.chain_label.setObjectName("chainStatus")
        self.chain_label.setWordWrap(True)
        actions = QHBoxLayout()
        for widget in (self.count_label, self.more_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.verify_button)
        actions.addWidget(self.export_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.chain_label)
        layout.addWidget(buttons)
        services.audit.opened_log()
        self.reload()
        self.verify()

    def query(self) -> AuditQuery:
        return AuditQuery(
            actor_member_id=self.member_box.currentData(),
            action=AuditAction(self.action_box.currentData())
            if self.action_box.currentData()
            else None,
            since=self.since.date().toPython(),
            until=self.until.date().toPython(),
        )

    def reload(self) -> None:
        self._rows = self._services.audit.events(self.query(), 0, PAGE)
        self.model.set_rows(self._rows)
        self._update_count()

    def _more(self) -> None:
        self._rows += self._services.audit.events(self.query(), len(self._rows), PAGE)
        self.model.set_rows(self._rows)
        self._update_count()

    def _update_count(self) -> None:
        total = self._services.audit.count(self.query())
        self.count_label.setText(f"{len(self._rows)} van {total} regels")
        self.more_button.setEnabled(len(self._rows) < total)

    def _device_text(self, record: AuditRecord) -> str:
        own = str(record.device_uuid) == self._device
        return "deze laptop" if own else f"{str(record.device_uuid)[:8]}…"

    def verify(self) -> ChainCheck:
        check = self._services.audit.verify()
        self.chain_label.setText(chain_text(check, self._device))
        self.chain_label.setStyleSheet("" if check.intact else "color: #b00020; font-weight: bold;")
        return check

    def _export(self) -> None:
        today = self._services.store.clock.today()
        path, _ = QFileDialog.getSaveFileName(
            self, "Auditlog exporteren", f"auditlog-{today:%Y-%m-%d}.csv", "CSV (*.csv)"
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> int:
        try:
            with open(path, "w", encoding="utf-8-sig", newline="") as out:
                written = self._services.audit.export_csv(self.query(), out, CSV_LABELS)
        except (OSError, WijkteamError) as error:
            if isinstance(error, WijkteamError):
                show_error(self, error)
            else:
                self.chain_label.setText("Het bestand kon niet worden geschreven.")
            return 0
        self.chain_label.setText(f"{written} regels geëxporteerd.")
        return written
