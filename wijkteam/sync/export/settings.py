"""The ZGW configuration in the settings table, one key per field ("zgw.…")."""

from __future__ import annotations

from dataclasses import fields

from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.status import ReportStatus
from wijkteam.errors import ValidationFailed
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.store import Store
from wijkteam.store.setting_values import set_setting, team_settings_like
from wijkteam.sync.export.errors import ExportNotConfigured
from wijkteam.sync.zgw.config import ZgwConfig
from wijkteam.sync.zgw.config_rules import ZgwSettingsInput, validate_settings

PREFIX = "zgw."
_STATUS = PREFIX + "statustype."
_RESULT = PREFIX + "resultaattype."
_PLAIN = [
    f.name for f in fields(ZgwSettingsInput) if f.name not in ("statustypen", "resultaattypen")
]


class SyncSettingsService:
    """Reads and saves the link with the municipality's case system."""

    def __init__(self, store: Store, audit: AuditService) -> None:
        self._store = store
        self._audit = audit

    def form(self) -> ZgwSettingsInput:
        """The stored values as the form shows them (defaults where nothing is stored)."""
        with self._store.transaction() as session:
            stored = team_settings_like(session, PREFIX)
        if not stored:
            return ZgwSettingsInput()
        plain = {name: stored.get(PREFIX + name, "") for name in _PLAIN}
        plain["share_conversation"] = plain["share_conversation"] == "1"  # type: ignore[assignment]
        plain["confidentiality"] = plain["confidentiality"] or ZgwSettingsInput.confidentiality
        return ZgwSettingsInput(
            **plain,  # type: ignore[arg-type]
            statustypen={s.value: stored.get(_STATUS + s.value, "") for s in ReportStatus},
            resultaattypen={r.value: stored.get(_RESULT + r.value, "") for r in ClosingReason},
        )

    def save(self, data: ZgwSettingsInput) -> ZgwConfig:
        config = validate_settings(data)  # raises ValidationFailed; nothing stored then
        values = _flatten(data, config)
        with self._store.transaction() as session:
            # Written key by key, a key no longer used emptied rather than deleted: the
            # settings are the team's, and a change travels to every laptop (team_setting).
            for key in team_settings_like(session, PREFIX):
                values.setdefault(key, "")
            for key, value in sorted(values.items()):
                set_setting(session, key, value)
            self._audit.record(session, AuditAction.SETTINGS, "zgw_settings")
        return config

    def config(self) -> ZgwConfig:
        """The configuration to export with; ExportNotConfigured when it is incomplete."""
        try:
            return validate_settings(self.form())
        except ValidationFailed:
            raise ExportNotConfigured() from None

    def is_configured(self) -> bool:
        try:
            self.config()
        except ExportNotConfigured:
            return False
        return True


def _flatten(data: ZgwSettingsInput, config: ZgwConfig) -> dict[str, str]:
    """Normalised values (trimmed URLs) where validation produced them."""
    values = {
        PREFIX + "rsin": config.rsin,
        PREFIX + "catalog_url": config.catalog_url,
        PREFIX + "zaken_url": config.zaken_url,
        PREFIX + "documenten_url": config.documenten_url,
        PREFIX + "zaaktype": config.zaaktype,
        PREFIX + "roltype_resident": config.roltype_resident,
        PREFIX + "roltype_member": config.roltype_member,
        PREFIX + "informatieobjecttype": config.informatieobjecttype,
        PREFIX + "confidentiality": config.confidentiality,
        PREFIX + "share_conversation": "1" if data.share_conversation else "0",
        PREFIX + "wmo_zaaktype": config.wmo_zaaktype or "",
        PREFIX + "client_id": config.client_id or "",
    }
    values.update({_STATUS + s.value: url for s, url in config.statustypen.items()})
    values.update({_RESULT + r.value: url for r, url in config.resultaattypen.items()})
    return values
