"""`wijkteam server`: migrate, remember the TLS key's pin, serve HTTPS with uvicorn.
`wijkteam server add-team`: a team and its one-time registration code."""

from __future__ import annotations

import os
from pathlib import Path

import uvicorn
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from wijkteam.server.db import make_engine, make_sessions, migrate
from wijkteam.server.models import ServerKey
from wijkteam.server.repository.codes import add_team as add_team_row
from wijkteam.server.repository.codes import purge_expired
from wijkteam.server.settings import Settings
from wijkteam.teamproto.codes import RegistrationCode
from wijkteam.teamproto.keys import spki_pin_of_pem

REGISTRATION_HOURS = 24


class NoServerKey(Exception):
    """add-team without --certfile before the server ever started: no pin to put in the code."""


def prepare(settings: Settings) -> bytes:
    """Migrations, the pin of the certificate's key, expired invite bundles deleted."""
    pin = spki_pin_of_pem(Path(settings.certfile).read_bytes())
    engine = make_engine(settings.database, pool_size=1)
    try:
        migrate(engine)
        with make_sessions(engine)() as db:
            db.execute(insert(ServerKey).values(pin=pin.hex()).on_conflict_do_nothing())
            purge_expired(db)
            db.commit()
    finally:
        engine.dispose()
    return pin


def serve(settings: Settings) -> None:
    prepare(settings)
    os.environ.update(settings.to_environment())
    uvicorn.run(
        "wijkteam.server.app:app_from_environment",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        ssl_certfile=settings.certfile,
        ssl_keyfile=settings.keyfile,
        proxy_headers=False,
        server_header=False,
        timeout_graceful_shutdown=5,
        log_level="info",
    )


def add_team(
    database: str, name: str, certfile: str | None = None, hours: int = REGISTRATION_HOURS
) -> str:
    """The registration code's text (printed once; the server keeps only its hash)."""
    engine = make_engine(database, pool_size=1)
    try:
        migrate(engine)
        with make_sessions(engine)() as db:
            if certfile:
                pin = spki_pin_of_pem(Path(certfile).read_bytes())
            else:
                latest = db.scalar(select(ServerKey.pin).order_by(ServerKey.first_seen.desc()))
                if latest is None:
                    raise NoServerKey()
                pin = bytes.fromhex(latest)
            code = RegistrationCode.new(pin)
            add_team_row(db, name, code.auth, hours)
            db.commit()
    finally:
        engine.dispose()
    return code.text()
