"""Inzage and erasure on request of one resident (AVG art. 15 and 17; Wmo 2015 art. 5.3.2
and 5.3.5). Only a coordinator does these; both are in the audit log."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from uuid import uuid4

from sqlalchemy import select

from wijkteam.domain.text import person_name
from wijkteam.errors import NotFound, ValidationError
from wijkteam.security.context import AuditAction, ServiceContext
from wijkteam.services.audit import AuditService, Entry
from wijkteam.services.privacy_inzage import Inzage, InzageBuilder
from wijkteam.services.privacy_inzage_remote import scratch
from wijkteam.services.privacy_ledger import (
    ERASURE,
    LedgerEntry,
    add_entry,
    erase_in_replaced_copies,
    erased_records,
    mirror_path,
    write_mirror,
)
from wijkteam.services.privacy_remote import (
    CASE_KINDS,
    RemoteCases,
    RemovedSearch,
    TeamArchive,
    fetch_removed,
    in_team,
    match_removed,
    removed,
)
from wijkteam.services.privacy_words import dutch_moment
from wijkteam.services.removal import after_removal, compact, count_figures, delete_resident
from wijkteam.services.team_settings import SettingsService
from wijkteam.store import Store
from wijkteam.store.models import Member, Report, Resident
from wijkteam.validation.collector import Collector
from wijkteam.validation.rules import parse_date

# Writes the inzage as a PDF (wijkteam/documents/inzage_pdf.py, passed in by the wiring).
InzagePdf = Callable[[dict[str, Any], Path, date], None]


@dataclass(frozen=True)
class InzageFiles:
    json: Path
    pdf: Path
    warnings: list[str]  # what the overview may lack, as the document itself says


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
        context: ServiceContext | None,
        inzage_pdf: InzagePdf,
        archive: TeamArchive | None = None,
    ) -> None:
        self._store = store
        self._audit = audit
        self._settings = settings
        self._context = context
        self._inzage_pdf = inzage_pdf
        self._archive = archive  # the team server's copy of what left this laptop

    def inzage(self, resident_id: int, stem: str = "inzage") -> Inzage:
        """Everything the team holds about the resident, in plain Dutch (also logged).
        `stem`: the file name the attachments are named after."""
        self._audit.require_coordinator(AuditAction.EXPORT, "resident")
        team = self._settings.team().team_name
        made = dutch_moment(self._store.clock.now())
        remote = self._from_server(resident_id)
        days = self._retention_days()
        with self._store.transaction() as session:
            resident = session.get(Resident, resident_id)
            if resident is None:
                raise NotFound("resident", resident_id)
            builder = InzageBuilder(session, resident, stem, remote, self._audit.device)
            result = builder.build(team, made, retention_days=days, shared=in_team(session))
            self._audit.record(session, AuditAction.EXPORT, "resident", resident_id, resident_id)
        return result

    def _retention_days(self) -> int:
        return self._settings.security().retention_grace_days

    def _from_server(self, resident_id: int) -> RemoteCases:
        """The resident's closed meldingen that left this laptop, from the team server (asked
        outside the store's transaction: the network may be slow)."""
        with self._store.transaction() as session:
            resident = session.get(Resident, resident_id)
            if resident is None:
                raise NotFound("resident", resident_id)
            if self._archive is None or not in_team(session):
                return RemoteCases()
            reports, children = removed(session, ["report"]), removed(session, CASE_KINDS)
            resident_uuid = resident.uuid
        return fetch_removed(self._archive, reports, children, resident_uuid)

    # --- a resident no longer on this laptop ----------------------------------------------
    def find_removed(self, surname: str, birth_date: str) -> RemovedSearch:
        """Residents whose meldingen all closed and left this laptop, by surname and birth
        date (as typed), among what the team server still holds (opened here, kept nowhere)."""
        self._audit.require_coordinator(AuditAction.EXPORT, "resident")
        errors = Collector()
        if not surname.strip():
            errors.add(ValidationError("surname", "required"))
        born = errors.check(lambda: parse_date(birth_date, "birth_date", required=True))
        errors.raise_if_any()
        assert born is not None
        with self._store.transaction() as session:
            if self._archive is None or not in_team(session):
                return RemovedSearch(True, [])
            wanted = removed(session, ["resident"])
        if not wanted:
            return RemovedSearch(True, [])
        fetched = self._archive.fetch(wanted)
        self._audit.log(AuditAction.VIEW, "resident_search")
        if not fetched.reachable:
            return RemovedSearch(False, [])
        return RemovedSearch(True, [r for r, _ in match_removed(fetched, surname, born)])

    def removed_inzage(self, person: uuid.UUID, stem: str = "inzage") -> Inzage:
        """The inzage of a resident found with `find_removed`, made from the server's copy
        and what this laptop still holds about them (audit rows, sync conflicts)."""
        self._audit.require_coordinator(AuditAction.EXPORT, "resident")
        team = self._settings.team().team_name
        made = dutch_moment(self._store.clock.now())
        with self._store.transaction() as session:
            wanted = [w for w in removed(session, ["resident"]) if w.uuid == person]
            reports, children = removed(session, ["report"]), removed(session, CASE_KINDS)
        fetched = self._archive.fetch(wanted) if self._archive and wanted else None
        if fetched is None or not fetched.records:
            raise NotFound("resident", person)
        remote = fetch_removed(self._archive, reports, children, person)  # type: ignore[arg-type]
        flags = RemoteCases(asked=True, reachable=remote.reachable, refused=remote.refused)
        days = self._retention_days()
        with self._store.transaction() as session:
            with scratch(session, None, remote, fetched.records[0][2]) as there:
                resident = there.scalars(select(Resident)).one()
                builder = InzageBuilder(there, resident, stem, flags, self._audit.device)
                result = builder.build(team, made, removed=True, retention_days=days)
            entry = Entry(AuditAction.EXPORT, "resident", object_uuid=person, resident_uuid=person)
            self._audit.record_many(session, [entry])
        return result

    def write_removed_inzage(self, person: uuid.UUID, folder: Path) -> InzageFiles:
        stem = _free_stem(Path(folder), f"inzage-{self._store.clock.today():%Y-%m-%d}")
        return self._write(self.removed_inzage(person, stem.name), stem, folder)

    def write_inzage(self, resident_id: int, folder: Path) -> InzageFiles:
        """JSON (complete, machine-readable) and PDF (for reading), with the documents made
        for the resident as attachments beside them; the file names hold a date and a
        number, never a name."""
        stem = _free_stem(Path(folder), f"inzage-{self._store.clock.today():%Y-%m-%d}")
        return self._write(self.inzage(resident_id, stem.name), stem, folder)

    def _write(self, inzage: Inzage, stem: Path, folder: Path) -> InzageFiles:
        json_path, pdf_path = stem.with_suffix(".json"), stem.with_suffix(".pdf")
        json_path.write_text(
            json.dumps(inzage.data, ensure_ascii=False, indent=2), encoding="utf-8"
        )
        self._inzage_pdf(inzage.data, pdf_path, self._store.clock.today())
        for name, content in inzage.attachments:
            (Path(folder) / name).write_bytes(content)
        return InzageFiles(json_path, pdf_path, list(inzage.data["waarschuwingen"]))

    def erasure_preview(self, resident_id: int) -> ErasurePreview:
        """What an erasure of this resident would remove, for the confirmation."""
        self._audit.require_coordinator(AuditAction.ERASE, "resident")
        with self._store.transaction() as session:
            resident = session.get(Resident, resident_id)
            if resident is None:
                raise NotFound("resident", resident_id)
            records = erased_records(session, resident_id)
            # The confirmation shows who: a view of the resident's data.
            self._audit.record(session, AuditAction.VIEW, "resident", resident_id, resident_id)
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


def _free_stem(folder: Path, base: str) -> Path:
    number = 1
    while any(folder.glob(f"{base}-{number}.*")) or any(folder.glob(f"{base}-{number}-*")):
        number += 1
    return folder / f"{base}-{number}"
