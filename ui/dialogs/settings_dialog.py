"""Team settings: for now, how many days after a step the follow-up call is proposed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.feedback import show_error
from ui.widgets.fields import muted
from wijkteam.domain.steps import FOLLOW_UP_DAYS_MAX
from wijkteam.errors import WijkteamError
from wijkteam.wiring import Services


class SettingsDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle("Instellingen van het team")
        self.days = QSpinBox()
        self.days.setRange(0, FOLLOW_UP_DAYS_MAX)
        self.days.setSuffix(" dagen")
        self.days.setValue(services.follow_up_settings.follow_up_days())
        form = QFormLayout()
        form.addRow("&Nabellen na", self.days)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Opslaan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted(
                "Voor elke afspraak wordt nabellen voorgesteld, dit aantal dagen na de datum "
                "van de afspraak. Al geplande belmomenten blijven staan."
            )
        )
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            self._services.follow_up_settings.set_follow_up_days(self.days.value())
        except WijkteamError as error:
            show_error(self, error)
            return
        self.accept()
