"""Generated documents in the dossier: every printed or saved PDF is recorded with its
SHA-256 and kept in the store (encrypted with it), so the sync can send it later.
The audit log says how each copy left the laptop: printed, or exported as a file."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.domain.documents import DocumentKind, VisitSummaryDraft
from wijkteam.domain.enums import Language
from wijkteam.errors import NotFound, ValidationError
from wijkteam.security.context import AuditAction
from wijkteam.services.audit import AuditService
from wijkteam.services.document_drafts import visit_summary_draft
from wijkteam.store import Store
from wijkteam.store.models import Document, Member, Report, Resident

PDF_MAGIC = b"%PDF-"


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A generated document without its bytes (ask DocumentService.content for those)."""

    id: int
    uuid: uuid.UUID
    resident_id: int
    report_id: int | None
    member_id: int | None
    kind: DocumentKind
    language: Language
    generated_at: datetime
    sha256: str
    size: int
    member_name: str | None = None  # who made it
    report_received_on: date | None = None  # the melding it belongs to


class DocumentService:
    def __init__(self, store: Store, audit: AuditService) -> None:
        self._store = store
        self._audit = audit

    def record(
        self,
        resident_id: int,
        kind: DocumentKind,
        language: Language,
        pdf: bytes,
        *,
        report_id: int | None = None,
        member_id: int | None = None,
        shared_as: AuditAction = AuditAction.PRINT,
    ) -> DocumentRecord:
        """Keeps a generated PDF in the dossier of `resident_id`; `shared_as` says how it
        went out (PRINT, or EXPORT for a saved file)."""
        if not pdf.startswith(PDF_MAGIC):
            raise ValidationError("content", "not_a_pdf")
        with self._store.transaction() as session:
            if session.get(Resident, resident_id) is None:
                raise NotFound("resident", resident_id)
            if report_id is not None:
                report = session.get(Report, report_id)
                if report is None:
                    raise NotFound("report", report_id)
                if report.resident_id != resident_id:
                    raise ValidationError("report", "report_of_other_resident")
            if member_id is not None and session.get(Member, member_id) is None:
                raise NotFound("member", member_id)
            document = Document(
                resident_id=resident_id,
                report_id=report_id,
                member_id=member_id,
                kind=DocumentKind(kind),
                language=Language(language),
                generated_at=self._store.clock.now(),
                sha256=hashlib.sha256(pdf).hexdigest(),
                size=len(pdf),
                content=pdf,
            )
            session.add(document)
            session.flush()
            self._log(session, shared_as, document)
            return _record(document)

    def for_resident(self, resident_id: int) -> list[DocumentRecord]:
        """The resident's documents, newest first. The PDF bytes stay in the store."""
        query = (
            select(Document, Member.name, Report.received_on)
            .outerjoin(Member, Member.id == Document.member_id)
            .outerjoin(Report, Report.id == Document.report_id)
            .where(Document.resident_id == resident_id)
            .order_by(Document.generated_at.desc(), Document.id.desc())
        )
        with self._store.transaction() as session:
            records = [
                replace(_record(d), member_name=name, report_received_on=received)
                for d, name, received in session.execute(query)
            ]
            self._audit.record(session, AuditAction.VIEW, "document_list", None, resident_id)
            return records

    def get(self, document_id: int) -> DocumentRecord:
        with self._store.transaction() as session:
            document = _document(session, document_id)
            self._log(session, AuditAction.VIEW, document)
            return _record(document)

    def content(self, document_id: int) -> bytes:
        """The PDF exactly as it was printed or saved, for another copy."""
        with self._store.transaction() as session:
            document = _document(session, document_id)
            self._log(session, AuditAction.VIEW, document)
            return bytes(document.content)

    def copied(self, document_id: int, shared_as: AuditAction) -> None:
        """Another copy went out (PRINT, or EXPORT as a file): for the audit log."""
        with self._store.transaction() as session:
            self._log(session, shared_as, _document(session, document_id))

    def visit_summary_draft(
        self, report_id: int, contact_id: int | None = None
    ) -> VisitSummaryDraft:
        """What the dossier offers for the resident's summary of a conversation of this
        melding (`contact_id`; default: the latest one, or the last held visit)."""
        with self._store.transaction() as session:
            draft = visit_summary_draft(session, report_id, self._store.clock.today(), contact_id)
            resident_id = session.scalar(select(Report.resident_id).where(Report.id == report_id))
            self._audit.record(session, AuditAction.VIEW, "report", report_id, resident_id)
            return draft

    def _log(self, session: Session, action: AuditAction, document: Document) -> None:
        self._audit.record(session, action, "document", document.id, document.resident_id)


def _document(session: Session, document_id: int) -> Document:
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound("document", document_id)
    return document


def _record(d: Document) -> DocumentRecord:
    return DocumentRecord(
        id=d.id,
        uuid=d.uuid,
        resident_id=d.resident_id,
        report_id=d.report_id,
        member_id=d.member_id,
        kind=d.kind,
        language=d.language,
        generated_at=d.generated_at,
        sha256=d.sha256,
        size=d.size,
    )
