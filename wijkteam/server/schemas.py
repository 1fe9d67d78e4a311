"""Request bodies. Binary fields travel as base64 text; nothing here is ever logged."""

from __future__ import annotations

import base64
import binascii
import uuid
from typing import Any

from pydantic import BaseModel, Field

from wijkteam.server.errors import bad_request

MAX_OPS = 500
MAX_BLOB = 4_000_000


def blob(text: str, field: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError) as error:
        raise bad_request(field) from error


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class Redeem(BaseModel):
    auth: str = Field(max_length=200)
    device: uuid.UUID
    enrolment: str | None = Field(default=None, max_length=1000)


class OpBody(BaseModel):
    op_id: uuid.UUID
    kind: str = Field(min_length=1, max_length=100)
    uuid: uuid.UUID
    base_version: int = Field(ge=0)
    key_epoch: int = Field(ge=1)
    tombstone: bool = False
    ciphertext: str = Field(max_length=MAX_BLOB)


class PushBody(BaseModel):
    head: dict[str, Any]
    operations: list[OpBody] = Field(max_length=MAX_OPS)


class InviteBody(BaseModel):
    auth_hash: str = Field(min_length=64, max_length=64)
    bundle: str = Field(max_length=MAX_BLOB)
    valid_hours: int = 72


class WrapBody(BaseModel):
    epoch: int = Field(ge=1)
    recipient: str = Field(max_length=100)
    wrap: str = Field(max_length=1000)


class WrapsBody(BaseModel):
    wraps: list[WrapBody]


class RotateBody(BaseModel):
    epoch: int = Field(ge=2)
    wraps: list[WrapBody]
    revoke: list[uuid.UUID] = []


class RecoveryBody(BaseModel):
    auth_hash: str = Field(min_length=64, max_length=64)
    signing_wrap: str = Field(max_length=1000)
    wraps: list[WrapBody]


class RoleBody(BaseModel):
    role: str
