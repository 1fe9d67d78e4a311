"""The sociale kaart: entries (with their categories) and the notes of what was sought but
not found on it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from wijkteam.domain.social_map import MapAccess, MapCategory, MapEntryKind
from wijkteam.store.models.base import Base, RecordMixin
from wijkteam.store.models.types import enum_column


class SocialMapEntry(RecordMixin, Base):
    """A person, volunteer, initiative, activity or organisation to connect residents with.

    Other records refer to an entry through a column `social_map_entry_id`; an entry that
    something refers to is deactivated, never deleted (see SocialMapService.delete).
    """

    __tablename__ = "social_map_entry"
    __table_args__ = (
        Index("ix_social_map_entry_active_name", "active", "name_key"),
        Index("ix_social_map_entry_name_place", "name_key", "place_key"),
    )

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[MapEntryKind] = enum_column(MapEntryKind)
    access: Mapped[MapAccess] = enum_column(MapAccess, default=MapAccess.FREE)
    target_group: Mapped[str | None] = mapped_column(String(200))
    age_min: Mapped[int | None] = mapped_column(Integer)
    age_max: Mapped[int | None] = mapped_column(Integer)
    schedule: Mapped[str | None] = mapped_column(String(200))  # wanneer
    location: Mapped[str | None] = mapped_column(String(200))  # waar
    cost: Mapped[str | None] = mapped_column(String(200))
    place: Mapped[str | None] = mapped_column(String(80))
    contact_name: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
    backup_name: Mapped[str | None] = mapped_column(String(120))
    backup_phone: Mapped[str | None] = mapped_column(String(20))
    website: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(default=True)
    last_checked: Mapped[date | None] = mapped_column(Date)
    is_example: Mapped[bool] = mapped_column(default=False)
    # Lower-case, accent-free text for search-as-you-type, sorting and matching on import.
    search_text: Mapped[str] = mapped_column(Text, default="")
    name_key: Mapped[str] = mapped_column(String(200), default="")
    place_key: Mapped[str] = mapped_column(String(80), default="")

    categories: Mapped[list[SocialMapEntryCategory]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )


class SocialMapEntryCategory(Base):
    """One category of an entry (an entry has any number). Part of the entry, not a record
    of its own: it has no UUID and goes wherever its entry goes."""

    __tablename__ = "social_map_entry_category"

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("social_map_entry.id", ondelete="CASCADE"), primary_key=True
    )
    category: Mapped[MapCategory] = enum_column(MapCategory, primary_key=True, index=True)


class SocialMapGap(RecordMixin, Base):
    """Gezocht, niet gevonden: what a resident and member looked for and the map lacks."""

    __tablename__ = "social_map_gap"
    __table_args__ = (Index("ix_social_map_gap_category_noted", "category", "noted_on"),)

    sought: Mapped[str] = mapped_column(String(500))
    category: Mapped[MapCategory | None] = enum_column(MapCategory, nullable=True)
    noted_on: Mapped[date] = mapped_column(Date)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    resident_id: Mapped[int | None] = mapped_column(
        ForeignKey("resident.id", ondelete="SET NULL"), index=True
    )
    # Removed (made by mistake): emptied and kept, so the removal reaches every laptop of
    # the team as a change of the record (a member's laptop cannot send a deletion).
    withdrawn: Mapped[bool] = mapped_column(default=False)


# Tables that belong to an entry (deleted with it) rather than referring to it.
OWNED_BY_ENTRY = frozenset({SocialMapEntryCategory.__tablename__})
