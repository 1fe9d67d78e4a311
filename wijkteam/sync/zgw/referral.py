"""A referral to a Wmo consultation: a status on the team's zaak and, where configured, a
new zaak of the municipality's Wmo-melding zaaktype that follows from it.

The Wmo 2015 (art. 2.3.2) gives the municipality six weeks after a melding to complete its
investigation: the referral is that melding, so the Wmo zaak must be done six weeks after
the referral was sent (uiterlijkeEinddatumAfdoening).
"""

from __future__ import annotations

from datetime import timedelta

from wijkteam.sync.zgw.config import KENMERK_BRON, ZgwConfig
from wijkteam.sync.zgw.data import ReferralData
from wijkteam.sync.zgw.resources import Resource, ResourceKind
from wijkteam.sync.zgw.urls import derived_uuid
from wijkteam.sync.zgw.values import identificatie, iso_date, iso_datetime

WMO_INVESTIGATION = timedelta(weeks=6)
LAW_TEXT = {"wmo": "een Wmo-consulent", "jeugdwet": "een consulent jeugd"}


def map_referral_status(referral: ReferralData, config: ZgwConfig) -> Resource | None:
    """The 'doorverwezen' status; None for a referral not sent yet or without a statustype."""
    if referral.sent_at is None or not config.referral_statustype:
        return None
    urls = config.urls
    status_uuid = derived_uuid("status-doorverwijzing", referral.uuid)
    to = LAW_TEXT.get(referral.law, "een consulent")
    return Resource(
        kind=ResourceKind.STATUS,
        uuid=status_uuid,
        url=urls.url(ResourceKind.STATUS, status_uuid),
        body={
            "zaak": urls.url(ResourceKind.ZAAK, referral.case_uuid),
            "statustype": config.referral_statustype,
            "datumStatusGezet": iso_datetime(referral.sent_at),
            "statustoelichting": f"Doorverwezen naar {to}",
        },
        case_uuid=referral.case_uuid,
    )


def map_wmo_zaak(referral: ReferralData, config: ZgwConfig) -> Resource | None:
    """The municipality's Wmo-melding zaak; None unless a sent Wmo referral and a
    configured Wmo zaaktype."""
    if referral.law != "wmo" or referral.sent_at is None or not config.wmo_zaaktype:
        return None
    urls = config.urls
    zaak_uuid = derived_uuid("wmo-zaak", referral.uuid)
    made = referral.sent_at.date()
    return Resource(
        kind=ResourceKind.ZAAK,
        uuid=zaak_uuid,
        url=urls.url(ResourceKind.ZAAK, zaak_uuid),
        body={
            "identificatie": identificatie(zaak_uuid),
            "bronorganisatie": config.rsin,
            "verantwoordelijkeOrganisatie": config.rsin,
            "zaaktype": config.wmo_zaaktype,
            "omschrijving": "Wmo-melding via het wijkteam",
            "registratiedatum": iso_date(made),
            "startdatum": iso_date(made),
            "uiterlijkeEinddatumAfdoening": iso_date(made + WMO_INVESTIGATION),
            "vertrouwelijkheidaanduiding": config.confidentiality,
            "relevanteAndereZaken": [
                {"url": urls.url(ResourceKind.ZAAK, referral.case_uuid), "aardRelatie": "vervolg"}
            ],
            "kenmerken": [{"kenmerk": str(referral.uuid), "bron": KENMERK_BRON}],
        },
        case_uuid=referral.case_uuid,
    )
