from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from wijkteam.store.models.base import Base, RecordMixin


class Setting(Base):
    """This laptop's own settings as key/value text (its audit id, backup times, the sign-in
    inbox key). Team-wide settings are in TeamSetting."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class TeamSetting(RecordMixin, Base):
    """A team-wide setting (e.g. the team's name, the follow-up delay), one record per key,
    shared with the team like the sociale kaart."""

    __tablename__ = "team_setting"

    key: Mapped[str] = mapped_column(String(80), unique=True)
    value: Mapped[str] = mapped_column(Text)
