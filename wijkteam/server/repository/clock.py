"""The team's commit clock (`push_clocks`): the pull order, and what keeps a push and a
rotation of the same team in one order.

A push takes the next tick as the last statement of its transaction and holds the row's lock
until it commits, so a higher tick always commits after a lower one (docs/team-protocol.md).
A rotation and a push of the same team: a push's rows reference the team row, so a rotation
(which locks that row) waits for a push that has written, and a push that has not yet written
waits for the rotation. The one window left: the push read the epoch before the rotation
committed and writes after it. So the push reads the epoch again with its tick and is
refused as sealed under the old key (`epoch_stale`) if it changed, never committed after
the rotation. A rotation also takes the clock row as its last step, so that order does not
rest on the foreign keys' locks alone."""

from __future__ import annotations

import uuid

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from wijkteam.server.errors import ApiError
from wijkteam.server.models import Team

# One more than the last tick, or the database's clock in microseconds if that is further
# (so a restored older back-up never hands out a number a laptop has already passed).
_NEXT = text(
    """
    INSERT INTO push_clocks AS c (team_id, tick)
    VALUES (:team, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint)
    ON CONFLICT (team_id) DO UPDATE SET tick = greatest(c.tick + 1, EXCLUDED.tick)
    RETURNING tick
    """
)
_HOLD = text(
    """
    INSERT INTO push_clocks AS c (team_id, tick) VALUES (:team, 0)
    ON CONFLICT (team_id) DO UPDATE SET tick = c.tick
    """
)


# The push's place, given only if the key epoch is still the one its batch was sealed under.
# A statement of its own after the tick: its snapshot is taken once the tick's lock was granted,
# so it sees a rotation that committed while the push waited for that lock.
_STAMP = text(
    """
    UPDATE pushes SET seq = :tick
    WHERE id = :push AND (SELECT current_epoch FROM teams WHERE id = :team) = :epoch
    RETURNING seq
    """
)


def stamp(session: Session, team_id: uuid.UUID, push_id: int, sealed_epoch: int) -> int:
    """A push's place in the pull order, written on its row; the caller commits right after.
    Refuses the push if a rotation committed since its batch was checked against
    `sealed_epoch`. Two statements while the team's clock row is held, so pushes queue on it
    as briefly as they can."""
    tick = int(session.execute(_NEXT, {"team": team_id}).scalar_one())
    values = {"tick": tick, "push": push_id, "team": team_id, "epoch": sealed_epoch}
    if session.execute(_STAMP, values).first() is None:
        session.rollback()
        current = session.scalar(select(Team.current_epoch).where(Team.id == team_id))
        raise ApiError(409, "epoch_stale", current_epoch=current)
    return tick


def hold(session: Session, team_id: uuid.UUID) -> None:
    """A rotation's last step: pushes of the team wait for its commit from here on."""
    session.execute(_HOLD, {"team": team_id})
