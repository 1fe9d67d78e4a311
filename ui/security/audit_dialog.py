"""Beheer › Auditlog (coordinators): who viewed or changed which record, filtered, checked for
tampering, exported as CSV. Shows ids and actions only, never content."""

from __future__ import annotations

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
from ui.widgets.tables import RowTable
from wijkteam.errors import WijkteamError
from wijkteam.security.context import AuditAction, AuditResult
from wijkteam.services import Services
from wijkteam.services.audit_records import AuditQuery, AuditRecord, ChainCheck

PAGE = 500
ACTION = {
    AuditAction.VIEW: "bekeken",
    AuditAction.CREATE: "aangemaakt",
    AuditAction.CHANGE: "gewijzigd",
    AuditAction.PRINT: "afgedrukt",
    AuditAction.EXPORT: "geëxporteerd",
    AuditAction.ERASE: "gewist",
    AuditAction.RETENTION_REMOVAL: "verwijderd (bewaartermijn)",
    AuditAction.SIGN_IN: "aangemeld",
    AuditAction.UNLOCK: "ontgrendeld",
    AuditAction.PASSWORD: "wachtwoord",
    AuditAction.ACCOUNT: "account beheerd",
    AuditAction.SETTINGS: "instellingen",
    AuditAction.BACKUP: "back-up",
    AuditAction.RESTORE: "back-up teruggezet",
}
RESULT = {AuditResult.DONE: "gedaan", AuditResult.REFUSED: "geweigerd"}
OBJECT = {
    "resident": "inwoner",
    "report": "melding",
    "report_list": "meldingen van inwoner",
    "member": "teamlid",
    "team": "team",
    "audit_log": "auditlog",
    "security_settings": "instellingen",
    "recovery_code": "herstelcode",
    "store": "gegevensbestand",
    "retention": "bewaartermijnen",
    "import": "import van meldingen",
    "sync_batch": "export naar gemeente",
    "referral": "doorverwijzing",
    "document": "verslag (PDF)",
}


def _local(record: AuditRecord) -> str:
    return record.at.replace(tzinfo=UTC).astimezone().strftime("%d-%m-%Y %H:%M:%S")


class AuditDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle("Auditlog")
        self.resize(1080, 620)
        names = services.members.names()
        columns = [
            Column("Tijdstip", _local, width=175),
            Column("Teamlid", lambda r: names.get(r.actor_member_id, "—"), width=160),
            Column("Actie", lambda r: ACTION[r.action], width=150),
            Column("Gegeven", lambda r: OBJECT.get(r.object_type, r.object_type), width=170),
            Column("Nummer", lambda r: "" if r.object_id is None else str(r.object_id), width=80),
            Column("Inwoner-nr.", lambda r: "" if r.resident_id is None else str(r.resident_id)),
            Column("Resultaat", lambda r: RESULT[r.result], width=90),
        ]
        self.model = RowTableModel(columns, self)
        self.table = RowTable(columns)
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

    def verify(self) -> ChainCheck:
        check = self._services.audit.verify()
        if check.intact:
            self.chain_label.setText(f"De keten is gaaf: {check.checked} regels gecontroleerd.")
        else:
            ids = ", ".join(str(p.event_id) for p in check.problems[:10])
            self.chain_label.setText(
                f"Let op: het auditlog is aangetast. {len(check.problems)} probleem/problemen "
                f"rond regel {ids}: regels zijn gewijzigd of verwijderd. Meld dit bij de "
                "functionaris gegevensbescherming."
            )
            self.chain_label.setStyleSheet("color: #b00020; font-weight: bold;")
        return check

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Auditlog exporteren",
            f"auditlog-{self._services.store.clock.today():%Y-%m-%d}.csv",
            "CSV (*.csv)",
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> int:
        try:
            with open(path, "w", encoding="utf-8-sig", newline="") as out:
                written = self._services.audit.export_csv(self.query(), out)
        except (OSError, WijkteamError) as error:
            if isinstance(error, WijkteamError):
                show_error(self, error)
            else:
                self.chain_label.setText("Het bestand kon niet worden geschreven.")
            return 0
        self.chain_label.setText(f"{written} regels geëxporteerd.")
        return written
