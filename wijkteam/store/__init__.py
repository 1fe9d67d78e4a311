"""The local store: SQLAlchemy models, Alembic migrations, and the one place that opens it.

The names below load wijkteam.store.opening (and with it SQLAlchemy) on first use, so that
light modules of this package (cipher, instance_lock) can be imported before the sign-in
screen without paying for the database layer."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

STORE_FILENAME = "wijkteam.db"

if TYPE_CHECKING:
    from wijkteam.store.opening import Store, open_store


def store_path(data_dir: Path) -> Path:
    return Path(data_dir) / STORE_FILENAME


def __getattr__(name: str) -> Any:
    if name in {"Store", "open_store"}:
        from wijkteam.store import opening

        return getattr(opening, name)
    raise AttributeError(name)


__all__ = ["Store", "open_store", "store_path"]
