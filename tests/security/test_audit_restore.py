"""The audit trail outlives a restore (issue 13 point 2): rows written after a back-up are
carried from the store put aside into the restored one, before the restore's own rows, so
"Keten controleren" finds the chain whole and an inzage still lists the views made after the
back-up. Real SQLCipher stores, restored through the composition root as the window does."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

from sqlalchemy import select

from tests.conftest import TEAM_PASSWORD
from tests.factories import BSN_A, BSN_B, report, resident
from wijkteam.clock import FixedClock
from wijkteam.security.context import AuditAction
from wijkteam.services.privacy_words import dutch_moment, local
from wijkteam.store import store_path
from wijkteam.store.audit_chain import read_heads
from wijkteam.store.models import AuditEvent
from wijkteam.wiring.restore import restore_backup
from wijkteam.wiring.setup import Opened, open_unlocked, unlock


def _reopen(team_dir: Path, clock: FixedClock) -> Opened:
    ring, unlocked = unlock(team_dir, "CC", TEAM_PASSWORD, clock)
    return open_unlocked(team_dir, ring, unlocked, clock=clock)


def _chain(opened: Opened) -> list[tuple[uuid.UUID, int, str, str, str]]:
    """(uuid, seq, action, object type, hash) of this device's rows, in sequence order."""
    with opened.services.store.transaction() as session:
        rows = session.execute(
            select(
                AuditEvent.uuid,
                AuditEvent.seq,
                AuditEvent.action,
                AuditEvent.object_type,
                AuditEvent.entry_hash,
            )
            .where(AuditEvent.device_uuid == opened.services.audit.device)
            .order_by(AuditEvent.seq)
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


def _protocol(opened: Opened, resident_id: int) -> list[list[str]]:
    data = opened.services.privacy.inzage(resident_id).data
    [protocol] = [p for p in data["onderdelen"] if p["kop"] == "Wie uw gegevens heeft gebruikt"]
    return protocol["tabel"]["rijen"]


def test_rows_written_after_a_backup_are_carried_into_the_restored_store(
    team: Opened, team_dir: Path, clock: FixedClock
) -> None:
    services = team.services
    kept = services.reports.register(report(), resident=resident(surname="Blijfhier", bsn=BSN_B))
    gone = services.reports.register(report(), resident=resident(surname="Quispelaar", bsn=BSN_A))
    backup = services.backups.make()
    before = _chain(team)
    clock.advance(minutes=3)
    services.residents.get(kept.resident_id)  # a view after the back-up
    viewed_at = clock.utcnow()
    clock.advance(minutes=2)
    services.privacy.erase(gone.resident_id)
    after = _chain(team)
    since = after[len(before) :]
    assert len(since) >= 2 and after[: len(before)] == before

    result = restore_backup(services, backup)
    assert result.audit_carried == len(since) + 1  # and the back-up's own entry
    again = _reopen(team_dir, clock)
    try:
        chain = _chain(again)
        # the rows of before the restore, as they were (same UUID, number and hash) ...
        assert chain[: len(after)] == after
        # ... then what the restore did: the erasure again, and the restore itself
        tail = [(action, kind) for _u, _s, action, kind, _h in chain[len(after) :]]
        assert tail == [
            (AuditAction.ERASE.value, "erasure_reapplied"),
            (AuditAction.RESTORE.value, "store"),
            (AuditAction.SIGN_IN.value, "member"),  # signing in again, to look
        ]
        assert [seq for _u, seq, *_ in chain] == list(range(1, len(chain) + 1))
        check = again.services.audit.verify()
        assert check.intact and check.head_known, check.problems
        heads = read_heads(team_dir)
        assert heads is not None and heads[again.services.audit.device].seq == len(chain)
        # the inzage still shows the view made after the back-up
        moment = dutch_moment(local(viewed_at))
        rows = _protocol(again, kept.resident_id)
        row = [moment, "Carla Coördinator", "bekeken", "inwoner", "gedaan", "deze laptop"]
        assert row in rows
    finally:
        again.services.store.close()


def test_a_backup_of_another_line_keeps_every_row_and_a_whole_chain(
    team: Opened, team_dir: Path, clock: FixedClock
) -> None:
    """A store that was once put back by hand (its later rows never carried over) wrote
    rows of its own; restoring a back-up of the old line keeps those too, after its end."""
    services = team.services
    old_line = set(_chain(team))  # what the first back-up holds (its own entry comes after)
    first = services.backups.make()
    clock.advance(minutes=1)
    saved = services.reports.register(report(), resident=resident(surname="Proef"))
    clock.advance(minutes=1)
    second = services.backups.make()
    services.store.close()
    current = store_path(team_dir)
    os.remove(current)
    shutil.copy2(first, current)  # by hand: the old line's later rows are gone
    by_hand = _reopen(team_dir, clock)
    clock.advance(minutes=1)
    by_hand.services.reports.register(report(), resident=resident(surname="Anderslijn"))
    own = _chain(by_hand)
    assert old_line <= set(own)

    result = restore_backup(by_hand.services, second)
    assert result.audit_carried > 0
    again = _reopen(team_dir, clock)
    try:
        chain = _chain(again)
        uuids = [u for u, *_ in chain]
        assert len(uuids) == len(set(uuids))  # nothing twice
        assert {u for u, *_ in own} <= set(uuids)  # nothing of the other line lost
        assert old_line <= set(chain)  # the shared start unchanged
        assert [seq for _u, seq, *_ in chain] == list(range(1, len(chain) + 1))
        check = again.services.audit.verify()
        assert check.intact, check.problems
        assert again.services.reports.get(saved.id).resident_id == saved.resident_id
    finally:
        again.services.store.close()
