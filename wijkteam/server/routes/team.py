"""The coordinator's device only: invites, enrolments, key wraps, rotation with revocation,
roles and the team recovery wrap."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from fastapi import APIRouter

from wijkteam.server.deps import DB, Coordinator
from wijkteam.server.errors import bad_request
from wijkteam.server.repository import keys
from wijkteam.server.repository.codes import purge_expired
from wijkteam.server.schemas import (
    InviteBody,
    RecoveryBody,
    RoleBody,
    RotateBody,
    WrapsBody,
    b64,
    blob,
)

router = APIRouter(prefix="/v1")
log = logging.getLogger("wijkteam.server")


@router.post("/invites")
def invite(body: InviteBody, caller: Coordinator, db: DB) -> dict[str, str]:
    bundle = blob(body.bundle, "bundle")
    keys.add_invite(db, caller.team_id, body.auth_hash, bundle, body.valid_hours)
    purge_expired(db)
    log.info("invite made team=%s", caller.team_id)
    db.commit()
    return {"status": "ok"}


@router.get("/enrolments")
def enrolments(caller: Coordinator, db: DB) -> dict[str, Any]:
    found = keys.enrolments(db, caller.team_id)
    return {"enrolments": [{**e, "enrolment": b64(e["enrolment"])} for e in found]}


@router.post("/enrolments/{device_id}/done")
def enrolment_done(device_id: uuid.UUID, caller: Coordinator, db: DB) -> dict[str, str]:
    keys.enrolment_done(db, caller.team_id, device_id)
    db.commit()
    return {"status": "ok"}


@router.post("/wraps")
def wraps(body: WrapsBody, caller: Coordinator, db: DB) -> dict[str, str]:
    keys.put_wraps(
        db, caller.team_id, [(w.epoch, w.recipient, blob(w.wrap, "wrap")) for w in body.wraps]
    )
    db.commit()
    return {"status": "ok"}


@router.post("/rotate")
def rotate(body: RotateBody, caller: Coordinator, db: DB) -> dict[str, str]:
    if any(w.epoch != body.epoch for w in body.wraps):
        raise bad_request("wraps")
    keys.rotate(
        db,
        caller.team_id,
        caller.device_id,
        body.epoch,
        [(w.recipient, blob(w.wrap, "wrap")) for w in body.wraps],
        body.revoke,
    )
    log.info("rotate team=%s epoch=%d revoked=%d", caller.team_id, body.epoch, len(body.revoke))
    db.commit()
    return {"status": "ok"}


@router.post("/devices/{device_id}/role")
def role(device_id: uuid.UUID, body: RoleBody, caller: Coordinator, db: DB) -> dict[str, str]:
    keys.set_role(db, caller.team_id, device_id, body.role)
    db.commit()
    return {"status": "ok"}


@router.put("/recovery")
def recovery(body: RecoveryBody, caller: Coordinator, db: DB) -> dict[str, str]:
    keys.put_recovery(
        db,
        caller.team_id,
        body.auth_hash,
        blob(body.signing_wrap, "signing_wrap"),
        [(w.epoch, blob(w.wrap, "wrap")) for w in body.wraps],
    )
    log.info("recovery wrap replaced team=%s", caller.team_id)
    db.commit()
    return {"status": "ok"}
