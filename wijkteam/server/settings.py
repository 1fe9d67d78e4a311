"""Server settings: from the command line, handed to worker processes through the
environment (uvicorn starts workers by import string)."""

from __future__ import annotations

import os
from dataclasses import dataclass

PREFIX = "WIJKTEAM_SERVER_"


@dataclass(frozen=True)
class Settings:
    database: str
    host: str = "127.0.0.1"
    port: int = 8443
    certfile: str = ""
    keyfile: str = ""
    workers: int = 1
    code_attempts: int = 10  # failed code attempts per client address per window
    attempt_window_s: int = 900
    # As many connections as request threads (anyio's default limiter: 40), so a burst of
    # laptops never makes the pool open and close overflow connections (a new PostgreSQL
    # backend and its authentication per request). Opened only as needed.
    pool_size: int = 40

    def to_environment(self) -> dict[str, str]:
        return {PREFIX + k.upper(): str(v) for k, v in self.__dict__.items()}

    @staticmethod
    def from_environment(environ: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if environ is None else environ)
        values: dict[str, object] = {}
        for name, field in Settings.__dataclass_fields__.items():
            raw = env.get(PREFIX + name.upper())
            if raw is not None:
                values[name] = int(raw) if field.type == "int" else raw
        return Settings(**values)  # type: ignore[arg-type]
