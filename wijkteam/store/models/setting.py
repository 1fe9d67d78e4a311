from __future__ import annotations

import uuid

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from wijkteam.store.models.base import Base, RecordMixin

# The settings that are the team's rather than one laptop's (docs/team-protocol.md): kept in
# `team_setting` and shared with the team. Everything else in `setting` stays on the laptop.
TEAM_SETTING_KEYS = frozenset(
    {
        "team_name", "municipality",  # the team
        "auto_lock_minutes", "retention_grace_days", "backups_kept",  # security, coordinator's
        "follow_up_days",  # nazorg
    }
)  # fmt: skip
TEAM_SETTING_PREFIXES = ("zgw.",)  # the link with the municipality (no secret is stored)
_NAMESPACE = uuid.UUID("6f1c1f0e-8a55-4b0e-9d43-5d6a3c1f7a21")


def is_team_setting(key: str) -> bool:
    return key in TEAM_SETTING_KEYS or key.startswith(TEAM_SETTING_PREFIXES)


def team_setting_uuid(key: str) -> uuid.UUID:
    """The same on every laptop: two laptops setting one key write one record."""
    return uuid.uuid5(_NAMESPACE, key)


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
