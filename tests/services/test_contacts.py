from __future__ import annotations

from datetime import date, time

import pytest

from tests.factories import report, resident
from wijkteam.domain.contacts import ContactKind, MessageMedium, Orientation, Theme
from wijkteam.domain.enums import VisitState
from wijkteam.domain.status import ReportStatus
from wijkteam.errors import NotFound, ValidationFailed
from wijkteam.services.contact_records import ContactInput
from wijkteam.services.inputs import VisitInput
from wijkteam.services.records import MemberRecord, ReportRecord
from wijkteam.wiring import Services


@pytest.fixture
def melding(services: Services) -> ReportRecord:
    return services.reports.register(report(), resident=resident())


def visit(day: str, at: str = "10:00", report_id: int | None = None, **extra) -> ContactInput:  # type: ignore[no-untyped-def]
    return ContactInput(ContactKind.HOME_VISIT, day, at, report_id=report_id, **extra)


def test_home_visit_with_themes_marks_the_planned_visit_held(
    services: Services, melding: ReportRecord, member: MemberRecord
) -> None:
    services.visits.plan(melding.id, VisitInput("18-11-2026", "10:00"))
    saved = services.contacts.record(
        melding.resident_id,
        ContactInput(
            ContactKind.HOME_VISIT,
            "18-11-2026",
            "10:05",
            duration="1:15",
            member_id=member.id,
            report_id=melding.id,
            themes={
                Theme.WHO: "  Zoë woont sinds 1982 in Vaals; weduwe.  ",
                Theme.INTERESTS: "Breien, de Efteling, café-avonden",
                Theme.NETWORK: "",
            },
            notes="Kat heet Müsli.",
        ),
    )
    assert (saved.occurred_on, saved.occurred_time, saved.duration_minutes) == (
        date(2026, 11, 18),
        time(10, 5),
        75,
    )
    assert saved.themes == {
        Theme.WHO: "Zoë woont sinds 1982 in Vaals; weduwe.",
        Theme.INTERESTS: "Breien, de Efteling, café-avonden",
    }
    assert (saved.notes, saved.member_name, saved.orientation) == (
        "Kat heet Müsli.",
        "Tessa Testlid",
        Orientation(1),
    )
    after = services.reports.get(melding.id)
    assert after.status is ReportStatus.IN_CONVERSATION
    assert [v.state for v in after.visits] == [VisitState.HELD]
    assert services.contacts.get(saved.id) == saved


def test_other_contacts_leave_the_melding_alone(services: Services, melding: ReportRecord) -> None:
    services.visits.plan(melding.id, VisitInput("20-11-2026", "10:00"))
    services.contacts.record(
        melding.resident_id,
        ContactInput(ContactKind.PHONE, "17-11-2026", "16:00", report_id=melding.id),
    )
    assert services.reports.get(melding.id).status is ReportStatus.VISIT_PLANNED


def test_a_home_visit_without_a_plan_is_a_held_visit(
    services: Services, melding: ReportRecord
) -> None:
    saved = services.contacts.record(melding.resident_id, visit("17-11-2026", report_id=melding.id))
    assert services.reports.get(melding.id).status is ReportStatus.IN_CONVERSATION
    assert saved.report_id == melding.id
    assert not [r for r in services.worklist.awaiting_visit_plan() if r.report_id == melding.id]


def test_only_a_visit_planned_on_or_before_the_contact_day_becomes_held(
    services: Services, melding: ReportRecord
) -> None:
    services.visits.plan(melding.id, VisitInput("19-11-2026", "10:00"))  # tomorrow
    services.contacts.record(melding.resident_id, visit("18-11-2026", report_id=melding.id))
    after = services.reports.get(melding.id)
    assert after.status is ReportStatus.IN_CONVERSATION
    assert [v.state for v in after.visits] == [VisitState.PLANNED]  # tomorrow's still stands


def test_a_conversation_on_a_closed_melding_is_refused_in_words(
    services: Services, melding: ReportRecord
) -> None:
    from wijkteam.domain.enums import ClosingReason
    from wijkteam.errors import EventRefused

    services.reports.close(melding.id, ClosingReason.OTHER)
    with pytest.raises(EventRefused) as refused:
        services.contacts.record(melding.resident_id, visit("17-11-2026", report_id=melding.id))
    assert refused.value.params == {"kind": "visit_held", "reason": "report_closed"}
    assert services.contacts.for_resident(melding.resident_id) == []  # nothing half-saved


def test_only_date_and_kind_are_required(services: Services, melding: ReportRecord) -> None:
    saved = services.contacts.record(
        melding.resident_id, ContactInput(ContactKind.OFFICE, "18-11-2026")
    )
    assert (saved.occurred_time, saved.duration_minutes, saved.themes, saved.notes) == (
        None,
        None,
        {},
        None,
    )
    assert saved.orientation is None  # only home visits are orientation conversations


def test_a_message_keeps_its_medium(services: Services, melding: ReportRecord) -> None:
    with pytest.raises(ValidationFailed) as caught:
        services.contacts.record(
            melding.resident_id, ContactInput(ContactKind.MESSAGE, "18-11-2026")
        )
    assert {(e.field, e.code) for e in caught.value.errors} == {("medium", "choose_medium")}
    saved = services.contacts.record(
        melding.resident_id,
        ContactInput(ContactKind.MESSAGE, "18-11-2026", medium=MessageMedium.WHATSAPP),
    )
    assert saved.medium is MessageMedium.WHATSAPP
    phone = services.contacts.record(
        melding.resident_id,
        ContactInput(ContactKind.PHONE, "18-11-2026", medium=MessageMedium.SMS),
    )
    assert phone.medium is None


def test_every_problem_at_once_and_nothing_written(
    services: Services, melding: ReportRecord
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        services.contacts.record(
            melding.resident_id,
            ContactInput(ContactKind.HOME_VISIT, "19-11-2026", "25:00", duration="lang"),
        )
    assert {(e.field, e.code) for e in caught.value.errors} == {
        ("contact_date", "in_future"),
        ("contact_time", "time_format"),
        ("duration", "duration_format"),
    }
    with pytest.raises(ValidationFailed) as caught:
        services.contacts.record(
            melding.resident_id, ContactInput(ContactKind.HOME_VISIT, " ", duration="0")
        )
    assert {(e.field, e.code) for e in caught.value.errors} == {
        ("contact_date", "required"),
        ("duration", "duration_range"),
    }
    assert services.contacts.for_resident(melding.resident_id) == []


@pytest.mark.parametrize(
    ("typed", "minutes"), [("45", 45), ("45 min", 45), ("1:30", 90), ("1u30", 90), ("", None)]
)
def test_durations_as_typed(services: Services, melding: ReportRecord, typed, minutes) -> None:  # type: ignore[no-untyped-def]
    saved = services.contacts.record(
        melding.resident_id, ContactInput(ContactKind.PHONE, "18-11-2026", duration=typed)
    )
    assert saved.duration_minutes == minutes


def test_links_must_belong_to_the_resident(services: Services, melding: ReportRecord) -> None:
    other = services.reports.register(report(), resident=resident(surname="Anders"))
    with pytest.raises(NotFound):
        services.contacts.record(melding.resident_id, visit("18-11-2026", report_id=other.id))
    with pytest.raises(NotFound):
        services.contacts.record(melding.resident_id, visit("18-11-2026", member_id=999))


def test_orientation_numbering_per_melding(services: Services, melding: ReportRecord) -> None:
    rid = melding.resident_id
    third = services.contacts.record(rid, visit("16-11-2026", report_id=melding.id))
    first = services.contacts.record(rid, visit("02-11-2026", report_id=melding.id))
    services.contacts.record(
        rid, ContactInput(ContactKind.PHONE, "05-11-2026", report_id=melding.id)
    )
    second = services.contacts.record(rid, visit("09-11-2026", "", report_id=melding.id))
    unlinked = services.contacts.record(rid, visit("10-11-2026"))
    assert [services.contacts.get(c.id).orientation for c in (first, second, third)] == [
        Orientation(1),
        Orientation(2),
        Orientation(3),
    ]
    assert unlinked.orientation == Orientation(1)
    # A conversation being written on the 12th would be the third; one today the fourth.
    assert services.contacts.orientation_for(rid, melding.id, date(2026, 11, 12)) == Orientation(3)
    fourth = services.contacts.orientation_for(rid, melding.id, date(2026, 11, 18))
    assert fourth == Orientation(4) and fourth.beyond_usual
    assert services.contacts.orientation_for(
        rid, melding.id, date(2026, 11, 16), time(10), contact_id=third.id
    ) == Orientation(3)
    saved_fourth = services.contacts.record(rid, visit("18-11-2026", report_id=melding.id))
    assert saved_fourth.orientation == Orientation(4)
    assert saved_fourth.orientation.beyond_usual

    rows = services.contacts.for_resident(rid)
    assert [(r.occurred_on.day, r.kind, r.orientation) for r in rows] == [
        (18, ContactKind.HOME_VISIT, Orientation(4)),
        (16, ContactKind.HOME_VISIT, Orientation(3)),
        (10, ContactKind.HOME_VISIT, Orientation(1)),
        (9, ContactKind.HOME_VISIT, Orientation(2)),
        (5, ContactKind.PHONE, None),
        (2, ContactKind.HOME_VISIT, Orientation(1)),
    ]


def test_update_replaces_the_texts(services: Services, melding: ReportRecord, clock) -> None:  # type: ignore[no-untyped-def]
    saved = services.contacts.record(
        melding.resident_id,
        visit("18-11-2026", themes={Theme.WHO: "eerste versie", Theme.NEEDS: "weg"}),
    )
    clock.advance(minutes=5)
    updated = services.contacts.update(
        saved.id,
        visit("18-11-2026", themes={Theme.WHO: "tweede versie", Theme.NEEDS: " "}, notes="n"),
    )
    assert (updated.themes, updated.notes) == ({Theme.WHO: "tweede versie"}, "n")
    assert updated.updated_at > saved.updated_at
    row = services.contacts.for_resident(melding.resident_id)[0]
    assert (row.themes_written, row.has_notes, row.draft_id) == (1, True, None)
    with pytest.raises(NotFound):
        services.contacts.update(9999, visit("18-11-2026"))
