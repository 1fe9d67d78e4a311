"""Contact moments as the Zaken API's KlantContact.

All of the contact-moment mapping lives here, so that a municipality on the Klantinteracties
API (the successor of klantcontacten) can be served by one more function beside this one.
"""

from __future__ import annotations

from wijkteam.sync.zgw.config import ZgwConfig
from wijkteam.sync.zgw.data import ContactMomentData
from wijkteam.sync.zgw.resources import Resource, ResourceKind
from wijkteam.sync.zgw.values import clip, iso_datetime, without_empty

# kanaal has at most 20 characters.
CHANNEL = {
    "home_visit": "huisbezoek",
    "phone": "telefoon",
    "message": "bericht",
    "accompanied": "begeleiding",
    "office": "kantoor",
}
SUBJECT = {
    "home_visit": "Huisbezoek door het wijkteam",
    "phone": "Telefonisch contact met het wijkteam",
    "message": "Bericht van of aan het wijkteam",
    "accompanied": "Wijkteam gaat mee naar een eerste afspraak",
    "office": "Gesprek op kantoor van het wijkteam",
}


def klantcontact_identificatie(contact: ContactMomentData) -> str:
    """KlantContact.identificatie allows 14 characters: 'WT' and 12 hex digits of the UUID."""
    return f"WT{contact.uuid.hex[:12]}"


def map_klantcontact(contact: ContactMomentData, config: ZgwConfig) -> Resource:
    """When, how and how long; what was said only when the configuration allows it."""
    urls = config.urls
    subject = SUBJECT.get(contact.kind, "Contact met het wijkteam")
    explanation = _duration(contact.duration_minutes)
    if config.share_conversation:
        subject = contact.subject or subject
        explanation = " ".join(p for p in (explanation, contact.summary) if p) or None
    return Resource(
        kind=ResourceKind.KLANTCONTACT,
        uuid=contact.uuid,
        url=urls.url(ResourceKind.KLANTCONTACT, contact.uuid),
        body=without_empty(
            {
                "zaak": urls.url(ResourceKind.ZAAK, contact.case_uuid),
                "identificatie": klantcontact_identificatie(contact),
                "datumtijd": iso_datetime(contact.started_at),
                "kanaal": clip(CHANNEL.get(contact.kind, contact.kind), 20),
                "onderwerp": clip(subject, 200),
                "toelichting": clip(explanation, 1000),
            }
        ),
        case_uuid=contact.case_uuid,
    )


def _duration(minutes: int | None) -> str | None:
    if not minutes:
        return None
    return f"Duur: {minutes} minuten."
