"""POST /v1/records: the newest stored version of records named by kind and UUID (for an
inzage of closed cases that left the laptop). Any device of the team may ask; what it gets
is ciphertext it alone can open."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from wijkteam.server.deps import DB, Caller
from wijkteam.server.repository import records
from wijkteam.server.schemas import b64

router = APIRouter(prefix="/v1")
log = logging.getLogger("wijkteam.server")
MAX_RECORDS = 1000


class Wanted(BaseModel):
    kind: str = Field(min_length=1, max_length=100)
    uuid: uuid.UUID


class RecordsBody(BaseModel):
    records: list[Wanted] = Field(max_length=MAX_RECORDS)


@router.post("/records")
def fetch(body: RecordsBody, caller: Caller, db: DB) -> dict[str, Any]:
    wanted = sorted({(w.kind, w.uuid) for w in body.records})
    found = records.newest(db, caller.team_id, wanted)
    db.commit()
    log.info("records device=%s asked=%d found=%d", caller.device_id, len(wanted), len(found))
    return {
        "records": [
            {
                "kind": r.kind,
                "uuid": str(r.uuid),
                "version": r.version,
                "key_epoch": r.key_epoch,
                "tombstone": r.tombstone,
                "ciphertext": b64(r.ciphertext or b""),
            }
            for r in found
        ]
    }
