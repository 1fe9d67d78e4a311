"""Generated documents in the dossier: every printed or saved PDF is recorded with its
SHA-256 and kept in the store (encrypted with it), so the sync can send it later."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from wijkteam.documents.content import DocumentKind, VisitSummaryDraft
from wijkteam.domain.enums import Language
from wijkteam.errors import NotFound, ValidationError
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


class DocumentService:
    def __init__(self, store: Store) -> None:
        self._store = store

    def record(
        self,
        resident_id: int,
        kind: DocumentKind,
        language: Language,
        pdf: bytes,
        *,
        report_id: int | None = None,
        member_id: int | None = None,
    ) -> DocumentRecord:
        """Keeps a generated PDF in the dossier of `resident_id`."""
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
            return _record(document)

    def for_resident(self, resident_id: int) -> list[DocumentRecord]:
        """The resident's documents, newest first. The PDF bytes stay in the store."""
        query = (
            select(Document)
            .where(Document.resident_id == resident_id)
            .order_by(Document.generated_at.desc(), Document.id.desc())
        )
        with self._store.transaction() as session:
            return [_record(d) for d in session.scalars(query)]

    def get(self, document_id: int) -> DocumentRecord:
        with self._store.transaction() as session:
            return _record(_document(session, document_id))

    def content(self, document_id: int) -> bytes:
        """The PDF exactly as it was printed or saved."""
        with self._store.transaction() as session:
            pdf = session.scalar(select(Document.content).where(Document.id == document_id))
            if pdf is None:
                raise NotFound("document", document_id)
            return bytes(pdf)

    def visit_summary_draft(self, report_id: int) -> VisitSummaryDraft:
        """What the dossier offers for the resident's summary of this melding's visit."""
        with self._store.transaction() as session:
            return visit_summary_draft(session, report_id, self._store.clock.today())


def _document(session, document_id: int) -> Document:  # type: ignore[no-untyped-def]
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
