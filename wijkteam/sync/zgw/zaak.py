"""A melding is a Zaak."""

from __future__ import annotations

from wijkteam.domain.enums import ReportSource
from wijkteam.sync.zgw.config import KENMERK_BRON, ZgwConfig
from wijkteam.sync.zgw.data import CaseData
from wijkteam.sync.zgw.resources import Resource, ResourceKind
from wijkteam.sync.zgw.values import clip, identificatie, iso_date, without_empty

DESCRIPTION = "Melding bij het wijkteam"
SOURCE_TEXT = {
    ReportSource.MUNICIPAL_DESK: "de balie van de gemeente",
    ReportSource.RESIDENT: "de inwoner zelf",
    ReportSource.RELATIVE: "familie",
    ReportSource.GP: "de huisarts",
    ReportSource.NEIGHBOUR: "buren",
    ReportSource.PARTNER_ORGANISATION: "een partnerorganisatie",
    ReportSource.OTHER: "een andere melder",
}


def map_zaak(case: CaseData, config: ZgwConfig) -> Resource:
    """The team's zaak for a melding. Its identificatie is the municipality's zaaknummer when
    the melding came with one (so a push finds the existing zaak), else one derived from the
    melding's UUID. The toelichting names only where the melding came from, unless the
    configuration lets conversation content leave the laptop."""
    body = without_empty(
        {
            "identificatie": case.case_reference or identificatie(case.uuid),
            "bronorganisatie": config.rsin,
            "verantwoordelijkeOrganisatie": config.rsin,
            "zaaktype": config.zaaktype,
            "omschrijving": DESCRIPTION,
            "toelichting": _explanation(case, config),
            "registratiedatum": iso_date(case.registered_on),
            "startdatum": iso_date(case.received_on),
            "vertrouwelijkheidaanduiding": config.confidentiality,
            "kenmerken": [{"kenmerk": str(case.uuid), "bron": KENMERK_BRON}],
        }
    )
    return Resource(
        kind=ResourceKind.ZAAK,
        uuid=case.uuid,
        url=config.urls.url(ResourceKind.ZAAK, case.uuid),
        body=body,
        case_uuid=case.uuid,
    )


def _explanation(case: CaseData, config: ZgwConfig) -> str:
    text = f"Gemeld via {SOURCE_TEXT[case.source]}."
    if config.share_conversation and case.question:
        text = f"{text} Vraag: {case.question}"
    return clip(text, 1000) or ""
