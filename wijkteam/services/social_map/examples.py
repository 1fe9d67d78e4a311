"""The example sociale kaart for the Vaals area that ships with the app, and a few demo
gezocht-niet-gevonden notes. Every entry is invented and marked as an example; the phone
numbers are in the 043 000 block, which is not given out to subscribers (Dutch subscriber
numbers do not begin with 0), and the addresses use the reserved .example domain."""

from __future__ import annotations

from datetime import date

from wijkteam.common.example_dates import as_of
from wijkteam.domain.social_map import MapCategory
from wijkteam.resources import resource
from wijkteam.services.audit import AuditService
from wijkteam.services.social_map.gaps import GapService
from wijkteam.services.social_map.service import SocialMapService
from wijkteam.services.social_map.transfer import MapImportResult, SocialMapTransfer
from wijkteam.store import Store

EXAMPLE_MAP = ("social_map", "vaals_voorbeeld.csv")

DEMO_GAPS: tuple[tuple[str, MapCategory | None], ...] = (
    ("Zwemles voor volwassenen die het nooit geleerd hebben", MapCategory.SPORT),
    ("Taalcafé op een doordeweekse avond, voor wie overdag werkt", MapCategory.LANGUAGE),
    ("Vervoer naar de dagbesteding in Vijlen zonder indicatie", MapCategory.DAY_ACTIVITIES),
    ("Ontmoetingsplek in Holset nu het koersbal is gestopt", MapCategory.MEETING),
    ("Koffie-ochtend in Holset", MapCategory.MEETING),
    ("Iemand die samen met de hond wil wandelen", None),
)


def load_example_map(transfer: SocialMapTransfer, today: date) -> MapImportResult:
    """Adds the example map, its dates moved to `today`; entries already on the map (same
    name and place) stay as they are, so loading it twice adds nothing."""
    data = as_of(resource(*EXAMPLE_MAP).read_bytes(), today)
    preview = transfer.preview(data)
    return transfer.apply(preview, only_valid=True, add_only=True)


def add_demo_gaps(gaps: GapService, member_ids: list[int]) -> int:
    if gaps.gaps():
        return 0
    for number, (sought, category) in enumerate(DEMO_GAPS):
        member = member_ids[number % len(member_ids)] if member_ids else None
        gaps.record_gap(sought, category, member)
    return len(DEMO_GAPS)


def load_demo_map(store: Store, audit: AuditService, member_ids: list[int]) -> None:
    """For the demo data: the example map and a few notes, once."""
    entries = SocialMapService(store, audit)
    if entries.is_empty():
        load_example_map(SocialMapTransfer(store, entries, audit), store.clock.today())
    add_demo_gaps(GapService(store, audit), member_ids)
