"""Verzending naar de gemeente: which laptop of the team sends the team's work to the
municipality (export and push). Everyone sees it; the coordinator chooses another laptop
here (the choice travels in the team's signed device list at once)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.feedback import show_error
from ui.tasks import TaskRunner
from ui.widgets.fields import heading, muted
from wijkteam.errors import WijkteamError

if TYPE_CHECKING:
    from wijkteam.wiring import Services

INTRO = (
    "Eén laptop van het team verstuurt het werk van het hele team naar de gemeente "
    "(exporteren en synchroniseren met de gemeente), zodat niets twee keer aankomt. Wat die "
    "laptop verstuurde en de ontvangstbewijzen deelt hij met het team: een andere laptop kan "
    "het overnemen zonder iets opnieuw te sturen. Zonder keuze is dat de laptop van de "
    "coördinator."
)
ONLY_COORDINATOR = "Alleen de coördinator kan een andere laptop aanwijzen."


def device_line(device: Any) -> str:
    who = f"{device.member_name} ({device.member_initials})" if device.member_initials else "?"
    marks = [m for m, on in (("coördinator", device.coordinator),
                             ("deze laptop", device.this_laptop)) if on]  # fmt: skip
    line = f"Laptop {device.short} van {who}"
    if marks:
        line += f" — {', '.join(marks)}"
    if device.pusher:
        line += " — verstuurt naar de gemeente"
    return line


def pusher_summary(view: Any) -> str:
    if not view.team:
        return "Deze laptop hoort niet bij een team en verstuurt zelf naar de gemeente."
    if view.pusher is None:
        return (
            "Deze laptop weet nog niet welke laptop verstuurt: synchroniseer eerst met het "
            "team (F9)."
        )
    if view.this_laptop_pushes:
        return "Deze laptop verstuurt het werk van het team naar de gemeente."
    how = "aangewezen door de coördinator" if view.designated else "de laptop van de coördinator"
    return f"Laptop {view.pusher.short} ({view.pusher.member_initials or '?'}) verstuurt ({how})."


class PusherDialog(QDialog):
    def __init__(
        self, services: Services, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services, self._runner = services, runner
        self.changed = False
        self.setWindowTitle("Verzending naar de gemeente")
        self.resize(720, 420)
        self.summary = QLabel()
        self.summary.setObjectName("pusherSummary")
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("pusherDevices")
        self.choose = QPushButton("&Gekozen laptop aanwijzen")
        self.choose.setObjectName("designatePusher")
        self.choose.clicked.connect(lambda _checked=False: self._designate())
        self.note = muted(ONLY_COORDINATOR)
        self.note.setObjectName("pusherNote")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("&Sluiten")
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.choose, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Verzending naar de gemeente", 1))
        layout.addWidget(muted(INTRO))
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.devices: list[Any] = []
        self.reload()

    def reload(self) -> None:
        view = self._services.team_pusher.view()
        self.summary.setText(pusher_summary(view))
        self.devices = list(view.devices)
        self.list.clear()
        for device in self.devices:
            item = QListWidgetItem(device_line(device))
            item.setData(Qt.ItemDataRole.UserRole, device.device)
            self.list.addItem(item)
            if device.pusher:
                self.list.setCurrentItem(item)
        coordinator = self._services.context.actor.is_coordinator and view.team
        self.choose.setVisible(bool(coordinator and self.devices))
        self.note.setVisible(view.team and not coordinator)

    def _designate(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        device = str(item.data(Qt.ItemDataRole.UserRole))
        self.choose.setEnabled(False)
        self._runner.submit(
            lambda: self._services.team_pusher.designate(device), self._done, self._failed
        )

    def _done(self, _chosen: Any) -> None:
        self.changed = True
        self.choose.setEnabled(True)
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.choose.setEnabled(True)
        if isinstance(error, WijkteamError):
            show_error(self, error)
        else:  # never the exception's text: it may hold anything
            QMessageBox.warning(self, "Wijkteam", "Aanwijzen lukte niet. Probeer het opnieuw.")
