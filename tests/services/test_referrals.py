"""Referrals: consent before anything leaves, the status rules, the clocks, the handover
built only from what the member ticked, and the time from melding to escalation."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.factories import report, resident
from wijkteam.clock import FixedClock
from wijkteam.documents.handover import build_handover_report
from wijkteam.domain.contacts import ContactKind, Theme
from wijkteam.domain.deadlines import DeadlineState
from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.referral import (
    ConsentForm,
    Law,
    ReferralKind,
    ReferralOutcome,
    ReferralStatus,
    Specialist,
    SupportWish,
    Urgency,
)
from wijkteam.domain.status import ReportStatus
from wijkteam.errors import ReferralTransitionRefused, ValidationError, ValidationFailed
from wijkteam.security.context import AuditAction, AuditResult
from wijkteam.services.audit_records import AuditQuery
from wijkteam.services.contact_records import ContactInput
from wijkteam.services.inputs import VisitInput
from wijkteam.services.records import MemberRecord, ReportRecord
from wijkteam.services.referral_records import ConsentInput, HandoverChoice, ReferralInput
from wijkteam.services.steps.records import StepInput
from wijkteam.wiring import Services

WMO = ReferralInput(ReferralKind.CONSULTATION, "Hulp bij het huishouden?", law=Law.WMO)
CONSENT = ConsentInput("Zoë Verzonnen (inwoner)", "18-11-2026", ConsentForm.SPOKEN, "Wmo-consulent")


@pytest.fixture
def melding(services: Services, member: MemberRecord) -> ReportRecord:
    """Received 10-11-2026, visited: in conversation."""
    saved = services.reports.register(report(assigned_member_id=member.id), resident=resident())
    services.visits.plan(saved.id, VisitInput("18-11-2026", "08:00"))
    return services.visits.mark_held(saved.id)


def sent(services: Services, melding: ReportRecord, data: ReferralInput = WMO):  # type: ignore[no-untyped-def]
    referral = services.referrals.create(melding.id, data)
    services.referrals.give_consent(referral.id, CONSENT)
    services.referrals.set_support(referral.id, SupportWish.WANTS)
    return services.referrals.send(referral.id)


def fields(error: ValidationFailed) -> set[str]:
    return error.fields()


def test_a_consultation_names_its_law_and_urgent_needs_a_reason(
    services: Services, melding: ReportRecord
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        services.referrals.create(
            melding.id,
            ReferralInput(ReferralKind.CONSULTATION, "  ", urgency=Urgency.URGENT),
        )
    assert fields(caught.value) == {"referral_question", "law", "urgency_reason"}
    with pytest.raises(ValidationFailed) as caught:
        services.referrals.create(
            melding.id, ReferralInput(ReferralKind.CONSULTATION, "Vraag", law=Law.OTHER)
        )
    assert fields(caught.value) == {"law_other"}
    made = services.referrals.create(
        melding.id,
        ReferralInput(
            ReferralKind.CONSULTATION,
            "Schulden",
            law=Law.OTHER,
            law_other="Participatiewet",
            urgency=Urgency.URGENT,
            urgency_reason="Afsluiting energie dreigt",
        ),
    )
    assert (made.status, made.law_other, made.urgency_reason) == (
        ReferralStatus.CONCEPT,
        "Participatiewet",
        "Afsluiting energie dreigt",
    )
    assert made.member_name == "Tessa Testlid"


def test_an_escalation_names_its_specialist_not_a_law(
    services: Services, melding: ReportRecord
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        services.referrals.create(
            melding.id, ReferralInput(ReferralKind.ESCALATION, "Zorgen", law=Law.WMO)
        )
    assert fields(caught.value) == {"specialist"}
    made = services.referrals.create(
        melding.id,
        ReferralInput(
            ReferralKind.ESCALATION, "Zorgen", law=Law.WMO, specialist=Specialist.VEILIG_THUIS
        ),
    )
    assert (made.kind, made.law, made.specialist) == (
        ReferralKind.ESCALATION,
        None,
        Specialist.VEILIG_THUIS,
    )


def test_nothing_is_sent_without_consent_in_force(
    services: Services, melding: ReportRecord, clock: FixedClock
) -> None:
    referral = services.referrals.create(melding.id, WMO)
    services.referrals.set_support(referral.id, SupportWish.DECLINES)
    with pytest.raises(ValidationError) as caught:
        services.referrals.send(referral.id)
    assert (caught.value.field, caught.value.code) == ("consent", "consent_missing")

    given = services.referrals.give_consent(referral.id, CONSENT)
    assert given.consent_in_force and given.consent is not None
    assert (given.consent.given_on, given.consent.form) == (date(2026, 11, 18), ConsentForm.SPOKEN)
    with pytest.raises(ValidationError, match="consent_in_force"):
        services.referrals.give_consent(referral.id, CONSENT)

    clock.advance(days=1)
    withdrawn = services.referrals.withdraw_consent(referral.id)
    assert not withdrawn.consent_in_force
    assert withdrawn.consents[0].withdrawn_on == date(2026, 11, 19)  # kept, with the date
    with pytest.raises(ValidationError) as caught:
        services.referrals.send(referral.id)
    assert caught.value.code == "consent_withdrawn"
    assert services.referrals.get(referral.id).status is ReferralStatus.CONCEPT

    again = services.referrals.give_consent(
        referral.id, ConsentInput("Zoë", "19-11-2026", ConsentForm.WRITTEN, "Wmo-consulent")
    )
    assert len(again.consents) == 2 and again.consent_in_force
    assert services.referrals.send(referral.id).status is ReferralStatus.SENT


def test_consent_input_is_checked_field_by_field(services: Services, melding: ReportRecord) -> None:
    referral = services.referrals.create(melding.id, WMO)
    with pytest.raises(ValidationFailed) as caught:
        services.referrals.give_consent(
            referral.id, ConsentInput("", "31-12-2026", ConsentForm.SPOKEN, "")
        )
    assert fields(caught.value) == {"consent_given_by", "consent_given_on", "consent_scope"}


def test_the_state_machine_and_the_melding_status(
    services: Services, melding: ReportRecord
) -> None:
    referral = services.referrals.create(melding.id, WMO)
    services.referrals.set_support(referral.id, SupportWish.THINKS_ABOUT_IT)
    with pytest.raises(ReferralTransitionRefused):
        services.referrals.plan(referral.id, "01-12-2026", "J. Consulent")
    with pytest.raises(ReferralTransitionRefused):
        services.referrals.complete(referral.id, ReferralOutcome.GENERAL_PROVISION)
    assert services.referrals.give_consent(referral.id, CONSENT).status is ReferralStatus.CONCEPT
    sent_referral = services.referrals.send(referral.id)
    assert sent_referral.status is ReferralStatus.SENT
    assert services.reports.get(melding.id).status is ReportStatus.REFERRED
    with pytest.raises(ReferralTransitionRefused):
        services.referrals.send(referral.id)
    with pytest.raises(ValidationError, match="referral_not_editable"):
        services.referrals.save_handover(referral.id, "later")

    with pytest.raises(ValidationFailed) as caught:
        services.referrals.plan(referral.id, "1 december", "")
    assert fields(caught.value) == {"planned_on", "consultant_name"}
    planned = services.referrals.plan(referral.id, "01-12-2026", "J. Consulent")
    assert (planned.status, planned.planned_on, planned.consultant_name) == (
        ReferralStatus.PLANNED,
        date(2026, 12, 1),
        "J. Consulent",
    )
    done = services.referrals.complete(
        referral.id, ReferralOutcome.CUSTOM_PROVISION, "Huishoudelijke hulp"
    )
    assert (done.status, done.outcome, done.completed_on) == (
        ReferralStatus.COMPLETED,
        ReferralOutcome.CUSTOM_PROVISION,
        date(2026, 11, 18),
    )
    with pytest.raises(ReferralTransitionRefused):
        services.referrals.mark_returned(referral.id, "te laat")
    # The melding stays open for nazorg; it closes with the reason "doorverwezen".
    assert services.reports.get(melding.id).is_open
    closed = services.reports.close(melding.id, ClosingReason.REFERRED)
    assert closed.closing_reason is ClosingReason.REFERRED


def test_a_returned_referral_gives_the_melding_back_and_can_be_improved(
    services: Services, melding: ReportRecord
) -> None:
    referral = sent(services, melding)
    with pytest.raises(ValidationError, match="required"):
        services.referrals.mark_returned(referral.id, " ")
    returned = services.referrals.mark_returned(referral.id, "Eerst voorliggend veld proberen")
    assert (returned.status, returned.returned_reason) == (
        ReferralStatus.RETURNED,
        "Eerst voorliggend veld proberen",
    )
    assert services.reports.get(melding.id).status is ReportStatus.IN_CONVERSATION
    again = services.referrals.reopen(referral.id)
    assert again.status is ReferralStatus.CONCEPT
    assert services.referrals.save_handover(referral.id, "Beter toegelicht").handover_text


def test_no_answer_after_ten_working_days_is_overdue(
    services: Services, melding: ReportRecord, clock: FixedClock
) -> None:
    clock.set(datetime(2026, 12, 17, 10, 0))  # Thursday before Christmas
    referral = sent(
        services,
        melding,
        ReferralInput(ReferralKind.ESCALATION, "Zorgen", specialist=Specialist.GGZ),
    )
    # Christmas (25, 26 Dec) and New Year's Day are no working days: due Monday 4 January.
    assert referral.response_due == date(2027, 1, 4)
    clock.set(datetime(2027, 1, 4, 17, 0))
    assert not services.referrals.get(referral.id).response_overdue
    assert services.referrals.alerts() == []
    clock.set(datetime(2027, 1, 5, 8, 0))
    assert services.referrals.get(referral.id).response_overdue
    (alert,) = services.referrals.alerts()
    assert (alert.referral_id, alert.response_overdue, alert.wmo_deadline) == (
        referral.id,
        True,
        None,
    )
    # An answer (a planned keukentafelgesprek) stops the clock.
    services.referrals.plan(referral.id, "08-01-2027", "GGZ-team")
    assert services.referrals.alerts() == []


def test_the_wmo_deadline_is_six_weeks_after_the_melding(
    services: Services, melding: ReportRecord, clock: FixedClock
) -> None:
    referral = services.referrals.create(melding.id, WMO)  # received 10-11-2026
    assert referral.wmo_deadline is not None
    assert referral.wmo_deadline.due == date(2026, 12, 22)
    assert referral.wmo_deadline.state is DeadlineState.ON_TIME
    assert services.referrals.alerts() == []
    clock.set(datetime(2026, 12, 15, 9, 0))  # seven days left
    (alert,) = services.referrals.alerts()
    assert alert.wmo_deadline is not None
    assert (alert.wmo_deadline.days_left, alert.wmo_deadline.state) == (7, DeadlineState.DUE_SOON)
    clock.set(datetime(2026, 12, 23, 9, 0))
    (alert,) = services.referrals.alerts()
    assert alert.wmo_deadline is not None and alert.wmo_deadline.state is DeadlineState.OVERDUE
    # A Jeugdwet referral has no Wmo clock.
    youth = services.referrals.create(
        melding.id, ReferralInput(ReferralKind.CONSULTATION, "Jeugd", law=Law.JEUGDWET)
    )
    assert youth.wmo_deadline is None
    assert [a.referral_id for a in services.referrals.alerts()] == [referral.id]


def test_the_time_from_melding_to_escalation_is_kept(
    services: Services, melding: ReportRecord, clock: FixedClock
) -> None:
    clock.set(datetime(2026, 11, 20, 14, 0))
    escalation = sent(
        services,
        melding,
        ReferralInput(ReferralKind.ESCALATION, "Signalen", specialist=Specialist.VEILIG_THUIS),
    )
    assert escalation.sent_at == datetime(2026, 11, 20, 14, 0)
    assert escalation.days_to_send == 10  # received 10-11-2026
    clock.advance(days=30)
    assert services.referrals.get(escalation.id).days_to_send == 10


def test_the_handover_holds_only_the_ticked_parts(
    services: Services, melding: ReportRecord
) -> None:
    contact = services.contacts.record(
        melding.resident_id,
        ContactInput(
            ContactKind.HOME_VISIT,
            "18-11-2026",
            "10:00",
            report_id=melding.id,
            themes={
                Theme.WHO: "Oud-naaister, woont sinds 1979 in Vaals.",
                Theme.NEEDS: "GEHEIM-NIET-DELEN: schaamt zich voor de rommel.",
                Theme.NETWORK: "Dochter in Aken.",
            },
        ),
    )
    shared = services.steps.create(melding.id, StepInput("Naar de breiclub in Lemiers"))
    private = services.steps.create(melding.id, StepInput("PRIVÉ-STAP: gesprek met de dominee"))
    sources = services.referrals.handover_sources(melding.id)
    assert {(t.contact_id, t.theme) for t in sources.themes} == {
        (contact.id, Theme.WHO),
        (contact.id, Theme.NEEDS),
        (contact.id, Theme.NETWORK),
    }
    assert {s.step_id for s in sources.steps} == {shared.id, private.id}

    assert services.referrals.prefill_handover(melding.id, HandoverChoice()) == ""
    text = services.referrals.prefill_handover(
        melding.id,
        HandoverChoice(
            themes=frozenset({(contact.id, Theme.WHO), (contact.id, Theme.NETWORK)}),
            steps=frozenset({shared.id}),
        ),
    )
    assert "Oud-naaister" in text and "Dochter in Aken." in text
    assert "Naar de breiclub in Lemiers" in text
    assert "GEHEIM-NIET-DELEN" not in text and "schaamt" not in text
    assert "PRIVÉ-STAP" not in text and "dominee" not in text
    assert text.index("Wie de inwoner is") < text.index("Netwerk")

    referral = services.referrals.create(melding.id, WMO)
    saved = services.referrals.save_handover(referral.id, text + "\n\nAangevuld door het teamlid.")
    assert saved.handover_text.endswith("Aangevuld door het teamlid.")


def test_support_and_the_handover_report(services: Services, melding: ReportRecord) -> None:
    referral = services.referrals.create(melding.id, WMO)
    assert referral.support_wish is SupportWish.NOT_TOLD
    told = services.referrals.set_support(referral.id, SupportWish.WANTS)
    assert told.support_wish is SupportWish.WANTS
    with pytest.raises(ValidationError, match="consent_missing"):
        services.referrals.handover_report(referral.id)
    services.referrals.give_consent(referral.id, CONSENT)
    services.referrals.save_handover(referral.id, "Overdracht voor de consulent.")
    content = services.referrals.handover_report(referral.id)
    assert (content.question, content.law, content.handover_text) == (
        "Hulp bij het huishouden?",
        Law.WMO,
        "Overdracht voor de consulent.",
    )
    assert content.resident.name and content.member.name == "Tessa Testlid"
    assert build_handover_report(content).startswith(b"%PDF-")


def test_a_closed_melding_takes_no_new_referral(services: Services, melding: ReportRecord) -> None:
    services.reports.close(melding.id, ClosingReason.SOLVED_VOORVELD)
    with pytest.raises(ValidationError, match="referral_report_closed"):
        services.referrals.create(melding.id, WMO)


def test_every_change_and_a_refused_sending_is_audited(
    services: Services, melding: ReportRecord
) -> None:
    referral = services.referrals.create(melding.id, WMO)
    with pytest.raises(ValidationError):
        services.referrals.send(referral.id)
    services.referrals.give_consent(referral.id, CONSENT)
    services.referrals.set_support(referral.id, SupportWish.WANTS)
    services.referrals.send(referral.id)
    services.referrals.handover_report(referral.id)
    events = [
        (e.action, e.result, e.resident_id)
        for e in services.audit.events(AuditQuery(resident_id=melding.resident_id))
        if e.object_type == "referral" and e.object_id == referral.id
    ]
    resident_id = melding.resident_id
    assert sorted(events) == sorted(
        [
            (AuditAction.CREATE, AuditResult.DONE, resident_id),
            (AuditAction.EXPORT, AuditResult.REFUSED, resident_id),
            (AuditAction.CHANGE, AuditResult.DONE, resident_id),  # consent
            (AuditAction.CHANGE, AuditResult.DONE, resident_id),  # client support told
            (AuditAction.EXPORT, AuditResult.DONE, resident_id),
            (AuditAction.PRINT, AuditResult.DONE, resident_id),
        ]
    )


def test_a_keukentafelgesprek_is_sent_only_after_client_support_was_told(
    services: Services, melding: ReportRecord
) -> None:
    referral = services.referrals.create(melding.id, WMO)
    services.referrals.give_consent(referral.id, CONSENT)
    with pytest.raises(ValidationError) as caught:
        services.referrals.send(referral.id)
    assert (caught.value.field, caught.value.code) == ("support_wish", "support_not_told")
    assert services.referrals.get(referral.id).status is ReferralStatus.CONCEPT
    services.referrals.set_support(referral.id, SupportWish.DECLINES)  # told: no thanks
    assert services.referrals.send(referral.id).status is ReferralStatus.SENT


def test_an_escalation_needs_no_client_support_answer(
    services: Services, melding: ReportRecord
) -> None:
    escalation = ReferralInput(ReferralKind.ESCALATION, "Zorgen", specialist=Specialist.GGZ)
    referral = services.referrals.create(melding.id, escalation)
    services.referrals.give_consent(referral.id, CONSENT)
    assert services.referrals.send(referral.id).status is ReferralStatus.SENT
