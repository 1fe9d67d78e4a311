"""Conflicten: a field changed on two laptops to different values. Per conflict the member
sees how it was (base), their own version and the team's, and keeps one; each is settled
once and then leaves the list."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.feedback import show_error
from ui.team.texts import (
    conflict_field_label,
    kind_label,
    theirs_label,
    today_here,
    value_text,
)
from ui.widgets.fields import heading, muted
from wijkteam.errors import WijkteamError

if TYPE_CHECKING:
    from wijkteam.wiring import Services

INTRO = (
    "Dezelfde gegevens zijn op twee laptops verschillend gewijzigd. Kies per conflict welke "
    "versie blijft; de andere versie vervalt voor het hele team."
)


def _value_box(name: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setReadOnly(True)
    box.setMaximumHeight(90)
    return box


class ConflictsDialog(QDialog):
    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        on_settle: Callable[[], None] | None = None,
    ) -> None:
        """`on_settle`: called after each conflict settled (the status bar counts again)."""
        super().__init__(parent)
        self._services = services
        self._on_settle = on_settle
        self.settled = 0
        self.setWindowTitle("Conflicten")
        self.resize(900, 560)
        self.conflicts: list[Any] = []
        self.list = QListWidget()
        self.list.setObjectName("conflictList")
        self.list.currentRowChanged.connect(self._show)
        self.base = _value_box("conflictBase")
        self.mine = _value_box("conflictMine")
        self.theirs = _value_box("conflictTheirs")
        self.field_name = muted()
        self.field_name.setObjectName("conflictField")
        form = QFormLayout()
        form.addRow("Gegeven", self.field_name)
        form.addRow("Zoals het was", self.base)
        form.addRow("Mijn versie", self.mine)
        self.theirs_label = QLabel("Hun versie")
        self.theirs_label.setObjectName("conflictTheirsLabel")
        self.theirs_label.setWordWrap(True)
        form.addRow(self.theirs_label, self.theirs)
        self.keep_mine = QPushButton("&Mijn versie")
        self.keep_mine.setObjectName("keepMine")
        self.keep_mine.setToolTip("Uw eigen wijziging blijft, voor het hele team")
        self.keep_mine.clicked.connect(lambda _checked=False: self._settle("mine"))
        self.keep_theirs = QPushButton("&Hun versie")
        self.keep_theirs.setObjectName("keepTheirs")
        self.keep_theirs.setToolTip("De wijziging van de andere laptop blijft")
        self.keep_theirs.clicked.connect(lambda _checked=False: self._settle("theirs"))
        choose = QHBoxLayout()
        choose.addStretch(1)
        choose.addWidget(self.keep_mine)
        choose.addWidget(self.keep_theirs)
        detail = QVBoxLayout()
        detail.addLayout(form)
        detail.addLayout(choose)
        detail.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        body.addLayout(detail, 3)
        self.empty = muted("Er zijn geen conflicten. Alles is met het team in orde.")
        self.empty.setObjectName("noConflicts")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("&Sluiten")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Conflicten", 1))
        layout.addWidget(muted(INTRO))
        layout.addLayout(body, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        try:
            self.conflicts = list(self._services.team.conflicts())
        except WijkteamError as error:
            show_error(self, error)
            self.conflicts = []
        self.list.clear()
        for conflict in self.conflicts:
            item = QListWidgetItem(self._title(conflict))
            self.list.addItem(item)
        self.empty.setVisible(not self.conflicts)
        if self.conflicts:
            self.list.setCurrentRow(0)
        else:
            self._show(-1)

    def _title(self, conflict: Any) -> str:
        parts = [kind_label(conflict.kind)]
        if conflict.resident_id is not None:
            with contextlib.suppress(WijkteamError):
                parts.append(self._services.residents.get(conflict.resident_id).display_name)
        parts.append(conflict_field_label(conflict.kind, conflict.record_uuid, conflict.field))
        return " · ".join(parts)

    def current(self) -> Any | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def _show(self, _row: int) -> None:
        conflict = self.current()
        for button in (self.keep_mine, self.keep_theirs):
            button.setEnabled(conflict is not None)
        if conflict is None:
            self.theirs_label.setText("Hun versie")
            self.field_name.clear()
            for box in (self.base, self.mine, self.theirs):
                box.clear()
            return
        label = conflict_field_label(conflict.kind, conflict.record_uuid, conflict.field)
        self.field_name.setText(f"{kind_label(conflict.kind)}: {label}")
        names = self._member_names()
        me = self._services.accounts.current()
        self.theirs_label.setText(
            theirs_label(
                conflict.theirs_member,
                conflict.theirs_stored_at,
                names,
                str(me.uuid) if me is not None else "",
                today_here(self._services.store.clock),
            )
        )
        for box, value in (
            (self.base, conflict.base),
            (self.mine, conflict.mine),
            (self.theirs, conflict.theirs),
        ):
            box.setPlainText(value_text(value, names, conflict.field))

    def _member_names(self) -> dict[str, str]:
        members = self._services.members.list(include_inactive=True)
        return {str(m.uuid): m.name for m in members}

    def _settle(self, keep: str) -> None:
        conflict = self.current()
        if conflict is None:
            return
        row = self.list.currentRow()
        try:
            self._services.team.settle(conflict.id, keep)
        except WijkteamError as error:
            show_error(self, error)
        else:
            self.settled += 1
            if self._on_settle is not None:
                self._on_settle()
        self.reload()
        if self.conflicts:
            self.list.setCurrentRow(min(row, len(self.conflicts) - 1))
