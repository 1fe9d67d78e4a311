from __future__ import annotations

from datetime import date

import pytest

from tests.factories import BSN_A, BSN_BAD, report, resident
from wijkteam.clock import FixedClock
from wijkteam.domain.deadlines import DeadlineState
from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.status import ReportStatus
from wijkteam.errors import DuplicateSuspected, EventRefused, ValidationError, ValidationFailed
from wijkteam.services.records import MemberRecord
from wijkteam.wiring import Services


def test_register_new_resident_with_deadline(services: Services, member: MemberRecord) -> None:
    saved = services.reports.register(
        report(assigned_member_id=member.id), resident=resident(bsn=BSN_A)
    )
    assert saved.status is ReportStatus.NEW
    assert saved.received_on == date(2026, 11, 10)
    assert saved.deadline.due == date(2026, 11, 24)
    assert saved.deadline.days_left == 6
    assert saved.assigned_member_name == "Tessa Testlid"
    assert [c.status for c in saved.history] == [ReportStatus.NEW]
    person = services.residents.get(saved.resident_id)
    assert (person.display_name, person.bsn, person.postcode) == ("Zoë Verzonnen", BSN_A, "6291 AB")


def test_register_for_existing_resident(services: Services) -> None:
    first = services.reports.register(report(), resident=resident())
    second = services.reports.register(
        report(question="Nieuwe vraag"), resident_id=first.resident_id
    )
    assert second.resident_id == first.resident_id
    assert len(services.reports.for_resident(first.resident_id)) == 2


def test_every_problem_reported_at_once_and_nothing_written(services: Services) -> None:
    with pytest.raises(ValidationFailed) as caught:
        services.reports.register(
            report(question=" ", received_on="31-02-2026"),
            resident=resident(bsn=BSN_BAD, postcode="6291 SS", phone="123"),
        )
    assert {(e.field, e.code) for e in caught.value.errors} == {
        ("bsn", "elfproef"),
        ("postcode", "letters_not_used"),
        ("phone", "phone_format"),
        ("question", "required"),
        ("received_on", "date_format"),
    }
    assert services.residents.search("verzonnen") == []


def test_resident_without_bsn_needs_birth_date_or_address(services: Services) -> None:
    with pytest.raises(ValidationFailed) as caught:
        services.reports.register(
            report(), resident=resident(birth_date="", postcode="", house_number="")
        )
    assert [(e.field, e.code) for e in caught.value.errors] == [
        ("birth_date", "identify_without_bsn")
    ]
    # An address alone identifies the resident well enough.
    saved = services.reports.register(report(), resident=resident(birth_date=""))
    assert saved.id


class TestDuplicates:
    def test_same_bsn_is_a_likely_duplicate(self, services: Services) -> None:
        first = services.reports.register(report(), resident=resident(bsn=BSN_A))
        found = services.residents.find_duplicates(
            resident(surname="Anders", birth_date="02-02-1960", bsn=BSN_A)
        )
        assert [r.id for r in found] == [first.resident_id]

    def test_same_name_and_birth_date_ignoring_case_and_accents(self, services: Services) -> None:
        first = services.reports.register(report(), resident=resident(surname="Müller"))
        found = services.residents.find_duplicates(
            resident(surname="MULLER", first_names="Z.", birth_date="1-2-1950")
        )
        assert [r.id for r in found] == [first.resident_id]

    def test_other_birth_date_is_not_a_duplicate(self, services: Services) -> None:
        services.reports.register(report(), resident=resident())
        assert services.residents.find_duplicates(resident(birth_date="02-02-1950")) == []

    def test_register_refuses_until_confirmed(self, services: Services) -> None:
        first = services.reports.register(report(), resident=resident())
        with pytest.raises(DuplicateSuspected) as caught:
            services.reports.register(report(), resident=resident())
        assert caught.value.resident_ids == (first.resident_id,)
        assert "Verzonnen" not in str(caught.value)  # ids only, never names
        second = services.reports.register(
            report(), resident=resident(), confirmed_new_resident=True
        )
        assert second.resident_id != first.resident_id

    def test_a_bsn_belongs_to_one_resident(self, services: Services) -> None:
        services.reports.register(report(), resident=resident(bsn=BSN_A))
        with pytest.raises(ValidationError) as caught:
            services.reports.register(
                report(),
                resident=resident(surname="Ander", bsn=BSN_A),
                confirmed_new_resident=True,
            )
        assert (caught.value.field, caught.value.code) == ("bsn", "bsn_in_use")


class TestVisitsAndStatus:
    def test_plan_moves_status_and_keeps_history_when_replanned(self, services: Services) -> None:
        saved = services.reports.register(report(), resident=resident())
        planned = services.visits.plan(saved.id, _visit("20-11-2026", "14:00"))
        assert planned.status is ReportStatus.VISIT_PLANNED
        moved = services.visits.plan(saved.id, _visit("23-11-2026", "10:30", reason="ziek"))
        assert moved.planned_visit is not None
        assert moved.planned_visit.planned_at.isoformat() == "2026-11-23T10:30:00"
        states = [(v.planned_at.day, v.state.value, v.replan_reason) for v in moved.visits]
        assert states == [(23, "planned", None), (20, "replanned", "ziek")]
        assert [c.status for c in moved.history] == [ReportStatus.NEW, ReportStatus.VISIT_PLANNED]

    def test_visit_in_the_past_refused(self, services: Services) -> None:
        saved = services.reports.register(report(), resident=resident())
        with pytest.raises(ValidationFailed) as caught:
            services.visits.plan(saved.id, _visit("17-11-2026", "10:00"))
        assert [(e.field, e.code) for e in caught.value.errors] == [("visit_date", "in_past")]

    def test_visit_held_then_close(self, services: Services) -> None:
        saved = services.reports.register(report(), resident=resident())
        services.visits.plan(saved.id, _visit("18-11-2026", "11:00"))
        held = services.visits.mark_held(saved.id)
        assert held.status is ReportStatus.IN_CONVERSATION
        closed = services.reports.close(saved.id, ClosingReason.SOLVED_VOORVELD)
        assert (closed.status, closed.closing_reason, closed.closed_on) == (
            ReportStatus.CLOSED,
            ClosingReason.SOLVED_VOORVELD,
            date(2026, 11, 18),
        )

    def test_refused_events(self, services: Services) -> None:
        saved = services.reports.register(report(), resident=resident())
        with pytest.raises(ValidationError) as nothing_planned:
            services.visits.mark_held(saved.id)
        assert nothing_planned.value.code == "no_planned_visit"
        services.reports.close(saved.id, ClosingReason.MOVED)
        with pytest.raises(EventRefused) as closed:
            services.visits.plan(saved.id, _visit("20-11-2026", "10:00"))
        assert closed.value.params == {"kind": "visit_planned", "reason": "report_closed"}
        with pytest.raises(EventRefused):
            services.reports.close(saved.id, ClosingReason.MOVED)

    def test_deadline_moves_with_the_clock(self, services: Services, clock: FixedClock) -> None:
        saved = services.reports.register(report(), resident=resident())
        assert services.reports.get(saved.id).deadline.state is DeadlineState.ON_TIME
        clock.advance(days=4)
        assert services.reports.get(saved.id).deadline.state is DeadlineState.DUE_SOON
        clock.advance(days=3)
        assert services.reports.get(saved.id).deadline.state is DeadlineState.OVERDUE


def test_records_are_stamped_by_the_store_clock(services: Services, clock: FixedClock) -> None:
    saved = services.reports.register(report(), resident=resident())
    assert services.residents.get(saved.resident_id).updated_at == clock.utcnow()
    clock.advance(hours=2)
    services.residents.update(saved.resident_id, resident(phone="043 306 1234"))
    assert services.residents.get(saved.resident_id).updated_at == clock.utcnow()


def _visit(day: str, at: str, reason: str = ""):  # type: ignore[no-untyped-def]
    from wijkteam.services.inputs import VisitInput

    return VisitInput(date=day, time=at, reason=reason)
