"""Public routes: register a team, join with an invite, recover with the team recovery code.
Each is a one-time code redeemed for a device token; failed attempts are rate-limited."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Request

from wijkteam.server.deps import DB
from wijkteam.server.errors import ApiError
from wijkteam.server.repository import codes, keys
from wijkteam.server.schemas import Redeem, b64, blob

router = APIRouter(prefix="/v1")
log = logging.getLogger("wijkteam.server")


def _redeem(request: Request, db: DB, purpose: str, body: Redeem) -> codes.Redeemed:
    settings = request.app.state.settings
    client = codes.client_key(request.client.host if request.client else "?")
    codes.check_rate(db, client, settings.code_attempts, settings.attempt_window_s)
    codes.purge_expired(db)  # invites leave nothing behind: expired bundles go
    enrolment = blob(body.enrolment, "enrolment") if body.enrolment else None
    try:
        redeemed = codes.redeem(db, purpose, blob(body.auth, "auth"), body.device, enrolment)
    except ApiError as error:
        db.rollback()
        if error.status in (404, 410):
            codes.record_failure(db, client)
        codes.purge_expired(db)  # an expired invite's wrapped keys go at once
        db.commit()
        log.info("%s refused: %s", purpose, error.code)
        raise
    log.info("%s: team=%s device=%s", purpose, redeemed.team_id, redeemed.device_id)
    return redeemed


def _answer(redeemed: codes.Redeemed) -> dict[str, Any]:
    return {
        "team": str(redeemed.team_id),
        "device": str(redeemed.device_id),
        "token": redeemed.token,
    }


@router.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


@router.post("/register")
def register(request: Request, body: Redeem, db: DB) -> dict[str, Any]:
    redeemed = _redeem(request, db, codes.REGISTRATION, body)
    db.commit()
    return _answer(redeemed)


@router.post("/join")
def join(request: Request, body: Redeem, db: DB) -> dict[str, Any]:
    if not body.enrolment:
        raise ApiError(400, "bad_request", field="enrolment")
    redeemed = _redeem(request, db, codes.INVITE, body)
    if redeemed.bundle is None:
        raise ApiError(410, "code_expired")
    db.commit()
    return _answer(redeemed) | {"bundle": b64(redeemed.bundle)}


@router.post("/recover")
def recover(request: Request, body: Redeem, db: DB) -> dict[str, Any]:
    redeemed = _redeem(request, db, codes.RECOVERY, body)
    found = keys.recovery_of(db, redeemed.team_id)
    db.commit()
    return _answer(redeemed) | {
        "signing_wrap": b64(found["signing_wrap"]),
        "wraps": [{"epoch": w["epoch"], "wrap": b64(w["wrap"])} for w in found["wraps"]],
    }
