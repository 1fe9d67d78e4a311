"""Every status change is a Status; closing is a Resultaat."""

from __future__ import annotations

from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.status import ReportStatus
from wijkteam.sync.zgw.config import ZgwConfig
from wijkteam.sync.zgw.data import ClosingData, StatusData
from wijkteam.sync.zgw.resources import Resource, ResourceKind
from wijkteam.sync.zgw.urls import derived_uuid
from wijkteam.sync.zgw.values import clip, iso_instant, without_empty

STATUS_TEXT = {
    ReportStatus.NEW: "Melding ontvangen",
    ReportStatus.VISIT_PLANNED: "Huisbezoek gepland",
    ReportStatus.IN_CONVERSATION: "In gesprek met de inwoner",
    ReportStatus.STEPS_RUNNING: "Afspraken lopen",
    ReportStatus.FOLLOW_UP: "Nazorg",
    ReportStatus.REFERRED: "Doorverwezen",
    ReportStatus.CLOSED: "Afgesloten",
}
# Where a referral went, on the 'referred' status. A consultation under the Wmo or the
# Jeugdwet is the municipality's own business; where an escalation went (GGZ, Veilig Thuis,
# debt services) is sensitive and is named only when conversation content may leave.
REFERRED_TO_TEXT = {
    "consultation:wmo": "Doorverwezen naar een Wmo-consulent (keukentafelgesprek)",
    "consultation:jeugdwet": "Doorverwezen naar een consulent jeugd",
    "consultation:other": "Doorverwezen naar een consulent",
}
ESCALATION_TEXT = {
    "escalation:ggz": "Opgeschaald naar de ggz",
    "escalation:veilig_thuis": "Opgeschaald naar Veilig Thuis",
    "escalation:debt_services": "Opgeschaald naar de schuldhulpverlening",
}
ESCALATED = "Doorverwezen naar een specialist"
CLOSING_TEXT = {
    ClosingReason.SOLVED_VOORVELD: "Opgelost in het voorliggend veld",
    ClosingReason.RESIDENT_DECLINED: "De inwoner ziet af van ondersteuning",
    ClosingReason.MOVED: "De inwoner is verhuisd",
    ClosingReason.DECEASED: "De inwoner is overleden",
    ClosingReason.NO_CONTACT: "Geen contact gekregen",
    ClosingReason.OTHER: "Afgesloten om een andere reden",
    ClosingReason.REFERRED: "Doorverwezen naar een consulent of specialist",
}


def map_status(change: StatusData, config: ZgwConfig) -> Resource:
    """`datumStatusGezet` keeps its microseconds: a server refuses two statuses of one zaak
    at the same instant (Open Zaak: unique per zaak), and two moves in one second happen."""
    urls = config.urls
    return Resource(
        kind=ResourceKind.STATUS,
        uuid=change.uuid,
        url=urls.url(ResourceKind.STATUS, change.uuid),
        body={
            "zaak": urls.url(ResourceKind.ZAAK, change.case_uuid),
            "statustype": config.statustypen[change.status],
            "datumStatusGezet": iso_instant(change.changed_at),
            "statustoelichting": status_text(change, config.share_conversation),
        },
        case_uuid=change.case_uuid,
    )


def status_text(change: StatusData, share_conversation: bool = False) -> str:
    if change.status is not ReportStatus.REFERRED or not change.referred_to:
        return STATUS_TEXT.get(change.status, change.status.value)
    if change.referred_to in REFERRED_TO_TEXT:
        return REFERRED_TO_TEXT[change.referred_to]
    if share_conversation and change.referred_to in ESCALATION_TEXT:
        return ESCALATION_TEXT[change.referred_to]
    return ESCALATED if change.referred_to.startswith("escalation:") else STATUS_TEXT[change.status]


def map_resultaat(closing: ClosingData, config: ZgwConfig) -> Resource:
    """The resultaat of a closed melding: the resultaattype configured for its reason."""
    urls = config.urls
    resultaat_uuid = derived_uuid("resultaat", closing.case_uuid)
    explanation = CLOSING_TEXT[closing.reason]
    if config.share_conversation and closing.note:
        explanation = f"{explanation}. {closing.note}"
    return Resource(
        kind=ResourceKind.RESULTAAT,
        uuid=resultaat_uuid,
        url=urls.url(ResourceKind.RESULTAAT, resultaat_uuid),
        body=without_empty(
            {
                "zaak": urls.url(ResourceKind.ZAAK, closing.case_uuid),
                "resultaattype": config.resultaattypen[closing.reason],
                "toelichting": clip(explanation, 1000),
            }
        ),
        case_uuid=closing.case_uuid,
    )
