"""Dutch words for the core's codes. One place, so the interface speaks one language."""

from __future__ import annotations

from wijkteam.domain.contacts import ContactKind, MessageMedium, Theme
from wijkteam.domain.enums import (
    Channel,
    ClosingReason,
    Language,
    MemberRole,
    ReportSource,
    VisitState,
)
from wijkteam.domain.social_map import MapAccess, MapCategory, MapEntryKind
from wijkteam.domain.status import ReportStatus
from wijkteam.domain.steps import FollowUpState, Landing, StepActor, StepStatus

STATUS = {
    ReportStatus.NEW: "Nieuw",
    ReportStatus.VISIT_PLANNED: "Huisbezoek gepland",
    ReportStatus.IN_CONVERSATION: "In gesprek",
    ReportStatus.STEPS_RUNNING: "Afspraken lopen",
    ReportStatus.FOLLOW_UP: "Nazorg",
    ReportStatus.REFERRED: "Doorverwezen",
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
    ClosingReason.REFERRED: "Doorverwezen",
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
    Landing.NOT_STARTED: "Nog niet begonnen",
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

CONTACT_KIND = {
    ContactKind.HOME_VISIT: "Huisbezoek",
    ContactKind.PHONE: "Telefoongesprek",
    ContactKind.MESSAGE: "Bericht",
    ContactKind.ACCOMPANIED: "Meegaan naar een eerste afspraak",
    ContactKind.OFFICE: "Kantoorbezoek",
}

MESSAGE_MEDIUM = {
    MessageMedium.WHATSAPP: "WhatsApp",
    MessageMedium.SMS: "sms",
    MessageMedium.EMAIL: "e-mail",
}

# The open themes of the vrij gesprek: a title, and a short guiding prompt shown in the empty
# field. The prompts invite; they are never questions the member has to answer.
THEME_LABEL = {
    Theme.WHO: "Wie is de persoon",
    Theme.INTERESTS: "Interesses",
    Theme.MOTIVATION: "Wat motiveert",
    Theme.SITUATION: "Wat speelt er",
    Theme.NEEDS: "Achterliggende vragen en behoeften",
    Theme.STRENGTHS: "Eigen kwaliteiten en krachten",
    Theme.NETWORK: "Netwerk",
}

THEME_PROMPT = {
    Theme.WHO: "Hoe vertelt de inwoner over zichzelf? Wonen, werk of dagbesteding, wat iemand "
    "belangrijk vindt.",
    Theme.INTERESTS: "Waar wordt de inwoner blij van? Wat deed iemand vroeger graag, wat wil "
    "iemand nog eens proberen?",
    Theme.MOTIVATION: "Waarvoor komt de inwoner in beweging? Wat wil hij of zij weer kunnen of "
    "bereiken?",
    Theme.SITUATION: "Wat gebeurt er nu in het leven van de inwoner? Zoveel mogelijk in de eigen "
    "woorden van de inwoner.",
    Theme.NEEDS: "Welke vraag zit er onder de melding? Wat heeft de inwoner echt nodig?",
    Theme.STRENGTHS: "Wat kan de inwoner goed? Wat lukte eerder al, ook in een moeilijke tijd?",
    Theme.NETWORK: "Wie zijn er: familie, buren, vrienden, mantelzorgers, een vereniging? Wie "
    "kan iets betekenen?",
}

NOTES_LABEL = "Vrije notities"
NOTES_PROMPT = "Alles wat verder opviel of wat u niet wilt vergeten."

# --- sociale kaart ---------------------------------------------------------------------------
MAP_KIND = {
    MapEntryKind.PERSON: "Persoon",
    MapEntryKind.VOLUNTEER: "Vrijwilliger",
    MapEntryKind.INITIATIVE: "Initiatief",
    MapEntryKind.ACTIVITY: "Activiteit",
    MapEntryKind.ORGANISATION: "Organisatie",
}

MAP_CATEGORY = {
    MapCategory.MEETING: "Ontmoeting",
    MapCategory.SPORT: "Sport en bewegen",
    MapCategory.VOLUNTEERING: "Vrijwilligerswerk",
    MapCategory.EDUCATION_WORK: "Opleiding en werk",
    MapCategory.MONEY_DEBT: "Geldzaken en schulden",
    MapCategory.DAY_ACTIVITIES: "Dagbesteding",
    MapCategory.INFORMAL_CARE: "Mantelzorg",
    MapCategory.HOUSING: "Wonen",
    MapCategory.HEALTH: "Gezondheid",
    MapCategory.LANGUAGE: "Taal",
}

MAP_ACCESS = {
    MapAccess.FREE: "Vrij toegankelijk",
    MapAccess.REFERRAL: "Via verwijzing",
    MapAccess.CONDITION: "Met voorwaarde",
    MapAccess.INDICATION: "Met indicatie",
}
