"""The local store: SQLAlchemy models, Alembic migrations, and the one place that opens it."""

from wijkteam.store.opening import Store, open_store, store_path

__all__ = ["Store", "open_store", "store_path"]
