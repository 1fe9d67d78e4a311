"""What a printed document says, as plain frozen data. No reportlab, no store, no Qt.

The dossier fills these in (services/document_drafts.py); the builders turn them into PDF.
Texts the member or resident wrote are kept as typed; the builders escape them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum

from wijkteam.domain.contacts import THEMES
from wijkteam.domain.enums import Channel, Language
from wijkteam.domain.referral import Consent, Law, ReferralKind, Specialist, Urgency
from wijkteam.domain.steps import StepActor


class DocumentKind(StrEnum):
    VISIT_SUMMARY = "visit_summary"  # bezoekverslag for the resident
    HANDOVER = "handover"  # overdrachtsverslag for the consultant


# The themes a summary can print: the open themes of the vrij gesprek (domain/contacts.py), in the
# editor's order, then "other" for the conversation's free notes.
OTHER_THEME = "other"
THEME_KEYS: tuple[str, ...] = (*(theme.value for theme in THEMES), OTHER_THEME)

# Who takes a next step: the same codes as a step's actor.
Actor = StepActor


@dataclass(frozen=True, slots=True)
class TeamInfo:
    name: str
    phone: str | None = None
    email: str | None = None
    address: str | None = None


@dataclass(frozen=True, slots=True)
class MemberContact:
    """The team member and how the resident reaches them."""

    name: str
    phone: str | None = None
    email: str | None = None
    member_id: int | None = None  # whose contact details these are (to fill them in)


@dataclass(frozen=True, slots=True)
class ThemeText:
    key: str  # one of THEME_KEYS
    text: str


@dataclass(frozen=True, slots=True)
class NextStep:
    """A step agreed with the resident; `done_on` is set for one already taken (often a
    first step taken during the visit itself)."""

    what: str
    who: Actor
    who_name: str | None = None  # e.g. the organisation, or the neighbour's first name
    when: date | None = None
    done_on: date | None = None


@dataclass(frozen=True, slots=True)
class NextContact:
    on: date | None = None
    at: time | None = None
    channel: Channel | None = None
    note: str = ""

    @property
    def is_empty(self) -> bool:
        return self.on is None and self.channel is None and not self.note.strip()


@dataclass(frozen=True, slots=True)
class VisitSummary:
    """The bezoekverslag as printed: only the themes the member ticked are in `themes`."""

    team: TeamInfo
    member: MemberContact
    visit_date: date
    language: Language
    themes: tuple[ThemeText, ...] = ()
    decision: str = ""
    next_steps: tuple[NextStep, ...] = ()
    next_contact: NextContact = field(default_factory=NextContact)
    resident_name: str | None = None
    made_on: date | None = None  # the PDF's creation date; the visit date when not given


@dataclass(frozen=True, slots=True)
class HandoverResident:
    """What the consultant needs to find and reach the resident; nothing more."""

    name: str
    birth_date: date | None = None
    address: str | None = None
    bsn: str | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class HandoverReport:
    """The overdrachtsverslag for the Wmo/Jeugdwet consultant or a specialist (Dutch only)."""

    team: TeamInfo
    member: MemberContact
    made_on: date
    resident: HandoverResident
    question: str
    consent: Consent
    handover_text: str
    law: Law = Law.WMO
    law_other: str | None = None  # named law when `law` is OTHER, e.g. "Participatiewet"
    urgency: Urgency = Urgency.NORMAL
    urgency_reason: str | None = None
    kind: ReferralKind = ReferralKind.CONSULTATION
    specialist: Specialist | None = None
    specialist_other: str | None = None


@dataclass(frozen=True, slots=True)
class ConversationChoice:
    """A home-visit conversation of the melding the summary can be about."""

    contact_id: int
    on: date
    number: int  # 1 for the first orientation conversation of the melding


@dataclass(frozen=True, slots=True)
class VisitSummaryDraft:
    """What the dossier offers for a summary. `summary.themes` holds every theme note of the
    conversation and `summary.next_steps` the steps agreed or taken during it and every
    open step of the melding (the member ticks which go on paper); `summary.next_contact`
    is the next planned follow-up; `summary.language` is the resident's own.
    `conversations`: the melding's home visits, oldest first."""

    resident_id: int
    report_id: int
    contact_id: int | None  # None: a held visit without written notes
    summary: VisitSummary
    conversations: tuple[ConversationChoice, ...] = ()


def choose_themes(
    available: Iterable[ThemeText],
    ticked: Collection[str],
    edited: Mapping[str, str] | None = None,
) -> tuple[ThemeText, ...]:
    """The themes for the resident's copy: only those the member ticked, in the order of
    the notes, each with the member's rewording for the resident when there is one."""
    edited = edited or {}
    return tuple(
        ThemeText(theme.key, edited.get(theme.key, theme.text))
        for theme in available
        if theme.key in ticked
    )
