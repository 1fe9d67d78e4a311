"""Dutch words for referrals: labels of the closed vocabularies, field names and messages."""

from __future__ import annotations

from ui.formatting import long_date
from wijkteam.domain.deadlines import Deadline, DeadlineState
from wijkteam.domain.referral import (
    ConsentForm,
    Law,
    ReferralKind,
    ReferralOutcome,
    ReferralStatus,
    Specialist,
    SupportWish,
)
from wijkteam.errors import ReferralTransitionRefused, WijkteamError

KIND = {
    ReferralKind.CONSULTATION: "Keukentafelgesprek aanvragen",
    ReferralKind.ESCALATION: "Opschalen naar een specialist",
}
KIND_SHORT = {
    ReferralKind.CONSULTATION: "Keukentafelgesprek",
    ReferralKind.ESCALATION: "Opschaling",
}
LAW = {Law.WMO: "Wmo 2015", Law.JEUGDWET: "Jeugdwet", Law.OTHER: "Andere wet of regeling"}
SPECIALIST = {
    Specialist.GGZ: "GGZ",
    Specialist.VEILIG_THUIS: "Veilig Thuis",
    Specialist.DEBT_SERVICES: "Schuldhulpverlening",
    Specialist.OTHER: "Andere specialist",
}
REFERRAL_STATUS = {
    ReferralStatus.CONCEPT: "Concept",
    ReferralStatus.SENT: "Verstuurd",
    ReferralStatus.PLANNED: "Gesprek gepland",
    ReferralStatus.COMPLETED: "Afgerond",
    ReferralStatus.RETURNED: "Teruggestuurd",
}
OUTCOME = {
    ReferralOutcome.CUSTOM_PROVISION: "Maatwerkvoorziening",
    ReferralOutcome.GENERAL_PROVISION: "Algemene voorziening",
    ReferralOutcome.NO_PROVISION_NEEDED: "Geen voorziening nodig",
    ReferralOutcome.WITHDRAWN: "Ingetrokken",
}
CONSENT_FORM = {ConsentForm.SPOKEN: "Mondeling", ConsentForm.WRITTEN: "Schriftelijk"}
SUPPORT_WISH = {
    SupportWish.NOT_TOLD: "Nog niet verteld",
    SupportWish.WANTS: "Verteld: wil graag een cliëntondersteuner",
    SupportWish.DECLINES: "Verteld: wil geen cliëntondersteuner",
    SupportWish.THINKS_ABOUT_IT: "Verteld: denkt er nog over na",
}

REFERRAL_FIELD_LABELS = {
    "referral_question": "de vraag aan de consulent",
    "law": "de wet",
    "law_other": "de naam van de wet of regeling",
    "specialist": "de specialist",
    "specialist_other": "de naam van de specialist",
    "urgency_reason": "waarom het spoed heeft",
    "consent_given_by": "wie toestemming gaf",
    "consent_given_on": "de datum",
    "consent_scope": "waarvoor de toestemming geldt",
    "planned_on": "de datum van het gesprek",
    "consultant_name": "de naam van de consulent",
    "returned_reason": "de reden",
    "outcome_note": "de toelichting",
    "handover_text": "de overdracht",
    "support_wish": "de cliëntondersteuning",
}

REFERRAL_CODES = {
    "choose_law": "Kies onder welke wet de vraag valt.",
    "choose_specialist": "Kies naar welke specialist u opschaalt.",
    "consent_missing": "Versturen kan pas als de inwoner toestemming heeft gegeven. Leg eerst "
    "vast wie toestemming gaf, wanneer, hoe en waarvoor.",
    "consent_withdrawn": "De inwoner heeft de toestemming ingetrokken. Zonder toestemming gaat "
    "er niets naar de consulent. Leg nieuwe toestemming vast als de inwoner die opnieuw geeft.",
    "consent_in_force": "Er is al toestemming vastgelegd. Is er iets veranderd? Leg dan eerst "
    "vast dat de toestemming is ingetrokken.",
    "referral_not_editable": "Deze doorverwijzing is al verstuurd en kan niet meer worden "
    "gewijzigd.",
    "report_closed": "Deze melding is afgesloten. Een doorverwijzing hoort bij een open melding.",
    "support_not_told": "Vertel de inwoner eerst over gratis, onafhankelijke "
    "cliëntondersteuning en leg vast wat de inwoner wil. Daarna kunt u versturen.",
}


def referral_error_text(error: WijkteamError) -> str | None:
    """A sentence for a refused referral move; None for other errors."""
    if isinstance(error, ReferralTransitionRefused):
        current = REFERRAL_STATUS[ReferralStatus(error.params["current"])]
        wanted = REFERRAL_STATUS[ReferralStatus(error.params["wanted"])]
        return f"Dat kan niet: een doorverwijzing met status '{current}' kan niet naar '{wanted}'."
    return None


def wmo_deadline_text(deadline: Deadline) -> str:
    """'Wmo-termijn: uiterlijk dinsdag 22 december 2026 (nog 5 dagen)'."""
    days = deadline.days_left
    if days < 0:
        left = f"{-days} {'dag' if days == -1 else 'dagen'} verstreken"
    elif days == 0:
        left = "vandaag"
    else:
        left = f"nog {days} {'dag' if days == 1 else 'dagen'}"
    text = f"Wettelijke termijn Wmo (6 weken na de melding): {long_date(deadline.due)} — {left}"
    if deadline.state is DeadlineState.OVERDUE:
        text += ". De gemeente had het onderzoek al moeten afronden."
    return text


def destination(
    law: Law | None,
    law_other: str | None,
    specialist: Specialist | None,
    specialist_other: str | None,
) -> str:
    """'Wmo 2015', 'Participatiewet', 'Veilig Thuis'."""
    if specialist is not None:
        return specialist_other or SPECIALIST[specialist]
    if law is not None:
        return law_other or LAW[law]
    return ""
