"""Stores made by earlier releases (tests/fixtures/stores/, frozen by
packaging/freeze_release_store.py) open in this version the way a user opens them: signing in
(or, for an unencrypted store of the first releases, the first start that converts it). The
schema migrates to this version's head, every record of the frozen manifest is still there, a
backup of the old store is made first, and a migration that fails leaves the store as it was.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

import wijkteam.store.migrate as migrate
from tests.conftest import TEST_KDF, team_setup
from wijkteam.documents.summary_choices import SummaryChoices, compose_summary
from wijkteam.documents.visit_summary import build_visit_summary
from wijkteam.domain.enums import Language
from wijkteam.errors import StoreBackupFailed, StoreUpgradeFailed
from wijkteam.services.worklist import WorklistQuery
from wijkteam.store.cipher import Cipher
from wijkteam.store.manifest import missing_records, record_manifest
from wijkteam.store.models import Base
from wijkteam.store.revisions import head_revision
from wijkteam.store.search_index import include_object
from wijkteam.store.upgrade import needs_upgrade, pre_upgrade_backup_path
from wijkteam.wiring.setup import Opened, first_start, open_unlocked, unlock

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "stores"
STORES = sorted(p for p in FIXTURES.iterdir() if (p / "manifest.json").is_file())


def manifest_of(fixture: Path) -> dict[str, Any]:
    return json.loads((fixture / "manifest.json").read_text(encoding="utf-8"))


def copy_fixture(fixture: Path, data_dir: Path) -> dict[str, Any]:
    data_dir.mkdir(parents=True)
    for name in ("wijkteam.db", "keys.json"):
        if (fixture / name).exists():
            shutil.copy2(fixture / name, data_dir / name)
    return manifest_of(fixture)


def open_as_user(data_dir: Path, manifest: dict[str, Any]) -> Opened:
    sign_in = manifest["sign_in"]
    if sign_in is None:  # unencrypted: the first start converts it
        return first_start(data_dir, team_setup(), kdf=TEST_KDF)
    ring, unlocked = unlock(data_dir, sign_in["initials"], sign_in["password"])
    return open_unlocked(data_dir, ring, unlocked)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fixtures_cover_the_first_plain_store_and_this_release() -> None:
    revisions = {manifest_of(p)["revision"]: manifest_of(p)["sign_in"] for p in STORES}
    assert "0001" in revisions and revisions["0001"] is None  # the very first release
    assert any(sign_in is not None for sign_in in revisions.values())
    filled = [p for p in STORES if manifest_of(p)["made_by"]["every_table"]]
    assert filled  # at least this release's, frozen with rows in every table
    for fixture in filled:
        empty = [t for t, v in manifest_of(fixture)["tables"].items() if v["count"] == 0]
        assert empty == [], fixture.name


@pytest.mark.parametrize("fixture", STORES, ids=lambda p: p.name)
def test_release_store_opens_migrated_with_every_record(fixture: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    frozen = copy_fixture(fixture, data_dir)
    opened = open_as_user(data_dir, frozen)
    store = opened.services.store
    try:
        with store.engine.connect() as connection:
            now = record_manifest(connection)
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "include_object": include_object}
            )
            assert compare_metadata(context, Base.metadata) == []
        assert now["revision"] == head_revision()
        assert missing_records(frozen, now) == []
        _use_it(opened)
    finally:
        store.close()

    backup = pre_upgrade_backup_path(data_dir / "wijkteam.db", frozen["revision"])
    assert backup.exists() == needs_upgrade(frozen["revision"], frozen["tables"])
    if backup.exists():  # the old store, whole, openable with the store's key
        engine = create_engine(
            "sqlite://",
            module=Cipher.module,
            creator=lambda: store.cipher.connect(backup, read_only=True),  # type: ignore[union-attr]
        )
        with engine.connect() as connection:
            kept = record_manifest(connection)
        engine.dispose()
        assert kept["revision"] == frozen["revision"]
        assert missing_records(frozen, kept) == []
        before = sha256(backup)

    again = open_as_user(data_dir, {**frozen, "sign_in": frozen["sign_in"] or _new_sign_in()})
    again.services.store.close()
    if backup.exists():
        assert sha256(backup) == before  # opening an up-to-date store makes no new copy


def _new_sign_in() -> dict[str, str]:
    setup = team_setup()
    return {"initials": setup.initials, "password": setup.password}


def _use_it(opened: Opened) -> None:
    """What a member does first: Vandaag's lists, the dossiers, a visit summary."""
    services = opened.services
    rows = services.worklist.rows(WorklistQuery())
    assert rows
    for row in rows:
        services.residents.get(services.reports.get(row.report_id).resident_id)
    with_talk = [
        c for r in rows for c in services.contacts.for_resident(r.resident_id) if c.report_id
    ]
    if with_talk:
        draft = services.documents.visit_summary_draft(with_talk[0].report_id)
        pdf = build_visit_summary(compose_summary(draft, SummaryChoices(Language.DUTCH)))
        assert pdf.startswith(b"%PDF-")


UPGRADED = [
    p
    for p in STORES
    if manifest_of(p)["sign_in"] is not None
    and needs_upgrade(manifest_of(p)["revision"], manifest_of(p)["tables"])
]


@pytest.mark.parametrize("fixture", UPGRADED, ids=lambda p: p.name)
def test_failing_migration_leaves_the_store_as_it_was(
    fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    frozen = copy_fixture(fixture, data_dir)
    before = sha256(data_dir / "wijkteam.db")
    real_upgrade = migrate.upgrade

    def upgrade_then_fail(connection: Any, revision: str = "head") -> None:
        real_upgrade(connection, revision)  # every step ran, then something breaks
        raise RuntimeError("schijf weg")

    monkeypatch.setattr(migrate, "upgrade", upgrade_then_fail)
    with pytest.raises(StoreUpgradeFailed):
        open_as_user(data_dir, frozen)
    assert sha256(data_dir / "wijkteam.db") == before
    assert not (data_dir / "wijkteam.db-wal").exists() or sha256(data_dir / "wijkteam.db") == before

    monkeypatch.setattr(migrate, "upgrade", real_upgrade)
    opened = open_as_user(data_dir, frozen)
    with opened.services.store.engine.connect() as connection:
        assert missing_records(frozen, record_manifest(connection)) == []
    opened.services.store.close()


@pytest.mark.parametrize("fixture", UPGRADED[:1], ids=lambda p: p.name)
def test_no_upgrade_without_a_backup(fixture: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    frozen = copy_fixture(fixture, data_dir)
    (data_dir / "backups").write_text("geen map")  # the backup cannot be written
    before = sha256(data_dir / "wijkteam.db")
    with pytest.raises(StoreBackupFailed):
        open_as_user(data_dir, frozen)
    assert sha256(data_dir / "wijkteam.db") == before


@pytest.mark.parametrize("fixture", UPGRADED[:1], ids=lambda p: p.name)
def test_migrations_run_without_foreign_key_cascades(
    fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "data"
    frozen = copy_fixture(fixture, data_dir)
    seen: list[int] = []
    real_upgrade = migrate.upgrade

    def watching(connection: Any, revision: str = "head") -> None:
        seen.append(connection.exec_driver_sql("PRAGMA foreign_keys").scalar())
        real_upgrade(connection, revision)

    monkeypatch.setattr(migrate, "upgrade", watching)
    opened = open_as_user(data_dir, frozen)
    opened.services.store.close()
    assert seen == [0]
