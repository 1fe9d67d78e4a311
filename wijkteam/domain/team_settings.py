"""Which settings are the team's rather than one laptop's (docs/team-protocol.md "What a
team shares"): kept in `team_setting` and shared with the team; every other setting (the
laptop's audit id, its backup times, its sign-in inbox key) stays on the laptop. The ZGW
client secret is never stored at all."""

from __future__ import annotations

import uuid

TEAM_SETTING_KEYS = frozenset(
    {
        "team_name", "municipality",  # the team
        "auto_lock_minutes", "retention_grace_days", "backups_kept",  # security, coordinator's
        "follow_up_days",  # nazorg
    }
)  # fmt: skip
TEAM_SETTING_PREFIXES = ("zgw.",)  # the link with the municipality
_NAMESPACE = uuid.UUID("6f1c1f0e-8a55-4b0e-9d43-5d6a3c1f7a21")


def is_team_setting(key: str) -> bool:
    return key in TEAM_SETTING_KEYS or key.startswith(TEAM_SETTING_PREFIXES)


def team_setting_uuid(key: str) -> uuid.UUID:
    """The same on every laptop: two laptops setting one key write one record."""
    return uuid.uuid5(_NAMESPACE, key)


def team_setting_key(record: uuid.UUID) -> str | None:
    """The key of a team setting's record, for the fixed keys (None for the others)."""
    return _BY_UUID.get(record)


_BY_UUID = {team_setting_uuid(key): key for key in TEAM_SETTING_KEYS}
