"""Dutch words for referrals: labels of the closed vocabularies and deadlines. (Error texts:
ui/messages; field names: ui/field_labels.py.)"""

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
