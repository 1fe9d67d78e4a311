"""Teams and one-time codes (registration, invite, recovery), devices and their tokens,
and the rate limit on code attempts."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from wijkteam.server.errors import ApiError, revoked, unauthorised
from wijkteam.server.models import Attempt, Code, Device, Team
from wijkteam.teamproto.encoding import token_hash
from wijkteam.teamproto.heads import GENESIS

REGISTRATION, INVITE, RECOVERY = "registration", "invite", "recovery"
ROLE_FOR = {REGISTRATION: "coordinator", RECOVERY: "coordinator", INVITE: "member"}


@dataclass(frozen=True)
class Authenticated:
    device_id: uuid.UUID
    team_id: uuid.UUID
    role: str


@dataclass(frozen=True)
class Redeemed:
    team_id: uuid.UUID
    device_id: uuid.UUID
    token: str
    bundle: bytes | None


def add_team(session: Session, name: str, auth: bytes, valid_hours: int) -> uuid.UUID:
    team = Team(id=uuid.uuid4(), name=name)
    session.add(team)
    session.flush()
    session.add(
        Code(
            team_id=team.id,
            purpose=REGISTRATION,
            auth_hash=token_hash(auth),
            expires_at=func.now() + timedelta(hours=valid_hours),
        )
    )
    return team.id


def client_key(address: str) -> str:
    return hashlib.sha256(b"wijkteam-client-v1" + address.encode()).hexdigest()


def check_rate(session: Session, client: str, limit: int, window_s: int) -> None:
    since = func.now() - timedelta(seconds=window_s)
    session.execute(delete(Attempt).where(Attempt.at < since))
    count = session.scalar(
        select(func.count()).select_from(Attempt).where(Attempt.client == client)
    )
    if (count or 0) >= limit:
        raise ApiError(429, "too_many_attempts")


def record_failure(session: Session, client: str) -> None:
    session.add(Attempt(client=client))


def new_token() -> str:
    return secrets.token_urlsafe(32)


def redeem(
    session: Session, purpose: str, auth: bytes, device_id: uuid.UUID, enrolment: bytes | None
) -> Redeemed:
    """Use a one-time code for a device. A retry by the same device before its first
    authenticated request gets a new token; anyone else is refused."""
    code = session.scalar(
        select(Code)
        .where(Code.auth_hash == token_hash(auth), Code.purpose == purpose)
        .with_for_update()
    )
    if code is None:
        raise ApiError(404, "code_unknown")
    now = session.scalar(select(func.now()))
    assert now is not None
    if code.voided_at is not None:
        raise ApiError(410, "code_voided")
    if code.used_at is not None or (code.device_id not in (None, device_id)):
        raise ApiError(410, "code_used")
    if code.expires_at is not None and code.expires_at <= now:
        raise ApiError(410, "code_expired")
    token = new_token()
    device = session.get(Device, device_id, with_for_update=True)
    if device is None:
        device = Device(
            id=device_id,
            team_id=code.team_id,
            role=ROLE_FOR[purpose],
            token_hash=token_hash(token),
            code_id=code.id,
            head_chain=GENESIS,
        )
        session.add(device)
    elif device.code_id != code.id or device.confirmed_at is not None:
        raise ApiError(410, "code_used")
    else:
        device.token_hash = token_hash(token)
    device.enrolment = enrolment
    code.device_id = device_id
    return Redeemed(code.team_id, device_id, token, code.bundle)


def authenticate(session: Session, token: str) -> Authenticated:
    """Every request: the token's hash, a device not revoked. The first authenticated
    request of a new device marks its code used (and deletes an invite's bundle)."""
    device = session.scalar(select(Device).where(Device.token_hash == token_hash(token)))
    if device is None:
        raise unauthorised()
    if device.revoked_at is not None:
        raise revoked()
    if device.confirmed_at is None:
        _confirm(session, device)
    return Authenticated(device.id, device.team_id, device.role)


def _confirm(session: Session, device: Device) -> None:
    now = session.scalar(select(func.now()))
    device.confirmed_at = now
    if device.code_id is None:
        return
    code = session.get(Code, device.code_id, with_for_update=True)
    if code is None:
        return
    code.used_at = now
    code.bundle = None
    if code.purpose == REGISTRATION:
        session.execute(update(Team).where(Team.id == code.team_id).values(registered_at=now))
    session.commit()


def purge_expired(session: Session) -> None:
    """Invites leave nothing behind: expired bundles are deleted."""
    session.execute(
        update(Code)
        .where(Code.bundle.is_not(None), Code.expires_at <= func.now())
        .values(bundle=None)
    )


def void_pending_invites(session: Session, team_id: uuid.UUID, now: datetime) -> None:
    session.execute(
        update(Code)
        .where(
            Code.team_id == team_id,
            Code.purpose == INVITE,
            Code.used_at.is_(None),
            Code.voided_at.is_(None),
        )
        .values(voided_at=now, bundle=None)
    )
