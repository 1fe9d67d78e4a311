"""Gezocht, niet gevonden: noting what the resident and member looked for and the sociale
kaart does not have (the kaart's gaps service keeps the list)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.feedback import show_error
from ui.labels import MAP_CATEGORY
from ui.messages import field_errors
from ui.widgets.fields import FieldSet, muted
from ui.widgets.typed_work import AsksBeforeDiscarding
from wijkteam.domain.social_map import MapCategory
from wijkteam.errors import WijkteamError


class GapDialog(AsksBeforeDiscarding, QDialog):
    def __init__(
        self,
        sought: str,
        record: Callable[[str, MapCategory | None], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._record = record
        self.setWindowTitle("Gezocht, niet gevonden")
        self.setMinimumWidth(460)
        self.fieldset = FieldSet()
        self.sought = QLineEdit(sought)
        self.sought.setPlaceholderText("bijv. een zwemgroep voor ouderen in Vijlen")
        self.category = QComboBox()
        self.category.addItem("Weet ik niet", None)
        for category in MapCategory:
            self.category.addItem(MAP_CATEGORY[category], category)
        form = QFormLayout()
        self.fieldset.add(form, "sought", "&Wat werd er gezocht?", self.sought)
        form.addRow("&Categorie", self.category)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Noteren")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            muted(
                "Wat de buurt mist, zonder namen of persoonlijke details. Zo ziet het team "
                "wat er op de sociale kaart ontbreekt."
            )
        )
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.fieldset.clear_errors()
        try:
            self._record(self.sought.text(), self.category.currentData())
        except WijkteamError as error:
            unplaced = self.fieldset.show_errors(field_errors(error))
            if unplaced or not field_errors(error):
                show_error(self, error)
            return
        self.accept()
