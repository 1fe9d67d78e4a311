"""Synthetic document content for tests: invented people, 999-range BSN."""

from __future__ import annotations

from datetime import date, time

from tests.factories import BSN_A
from wijkteam.domain.documents import (
    Actor,
    HandoverReport,
    HandoverResident,
    MemberContact,
    NextContact,
    NextStep,
    TeamInfo,
    ThemeText,
    VisitSummary,
)
from wijkteam.domain.enums import Channel, Language
from wijkteam.domain.referral import Consent, ConsentForm, Law, Urgency

# One distinctive word per theme, so extracted text shows which themes were printed.
THEME_WORDS = {
    "who": "Postduivenmelker",
    "interests": "Vijlenerbos",
    "motivation": "Kleinkinderen",
    "situation": "Trapleuning",
    "needs": "Boodschappenhulp",
    "strengths": "Breiclub",
    "network": "Buurvrouw",
    "other": "Fietsenmaker",
}

TEAM = TeamInfo("WijVaals", phone="043 000 0000")
MEMBER = MemberContact("Tessa Testlid", phone="06 12345678", email="t.testlid@voorbeeld.nl")


def theme(key: str, extra: str = "") -> ThemeText:
    return ThemeText(key, f"Over {THEME_WORDS[key]}: wat we bespraken. {extra}".strip())


def visit_summary(
    language: Language = Language.DUTCH, themes: tuple[ThemeText, ...] = (), **overrides: object
) -> VisitSummary:
    values: dict[str, object] = {
        "team": TEAM,
        "member": MEMBER,
        "visit_date": date(2026, 11, 18),
        "language": language,
        "themes": themes,
        "resident_name": "Zoë Verzonnen",
        "decision": "Mevrouw probeert het koor in Lemiers.",
        "next_steps": (
            NextStep("Het koor bellen", Actor.RESIDENT, when=date(2026, 11, 25)),
            NextStep("Meegaan naar de repetitie", Actor.MEMBER, when=date(2026, 12, 2)),
            NextStep("Vervoer regelen", Actor.NETWORK, who_name="Ria"),
        ),
        "next_contact": NextContact(date(2026, 12, 3), time(10, 0), Channel.PHONE),
    }
    values.update(overrides)
    return VisitSummary(**values)  # type: ignore[arg-type]


def handover(**overrides: object) -> HandoverReport:
    values: dict[str, object] = {
        "team": TEAM,
        "member": MEMBER,
        "made_on": date(2026, 11, 18),
        "resident": HandoverResident(
            "Zoë Verzonnen", date(1950, 2, 1), "Kerkstraat 12, 6291 AB Vaals", BSN_A, "043 123 4567"
        ),
        "question": "Mevrouw vraagt hulp bij het douchen en het huishouden.",
        "consent": Consent(
            "Zoë Verzonnen",
            date(2026, 11, 18),
            ConsentForm.SPOKEN,
            "Dit verslag delen met de consulent.",
        ),
        "handover_text": "Mevrouw woont alleen. Thuiszorg kost ± € 120 per maand.",
        "law": Law.WMO,
        "urgency": Urgency.URGENT,
        "urgency_reason": "Zij is vorige week gevallen.",
    }
    values.update(overrides)
    return HandoverReport(**values)  # type: ignore[arg-type]
