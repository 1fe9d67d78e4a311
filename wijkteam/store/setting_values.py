"""Reading and writing a setting by key, wherever it is kept: a team-wide key in
`team_setting` (shared with the team), a laptop's own in `setting`."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.domain.team_settings import is_team_setting, team_setting_uuid
from wijkteam.store.models import Setting, TeamSetting


def get_setting(session: Session, key: str) -> str | None:
    if is_team_setting(key):
        return session.scalar(select(TeamSetting.value).where(TeamSetting.key == key))
    row = session.get(Setting, key)
    return row.value if row else None


def set_setting(session: Session, key: str, value: str) -> None:
    """Writes only a change: an unchanged team setting is not sent to the team again."""
    if is_team_setting(key):
        row = session.scalar(select(TeamSetting).where(TeamSetting.key == key))
        if row is None:
            session.add(TeamSetting(uuid=team_setting_uuid(key), key=key, value=value))
        elif row.value != value:
            row.value = value
        return
    local = session.get(Setting, key)
    if local is None:
        session.add(Setting(key=key, value=value))
    else:
        local.value = value


def team_settings_like(session: Session, prefix: str) -> dict[str, str]:
    """Every team setting whose key starts with `prefix`."""
    query = select(TeamSetting.key, TeamSetting.value).where(TeamSetting.key.startswith(prefix))
    return {key: value for key, value in session.execute(query)}
