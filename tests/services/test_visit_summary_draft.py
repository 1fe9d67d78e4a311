"""What the dossier offers for the resident's summary: the conversation's themes, the open
steps and the next follow-up, from the store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.documents.pdftext import all_text
from tests.factories import report, resident
from wijkteam.documents.visit_summary import build_visit_summary
from wijkteam.domain.contacts import ContactKind, Theme
from wijkteam.domain.documents import OTHER_THEME, Actor, ThemeText, choose_themes
from wijkteam.domain.enums import Channel, Language
from wijkteam.domain.steps import StepActor, StepStatus
from wijkteam.errors import ValidationError
from wijkteam.security.context import AuditAction
from wijkteam.services.audit_records import AuditQuery
from wijkteam.services.contact_records import ContactInput
from wijkteam.services.records import MemberRecord, ReportRecord
from wijkteam.services.steps.records import StepInput
from wijkteam.wiring import Services


@pytest.fixture
def melding(services: Services, member: MemberRecord) -> ReportRecord:
    return services.reports.register(
        report(), resident=resident(first_names="Jürgen", language=Language.GERMAN)
    )


def conversation(
    services: Services, melding: ReportRecord, day: str, member_id: int | None, **themes: str
) -> int:
    saved = services.contacts.record(
        melding.resident_id,
        ContactInput(
            ContactKind.HOME_VISIT,
            day,
            "10:00",
            member_id=member_id,
            report_id=melding.id,
            themes={Theme(k): v for k, v in themes.items() if k != "notes"},
            notes=themes.get("notes", ""),
        ),
    )
    return saved.id


def test_the_draft_holds_the_latest_conversations_themes_in_the_editors_order(
    services: Services, melding: ReportRecord, member: MemberRecord
) -> None:
    first = conversation(services, melding, "10-11-2026", member.id, interests="Duiven")
    latest = conversation(
        services,
        melding,
        "17-11-2026",
        member.id,
        network="Buurvrouw Ria",
        who="Oud-mijnwerker",
        needs="   ",
        notes="Koffie gedronken",
    )
    draft = services.documents.visit_summary_draft(melding.id)
    assert draft.contact_id == latest
    assert draft.summary.visit_date == date(2026, 11, 17)
    assert draft.summary.language is Language.GERMAN
    assert draft.summary.themes == (
        ThemeText("who", "Oud-mijnwerker"),
        ThemeText("network", "Buurvrouw Ria"),
        ThemeText(OTHER_THEME, "Koffie gedronken"),
    )
    assert [(c.contact_id, c.number) for c in draft.conversations] == [(first, 1), (latest, 2)]

    chosen = services.documents.visit_summary_draft(melding.id, first)
    assert chosen.summary.themes == (ThemeText("interests", "Duiven"),)
    assert chosen.summary.visit_date == date(2026, 11, 10)


def test_open_steps_and_the_next_follow_up_are_offered(
    services: Services, melding: ReportRecord, member: MemberRecord
) -> None:
    conversation(services, melding, "17-11-2026", member.id)
    later = services.steps.create(
        melding.id,
        StepInput("Aanmelden bij het koor", StepActor.RESIDENT, due="02-12-2026"),
    )
    services.steps.create(
        melding.id,
        StepInput(
            "Boodschappen meenemen", StepActor.NETWORK, actor_name="Buurman", due="24-11-2026"
        ),
    )
    services.steps.create(melding.id, StepInput("Vervoer uitzoeken", StepActor.MEMBER))
    services.steps.set_status(later.id, StepStatus.NOT_GOING_AHEAD)
    services.steps.create(
        melding.id, StepInput("Koor bellen", StepActor.RESIDENT, due="26-11-2026")
    )

    summary = services.documents.visit_summary_draft(melding.id).summary
    assert [(s.what, s.who, s.who_name, s.when) for s in summary.next_steps] == [
        ("Boodschappen meenemen", Actor.NETWORK, "Buurman", date(2026, 11, 24)),
        ("Koor bellen", Actor.RESIDENT, None, date(2026, 11, 26)),
        ("Vervoer uitzoeken", Actor.MEMBER, None, None),
    ]
    # The earliest follow-up: the undated step's, seven days after today (18-11), by phone.
    assert (summary.next_contact.on, summary.next_contact.channel) == (
        date(2026, 11, 25),
        Channel.PHONE,
    )


def test_a_conversation_of_another_melding_is_refused(
    services: Services, melding: ReportRecord, member: MemberRecord
) -> None:
    other = services.reports.register(report(), resident=resident(surname="Anders"))
    theirs = services.contacts.record(
        other.resident_id,
        ContactInput(ContactKind.HOME_VISIT, "17-11-2026", report_id=other.id),
    )
    with pytest.raises(ValidationError) as refused:
        services.documents.visit_summary_draft(melding.id, theirs.id)
    assert refused.value.code == "not_a_visit_of_report"


def test_a_conversation_without_a_chosen_member_is_signed_by_the_member_signed_in(
    services: Services, melding: ReportRecord, member: MemberRecord
) -> None:
    conversation(services, melding, "17-11-2026", None, who="Oud-mijnwerker")
    signed_in = services.accounts.current()
    assert signed_in is not None and signed_in.id != member.id
    services.reports.hand_over(melding.id, member.id)  # who had the conversation stays
    assert services.documents.visit_summary_draft(melding.id).summary.member.name == signed_in.name


def test_only_ticked_themes_from_the_store_reach_the_pdf(
    services: Services, melding: ReportRecord, member: MemberRecord
) -> None:
    conversation(
        services, melding, "17-11-2026", member.id, who="Postduivenmelker", needs="Trapleuning"
    )
    draft = services.documents.visit_summary_draft(melding.id)
    themes = choose_themes(draft.summary.themes, {"needs"})
    text = all_text(build_visit_summary(replace(draft.summary, themes=themes)))
    assert "Trapleuning" in text and "Postduivenmelker" not in text
    assert "Was Sie brauchen" in text  # the German heading of the needs theme


def test_recording_and_copying_a_document_is_audited(
    services: Services, melding: ReportRecord, member: MemberRecord
) -> None:
    conversation(services, melding, "17-11-2026", member.id, who="Oud-mijnwerker")
    pdf = build_visit_summary(services.documents.visit_summary_draft(melding.id).summary)
    record = services.documents.record(
        melding.resident_id, "visit_summary", "de", pdf, report_id=melding.id
    )
    assert services.documents.content(record.id) == pdf  # reading is a view, not sharing
    services.documents.copied(record.id, AuditAction.EXPORT)  # saved again as a file
    events = [
        (e.action, e.object_id, e.resident_id)
        for e in services.audit.events(AuditQuery(resident_id=melding.resident_id))
        if e.object_type == "document"
    ]
    assert sorted(events) == sorted(
        [
            (AuditAction.PRINT.value, record.id, melding.resident_id),
            (AuditAction.VIEW.value, record.id, melding.resident_id),
            (AuditAction.EXPORT.value, record.id, melding.resident_id),
        ]
    )


def test_the_summary_carries_the_teams_own_name(
    services: Services, melding: ReportRecord, member: MemberRecord
) -> None:
    conversation(services, melding, "17-11-2026", member.id, who="Oud-mijnwerker")
    assert services.documents.visit_summary_draft(melding.id).summary.team.name == "WijVaals"
    services.settings.set_team("Wijkteam Zuid", "Vaals")
    assert services.documents.visit_summary_draft(melding.id).summary.team.name == "Wijkteam Zuid"


def test_an_overdue_follow_up_is_not_announced_as_the_next_contact(
    services: Services, melding: ReportRecord, member: MemberRecord, clock
) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime

    conversation(services, melding, "17-11-2026", member.id)
    services.steps.create(melding.id, StepInput("Koor bellen", StepActor.RESIDENT))
    assert services.documents.visit_summary_draft(melding.id).summary.next_contact.on == date(
        2026, 11, 25
    )
    clock.set(datetime(2026, 11, 26, 9, 0))  # the call is now a day overdue
    assert services.documents.visit_summary_draft(melding.id).summary.next_contact.is_empty


def test_a_first_step_taken_during_the_visit_can_go_on_the_summary(
    services: Services, melding: ReportRecord, member: MemberRecord, clock
) -> None:  # type: ignore[no-untyped-def]
    """Today (18-11) the member visits and calls the choir with the resident right away."""
    visit = conversation(services, melding, "18-11-2026", member.id, who="Zingt graag")
    services.steps.first_step_taken(
        melding.id, StepInput("Samen het koor gebeld", StepActor.MEMBER, contact_id=visit)
    )
    services.steps.create(
        melding.id, StepInput("Naar de repetitie", StepActor.RESIDENT, due="25-11-2026")
    )
    earlier = services.steps.create(melding.id, StepInput("Oude stap", StepActor.RESIDENT))
    services.steps.set_status(earlier.id, StepStatus.DONE)  # done, but not at this visit
    clock.advance(days=2)  # the summary is made two days later

    draft = services.documents.visit_summary_draft(melding.id)
    assert [(s.what, s.done_on) for s in draft.summary.next_steps] == [
        ("Samen het koor gebeld", date(2026, 11, 18)),
        ("Naar de repetitie", None),
    ]
    pdf = build_visit_summary(draft.summary)
    text = " ".join(all_text(pdf).split())
    assert "Samen het koor gebeld" in text and "erledigt am Mittwoch, 18. November 2026" in text
    assert "keine" not in text.lower()
