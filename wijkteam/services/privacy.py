"""Inzage and erasure on request of one resident (AVG art. 15 and 17; Wmo 2015 art. 5.3.2
and 5.3.5). Only a coordinator does these; both are in the audit log."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.domain.text import person_name
from wijkteam.errors import NotFound
from wijkteam.security.context import AuditAction, ServiceContext
from wijkteam.services.audit import AuditService
from wijkteam.services.privacy_hooks import INZAGE_SECTIONS
from wijkteam.services.privacy_ledger import (
    ERASURE,
    LedgerEntry,
    add_entry,
    erase_in_replaced_copies,
    erased_records,
    mirror_path,
    write_mirror,
)
from wijkteam.services.removal import after_removal, compact, count_figures, delete_resident
from wijkteam.services.team_settings import SettingsService
from wijkteam.store import Store
from wijkteam.store.models import AuditEvent, HomeVisit, Member, Report, Resident, StatusChange

INTERNAL = {"search_text", "surname_key", "id", "created_at", "updated_at"}
FORMAT = "wijkteam-inzage-1"


@dataclass(frozen=True)
class ErasurePreview:
    resident_id: int
    name: str
    since: datetime  # when the resident was first recorded (UTC)
    reports: int
    contacts: int
    documents: int
    referrals: int


class PrivacyService:
    def __init__(
        self,
        store: Store,
        audit: AuditService,
        settings: SettingsService,
        context: ServiceContext | None = None,
    ) -> None:
        self._store = store
        self._audit = audit
        self._settings = settings
        self._context = context

    def inzage(self, resident_id: int) -> dict[str, Any]:
        """Everything stored about the resident, as JSON-safe data (also logged)."""
        self._audit.require_coordinator(AuditAction.EXPORT, "resident")
        team = self._settings.team().team_name
        with self._store.transaction() as session:
            resident = session.get(Resident, resident_id)
            if resident is None:
                raise NotFound("resident", resident_id)
            sections: dict[str, Any] = {"Persoonsgegevens": _row(resident)}
            reports = session.scalars(
                select(Report).where(Report.resident_id == resident_id).order_by(Report.id)
            ).all()
            ids = [r.id for r in reports]
            names = {i: n for i, n in session.execute(select(Member.id, Member.name))}
            sections["Meldingen"] = [_row(r, names) for r in reports]
            sections["Statusgeschiedenis"] = [
                _row(s, names) for s in _of_reports(session, StatusChange, ids)
            ]
            sections["Huisbezoeken"] = [
                _row(v, names) for v in _of_reports(session, HomeVisit, ids)
            ]
            for title, section in INZAGE_SECTIONS:
                sections[title] = [_plain(r) for r in section(session, resident_id)]
            sections["Protocol: wie uw gegevens heeft gebruikt"] = _protocol(
                session, resident_id, names
            )
            self._audit.record(session, AuditAction.EXPORT, "resident", resident_id, resident_id)
        return {
            "formaat": FORMAT,
            "team": team,
            "gemaakt_op": self._store.clock.now().strftime("%d-%m-%Y %H:%M"),
            "onderdelen": sections,
        }

    def write_inzage(self, resident_id: int, folder: Path) -> tuple[Path, Path]:
        """JSON (complete, machine-readable) and PDF (for reading); the file names hold a
        date and a number, never a name."""
        from wijkteam.documents.inzage_pdf import write_inzage_pdf

        data = self.inzage(resident_id)
        stem = _free_stem(Path(folder), f"inzage-{self._store.clock.today():%Y-%m-%d}")
        json_path, pdf_path = stem.with_suffix(".json"), stem.with_suffix(".pdf")
        json_path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        write_inzage_pdf(data, pdf_path)
        return json_path, pdf_path

    def erasure_preview(self, resident_id: int) -> ErasurePreview:
        """What an erasure of this resident would remove, for the confirmation."""
        self._audit.require_coordinator(AuditAction.ERASE, "resident")
        with self._store.transaction() as session:
            resident = session.get(Resident, resident_id)
            if resident is None:
                raise NotFound("resident", resident_id)
            records = erased_records(session, resident_id)
            return ErasurePreview(
                resident_id=resident_id,
                name=person_name(resident.first_names, resident.prefix, resident.surname),
                since=resident.created_at,
                reports=len(records.get("report", [])),
                contacts=len(records.get("contact", [])),
                documents=len(records.get("document", [])),
                referrals=len(records.get("referral", [])),
            )

    def erase(self, resident_id: int) -> LedgerEntry:
        """Removes the resident and everything about them at once and writes the erasure to
        the ledger (and its copy next to the store); anonymous figures and the audit entries
        (ids only) stay."""
        self._audit.require_coordinator(AuditAction.ERASE, "resident")
        with self._store.transaction() as session:
            resident = session.get(Resident, resident_id)
            if resident is None:
                raise NotFound("resident", resident_id)
            actor = self._context.actor.member_id if self._context else None
            member = session.get(Member, actor) if actor is not None else None
            entry = LedgerEntry(
                uuid=uuid4(),
                erased_at=self._store.clock.utcnow(),
                resident_uuid=resident.uuid,
                records=erased_records(session, resident_id),
                member_uuid=member.uuid if member else None,
            )
            add_entry(session, entry)
            ids = list(session.scalars(select(Report.id).where(Report.resident_id == resident_id)))
            count_figures(session, ids, ERASURE)
            delete_resident(session, resident_id)
            self._audit.record(session, AuditAction.ERASE, "resident", resident_id, resident_id)
            compact(session)
        after_removal(self._store)
        if self._store.path is not None:
            data_dir = self._store.path.parent
            write_mirror(mirror_path(data_dir), self._store.cipher, [entry])
            if self._context is not None:
                erase_in_replaced_copies(data_dir, self._store, [entry], self._context)
        return entry


def _of_reports(session: Session, model: Any, report_ids: list[int]) -> list[Any]:
    return list(
        session.scalars(select(model).where(model.report_id.in_(report_ids)).order_by(model.id))
    )


def _protocol(session: Session, resident_id: int, names: dict[int, str]) -> list[dict[str, Any]]:
    events = session.scalars(
        select(AuditEvent).where(AuditEvent.resident_id == resident_id).order_by(AuditEvent.id)
    )
    return [
        {
            "tijdstip_utc": e.created_at.isoformat(sep=" ", timespec="seconds"),
            "actie": e.action,
            "gegeven": e.object_type,
            "teamlid": names.get(e.actor_member_id or -1, "systeem"),
            "resultaat": e.result,
        }
        for e in events
    ]


def _row(obj: Any, names: dict[int, str] | None = None) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column in obj.__table__.columns:
        if column.name in INTERNAL or (column.name.endswith("_id") and names is None):
            continue
        value = getattr(obj, column.key)
        if column.name.endswith("member_id") and names is not None:
            values[column.name.replace("_id", "")] = names.get(value) if value else None
            continue
        if column.name.endswith("_id"):
            continue
        values[column.name] = _plain(value)
    return values


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, UUID):
        return str(value)
    return value


def _free_stem(folder: Path, base: str) -> Path:
    number = 1
    while (folder / f"{base}-{number}.json").exists() or (folder / f"{base}-{number}.pdf").exists():
        number += 1
    return folder / f"{base}-{number}"
