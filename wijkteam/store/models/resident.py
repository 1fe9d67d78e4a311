from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from wijkteam.domain.enums import Channel, Language
from wijkteam.store.models.base import Base, RecordMixin
from wijkteam.store.models.types import enum_column


class Resident(RecordMixin, Base):
    """An inwoner. Without a BSN the resident is identified by surname, first names,
    date of birth, postcode and house number (as Wmo 2015 art. 5.2.9 does)."""

    __tablename__ = "resident"
    __table_args__ = (
        Index("ix_resident_surname_birth", "surname_key", "birth_date"),
        Index("ix_resident_postcode", "postcode"),
    )

    first_names: Mapped[str | None] = mapped_column(String(120))
    prefix: Mapped[str | None] = mapped_column(String(20))  # voorvoegsel: "van", "de"
    surname: Mapped[str] = mapped_column(String(120))
    birth_date: Mapped[date | None] = mapped_column(Date)
    bsn: Mapped[str | None] = mapped_column(String(9), unique=True)
    bsn_confirmed: Mapped[bool] = mapped_column(default=False)
    street: Mapped[str | None] = mapped_column(String(120))
    house_number: Mapped[str | None] = mapped_column(String(10))
    house_number_suffix: Mapped[str | None] = mapped_column(String(10))
    postcode: Mapped[str | None] = mapped_column(String(7))
    place: Mapped[str | None] = mapped_column(String(80))
    district: Mapped[str | None] = mapped_column(String(80))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
    preferred_channel: Mapped[Channel] = enum_column(Channel, default=Channel.PHONE)
    language: Mapped[Language] = enum_column(Language, default=Language.DUTCH)
    network_notes: Mapped[str | None] = mapped_column(Text)
    # Lower-case, accent-free "surname first names postcode bsn" for search-as-you-type.
    search_text: Mapped[str] = mapped_column(Text, default="")
    surname_key: Mapped[str] = mapped_column(String(120), default="")
