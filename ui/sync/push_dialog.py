"""Synchronisatie › Synchroniseren met de gemeente: the same resources as an export, sent
straight to the municipality's ZGW server. The client secret is typed here and kept in
memory for this session only (never written). What the server refused, or what waits for
it, is listed per melding with the reason in Dutch: when the dialog opens (still waiting
from an earlier push) and after each push."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.messages import error_text
from ui.sync.undelivered import UndeliveredRow, UndeliveredView, undelivered_rows
from ui.tasks import Task, TaskRunner
from ui.widgets.fields import FieldSet, heading, muted
from wijkteam.common.cancel import CancelToken
from wijkteam.errors import Cancelled, ValidationError, WijkteamError
from wijkteam.sync.export.push.service import PushResult
from wijkteam.sync.export.records import PushUser, UndeliveredResource
from wijkteam.wiring import Services


class SessionSecret:
    """The client secret, in memory until the app closes; never stored or logged."""

    def __init__(self) -> None:
        self.value = ""

    def __repr__(self) -> str:
        return "SessionSecret(***)"


class _Progress(QObject):
    """Carries the count from the worker thread to the dialog (a queued signal)."""

    moved = Signal(int)


class PushDialog(QDialog):
    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        secret: SessionSecret,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._runner = runner
        self._secret = secret
        self.result: PushResult | None = None
        self._pushing: Task | None = None
        self.setWindowTitle("Synchroniseren met de gemeente")
        self.resize(760, 400)
        config = services.export.settings.config()
        self.member_box = QComboBox()
        for member in services.members.list():
            self.member_box.addItem(member.name, member)
        self.secret_edit = QLineEdit(secret.value)
        self.secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.everything = QCheckBox("&Alles opnieuw nalopen, ook wat al bevestigd is")
        self.fieldset = FieldSet()
        form = QFormLayout()
        form.addRow("&Namens", self.member_box)
        self.fieldset.add(form, "secret", "&Geheim", self.secret_edit)
        form.addRow("", self.everything)
        self.status = muted()
        self._progress = _Progress()
        self._progress.moved.connect(
            lambda n: self.status.setText(f"Bezig… {n} onderdelen verwerkt.")
        )
        self.push_button = QPushButton("&Synchroniseren")
        self.push_button.setDefault(True)
        self.push_button.clicked.connect(self.push)
        self.close_button = QPushButton("Sluiten")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.push_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Rechtstreeks naar het zaaksysteem", 2))
        layout.addWidget(
            muted(
                f"Wijkteam stuurt wat er veranderde naar {config.zaken_url}. Wat al is "
                "aangekomen, wordt niet opnieuw verstuurd; valt de verbinding weg, dan gaat "
                "Wijkteam de volgende keer verder waar het was."
            )
        )
        layout.addLayout(form)
        layout.addWidget(
            muted(
                "Het geheim (client secret) krijgt u van de beheerder van het zaaksysteem. "
                "Wijkteam bewaart het niet; het onthoudt het alleen tot u het programma sluit."
            )
        )
        self.undelivered_title = heading("", 3)
        self.undelivered = UndeliveredView()
        layout.addWidget(self.undelivered_title)
        layout.addWidget(self.undelivered, 1)
        self.stretch = QWidget()
        layout.addWidget(self.stretch, 1)
        layout.addLayout(buttons)
        waiting = services.export.push.undelivered()
        self._show_undelivered(
            self._rows(waiting),
            "Nog niet bij de gemeente (gaat bij de volgende synchronisatie opnieuw mee)",
        )

    def push(self) -> None:
        self.fieldset.clear_errors()
        secret = self.secret_edit.text()
        member = self.member_box.currentData()
        if not secret:
            self.fieldset.show_errors([ValidationError("secret", "required")])
            return
        self._secret.value = secret
        user = (
            PushUser(user_id=member.initials, name=member.name)
            if member is not None
            else PushUser(user_id="wijkteam", name="Wijkteam")
        )
        member_id = member.id if member is not None else None
        include_all = self.everything.isChecked()
        progress = self._progress.moved.emit
        self.push_button.setEnabled(False)
        self.status.setText("Bezig met synchroniseren…")
        push = self._services.export.push
        token = CancelToken()

        def work() -> tuple[PushResult, list[UndeliveredRow]]:
            result = push.push(
                secret,
                user,
                include_all=include_all,
                member_id=member_id,
                progress=progress,
                cancel=token,
            )
            return result, self._rows(result.undelivered)

        task = self._runner.submit(work, self._pushed, self._failed, token=token)
        if not task.finished:
            self._pushing = task
            self.close_button.setText("&Stoppen")

    def reject(self) -> None:
        """While pushing, Sluiten/Esc stop at a safe point; the next push resumes."""
        if self._pushing is not None and not self._pushing.finished:
            self._pushing.cancel()
            self.close_button.setEnabled(False)
            self.status.setText("Stoppen…")
            return
        super().reject()

    def _done_pushing(self) -> None:
        self._pushing = None
        self.close_button.setText("Sluiten")
        self.close_button.setEnabled(True)

    def _rows(self, items: list[UndeliveredResource] | tuple[UndeliveredResource, ...]):  # type: ignore[no-untyped-def]
        labels = self._services.export.push.case_labels(i.case_uuid for i in items)
        return undelivered_rows(items, labels)

    def _pushed(self, outcome: tuple[PushResult, list[UndeliveredRow]]) -> None:
        self._done_pushing()
        result, rows = outcome
        self.result = result
        self.push_button.setEnabled(True)
        made = "onderdeel" if result.created == 1 else "onderdelen"
        earlier = "was" if result.unchanged == 1 else "waren"
        counts = (
            f"{result.created} {made} nieuw aangemaakt, {result.found} had de gemeente al, "
            f"{result.unchanged} {earlier} eerder verstuurd."
        )
        if result.complete:
            self.status.setText(f"Klaar: alles is aangekomen. {counts}")
        else:
            missing = len(result.undelivered)
            self.status.setText(
                f"Klaar, maar {missing} {'onderdeel kwam' if missing == 1 else 'onderdelen kwamen'}"
                f" niet aan (hieronder, met de reden). {counts} Wat aankwam is bevestigd; de rest "
                "gaat de volgende keer opnieuw mee."
            )
        self._show_undelivered(rows, "Wat niet aankwam bij de gemeente")

    def _show_undelivered(self, rows: list[UndeliveredRow], title: str) -> None:
        self.undelivered_title.setText(title)
        self.undelivered.show_rows(rows)
        for widget in (self.undelivered_title, self.undelivered):
            widget.setVisible(bool(rows))
        self.stretch.setVisible(not rows)
        if rows:
            self._make_room()

    def _make_room(self) -> None:
        """Larger, for the list, and still whole on the screen (1280×800 too)."""
        free = self.screen().availableGeometry()
        width = min(max(self.width(), 980), free.width() - 40)
        height = min(max(self.height(), 600), free.height() - 60)
        if (width, height) == (self.width(), self.height()):
            return
        self.resize(width, height)
        if self.isVisible():
            frame = self.frameGeometry()
            frame.moveCenter(free.center())
            self.move(frame.topLeft())

    def _failed(self, error: BaseException) -> None:
        self._done_pushing()
        self.push_button.setEnabled(True)
        if isinstance(error, Cancelled):
            self.status.setText(
                "Gestopt. Wat al aankwam is bewaard; de volgende keer gaat de rest, zonder "
                "iets dubbel te versturen."
            )
        elif isinstance(error, WijkteamError):
            self.status.setText(error_text(error))
        else:
            self.status.setText("Er ging iets mis. Probeer het straks opnieuw.")
