"""Synchronisatie › Instellingen koppeling: how the team's work maps onto the municipality's
case system (RSIN, addresses, catalogue types). Every field is checked with a Dutch message
beside it; nothing typed is lost when something is wrong."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.labels import CLOSING_REASON, STATUS
from ui.messages import field_errors
from ui.sync.texts import CONFIDENTIALITY
from ui.widgets.fields import FieldSet, muted
from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.status import ReportStatus
from wijkteam.errors import WijkteamError
from wijkteam.sync.zgw.config_rules import (
    ZgwSettingsInput,
    resultaattype_field,
    statustype_field,
)
from wijkteam.wiring import Services

TYPE_HINT = "https://…/catalogi/api/v1/{}/…"


class SyncSettingsDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = services.export.settings
        self.saved = False
        self.setWindowTitle("Instellingen koppeling met de gemeente")
        self.resize(760, 720)
        self.fieldset = FieldSet()
        self.edits: dict[str, QLineEdit] = {}
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(
            muted(
                "Deze gegevens krijgt u van de gemeente (de beheerder van het zaaksysteem). "
                "Ze bepalen hoe het werk van het team in het zaaksysteem terechtkomt."
            )
        )
        column.addWidget(self._organisation_group())
        column.addWidget(self._address_group())
        column.addWidget(self._types_group())
        column.addWidget(self._status_group())
        column.addWidget(self._result_group())
        column.addWidget(self._referral_group())
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Opslaan")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(buttons)
        self._load(self._settings.form())

    # --- building ---------------------------------------------------------------------------
    def _line(self, form: QFormLayout, name: str, label: str, hint: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(hint)
        self.edits[name] = edit
        self.fieldset.add(form, name, label, edit)
        return edit

    def _organisation_group(self) -> QGroupBox:
        group, form = _group("De gemeente")
        self._line(form, "rsin", "&RSIN", "9 cijfers, bijvoorbeeld 002220647")
        self.confidentiality = QComboBox()
        for value, label in CONFIDENTIALITY.items():
            self.confidentiality.addItem(label, value)
        self.fieldset.add(form, "confidentiality", "&Vertrouwelijkheid", self.confidentiality)
        self.share = QCheckBox("&Gespreksinhoud mag mee naar de gemeente")
        form.addRow("", self.share)
        form.addRow(
            "",
            muted(
                "Gespreksinhoud: de thema's van het vrije gesprek, de onderwerpen van contacten "
                "en de vraag van de melding. Staat dit uit, dan blijft die op deze laptop en "
                "ziet de gemeente alleen wanneer en hoe er contact was."
            ),
        )
        return group

    def _address_group(self) -> QGroupBox:
        group, form = _group("Adressen van het zaaksysteem")
        self._line(form, "catalog_url", "&Catalogus", "https://…/catalogi/api/v1")
        self._line(form, "zaken_url", "&Zaken-API", "https://…/zaken/api/v1")
        self._line(form, "documenten_url", "&Documenten-API", "https://…/documenten/api/v1")
        self._line(form, "client_id", "C&lient-id", "alleen voor rechtstreeks synchroniseren")
        return group

    def _types_group(self) -> QGroupBox:
        group, form = _group("Zaaktype en rollen")
        self._line(form, "zaaktype", "Zaak&type", TYPE_HINT.format("zaaktypen"))
        self._line(form, "roltype_resident", "Roltype &inwoner", TYPE_HINT.format("roltypen"))
        self._line(form, "roltype_member", "Roltype t&eamlid", TYPE_HINT.format("roltypen"))
        self._line(
            form,
            "informatieobjecttype",
            "In&formatieobjecttype",
            TYPE_HINT.format("informatieobjecttypen"),
        )
        return group

    def _status_group(self) -> QGroupBox:
        group, form = _group("Statustype per status")
        for status in ReportStatus:
            self._line(
                form, statustype_field(status), STATUS[status], TYPE_HINT.format("statustypen")
            )
        return group

    def _result_group(self) -> QGroupBox:
        group, form = _group("Resultaattype per reden van afsluiten")
        for reason in ClosingReason:
            self._line(
                form,
                resultaattype_field(reason),
                CLOSING_REASON[reason],
                TYPE_HINT.format("resultaattypen"),
            )
        return group

    def _referral_group(self) -> QGroupBox:
        group, form = _group("Doorverwijzing naar de Wmo (niet verplicht)")
        self._line(form, "wmo_zaaktype", "Zaaktype &Wmo-melding", TYPE_HINT.format("zaaktypen"))
        form.addRow(
            "",
            muted(
                "Een doorverwijzing krijgt de status 'Doorverwezen' (hierboven). Met een zaaktype "
                "voor de Wmo-melding maakt een verstuurde Wmo-doorverwijzing ook een nieuwe zaak "
                "bij de gemeente, die volgt op de zaak van het wijkteam en zes weken na het "
                "versturen klaar moet zijn (Wmo 2015, art. 2.3.2)."
            ),
        )
        return group

    # --- data -------------------------------------------------------------------------------
    def _load(self, data: ZgwSettingsInput) -> None:
        for name in (
            "rsin",
            "catalog_url",
            "zaken_url",
            "documenten_url",
            "client_id",
            "zaaktype",
            "roltype_resident",
            "roltype_member",
            "informatieobjecttype",
            "wmo_zaaktype",
        ):
            self.edits[name].setText(getattr(data, name))
        for status in ReportStatus:
            self.edits[statustype_field(status)].setText(data.statustypen.get(status.value, ""))
        for reason in ClosingReason:
            self.edits[resultaattype_field(reason)].setText(
                data.resultaattypen.get(reason.value, "")
            )
        self.confidentiality.setCurrentIndex(
            max(self.confidentiality.findData(data.confidentiality), 0)
        )
        self.share.setChecked(data.share_conversation)

    def form_input(self) -> ZgwSettingsInput:
        text = {name: edit.text() for name, edit in self.edits.items()}
        return ZgwSettingsInput(
            rsin=text["rsin"],
            catalog_url=text["catalog_url"],
            zaken_url=text["zaken_url"],
            documenten_url=text["documenten_url"],
            zaaktype=text["zaaktype"],
            statustypen={s.value: text[statustype_field(s)] for s in ReportStatus},
            roltype_resident=text["roltype_resident"],
            roltype_member=text["roltype_member"],
            resultaattypen={r.value: text[resultaattype_field(r)] for r in ClosingReason},
            informatieobjecttype=text["informatieobjecttype"],
            confidentiality=self.confidentiality.currentData(),
            share_conversation=self.share.isChecked(),
            wmo_zaaktype=text["wmo_zaaktype"],
            client_id=text["client_id"],
        )

    def save(self) -> None:
        self.fieldset.clear_errors()
        try:
            self._settings.save(self.form_input())
        except WijkteamError as error:
            self.fieldset.show_errors(field_errors(error))
            focused = self.focusWidget()
            if focused is not None:
                self.scroll.ensureWidgetVisible(focused)
            return
        self.saved = True
        self.accept()


def _group(title: str) -> tuple[QGroupBox, QFormLayout]:
    group = QGroupBox(title)
    form = QFormLayout(group)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return group, form
