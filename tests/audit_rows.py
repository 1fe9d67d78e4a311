"""Reading the audit log in tests without the coordinator's screen (which logs itself)."""

from __future__ import annotations

from wijkteam.services import audit_log
from wijkteam.services.audit_records import AuditQuery, AuditRecord
from wijkteam.wiring import Services


def audit_rows(services: Services, query: AuditQuery | None = None) -> list[AuditRecord]:
    """Every row (matching `query`), oldest first, with the local ids of what they name."""
    rows = audit_log.events(services.store, query or AuditQuery(), 0, 1_000_000)
    return sorted(rows, key=lambda r: (r.at, r.device_uuid, r.seq))
