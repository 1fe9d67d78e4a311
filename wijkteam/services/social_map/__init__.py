"""The sociale kaart: entries to connect residents with, CSV import and export, and the
gezocht-niet-gevonden notes of what the neighbourhood lacks."""

from wijkteam.errors import EntryReferenced, ImportNotConfirmed, MapFileRefused
from wijkteam.services.social_map.gaps import GapService
from wijkteam.services.social_map.records import (
    GapCount,
    GapRecord,
    MapEntryInput,
    MapEntryRecord,
    MapQuery,
)
from wijkteam.services.social_map.service import SocialMapService
from wijkteam.services.social_map.transfer import (
    MapImportPreview,
    MapImportResult,
    SocialMapTransfer,
)

__all__ = [
    "EntryReferenced",
    "GapCount",
    "GapRecord",
    "GapService",
    "ImportNotConfirmed",
    "MapEntryInput",
    "MapEntryRecord",
    "MapFileRefused",
    "MapImportPreview",
    "MapImportResult",
    "MapQuery",
    "SocialMapService",
    "SocialMapTransfer",
]
