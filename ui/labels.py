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
from wijkteam.domain.social_map import MapAccess, MapCategory, MapEntryKind
from wijkteam.domain.status import ReportStatus

STATUS = {
    ReportStatus.NEW: "Nieuw",
    ReportStatus.VISIT_PLANNED: "Huisbezoek gepland",
    ReportStatus.IN_CONVERSATION: "In gesprek",
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
