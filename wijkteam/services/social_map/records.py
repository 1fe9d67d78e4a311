"""What the sociale kaart's services take (inputs, queries) and hand out (frozen records)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from wijkteam.domain.social_map import MapAccess, MapCategory, MapEntryKind


@dataclass(frozen=True, slots=True)
class MapEntryInput:
    """An entry as typed in the editor or read from a CSV row: text the way it was given.
    The service validates and normalises it (phone numbers, ages, dates)."""

    name: str
    kind: MapEntryKind = MapEntryKind.INITIATIVE
    categories: frozenset[MapCategory] = field(default=frozenset())
    access: MapAccess = MapAccess.FREE
    target_group: str = ""
    age_min: str = ""
    age_max: str = ""
    schedule: str = ""
    location: str = ""
    cost: str = ""
    place: str = ""
    contact_name: str = ""
    phone: str = ""
    email: str = ""
    backup_name: str = ""
    backup_phone: str = ""
    website: str = ""
    description: str = ""
    last_checked: str = ""
    active: bool = True
    is_example: bool = False


@dataclass(frozen=True, slots=True)
class MapEntryRecord:
    id: int
    uuid: uuid.UUID
    name: str
    kind: MapEntryKind
    categories: tuple[MapCategory, ...]
    access: MapAccess
    target_group: str | None
    age_min: int | None
    age_max: int | None
    schedule: str | None
    location: str | None
    cost: str | None
    place: str | None
    contact_name: str | None
    phone: str | None
    email: str | None
    backup_name: str | None
    backup_phone: str | None
    website: str | None
    description: str | None
    active: bool
    last_checked: date | None
    is_example: bool
    stale: bool  # not checked in the past year (by the store's clock)
    updated_at: datetime


@dataclass(frozen=True)
class MapQuery:
    """What the list shows. Text matches name, description, contact people and place,
    accent- and case-insensitively; every typed word must match."""

    text: str = ""
    kind: MapEntryKind | None = None
    category: MapCategory | None = None
    place: str | None = None
    stale_only: bool = False
    include_inactive: bool = False


@dataclass(frozen=True, slots=True)
class GapRecord:
    """A gezocht-niet-gevonden note. `sought` is what was looked for, not who looked."""

    id: int
    uuid: uuid.UUID
    sought: str
    category: MapCategory | None
    noted_on: date
    member_id: int | None
    member_name: str | None
    resident_id: int | None


@dataclass(frozen=True, slots=True)
class GapCount:
    category: MapCategory | None
    count: int
