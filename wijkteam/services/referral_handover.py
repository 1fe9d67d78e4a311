"""The handover (overdracht) for the consultant, prefilled only from what the member ticks.

The sources are the theme notes of the melding's contact moments and the melding's steps.
The prefill is Dutch, like the overdrachtsverslag it goes into; the member edits it after.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.domain.contacts import THEMES, Theme
from wijkteam.domain.steps import StepActor, StepStatus
from wijkteam.services.referral_records import (
    HandoverChoice,
    HandoverSources,
    StepSource,
    ThemeSource,
)
from wijkteam.store.models import Contact, ContactTheme, Step

# Headings as the consultant reads them (the resident is "de inwoner" here).
THEME_HEADINGS = {
    Theme.WHO: "Wie de inwoner is",
    Theme.INTERESTS: "Interesses",
    Theme.MOTIVATION: "Wat de inwoner motiveert",
    Theme.SITUATION: "Wat er speelt",
    Theme.NEEDS: "Achterliggende vragen en behoeften",
    Theme.STRENGTHS: "Eigen kwaliteiten en krachten",
    Theme.NETWORK: "Netwerk",
}
ACTOR_WORDS = {
    StepActor.RESIDENT.value: "de inwoner zelf",
    StepActor.MEMBER.value: "het wijkteam",
    StepActor.NETWORK.value: "iemand uit het netwerk",
    StepActor.ORGANISATION.value: "een organisatie",
}
STEPS_HEADING = "Afspraken met de inwoner"


def handover_sources(session: Session, report_id: int) -> HandoverSources:
    """The theme notes of the melding's contact moments (oldest first, themes in the
    conversation's order) and its steps."""
    rows = session.execute(
        select(Contact.id, Contact.occurred_on, ContactTheme.theme, ContactTheme.text)
        .join(ContactTheme, ContactTheme.contact_id == Contact.id)
        .where(Contact.report_id == report_id)
        .order_by(Contact.occurred_on, Contact.occurred_time, Contact.id)
    ).all()
    order = {theme: n for n, theme in enumerate(THEMES)}
    themes = sorted(
        (ThemeSource(cid, on, Theme(theme), text) for cid, on, theme, text in rows),
        key=lambda t: (t.occurred_on, t.contact_id, order[t.theme]),
    )
    steps = session.scalars(
        select(Step).where(Step.report_id == report_id).order_by(Step.created_at, Step.id)
    ).all()
    return HandoverSources(
        themes=tuple(themes),
        steps=tuple(
            StepSource(
                step_id=s.id,
                what=s.what,
                who=s.actor.value,
                who_name=s.actor_name,
                due_on=s.due_on,
                done=s.status is StepStatus.DONE,
            )
            for s in steps
        ),
    )


def prefill_text(sources: HandoverSources, choice: HandoverChoice) -> str:
    """The handover text built from the ticked parts only: nothing else goes in."""
    blocks: list[str] = []
    for theme in sources.themes:
        if (theme.contact_id, theme.theme) in choice.themes:
            heading = f"{THEME_HEADINGS[theme.theme]} (gesprek van {_date(theme.occurred_on)})"
            blocks.append(f"{heading}:\n{theme.text.strip()}")
    steps = [s for s in sources.steps if s.step_id in choice.steps]
    if steps:
        blocks.append(STEPS_HEADING + ":\n" + "\n".join(_step_line(s) for s in steps))
    return "\n\n".join(blocks)


def _step_line(step: StepSource) -> str:
    who = step.who_name or ACTOR_WORDS.get(step.who, step.who)
    parts = [f"door {who}"]
    if step.done:
        parts.append("gedaan")
    elif step.due_on is not None:
        parts.append(f"uiterlijk {_date(step.due_on)}")
    return f"- {step.what.strip()} ({', '.join(parts)})"


def _date(day: date) -> str:
    return f"{day:%d-%m-%Y}"
