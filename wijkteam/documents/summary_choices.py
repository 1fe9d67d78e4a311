"""The member's choices for a resident's summary, as typed, and the summary they make.

Nothing goes on paper that the member did not choose: themes only when ticked, steps only
when ticked, the next contact only when asked for."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace

from wijkteam.domain.documents import NextContact, VisitSummary, VisitSummaryDraft, choose_themes
from wijkteam.domain.enums import Channel, Language
from wijkteam.errors import ValidationError, ValidationFailed
from wijkteam.validation import parse_date, parse_time


@dataclass(frozen=True, slots=True)
class SummaryChoices:
    language: Language
    themes: Collection[str] = ()  # the ticked theme keys
    theme_texts: Mapping[str, str] = field(default_factory=dict)  # reworded for the resident
    decision: str = ""
    steps: Collection[int] = ()  # positions in the draft's next_steps
    with_next_contact: bool = False
    next_contact_on: str = ""  # as typed, dd-mm-jjjj
    next_contact_at: str = ""  # as typed, uu:mm, optional
    next_contact_channel: Channel | None = None
    next_contact_note: str = ""


def compose_summary(draft: VisitSummaryDraft, choices: SummaryChoices) -> VisitSummary:
    """The summary to print. Raises ValidationFailed (fields next_contact_on/_at) for a date
    or time that cannot be read, or a time without a date."""
    offered = draft.summary
    return replace(
        offered,
        language=Language(choices.language),
        themes=choose_themes(offered.themes, choices.themes, choices.theme_texts),
        decision=choices.decision.strip(),
        next_steps=tuple(s for n, s in enumerate(offered.next_steps) if n in choices.steps),
        next_contact=_next_contact(choices),
    )


def _next_contact(choices: SummaryChoices) -> NextContact:
    if not choices.with_next_contact:
        return NextContact()
    errors: list[ValidationError] = []
    on = at = None
    try:
        on = parse_date(choices.next_contact_on, "next_contact_on")
    except ValidationError as error:
        errors.append(error)
    if choices.next_contact_at.strip():
        try:
            at = parse_time(choices.next_contact_at, "next_contact_at")
        except ValidationError as error:
            errors.append(error)
        if on is None and not errors:
            errors.append(ValidationError("next_contact_on", "time_without_date"))
    if errors:
        raise ValidationFailed(errors)
    return NextContact(
        on=on,
        at=at,
        channel=choices.next_contact_channel,
        note=choices.next_contact_note.strip(),
    )
