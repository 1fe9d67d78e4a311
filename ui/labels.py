"""Dutch words for the core's codes. One place, so the interface speaks one language."""

from __future__ import annotations

from wijkteam.domain.enums import (
    Channel,
    ClosingReason,
    Language,
    MemberRole,
    ReportSource,
    VisitState,
)
from wijkteam.domain.status import ReportStatus
from wijkteam.domain.steps import FollowUpState, Landing, StepActor, StepStatus

STATUS = {
    ReportStatus.NEW: "Nieuw",
    ReportStatus.VISIT_PLANNED: "Huisbezoek gepland",
    ReportStatus.IN_CONVERSATION: "In gesprek",
    ReportStatus.STEPS_RUNNING: "Afspraken lopen",
    ReportStatus.FOLLOW_UP: "Nazorg",
    ReportStatus.CLOSED: "Afgesloten",
}

SOURCE = {
    ReportSource.MUNICIPAL_DESK: "Balie gemeente",
    ReportSource.RESIDENT: "Inwoner zelf",
    ReportSource.RELATIVE: "Familie",
    ReportSource.GP: "Huisarts",
    ReportSource.NEIGHBOUR: "Buren",
    ReportSource.PARTNER_ORGANISATION: "Partnerorganisatie",
    ReportSource.OTHER: "Anders",
}

CLOSING_REASON = {
    ClosingReason.SOLVED_VOORVELD: "Opgelost in het voorveld",
    ClosingReason.RESIDENT_DECLINED: "Inwoner ziet ervan af",
    ClosingReason.MOVED: "Verhuisd",
    ClosingReason.DECEASED: "Overleden",
    ClosingReason.NO_CONTACT: "Geen contact gekregen",
    ClosingReason.OTHER: "Anders",
}

CHANNEL = {
    Channel.PHONE: "Telefoon",
    Channel.MESSAGE: "WhatsApp / sms",
    Channel.EMAIL: "E-mail",
    Channel.VISIT: "Langskomen",
}

LANGUAGE = {
    Language.DUTCH: "Nederlands",
    Language.GERMAN: "Duits",
    Language.ENGLISH: "Engels",
}

ROLE = {MemberRole.MEMBER: "Teamlid", MemberRole.COORDINATOR: "Coördinator"}

VISIT_STATE = {
    VisitState.PLANNED: "gepland",
    VisitState.REPLANNED: "verplaatst",
    VisitState.HELD: "gehouden",
    VisitState.CANCELLED: "vervallen",
}

RELATION_SUGGESTIONS = [
    "zelf",
    "partner",
    "dochter",
    "zoon",
    "familie",
    "buurvrouw",
    "buurman",
    "huisarts",
    "wijkverpleegkundige",
    "school",
    "woningcorporatie",
    "vriend of vriendin",
]

KNOWN_DISTRICTS = ["Vaals", "Lemiers", "Vijlen", "Holset"]

# --- steps and nazorg ---------------------------------------------------------------------

STEP_ACTOR = {
    StepActor.RESIDENT: "Inwoner zelf",
    StepActor.MEMBER: "Teamlid",
    StepActor.NETWORK: "Iemand uit het netwerk",
    StepActor.ORGANISATION: "Organisatie",
}

STEP_STATUS = {
    StepStatus.OPEN: "Open",
    StepStatus.DONE: "Gedaan",
    StepStatus.NOT_GOING_AHEAD: "Gaat niet door",
}

LANDING = {
    Landing.STARTED: "Gestart",
    Landing.COMES_SOMETIMES: "Komt soms",
    Landing.COMES_REGULARLY: "Komt regelmatig",
    Landing.STOPPED: "Gestopt",
    Landing.STEPPED_BACK: "Teruggestapt naar iets lichters",
}

FOLLOW_UP_STATE = {
    FollowUpState.OPEN: "Nog doen",
    FollowUpState.REACHED: "Gesproken",
    FollowUpState.NOT_REACHED: "Niet bereikt",
    FollowUpState.CANCELLED: "Vervallen",
}
