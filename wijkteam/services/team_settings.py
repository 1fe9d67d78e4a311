"""Team-wide settings kept in the (encrypted) store: the team, this laptop's id for the audit
log, and the security settings a coordinator manages."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from wijkteam.errors import ValidationError
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.store import Store
from wijkteam.store.models import Setting
from wijkteam.store.setting_values import get_setting, set_setting
from wijkteam.validation import Collector, required_text

ORIGIN_KEY = "origin_id"
TEAM_NAME_KEY = "team_name"
TEAM_KEYS = (TEAM_NAME_KEY, "municipality")


@dataclass(frozen=True)
class SecuritySettings:
    auto_lock_minutes: int = 5  # lock the screen after this much idle time
    retention_grace_days: int = 90  # keep a closed case this long after the sync was acknowledged
    backups_kept: int = 7  # how many backups to keep


LIMITS = {
    "auto_lock_minutes": (1, 60),
    # At least two weeks: time to answer questions about the closing (issue 13).
    "retention_grace_days": (14, 730),
    "backups_kept": (1, 60),
}


@dataclass(frozen=True)
class TeamInfo:
    team_name: str
    municipality: str


def ensure_origin(store: Store) -> str:
    """This laptop's id (a random UUID made once per store), for the audit log."""
    with store.transaction() as session:
        row = session.get(Setting, ORIGIN_KEY)
        if row is None:
            row = Setting(key=ORIGIN_KEY, value=str(uuid.uuid4()))
            session.add(row)
        return row.value


class SettingsService:
    def __init__(self, store: Store, audit: AuditService) -> None:
        self._store = store
        self._audit = audit

    def team(self) -> TeamInfo:
        with self._store.transaction() as session:
            values = [_get(session, key) or "" for key in TEAM_KEYS]
        return TeamInfo(*values)

    def set_team(self, team_name: str, municipality: str) -> TeamInfo:
        self._audit.require_coordinator(AuditAction.SETTINGS, "team")
        errors = Collector()
        name = errors.check(lambda: required_text("team_name", team_name, 80))
        place = errors.check(lambda: required_text("municipality", municipality, 80))
        errors.raise_if_any()
        with self._store.transaction() as session:
            _set(session, "team_name", name or "")
            _set(session, "municipality", place or "")
            self._audit.record(session, AuditAction.SETTINGS, "team")
        return TeamInfo(name or "", place or "")

    def security(self) -> SecuritySettings:
        with self._store.transaction() as session:
            values = {}
            for key in LIMITS:
                text = _get(session, key)
                if text is not None and text.isdigit():
                    low, high = LIMITS[key]
                    values[key] = min(max(int(text), low), high)  # a value of an older rule
        return SecuritySettings(**values)

    def update_security(self, settings: SecuritySettings) -> SecuritySettings:
        self._audit.require_coordinator(AuditAction.SETTINGS, "security_settings")
        errors = Collector()
        for key, (low, high) in LIMITS.items():
            value = getattr(settings, key)
            if not low <= value <= high:
                errors.add(ValidationError(key, "out_of_range", low=low, high=high))
        errors.raise_if_any()
        with self._store.transaction() as session:
            for key in LIMITS:
                _set(session, key, str(getattr(settings, key)))
            self._audit.record(session, AuditAction.SETTINGS, "security_settings")
        return settings

    def value(self, key: str) -> str | None:
        with self._store.transaction() as session:
            return _get(session, key)

    def set_value(self, key: str, value: str) -> None:
        """Bookkeeping values without personal data (e.g. the time of the last backup)."""
        with self._store.transaction() as session:
            _set(session, key, value)


def team_name_in(session: Session) -> str | None:
    """The team's name as set up at the first start, inside a caller's session."""
    return _get(session, TEAM_NAME_KEY)


def _get(session: Session, key: str) -> str | None:
    return get_setting(session, key)


def _set(session: Session, key: str, value: str) -> None:
    set_setting(session, key, value)
