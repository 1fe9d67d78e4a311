"""Per-request dependencies: a database session and the device behind the bearer token
(checked on every request). Routes commit themselves before answering: code after a
dependency's `yield` may run only after the answer was sent, and a client's next request
must see what the previous answer confirmed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from wijkteam.server.errors import coordinator_only, unauthorised
from wijkteam.server.repository.codes import Authenticated, authenticate


def session(request: Request) -> Iterator[Session]:
    with request.app.state.sessions() as db:
        yield db


DB = Annotated[Session, Depends(session)]


def device(request: Request, db: DB) -> Authenticated:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise unauthorised()
    return authenticate(db, token)


Caller = Annotated[Authenticated, Depends(device)]


def coordinator(caller: Caller) -> Authenticated:
    if caller.role != "coordinator":
        raise coordinator_only()
    return caller


Coordinator = Annotated[Authenticated, Depends(coordinator)]
