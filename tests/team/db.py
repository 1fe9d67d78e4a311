"""Direct SQL on the test server's database: a disk thief's or a malicious server's view."""

from __future__ import annotations

from typing import Any

import psycopg


def sql(database: str, statement: str, params: Any = None) -> list[tuple[Any, ...]]:
    with psycopg.connect(database, autocommit=True) as connection:
        cursor = connection.execute(statement, params)  # type: ignore[arg-type]
        return cursor.fetchall() if cursor.description else []
