"""Steps, follow-ups (nazorg), the follow-up setting and the dossier timeline."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.factories import report, resident
from wijkteam.clock import FixedClock
from wijkteam.domain.contacts import ContactKind
from wijkteam.domain.deadlines import DeadlineState
from wijkteam.domain.status import ReportStatus
from wijkteam.domain.steps import FollowUpState, Landing, StepActor, StepStatus
from wijkteam.errors import EventRefused, OpenItemsRemain, ValidationError, ValidationFailed
from wijkteam.services.contact_records import ContactInput
from wijkteam.services.inputs import VisitInput
from wijkteam.services.records import MemberRecord, ReportRecord
from wijkteam.services.steps.records import FollowUpOutcome, StepInput, TimelineKind
from wijkteam.wiring import Services

TODAY = date(2026, 11, 18)  # a Wednesday (tests/conftest.py)


@pytest.fixture
def melding(services: Services, member: MemberRecord) -> ReportRecord:
    saved = services.reports.register(report(), resident=resident())
    services.visits.plan(saved.id, VisitInput("18-11-2026", "10:00"))
    services.contacts.record(
        saved.resident_id,
        ContactInput(ContactKind.HOME_VISIT, "18-11-2026", "10:00", report_id=saved.id),
    )
    return services.reports.get(saved.id)


def walking_club(**extra) -> StepInput:  # type: ignore[no-untyped-def]
    values = {
        "what": "Meelopen met de wandelgroep op dinsdag",
        "actor": StepActor.RESIDENT,
        "due": "24-11-2026",
        "resident_chose": True,
    }
    values.update(extra)
    return StepInput(**values)  # type: ignore[arg-type]


def test_step_gets_a_follow_up_seven_days_after_its_due_date(
    services: Services, melding: ReportRecord, member: MemberRecord
) -> None:
    step = services.steps.create(melding.id, walking_club(member_id=member.id))
    assert (step.status, step.resident_chose, step.first_step) == (StepStatus.OPEN, True, False)
    assert step.due_on == date(2026, 11, 24)
    assert step.next_follow_up == date(2026, 12, 1)
    assert services.reports.get(melding.id).status is ReportStatus.STEPS_RUNNING
    [follow_up] = services.follow_ups.for_report(melding.id)
    assert (follow_up.step_id, follow_up.attempt, follow_up.state) == (
        step.id,
        1,
        FollowUpState.OPEN,
    )


def test_follow_up_delay_is_a_team_setting(services: Services, melding: ReportRecord) -> None:
    assert services.follow_up_settings.follow_up_days() == 7
    services.follow_up_settings.set_follow_up_days(3)
    assert services.follow_up_settings.follow_up_days() == 3
    step = services.steps.create(melding.id, walking_club())
    assert step.next_follow_up == date(2026, 11, 27)
    without_date = services.steps.create(melding.id, walking_club(due=""))
    assert without_date.next_follow_up == TODAY + timedelta(days=3)
    with pytest.raises(ValidationError) as refused:
        services.follow_up_settings.set_follow_up_days(400)
    assert refused.value.code == "out_of_range"


def test_first_step_is_done_today_and_chosen_by_the_resident(
    services: Services, melding: ReportRecord
) -> None:
    step = services.steps.first_step_taken(
        melding.id, StepInput(what="Samen de buurtsoos gebeld", resident_chose=False)
    )
    assert (step.status, step.done_on, step.resident_chose, step.first_step) == (
        StepStatus.DONE,
        TODAY,
        True,
        True,
    )
    assert step.next_follow_up == TODAY + timedelta(days=7)
    # No step open, a follow-up to make: the melding is in nazorg.
    assert services.reports.get(melding.id).status is ReportStatus.FOLLOW_UP


def test_step_input_is_checked(services: Services, melding: ReportRecord) -> None:
    with pytest.raises(ValidationFailed) as refused:
        services.steps.create(melding.id, walking_club(what="  ", due="31-02-2026"))
    assert {(e.field, e.code) for e in refused.value.errors} == {
        ("step_what", "required"),
        ("step_due", "date_format"),
    }
    with pytest.raises(ValidationError) as unknown:
        services.steps.create(melding.id, walking_club(social_map_entry_id=12345))
    assert unknown.value.code == "unknown_map_entry"


def test_not_going_ahead_cancels_the_follow_up_and_reopening_proposes_one(
    services: Services, melding: ReportRecord
) -> None:
    step = services.steps.create(melding.id, walking_club())
    dropped = services.steps.set_status(step.id, StepStatus.NOT_GOING_AHEAD)
    assert dropped.next_follow_up is None
    assert [f.state for f in services.follow_ups.for_report(melding.id)] == [
        FollowUpState.CANCELLED
    ]
    assert services.reports.get(melding.id).status is ReportStatus.FOLLOW_UP
    again = services.steps.set_status(step.id, StepStatus.OPEN)
    assert again.next_follow_up == date(2026, 12, 1)
    assert services.reports.get(melding.id).status is ReportStatus.STEPS_RUNNING


def test_no_steps_on_a_closed_melding(services: Services, melding: ReportRecord) -> None:
    from wijkteam.domain.enums import ClosingReason

    services.reports.close(melding.id, ClosingReason.SOLVED_VOORVELD)
    with pytest.raises(EventRefused) as refused:
        services.steps.create(melding.id, walking_club())
    assert refused.value.params == {"kind": "step_agreed", "reason": "report_closed"}


def test_nabellen_lists_due_and_overdue_follow_ups_by_date(
    services: Services, melding: ReportRecord, clock: FixedClock
) -> None:
    later = services.steps.create(melding.id, walking_club(due="26-11-2026"))
    sooner = services.steps.create(melding.id, walking_club(what="Taalcafé", due="20-11-2026"))
    assert services.follow_ups.due() == []
    clock.set(clock.now() + timedelta(days=9))  # 27 November: sooner's call is due today
    assert [f.step_id for f in services.follow_ups.due()] == [sooner.id]
    clock.set(clock.now() + timedelta(days=7))  # 4 December
    due = services.follow_ups.due()
    assert [f.step_id for f in due] == [sooner.id, later.id]
    assert due[0].deadline.state is DeadlineState.OVERDUE
    assert due[0].deadline.days_left == -7
    assert due[1].deadline.days_left == -1


def test_moving_a_follow_up(services: Services, melding: ReportRecord) -> None:
    services.steps.create(melding.id, walking_club())
    [follow_up] = services.follow_ups.for_report(melding.id)
    moved = services.follow_ups.move(follow_up.id, "10-12-2026")
    assert moved.due_on == date(2026, 12, 10)
    with pytest.raises(ValidationError) as past:
        services.follow_ups.move(follow_up.id, "01-11-2026")
    assert (past.value.field, past.value.code) == ("follow_up_due", "in_past")


def test_not_reached_proposes_a_new_attempt_two_working_days_on(
    services: Services, melding: ReportRecord, clock: FixedClock
) -> None:
    services.steps.create(melding.id, walking_club(due="18-11-2026"))
    clock.set(clock.now() + timedelta(days=9))  # Friday 27 November
    [follow_up] = services.follow_ups.due()
    assert services.follow_ups.proposed_retry() == date(2026, 12, 1)  # Tuesday
    result = services.follow_ups.record(follow_up.id, FollowUpOutcome(reached=False))
    assert result.follow_up.state is FollowUpState.NOT_REACHED
    assert result.retry is not None
    assert (result.retry.due_on, result.retry.attempt) == (date(2026, 12, 1), 2)
    assert result.report_can_close is False
    assert services.follow_ups.due() == []
    with pytest.raises(ValidationFailed):
        services.follow_ups.record(follow_up.id, FollowUpOutcome(reached=False))


def test_reached_records_a_graded_landing_and_marks_the_step_done(
    services: Services, melding: ReportRecord, member: MemberRecord
) -> None:
    step = services.steps.create(melding.id, walking_club())
    [follow_up] = services.follow_ups.for_report(melding.id)
    result = services.follow_ups.record(
        follow_up.id,
        FollowUpOutcome(
            reached=True,
            how_it_went="Was er twee keer; vond het gezellig.",
            landing=Landing.COMES_REGULARLY,
            member_id=member.id,
        ),
    )
    assert result.follow_up.landing is Landing.COMES_REGULARLY
    assert result.follow_up.outcome == "Was er twee keer; vond het gezellig."
    after = services.steps.get(step.id)
    assert (after.status, after.landing, after.done_on) == (
        StepStatus.DONE,
        Landing.COMES_REGULARLY,
        TODAY,
    )
    assert result.report_can_close is True
    assert services.reports.get(melding.id).status is ReportStatus.FOLLOW_UP


def test_a_new_question_becomes_a_new_step_with_its_own_follow_up(
    services: Services, melding: ReportRecord
) -> None:
    services.steps.create(melding.id, walking_club())
    [follow_up] = services.follow_ups.for_report(melding.id)
    result = services.follow_ups.record(
        follow_up.id,
        FollowUpOutcome(
            reached=True, landing=Landing.STEPPED_BACK, new_question="Hulp bij de post"
        ),
    )
    assert result.new_step is not None
    assert (result.new_step.what, result.new_step.status) == ("Hulp bij de post", StepStatus.OPEN)
    assert result.new_step.next_follow_up == TODAY + timedelta(days=7)
    assert result.report_can_close is False
    assert services.reports.get(melding.id).status is ReportStatus.STEPS_RUNNING


def test_timeline_shows_open_items_first_then_newest_first(
    services: Services, melding: ReportRecord, clock: FixedClock
) -> None:
    first = services.steps.first_step_taken(melding.id, StepInput(what="Buurtsoos gebeld"))
    clock.set(clock.now() + timedelta(days=2))
    open_step = services.steps.create(melding.id, walking_club(due="30-11-2026"))
    items = services.timeline.for_resident(melding.resident_id)
    kinds = [(i.kind, i.is_open, i.on) for i in items]
    assert kinds == [
        (TimelineKind.FOLLOW_UP, True, date(2026, 11, 25)),  # after the first step
        (TimelineKind.STEP, True, date(2026, 11, 30)),
        (TimelineKind.FOLLOW_UP, True, date(2026, 12, 7)),
        (TimelineKind.STEP, False, TODAY),
        (TimelineKind.CONTACT, False, TODAY),
    ]
    assert items[1].ident == open_step.id
    assert items[3].ident == first.id and items[3].resident_chose


def test_step_links_a_map_entry_that_then_cannot_be_deleted(
    services: Services, melding: ReportRecord
) -> None:
    from wijkteam.errors import EntryReferenced
    from wijkteam.services.social_map.records import MapEntryInput

    entry = services.social_map.create(MapEntryInput(name="Wandelgroep Vijlen", place="Vijlen"))
    step = services.steps.create(melding.id, walking_club(social_map_entry_id=entry.id))
    assert (step.social_map_entry_id, step.social_map_entry_name) == (
        entry.id,
        "Wandelgroep Vijlen",
    )
    assert services.social_map.is_referenced(entry.id)
    with pytest.raises(EntryReferenced):
        services.social_map.delete(entry.id)


def test_timeline_puts_nothing_of_a_closed_melding_on_top(
    services: Services, melding: ReportRecord
) -> None:
    from wijkteam.domain.enums import ClosingReason

    step = services.steps.create(melding.id, walking_club())
    with pytest.raises(OpenItemsRemain) as refused:
        services.reports.close(melding.id, ClosingReason.RESIDENT_DECLINED)
    assert refused.value.params == {"steps": 1, "follow_ups": 1}
    assert services.reports.get(melding.id).status is not ReportStatus.CLOSED
    services.reports.close(melding.id, ClosingReason.RESIDENT_DECLINED, close_open_items=True)
    assert services.steps.get(step.id).status is StepStatus.NOT_GOING_AHEAD
    items = services.timeline.for_resident(melding.resident_id)
    assert not any(i.is_open for i in items)
    assert services.follow_ups.due(TODAY + timedelta(days=30)) == []


@pytest.mark.parametrize(
    ("landing", "step_status"),
    [(Landing.COMES_SOMETIMES, StepStatus.DONE), (Landing.NOT_STARTED, StepStatus.OPEN)],
)
def test_an_answer_that_asks_for_it_plans_the_next_call(
    services: Services, melding: ReportRecord, landing: Landing, step_status: StepStatus
) -> None:
    step = services.steps.create(melding.id, walking_club())
    [follow_up] = services.follow_ups.for_report(melding.id)
    proposed = services.follow_ups.proposed_next_call()
    assert proposed == date(2026, 12, 2)  # ten working days after Wednesday 18 November
    result = services.follow_ups.record(
        follow_up.id,
        FollowUpOutcome(reached=True, landing=landing, next_call_on=f"{proposed:%d-%m-%Y}"),
    )
    assert result.follow_up.state is FollowUpState.REACHED
    assert result.next_call is not None
    assert (result.next_call.due_on, result.next_call.state, result.next_call.step_id) == (
        proposed,
        FollowUpState.OPEN,
        step.id,
    )
    after = services.steps.get(step.id)
    assert (after.status, after.landing) == (step_status, landing)
    assert result.report_can_close is False
    open_calls = [f for f in services.follow_ups.for_report(melding.id) if f.is_open]
    assert [f.due_on for f in open_calls] == [proposed]
    assert services.follow_ups.due(proposed - timedelta(days=1)) == []
    assert [f.id for f in services.follow_ups.due(proposed)] == [result.next_call.id]


def test_the_next_call_skips_weekends_and_holidays(
    services: Services, melding: ReportRecord, clock: FixedClock
) -> None:
    clock.set(clock.now().replace(month=12, day=18))  # a Friday before Christmas
    # Christmas, Boxing Day and New Year's Day are no working days
    assert services.follow_ups.proposed_next_call() == date(2027, 1, 5)


def test_the_member_may_move_or_decline_the_next_call(
    services: Services, melding: ReportRecord
) -> None:
    services.steps.create(melding.id, walking_club())
    [first] = services.follow_ups.for_report(melding.id)
    moved = services.follow_ups.record(
        first.id,
        FollowUpOutcome(reached=True, landing=Landing.COMES_SOMETIMES, next_call_on="07-01-2027"),
    )
    assert moved.next_call is not None and moved.next_call.due_on == date(2027, 1, 7)
    declined = services.follow_ups.record(
        moved.next_call.id, FollowUpOutcome(reached=True, landing=Landing.COMES_SOMETIMES)
    )
    assert declined.next_call is None
    assert declined.report_can_close is True
    assert not any(f.is_open for f in services.follow_ups.for_report(melding.id))


def test_a_next_call_in_the_past_is_refused(services: Services, melding: ReportRecord) -> None:
    services.steps.create(melding.id, walking_club())
    [follow_up] = services.follow_ups.for_report(melding.id)
    with pytest.raises(ValidationFailed) as caught:
        services.follow_ups.record(
            follow_up.id,
            FollowUpOutcome(
                reached=True, landing=Landing.COMES_SOMETIMES, next_call_on="01-11-2026"
            ),
        )
    assert caught.value.fields() == {"next_call_on"}
    assert services.follow_ups.get(follow_up.id).is_open  # nothing recorded
