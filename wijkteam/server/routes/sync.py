"""Push, pull and the device's key wraps."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response

from wijkteam.server.deps import DB, Caller
from wijkteam.server.repository import keys, sync
from wijkteam.server.schemas import PushBody, b64, blob

router = APIRouter(prefix="/v1")
log = logging.getLogger("wijkteam.server")


@router.post("/push")
def push(body: PushBody, caller: Caller, db: DB) -> Any:
    ops = [
        sync.OpIn(
            o.op_id,
            o.kind,
            o.uuid,
            o.base_version,
            o.key_epoch,
            o.tombstone,
            blob(o.ciphertext, "ciphertext"),
        )
        for o in body.operations
    ]
    outcome = sync.push(db, caller.device_id, caller.role, body.head, ops)
    log.info("push device=%s ops=%d %s", caller.device_id, len(ops), outcome.status)
    if outcome.status == "conflict":
        db.rollback()
        current = [{**c, "ciphertext": b64(c.get("ciphertext") or b"")} for c in outcome.current]
        return JSONResponse({"code": "conflict", "current": current}, status_code=409)
    db.commit()
    return {"status": outcome.status, "versions": outcome.versions}


@router.get("/pull")
def pull(
    caller: Caller,
    db: DB,
    after: str = Query(default="0:0", max_length=60),
    limit: int = Query(default=200, ge=1, le=1000),
) -> Response:
    page, count = sync.pull(db, caller.team_id, after, limit)
    db.commit()
    log.info("pull device=%s pushes=%d", caller.device_id, count)
    return Response(page, media_type="application/json")


@router.get("/keys")
def device_keys(caller: Caller, db: DB) -> dict[str, Any]:
    wraps = keys.wraps_for(db, caller.team_id, str(caller.device_id))
    return {
        "team": str(caller.team_id),
        "device": str(caller.device_id),
        "role": caller.role,
        "wraps": [{"epoch": w["epoch"], "wrap": b64(w["wrap"])} for w in wraps],
    }
