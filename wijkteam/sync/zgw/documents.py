"""A printed document is an EnkelvoudigInformatieObject, linked to the zaak by a
ZaakInformatieObject. Titles and file names carry no personal data."""

from __future__ import annotations

import base64
import hashlib

from wijkteam.sync.zgw.config import ZgwConfig
from wijkteam.sync.zgw.data import DocumentData
from wijkteam.sync.zgw.errors import DocumentChanged
from wijkteam.sync.zgw.resources import Resource, ResourceKind
from wijkteam.sync.zgw.urls import derived_uuid
from wijkteam.sync.zgw.values import identificatie, iso_date

# ISO 639-2/B, as the Documenten API asks.
LANGUAGE_CODE = {"nl": "dut", "de": "ger", "en": "eng"}
TITLE = {"visit_summary": "Gespreksverslag", "handover": "Overdracht"}


def map_document(document: DocumentData, config: ZgwConfig) -> tuple[Resource, Resource]:
    """The informatieobject and its link to the zaak."""
    if hashlib.sha256(document.pdf).hexdigest() != document.sha256.lower():
        raise DocumentChanged(document.uuid)
    urls = config.urls
    day = document.created.date()
    title = f"{TITLE.get(document.kind, 'Document van het wijkteam')} {day:%d-%m-%Y}"
    eio_url = urls.url(ResourceKind.ENKELVOUDIGINFORMATIEOBJECT, document.uuid)
    eio = Resource(
        kind=ResourceKind.ENKELVOUDIGINFORMATIEOBJECT,
        uuid=document.uuid,
        url=eio_url,
        body={
            "identificatie": identificatie(document.uuid),
            "bronorganisatie": config.rsin,
            "creatiedatum": iso_date(day),
            "titel": title,
            "vertrouwelijkheidaanduiding": config.confidentiality,
            "auteur": config.author,
            "status": "definitief",
            "formaat": "application/pdf",
            "taal": LANGUAGE_CODE.get(document.language, "dut"),
            "bestandsnaam": f"{document.kind}-{document.uuid.hex[:8]}.pdf",
            "inhoud": base64.b64encode(document.pdf).decode("ascii"),
            "bestandsomvang": len(document.pdf),
            "indicatieGebruiksrecht": False,
            "informatieobjecttype": config.informatieobjecttype,
            "integriteit": {
                "algoritme": "sha_256",
                "waarde": document.sha256.lower(),
                "datum": iso_date(day),
            },
        },
        case_uuid=document.case_uuid,
    )
    link_uuid = derived_uuid("zaakinformatieobject", document.uuid)
    link = Resource(
        kind=ResourceKind.ZAAKINFORMATIEOBJECT,
        uuid=link_uuid,
        url=urls.url(ResourceKind.ZAAKINFORMATIEOBJECT, link_uuid),
        body={
            "informatieobject": eio_url,
            "zaak": urls.url(ResourceKind.ZAAK, document.case_uuid),
            "titel": title,
        },
        case_uuid=document.case_uuid,
    )
    return eio, link
