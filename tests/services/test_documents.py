from __future__ import annotations

import hashlib
import secrets

import pytest

from tests.documents.samples import visit_summary
from tests.factories import report, resident
from wijkteam.documents.visit_summary import build_visit_summary
from wijkteam.domain.documents import DocumentKind
from wijkteam.domain.enums import Language
from wijkteam.errors import NotFound, ValidationError
from wijkteam.services.inputs import VisitInput
from wijkteam.services.records import MemberRecord
from wijkteam.store import open_store, store_path
from wijkteam.wiring import Services


def test_a_recorded_document_keeps_its_bytes_and_their_sha256(
    services: Services, member: MemberRecord
) -> None:
    saved = services.reports.register(report(), resident=resident())
    pdf = build_visit_summary(visit_summary(Language.GERMAN))
    record = services.documents.record(
        saved.resident_id,
        DocumentKind.VISIT_SUMMARY,
        Language.GERMAN,
        pdf,
        report_id=saved.id,
        member_id=member.id,
    )
    assert record.sha256 == hashlib.sha256(pdf).hexdigest()
    assert record.size == len(pdf)
    assert (record.kind, record.language, record.report_id) == (
        DocumentKind.VISIT_SUMMARY,
        Language.GERMAN,
        saved.id,
    )
    assert record.generated_at == services.store.clock.now()
    assert services.documents.content(record.id) == pdf
    assert services.documents.get(record.id) == record


def test_documents_are_listed_per_resident_newest_first(services: Services, clock) -> None:  # type: ignore[no-untyped-def]
    first = services.reports.register(report(), resident=resident())
    other = services.reports.register(report(), resident=resident(surname="Anders"))
    pdf = build_visit_summary(visit_summary())
    older = services.documents.record(first.resident_id, "visit_summary", "nl", pdf)
    clock.advance(hours=1)
    newer = services.documents.record(first.resident_id, "handover", "nl", pdf)
    services.documents.record(other.resident_id, "visit_summary", "en", pdf)
    listed = services.documents.for_resident(first.resident_id)
    assert [d.id for d in listed] == [newer.id, older.id]
    assert listed[0].kind is DocumentKind.HANDOVER


def test_documents_stay_in_the_store(data_dir, clock) -> None:  # type: ignore[no-untyped-def]
    key = secrets.token_bytes(32)  # encrypted like every real store
    services = Services.create(open_store(store_path(data_dir), key, clock=clock))
    saved = services.reports.register(report(), resident=resident())
    pdf = build_visit_summary(visit_summary())
    record = services.documents.record(saved.resident_id, "visit_summary", "nl", pdf)
    services.store.close()
    assert b"%PDF-" not in store_path(data_dir).read_bytes()  # encrypted with the store
    reopened = Services.create(open_store(store_path(data_dir), key, clock=clock))
    try:
        assert reopened.documents.content(record.id) == pdf
        assert list(data_dir.glob("*.pdf")) == []
    finally:
        reopened.store.close()


def test_what_is_not_a_pdf_or_belongs_elsewhere_is_refused(services: Services) -> None:
    first = services.reports.register(report(), resident=resident())
    other = services.reports.register(report(), resident=resident(surname="Anders"))
    with pytest.raises(ValidationError) as not_pdf:
        services.documents.record(first.resident_id, "visit_summary", "nl", b"<html>")
    assert not_pdf.value.code == "not_a_pdf"
    pdf = build_visit_summary(visit_summary())
    with pytest.raises(ValidationError) as mismatch:
        services.documents.record(first.resident_id, "visit_summary", "nl", pdf, report_id=other.id)
    assert mismatch.value.code == "report_of_other_resident"
    with pytest.raises(NotFound):
        services.documents.record(9999, "visit_summary", "nl", pdf)
    with pytest.raises(NotFound):
        services.documents.content(9999)
    assert services.documents.for_resident(first.resident_id) == []


def test_a_summary_draft_needs_a_held_visit(services: Services, member: MemberRecord) -> None:
    saved = services.reports.register(
        report(), resident=resident(first_names="Jürgen", language=Language.GERMAN)
    )
    with pytest.raises(ValidationError) as refused:
        services.documents.visit_summary_draft(saved.id)
    assert refused.value.code == "no_visit_held"
    services.visits.plan(saved.id, VisitInput("18-11-2026", "10:00", member_id=member.id))
    services.visits.mark_held(saved.id)
    draft = services.documents.visit_summary_draft(saved.id)
    assert (draft.resident_id, draft.report_id) == (saved.resident_id, saved.id)
    summary = draft.summary
    assert summary.language is Language.GERMAN
    assert summary.resident_name == "Jürgen Verzonnen"
    assert summary.member.name == member.name
    assert summary.visit_date.isoformat() == "2026-11-18"
    assert summary.team.name == "WijVaals"
    assert summary.themes == ()  # no conversation notes in the store yet


def test_the_member_who_planned_an_unassigned_visit_signs_the_summary(
    services: Services,
) -> None:
    saved = services.reports.register(report(), resident=resident())
    services.visits.plan(saved.id, VisitInput("18-11-2026", "10:00"))  # nobody chosen
    services.visits.mark_held(saved.id)
    signed_in = services.accounts.current()
    assert signed_in is not None
    assert services.documents.visit_summary_draft(saved.id).summary.member.name == signed_in.name
