"""A referral leaves in two ways: the team's zaak gets the status "doorverwezen" (the
melding's own move to 'referred', see status.py, which names where it went), and a Wmo
consultation, when the municipality configured a Wmo-melding zaaktype, becomes a new zaak of
that type that follows from the team's zaak.

The referral is the Wmo melding: the municipality must complete its investigation six weeks
after it was sent (Wmo 2015 art. 2.3.2; the rule is wijkteam/domain/deadlines.py), so that
is the Wmo zaak's uiterlijkeEinddatumAfdoening.
"""

from __future__ import annotations

from wijkteam.domain.deadlines import wmo_investigation_due
from wijkteam.sync.zgw.config import KENMERK_BRON, ZgwConfig
from wijkteam.sync.zgw.data import ReferralData
from wijkteam.sync.zgw.resources import Resource, ResourceKind
from wijkteam.sync.zgw.urls import derived_uuid
from wijkteam.sync.zgw.values import identificatie, iso_date

WMO_DESCRIPTION = "Wmo-melding via het wijkteam"
WMO_EXPLANATION = (
    "Doorverwezen door het wijkteam voor een keukentafelgesprek. De inwoner staat als "
    "betrokkene bij de zaak van het wijkteam waaruit deze zaak volgt."
)


def map_wmo_zaak(referral: ReferralData, config: ZgwConfig) -> Resource | None:
    """The municipality's Wmo-melding zaak; None unless a sent Wmo consultation and a
    configured Wmo zaaktype. `case_uuid` is the team's melding, so the Wmo zaak travels,
    is acknowledged and is retried with it."""
    if not referral.is_wmo or referral.sent_at is None or not config.wmo_zaaktype:
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
            "omschrijving": WMO_DESCRIPTION,
            "toelichting": WMO_EXPLANATION,
            "registratiedatum": iso_date(made),
            "startdatum": iso_date(made),
            "uiterlijkeEinddatumAfdoening": iso_date(wmo_investigation_due(made)),
            "vertrouwelijkheidaanduiding": config.confidentiality,
            "relevanteAndereZaken": [
                {"url": urls.url(ResourceKind.ZAAK, referral.case_uuid), "aardRelatie": "vervolg"}
            ],
            "kenmerken": [{"kenmerk": str(referral.uuid), "bron": KENMERK_BRON}],
        },
        case_uuid=referral.case_uuid,
    )
