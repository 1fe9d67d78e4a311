"""What the coordinator's device manages: invites, enrolments of joined devices, key wraps,
rotations (with revocations), roles and the team recovery wrap."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from wijkteam.server.errors import ApiError, bad_request
from wijkteam.server.models import Code, Device, KeyWrap, Recovery, Team
from wijkteam.server.repository import clock
from wijkteam.server.repository.codes import INVITE, RECOVERY, void_pending_invites
from wijkteam.teamproto.wraps import RECOVERY_RECIPIENT

MAX_INVITE_HOURS = 72


def add_invite(
    session: Session, team_id: uuid.UUID, auth_hash: str, bundle: bytes, hours: int
) -> None:
    if not 0 < hours <= MAX_INVITE_HOURS:
        raise bad_request("valid_hours")
    session.add(
        Code(
            team_id=team_id,
            purpose=INVITE,
            auth_hash=auth_hash,
            bundle=bundle,
            expires_at=func.now() + timedelta(hours=hours),
        )
    )


def enrolments(session: Session, team_id: uuid.UUID) -> list[dict[str, Any]]:
    rows = session.execute(
        select(Device.id, Device.enrolment, Code.auth_hash)
        .join(Code, Code.id == Device.code_id)
        .where(
            Device.team_id == team_id,
            Device.enrolment.is_not(None),
            Device.confirmed_at.is_not(None),
            Device.revoked_at.is_(None),
        )
    ).all()
    return [{"device": str(r.id), "auth_hash": r.auth_hash, "enrolment": r.enrolment} for r in rows]


def enrolment_done(session: Session, team_id: uuid.UUID, device_id: uuid.UUID) -> None:
    session.execute(
        update(Device)
        .where(Device.team_id == team_id, Device.id == device_id)
        .values(enrolment=None)
    )


def wraps_for(session: Session, team_id: uuid.UUID, recipient: str) -> list[dict[str, Any]]:
    rows = session.execute(
        select(KeyWrap.epoch, KeyWrap.wrap)
        .where(KeyWrap.team_id == team_id, KeyWrap.recipient == recipient)
        .order_by(KeyWrap.epoch)
    ).all()
    return [{"epoch": r.epoch, "wrap": r.wrap} for r in rows]


def put_wraps(session: Session, team_id: uuid.UUID, wraps: list[tuple[int, str, bytes]]) -> None:
    team = session.get(Team, team_id)
    assert team is not None
    for epoch, recipient, wrap in wraps:
        if not 0 < epoch <= team.current_epoch:
            raise bad_request("epoch")
        statement = insert(KeyWrap).values(
            team_id=team_id, epoch=epoch, recipient=recipient, wrap=wrap
        )
        session.execute(
            statement.on_conflict_do_update(
                index_elements=["team_id", "epoch", "recipient"], set_={"wrap": wrap}
            )
        )


def rotate(
    session: Session,
    team_id: uuid.UUID,
    by_device: uuid.UUID,
    epoch: int,
    wraps: list[tuple[str, bytes]],
    revoke: list[uuid.UUID],
) -> None:
    """A new key epoch: revoked devices refused from now on, pending invites voided."""
    team = session.get(Team, team_id, with_for_update=True)
    assert team is not None
    if epoch != team.current_epoch + 1:
        raise ApiError(409, "epoch_stale", current_epoch=team.current_epoch)
    if by_device in revoke:
        raise bad_request("revoke")
    now = session.scalar(select(func.now()))
    assert now is not None
    if revoke:
        session.execute(
            update(Device)
            .where(Device.team_id == team_id, Device.id.in_(revoke))
            .values(revoked_at=now, enrolment=None)
        )
    void_pending_invites(session, team_id, now)
    team.current_epoch = epoch
    session.flush()
    put_wraps(session, team_id, [(epoch, recipient, wrap) for recipient, wrap in wraps])
    clock.hold(session, team_id)  # the last step: see repository/clock.py


def set_role(session: Session, team_id: uuid.UUID, device_id: uuid.UUID, role: str) -> None:
    if role not in ("coordinator", "member"):
        raise bad_request("role")
    changed = session.execute(
        update(Device)
        .where(Device.team_id == team_id, Device.id == device_id, Device.revoked_at.is_(None))
        .values(role=role)
    )
    if changed.rowcount != 1:  # type: ignore[attr-defined]
        raise ApiError(404, "device_unknown")


def put_recovery(
    session: Session,
    team_id: uuid.UUID,
    auth_hash: str,
    signing_wrap: bytes,
    wraps: list[tuple[int, bytes]],
) -> None:
    """Replaces the team recovery wrap: the previous recovery code stops working."""
    now = session.scalar(select(func.now()))
    session.execute(
        update(Code)
        .where(Code.team_id == team_id, Code.purpose == RECOVERY, Code.used_at.is_(None))
        .values(voided_at=now)
    )
    session.add(Code(team_id=team_id, purpose=RECOVERY, auth_hash=auth_hash))
    session.execute(delete(Recovery).where(Recovery.team_id == team_id))
    session.add(Recovery(team_id=team_id, signing_wrap=signing_wrap))
    session.execute(
        delete(KeyWrap).where(KeyWrap.team_id == team_id, KeyWrap.recipient == RECOVERY_RECIPIENT)
    )
    session.flush()
    put_wraps(session, team_id, [(e, RECOVERY_RECIPIENT, w) for e, w in wraps])


def recovery_of(session: Session, team_id: uuid.UUID) -> dict[str, Any]:
    recovery = session.get(Recovery, team_id)
    if recovery is None:
        raise ApiError(404, "recovery_unknown")
    return {
        "signing_wrap": recovery.signing_wrap,
        "wraps": wraps_for(session, team_id, RECOVERY_RECIPIENT),
    }
