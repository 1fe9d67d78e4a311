"""Beheer › Beveiliging en bewaren (coordinators): auto-lock, retention grace, backups."""

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
from ui.messages import field_errors
from ui.widgets.fields import FieldSet, muted
from wijkteam.errors import WijkteamError
from wijkteam.services.team_settings import LIMITS, SecuritySettings
from wijkteam.wiring import Services

RETENTION_HELP = (
    "Waarom een bewaartermijn? De laptop is een doorgeefluik, geen archief. De gemeente "
    "bewaart het dossier 15 jaar in haar eigen systeem (Wmo 2015 art. 5.3.4). Is een "
    "afgesloten melding daar bevestigd, dan is de kopie op deze laptop na de termijn niet "
    "meer nodig: wat niet op de laptop staat, kan ook niet uitlekken. De termijn geeft tijd "
    "om vragen over de afsluiting nog te beantwoorden."
)


class SecuritySettingsDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle("Beveiliging en bewaren")
        self.setMinimumWidth(560)
        current = services.settings.security()
        self.fieldset = FieldSet()
        form = QFormLayout()
        self.spins: dict[str, QSpinBox] = {}
        labels = {
            "auto_lock_minutes": ("&Vergrendelen na (minuten zonder gebruik)", " min"),
            "retention_grace_days": ("&Bewaartermijn na bevestiging door gemeente", " dagen"),
            "backups_kept": ("Aantal back-ups b&ewaren", ""),
        }
        for key, (label, suffix) in labels.items():
            spin = QSpinBox()
            spin.setRange(*LIMITS[key])
            spin.setSuffix(suffix)
            spin.setValue(getattr(current, key))
            self.spins[key] = spin
            self.fieldset.add(form, key, label, spin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        help_text = muted(RETENTION_HELP)
        help_text.setObjectName("retentionHelp")
        layout.addWidget(help_text)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.fieldset.clear_errors()
        values = SecuritySettings(**{k: s.value() for k, s in self.spins.items()})
        try:
            self._services.settings.update_security(values)
        except WijkteamError as error:
            if field_errors(error):
                self.fieldset.show_errors(field_errors(error))
            else:
                show_error(self, error)
            return
        self.accept()
