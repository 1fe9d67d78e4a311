"""The store at rest: encrypted pages, and every way opening can fail, untouched."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import pytest

from tests.factories import BSN_A, report, resident
from wijkteam.clock import FixedClock
from wijkteam.demo.generator import generate
from wijkteam.errors import (
    StoreInUse,
    StoreNotADatabase,
    StoreNotEncrypted,
    StoreReadOnly,
    StoreTooNew,
    StoreUnreadable,
)
from wijkteam.services.worklist import WorklistQuery, WorklistSort
from wijkteam.store import open_store, store_path
from wijkteam.store.cipher import Cipher
from wijkteam.wiring import Services


@pytest.fixture
def key() -> bytes:
    return secrets.token_bytes(32)


def _all_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _demo_words(services: Services) -> set[bytes]:
    words: set[bytes] = set()
    for person in services.residents.search("vaals", limit=200) + services.residents.search(
        "lemiers", limit=200
    ):
        words.add(person.surname.encode())
        if person.first_names:
            words.add(person.first_names.encode())
        if person.bsn:
            words.add(person.bsn.encode())
    return {w for w in words if len(w) >= 4}


def test_store_and_wal_hold_no_names_or_bsns(tmp_path: Path, key: bytes, clock: FixedClock) -> None:
    store = open_store(store_path(tmp_path), key, clock=clock)
    services = Services.create(store)
    services.reports.register(report(), resident=resident(surname="Quispelaar", bsn=BSN_A))
    generate(store, services.audit, residents=40)
    words = _demo_words(services) | {b"Quispelaar", BSN_A.encode()}
    assert len(words) > 10
    files = _all_bytes(tmp_path)  # while open: the -wal and -shm files exist too
    assert any(name.endswith("-wal") for name in files)
    for name, content in files.items():
        for word in words:
            assert word not in content, f"{word!r} readable in {Path(name).name}"
    store.close()
    for name, content in _all_bytes(tmp_path).items():
        for word in words:
            assert word not in content, f"{word!r} readable in {Path(name).name}"


def test_no_temporary_files_outside_the_data_folder(
    tmp_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setenv("SQLITE_TMPDIR", str(temp))
    store = open_store(store_path(tmp_path / "data"), key)
    services = Services.create(store)
    generate(store, services.audit, residents=30)
    services.worklist.rows(WorklistQuery(sort=WorklistSort.RESIDENT), limit=1000)
    store.close()
    assert list(temp.iterdir()) == []


def test_wrong_key_is_refused_untouched(tmp_path: Path, key: bytes) -> None:
    path = store_path(tmp_path)
    open_store(path, key).close()
    before = path.read_bytes()
    with pytest.raises(StoreNotADatabase):
        open_store(path, secrets.token_bytes(32))
    assert path.read_bytes() == before


def test_plain_database_with_a_key_is_not_used(tmp_path: Path, key: bytes) -> None:
    path = store_path(tmp_path)
    open_store(path).close()  # an unencrypted store of an earlier version
    with pytest.raises(StoreNotEncrypted):
        open_store(path, key)


def test_encrypted_store_without_key_is_not_a_database(tmp_path: Path, key: bytes) -> None:
    path = store_path(tmp_path)
    open_store(path, key).close()
    with pytest.raises(StoreNotADatabase):
        open_store(path)


def test_garbage_with_a_key_is_not_a_database(tmp_path: Path, key: bytes) -> None:
    path = store_path(tmp_path)
    path.write_bytes(b"dit is geen database\n" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreNotADatabase):
        open_store(path, key)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wijkteam.db"]


def test_newer_encrypted_schema_is_refused_untouched(tmp_path: Path, key: bytes) -> None:
    path = store_path(tmp_path)
    open_store(path, key).close()
    connection = Cipher(key).connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(StoreTooNew):
        open_store(path, key)
    assert path.read_bytes() == before


def test_unreadable_and_read_only_with_a_key(
    tmp_path: Path, key: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "map").mkdir()
    with pytest.raises(StoreUnreadable):
        open_store(tmp_path / "map", key)
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    with pytest.raises(StoreReadOnly):
        open_store(blocker / "sub" / "wijkteam.db", key)
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode: False if Path(p) == folder and mode == os.W_OK else real_access(p, mode),
    )
    with pytest.raises(StoreReadOnly):
        open_store(folder / "wijkteam.db", key)
    assert list(folder.iterdir()) == []


def test_one_process_per_store(tmp_path: Path, key: bytes) -> None:
    path = store_path(tmp_path)
    first = open_store(path, key)
    with pytest.raises(StoreInUse):
        open_store(path, key)
    first.close()
    open_store(path, key).close()  # free again after closing


def test_the_secret_never_shows_in_repr(key: bytes) -> None:
    cipher = Cipher(key)
    assert key.hex() not in repr(cipher)
