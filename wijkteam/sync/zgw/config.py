"""The mapping's configuration: who the municipality is and which catalogue types to use.

Stored in the settings table (see wijkteam/sync/export/settings.py); validated by
config_rules.py. Statuses come from wijkteam/domain/status.py and closing reasons from
wijkteam/domain/enums.py, so a new status or reason asks for one more type URL.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.status import ReportStatus
from wijkteam.sync.zgw.urls import ZgwUrls

# The bron of the local UUID in a zaak's kenmerken.
KENMERK_BRON = "Wijkteam"
DEFAULT_CONFIDENTIALITY = "zeer_geheim"
CONFIDENTIALITY_LEVELS = (
    "openbaar",
    "beperkt_openbaar",
    "intern",
    "zaakvertrouwelijk",
    "vertrouwelijk",
    "confidentieel",
    "geheim",
    "zeer_geheim",
)


@dataclass(frozen=True)
class ZgwConfig:
    rsin: str  # the municipality's RSIN: bronorganisatie and verantwoordelijke organisatie
    catalog_url: str
    zaken_url: str
    documenten_url: str
    zaaktype: str
    statustypen: Mapping[ReportStatus, str]
    roltype_resident: str
    roltype_member: str
    resultaattypen: Mapping[ClosingReason, str]
    informatieobjecttype: str
    confidentiality: str = DEFAULT_CONFIDENTIALITY
    # Conversation themes, contact subjects and the melding's question stay on the laptop
    # unless the municipality's agreement with the team says otherwise.
    share_conversation: bool = False
    # A sent Wmo consultation also makes a zaak of this type ("doorverwezen" is a status of
    # the team's zaak like any other: statustypen[ReportStatus.REFERRED]).
    wmo_zaaktype: str | None = None
    client_id: str | None = None  # for the push; the secret is never stored
    author: str = field(default="Wijkteam")

    @property
    def urls(self) -> ZgwUrls:
        return ZgwUrls(zaken_url=self.zaken_url, documenten_url=self.documenten_url)
