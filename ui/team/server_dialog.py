"""Team › Teamserver…: how this laptop stands with the team server, and the coordinator's
actions: connect the team (then its recovery code, once), invite a member (a code to give
them), take a member's laptop out of the team, renew the team's keys. Every call to the
server runs on the window's task runner; the dialog stays responsive and says what it does."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.messages import error_text
from ui.security.confirm import confirm_destructive
from ui.tasks import TaskRunner
from ui.team.busy import BusyBar
from ui.team.code_dialog import invite_code_dialog, team_recovery_code_dialog
from ui.team.texts import conflicts_waiting, laptops_text, pending_text, today_here, when
from ui.widgets.fields import heading, muted
from wijkteam.errors import WijkteamError

if TYPE_CHECKING:
    from wijkteam.wiring import Services

MEMBER_ONLY = (
    "Deze laptop is nog niet verbonden met een teamserver. De coördinator verbindt het team; "
    "een teamlid sluit aan met een uitnodiging van de coördinator, bij de eerste start van "
    "Wijkteam op de eigen laptop."
)
CONNECT_HELP = (
    "De beheerder van de teamserver (meestal de gemeente) geeft u het adres en een "
    "registratiecode. Na het verbinden gaan de gegevens van het team versleuteld naar de "
    "server; de server kan ze niet lezen."
)


class TeamServerDialog(QDialog):
    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        parent: QWidget | None = None,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._services, self._runner = services, runner
        self._on_change = on_change or (lambda: None)
        self.busy = False
        self._laptops: dict[int, Any] = {}  # member id -> MemberLaptops, when filled
        self.setWindowTitle("Teamserver")
        self.setMinimumWidth(760)
        self.status_label = QLabel()
        self.status_label.setObjectName("teamServerStatus")
        self.status_label.setWordWrap(True)
        self.connect_box = self._connect_box()
        self.members_box = self._members_box()
        self.member_note = muted(MEMBER_ONLY)
        self.progress = BusyBar()
        self.message = QLabel()
        self.message.setObjectName("teamServerMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("&Sluiten")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Teamserver", 1))
        layout.addWidget(self.status_label)
        layout.addWidget(self.member_note)
        layout.addWidget(self.connect_box)
        layout.addWidget(self.members_box, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.refresh()

    # --- parts ----------------------------------------------------------------------------
    def _connect_box(self) -> QGroupBox:
        box = QGroupBox("Het team verbinden")
        self.server_url = QLineEdit()
        self.server_url.setObjectName("serverUrl")
        self.server_url.setPlaceholderText("https://teamserver.gemeente.nl")
        self.registration_code = QLineEdit()
        self.registration_code.setObjectName("registrationCode")
        self.registration_code.setPlaceholderText("ABCDE-FGHJK-…")
        form = QFormLayout()
        url_label = QLabel("&Adres van de teamserver")
        url_label.setBuddy(self.server_url)
        code_label = QLabel("&Registratiecode")
        code_label.setBuddy(self.registration_code)
        form.addRow(url_label, self.server_url)
        form.addRow(code_label, self.registration_code)
        self.connect_button = QPushButton("&Verbinden")
        self.connect_button.setObjectName("connectTeam")
        self.connect_button.clicked.connect(lambda _checked=False: self.connect_team())
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.connect_button)
        layout = QVBoxLayout(box)
        layout.addWidget(muted(CONNECT_HELP))
        layout.addLayout(form)
        layout.addLayout(row)
        return box

    def _members_box(self) -> QGroupBox:
        box = QGroupBox("Teamleden en hun laptops")
        self.members = QListWidget()
        self.members.setObjectName("teamMembers")
        self.members.setWordWrap(True)  # a long line wraps instead of hiding behind a scrollbar
        self.members.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.members.currentRowChanged.connect(lambda _row: self._enable())
        self.invite_button = QPushButton("&Uitnodigen…")
        self.invite_button.setObjectName("inviteMember")
        self.invite_button.setToolTip("Een eenmalige code voor de nieuwe laptop van dit teamlid")
        self.invite_button.clicked.connect(lambda _checked=False: self.invite())
        self.revoke_button = QPushButton("Laptop &intrekken…")
        self.revoke_button.setObjectName("revokeMember")
        self.revoke_button.setToolTip("Deze laptop van het teamlid doet niet meer mee")
        self.revoke_button.clicked.connect(lambda _checked=False: self.revoke())
        self.rotate_button = QPushButton("Sleutels ver&nieuwen…")
        self.rotate_button.setObjectName("rotateKeys")
        self.rotate_button.clicked.connect(lambda _checked=False: self.rotate())
        side = QVBoxLayout()
        for button in (self.invite_button, self.revoke_button):
            side.addWidget(button)
        side.addStretch(1)
        side.addWidget(self.rotate_button)
        row = QHBoxLayout(box)
        row.addWidget(self.members, 1)
        row.addLayout(side)
        return box

    # --- state ----------------------------------------------------------------------------
    def refresh(self) -> None:
        status = self._services.team.status()
        self.status = status
        # Before connecting, this laptop has no role in a team yet: the account's counts.
        coordinator = (
            status.is_coordinator if status.connected else self._services.accounts.is_coordinator()
        )
        self.status_label.setText(self._status_text(status))
        self.member_note.setVisible(not status.connected and not coordinator)
        self.connect_box.setVisible(not status.connected and coordinator)
        managing = status.connected and coordinator and not status.revoked
        self.members_box.setVisible(managing)
        if managing:
            self._fill_members()
        self._enable()

    def _status_text(self, status: Any) -> str:
        if not status.connected:
            return "Niet verbonden: deze laptop werkt alleen voor zichzelf."
        if status.revoked:
            return (
                "Deze laptop is uit het team gehaald. Wat u hier typte en nog niet gedeeld "
                "was, blijft op deze laptop."
            )
        today = today_here(self._services.store.clock)
        lines = [
            f"Verbonden met {status.server_url}",
            f"Laatste synchronisatie: {when(status.last_sync_at, today)}",
            f"Wijzigingen: {pending_text(status.pending)}",
        ]
        if status.conflicts:
            lines.append(f"Conflicten: {conflicts_waiting(status.conflicts)} (Team › Conflicten…)")
        return "\n".join(lines)

    def _fill_members(self) -> None:
        current = self.selected_member()
        self.members.clear()
        self._laptops = self._services.team.laptops()
        for member in self._services.members.list():
            laptops = self._laptops.get(member.id)
            item = QListWidgetItem(f"{member.name} ({member.initials}) — {laptops_text(laptops)}")
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            self.members.addItem(item)
            if current is not None and member.id == current:
                self.members.setCurrentItem(item)

    def _can_revoke(self, member_id: int | None) -> bool:
        """A laptop of the member other than this one, or an open invite (a laptop that
        joined but is not on the list yet is taken in and revoked with it)."""
        laptops = self._laptops.get(member_id) if member_id is not None else None
        if laptops is None:
            return False
        return laptops.others > 0 or laptops.invite_until is not None

    def selected_member(self) -> int | None:
        item = self.members.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _member_name(self, member_id: int) -> str:
        return self._services.members.names().get(member_id, "dit teamlid")

    def _enable(self) -> None:
        picked = self.selected_member()
        self.connect_button.setEnabled(not self.busy)
        self.invite_button.setEnabled(picked is not None and not self.busy)
        self.revoke_button.setEnabled(self._can_revoke(picked) and not self.busy)
        self.rotate_button.setEnabled(not self.busy)

    # --- work on the runner ---------------------------------------------------------------
    def _run(self, doing: str, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.busy = True
        self.message.setText(doing)
        self.progress.start()
        self._enable()

        def finish() -> None:
            self.busy = False
            self.progress.stop()
            self._enable()

        def succeeded(result: Any) -> None:
            finish()
            self.message.clear()
            done(result)
            self.refresh()
            self._on_change()

        def failed(error: BaseException) -> None:
            finish()
            text = error_text(error) if isinstance(error, WijkteamError) else str(error)
            self.message.setText(text)

        self._runner.submit(work, succeeded, failed)

    def connect_team(self) -> None:
        url, code = self.server_url.text().strip(), self.registration_code.text().strip()
        if not url or not code:
            self.message.setText("Vul het adres van de teamserver en de registratiecode in.")
            (self.server_url if not url else self.registration_code).setFocus()
            return
        team = self._services.team
        self._run(
            "Het team wordt verbonden en de gegevens gaan versleuteld naar de teamserver…",
            lambda: team.connect(url, code),
            self._connected,
        )

    def _connected(self, recovery_code: str) -> None:
        self.registration_code.clear()
        team_recovery_code_dialog(recovery_code, self).exec()
        self.message.setText("Het team is verbonden. Nodig nu de teamleden uit.")

    def invite(self) -> None:
        member_id = self.selected_member()
        if member_id is None:
            return
        name = self._member_name(member_id)
        team = self._services.team
        self._run(
            "De uitnodiging wordt gemaakt…",
            lambda: team.invite(member_id),
            lambda code: invite_code_dialog(code, name, self).exec(),
        )

    def revoke(self) -> None:
        member_id = self.selected_member()
        if member_id is None:
            return
        name = self._member_name(member_id)
        if not confirm_destructive(
            self,
            "Laptop intrekken",
            f"De laptop van {name} doet daarna niet meer mee met het team en krijgt niets "
            "nieuws meer. De sleutels van het team worden daarvoor vernieuwd. Doorgaan?",
            "&Ja, intrekken",
        ):
            return
        team = self._services.team
        self._run(
            "De laptop wordt uit het team gehaald en de sleutels worden vernieuwd…",
            lambda: team.revoke(member_id),
            lambda _none: self.message.setText(f"De laptop van {name} doet niet meer mee."),
        )

    def rotate(self) -> None:
        if not confirm_destructive(
            self,
            "Sleutels vernieuwen",
            "Het team krijgt nieuwe sleutels; alle laptops die meedoen krijgen ze bij hun "
            "volgende synchronisatie. Openstaande uitnodigingen vervallen. Doorgaan?",
            "&Ja, vernieuwen",
        ):
            return
        team = self._services.team
        self._run(
            "De sleutels van het team worden vernieuwd…",
            lambda: team.rotate(),
            lambda _none: self.message.setText("De sleutels van het team zijn vernieuwd."),
        )

    def reject(self) -> None:
        if not self.busy:  # the server's answer must land somewhere
            super().reject()
