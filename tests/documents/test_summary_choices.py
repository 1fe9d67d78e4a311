"""The member's choices make the summary: nothing goes on paper that was not chosen."""

from __future__ import annotations

from datetime import date, time

import pytest

from tests.documents.samples import theme, visit_summary
from wijkteam.documents.summary_choices import SummaryChoices, compose_summary
from wijkteam.domain.documents import NextContact, VisitSummaryDraft
from wijkteam.domain.enums import Channel, Language
from wijkteam.errors import ValidationFailed

OFFERED = visit_summary(
    themes=(theme("who"), theme("needs"), theme("other")),
    decision="",
    next_contact=NextContact(date(2026, 12, 3), time(10, 0), Channel.PHONE),
)
DRAFT = VisitSummaryDraft(resident_id=1, report_id=2, contact_id=3, summary=OFFERED)


def test_only_ticked_themes_and_steps_in_the_chosen_language() -> None:
    summary = compose_summary(
        DRAFT,
        SummaryChoices(
            Language.ENGLISH,
            themes={"needs"},
            theme_texts={"needs": "Help with shopping.", "who": "not chosen"},
            decision="  You will try the choir.  ",
            steps=[2],
        ),
    )
    assert summary.language is Language.ENGLISH
    assert [(t.key, t.text) for t in summary.themes] == [("needs", "Help with shopping.")]
    assert summary.decision == "You will try the choir."
    assert summary.next_steps == (OFFERED.next_steps[2],)
    assert summary.next_contact.is_empty  # not asked for: not printed
    assert (summary.member, summary.visit_date) == (OFFERED.member, OFFERED.visit_date)


def test_the_next_contact_as_typed() -> None:
    summary = compose_summary(
        DRAFT,
        SummaryChoices(
            Language.GERMAN,
            with_next_contact=True,
            next_contact_on="8-12-2026",
            next_contact_at="9.30",
            next_contact_channel=Channel.VISIT,
            next_contact_note=" Wir sprechen über den Chor. ",
        ),
    )
    assert summary.next_contact == NextContact(
        date(2026, 12, 8), time(9, 30), Channel.VISIT, "Wir sprechen über den Chor."
    )


def test_a_wrong_date_and_time_are_both_reported_with_their_fields() -> None:
    with pytest.raises(ValidationFailed) as failed:
        compose_summary(
            DRAFT,
            SummaryChoices(
                Language.DUTCH,
                with_next_contact=True,
                next_contact_on="31-02-2026",
                next_contact_at="25:00",
            ),
        )
    assert {(e.field, e.code) for e in failed.value.errors} == {
        ("next_contact_on", "date_format"),
        ("next_contact_at", "time_format"),
    }


def test_a_time_without_a_date_is_refused_at_the_date() -> None:
    with pytest.raises(ValidationFailed) as failed:
        compose_summary(
            DRAFT,
            SummaryChoices(Language.DUTCH, with_next_contact=True, next_contact_at="10:00"),
        )
    assert [(e.field, e.code) for e in failed.value.errors] == [
        ("next_contact_on", "time_without_date")
    ]


def test_no_channel_chosen_prints_none() -> None:
    summary = compose_summary(
        DRAFT,
        SummaryChoices(Language.DUTCH, with_next_contact=True, next_contact_on="08-12-2026"),
    )
    assert summary.next_contact == NextContact(date(2026, 12, 8))
