"""Example ZGW settings for demo stores, screenshots and benchmarks: example.nl addresses
(reserved for examples, they reach no one) and the RSIN from the ZGW documentation."""

from __future__ import annotations

from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.status import ReportStatus
from wijkteam.sync.zgw.config_rules import ZgwSettingsInput

CATALOG = "https://catalogi.example.nl/catalogi/api/v1"


def example_settings() -> ZgwSettingsInput:
    return ZgwSettingsInput(
        rsin="002220647",
        catalog_url=CATALOG,
        zaken_url="https://zaken.example.nl/zaken/api/v1",
        documenten_url="https://documenten.example.nl/documenten/api/v1",
        zaaktype=f"{CATALOG}/zaaktypen/wijkteam-melding",
        statustypen={s.value: f"{CATALOG}/statustypen/{s.value}" for s in ReportStatus},
        roltype_resident=f"{CATALOG}/roltypen/inwoner",
        roltype_member=f"{CATALOG}/roltypen/behandelaar",
        resultaattypen={r.value: f"{CATALOG}/resultaattypen/{r.value}" for r in ClosingReason},
        informatieobjecttype=f"{CATALOG}/informatieobjecttypen/gespreksverslag",
        wmo_zaaktype=f"{CATALOG}/zaaktypen/wmo-melding",
        client_id="wijkteam-demo",
    )
