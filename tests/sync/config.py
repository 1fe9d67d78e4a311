"""A complete, valid ZGW configuration for tests (example URLs, the VNG example RSIN)."""

from __future__ import annotations

from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.status import ReportStatus
from wijkteam.sync.export.records import PushUser
from wijkteam.sync.zgw.config import ZgwConfig
from wijkteam.sync.zgw.config_rules import ZgwSettingsInput, validate_settings

RSIN = "002220647"  # an organisation number used in the ZGW examples; passes the 11-proof
CATALOG = "https://catalogi.example.nl/catalogi/api/v1"
ZAKEN = "https://zaken.example.nl/zaken/api/v1"
DOCUMENTEN = "https://documenten.example.nl/documenten/api/v1"
# The push's client, as the municipality registered it (the test server checks its JWTs).
CLIENT_ID = "wijkteam-vaals"
SECRET = "een-geheim-dat-nergens-mag-staan-4711"
USER = PushUser(user_id="TT", name="Tessa Testlid")


def settings_input(
    catalog: str = CATALOG, zaken: str = ZAKEN, documenten: str = DOCUMENTEN, **overrides: object
) -> ZgwSettingsInput:
    values: dict[str, object] = {
        "rsin": RSIN,
        "catalog_url": catalog,
        "zaken_url": zaken,
        "documenten_url": documenten,
        "zaaktype": f"{catalog}/zaaktypen/1b7f4c55-0000-4000-8000-000000000001",
        "statustypen": {s.value: f"{catalog}/statustypen/{s.value}" for s in ReportStatus},
        "roltype_resident": f"{catalog}/roltypen/inwoner",
        "roltype_member": f"{catalog}/roltypen/behandelaar",
        "resultaattypen": {r.value: f"{catalog}/resultaattypen/{r.value}" for r in ClosingReason},
        "informatieobjecttype": f"{catalog}/informatieobjecttypen/verslag",
        "wmo_zaaktype": f"{catalog}/zaaktypen/wmo-melding",
        "client_id": "wijkteam-vaals",
    }
    values.update(overrides)
    return ZgwSettingsInput(**values)  # type: ignore[arg-type]


def config(**overrides: object) -> ZgwConfig:
    return validate_settings(settings_input(**overrides))
