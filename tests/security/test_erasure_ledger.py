"""The erasure ledger (issue 13 point 1, DESIGN.md §11): an erasure outlives a restore."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy.exc

from tests.conftest import TEAM_PASSWORD
from tests.factories import BSN_A, BSN_B
from tests.security.test_retention_and_erasure import KEPT, _case, _everything
from wijkteam.clock import FixedClock
from wijkteam.security.context import AuditAction
from wijkteam.services.audit_records import AuditQuery
from wijkteam.services.backups import backup_folder, restore
from wijkteam.services.privacy_ledger import mirror_path, read_mirror
from wijkteam.store import Store, open_store, store_path
from wijkteam.store.cipher import Cipher
from wijkteam.store.models import Erasure
from wijkteam.wiring.setup import Opened, open_unlocked, unlock

GONE = ["Quispelaar", BSN_A, "0612345678", "De buurman ziet meneer al weken niet meer"]


def _reopen(team_dir: Path, clock: FixedClock) -> Opened:
    ring, unlocked = unlock(team_dir, "CC", TEAM_PASSWORD, clock)
    return open_unlocked(team_dir, ring, unlocked, clock=clock)


def _erase_after_a_backup(team: Opened, clock: FixedClock) -> tuple[Path, int, bytes]:
    services = team.services
    gone = _case(services, clock, "Quispelaar", BSN_A, "06 12345678")
    _case(services, clock, "Blijfhier", BSN_B)
    backup = services.backups.make()
    clock.advance(minutes=3)
    resident_id = services.reports.get(gone).resident_id
    services.privacy.erase(resident_id)
    key = services.accounts.keys.store_key
    services.store.close()
    return backup, resident_id, key


def test_an_erasure_names_what_it_erased_by_uuid(team: Opened, clock: FixedClock) -> None:
    services = team.services
    gone = _case(services, clock, "Quispelaar", BSN_A, "06 12345678")
    report = services.reports.get(gone)
    resident_uuid = services.residents.get(report.resident_id).uuid
    entry = services.privacy.erase(report.resident_id)
    assert entry.resident_uuid == resident_uuid
    assert str(report.uuid) in entry.records["report"]
    assert {"report", "status_change", "home_visit"} <= set(entry.records)
    assert entry.member_uuid == team.member.uuid
    with services.store.transaction() as session:
        row = session.query(Erasure).one()
        assert (row.signature, row.signing_key_id) == (None, None)  # room for the server's
        assert json.loads(row.records) == entry.records
    with pytest.raises(sqlalchemy.exc.DatabaseError), services.store.engine.begin() as c:
        c.exec_driver_sql("DELETE FROM erasure")  # append-only


def test_restoring_an_older_backup_erases_again_before_use(
    team: Opened, team_dir: Path, clock: FixedClock
) -> None:
    backup, _old_id, key = _erase_after_a_backup(team, clock)
    result = restore(team_dir, backup, key, clock)
    assert result.erased_again == 1
    again = _reopen(team_dir, clock)
    try:
        everything = _everything(again.services.store)
        for word in GONE:
            assert word.lower() not in everything, word
        for word in KEPT:
            assert word.lower() in everything
        with again.services.store.transaction() as session:
            assert session.query(Erasure).count() == 1  # carried over: the next restore knows
        erased = again.services.audit.events(AuditQuery(action=AuditAction.ERASE))
        # the erasure itself (carried over from the store put aside), then its re-application
        erased = sorted(erased, key=lambda e: (e.at, e.seq))
        assert [e.object_type for e in erased] == ["resident", "erasure_reapplied"]
        figures = {(f.removal, f.cases) for f in again.services.retention.figures()}
        assert figures == {("erasure", 1)}
    finally:
        again.services.store.close()


def test_the_ledger_outlives_a_store_that_cannot_be_read(
    team: Opened, team_dir: Path, clock: FixedClock
) -> None:
    backup, _old_id, key = _erase_after_a_backup(team, clock)
    assert len(read_mirror(mirror_path(team_dir), Cipher(key))) == 1
    store_path(team_dir).write_bytes(b"\0" * 8192)  # the store is lost
    restore(team_dir, backup, key, clock)
    again = _reopen(team_dir, clock)
    try:
        assert "quispelaar" not in _everything(again.services.store)
    finally:
        again.services.store.close()


def test_an_erasure_reaches_a_store_a_restore_put_aside(
    team: Opened, team_dir: Path, clock: FixedClock
) -> None:
    services = team.services
    gone = _case(services, clock, "Quispelaar", BSN_A, "06 12345678")
    backup = services.backups.make()
    key = services.accounts.keys.store_key
    services.store.close()
    aside = restore(team_dir, backup, key, clock).aside
    assert aside is not None
    again = _reopen(team_dir, clock)
    try:
        again.services.privacy.erase(again.services.reports.get(gone).resident_id)
    finally:
        again.services.store.close()
    copy: Store = open_store(aside, key, clock=clock)
    try:
        assert "quispelaar" not in _everything(copy)
    finally:
        copy.close()
    assert list(backup_folder(team_dir).glob("*.backup"))  # backups wait to rotate out
