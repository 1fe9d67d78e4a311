from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from wijkteam.errors import StoreNotADatabase, StoreReadOnly, StoreTooNew, StoreUnreadable
from wijkteam.store import open_store, store_path
from wijkteam.store.revisions import head_revision


def test_new_store_is_migrated_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    store = open_store(store_path(tmp_path / "nieuw"))
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert (
            connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            == head_revision()
        )
    store.close()


def test_directory_in_place_of_the_file_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "wijkteam.db").mkdir()
    with pytest.raises(StoreUnreadable):
        open_store(tmp_path / "wijkteam.db")


def test_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "wijkteam.db"
    path.write_bytes(b"dit is geen database\n" * 100)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    with pytest.raises(StoreNotADatabase):
        open_store(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wijkteam.db"]


def test_corrupt_database_after_a_valid_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "wijkteam.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(StoreNotADatabase):
        open_store(path)


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "wijkteam.db"
    open_store(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    with pytest.raises(StoreTooNew) as caught:
        open_store(path)
    assert caught.value.params["revision"] == "9999"
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


def test_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    if os.geteuid() == 0:
        # root ignores permission bits; pretend the folder is read-only for this check.
        real_access = os.access
        monkeypatch.setattr(
            os,
            "access",
            lambda p, mode: (
                False if Path(p) == folder and mode == os.W_OK else real_access(p, mode)
            ),
        )
    else:
        folder.chmod(0o555)
    try:
        with pytest.raises(StoreReadOnly):
            open_store(folder / "wijkteam.db")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    with pytest.raises(StoreReadOnly):
        open_store(blocker / "sub" / "wijkteam.db")
