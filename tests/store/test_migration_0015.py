"""Upgrading a store of schema 0014: the team-wide settings move to `team_setting` (the
laptop's own stay), every closed melding gets its anonymous fact record under its UUID, and
each case counted in the old per-laptop figures becomes one fact record; the figures on
screen read the same. Downgrading gives the old tables back."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.store.test_migration_0011 import Old
from wijkteam.domain.team_settings import team_setting_uuid
from wijkteam.store import open_store
from wijkteam.store.migrate import downgrade, upgrade
from wijkteam.wiring import Services

SETTINGS = {
    "origin_id": str(uuid.uuid4()),
    "sign_in_inbox_key": "c2VjcmV0",
    "last_backup_at": "2026-11-30T10:00:00",
    "team_name": "Wijkteam Proef",
    "municipality": "Proefdorp",
    "follow_up_days": "21",
    "retention_grace_days": "120",
    "zgw.rsin": "002220647",
}
LOCAL = {"origin_id", "sign_in_inbox_key", "last_backup_at"}


@pytest.fixture
def old_store(tmp_path: Path) -> tuple[Path, dict[str, object]]:
    path = tmp_path / "wijkteam.db"
    engine = sa.create_engine(f"sqlite:///{path}")
    found: dict[str, object] = {}
    with engine.begin() as connection:
        upgrade(connection, "0014")
        old = Old(connection)
        old.add("member", name="Proef Lid", initials="PL", role="coordinator", active=True)
        for key, value in SETTINGS.items():
            connection.execute(
                sa.text("INSERT INTO setting (key, value) VALUES (:k, :v)"), {"k": key, "v": value}
            )
        closed = old.melding("closed", [], closing_reason="moved", closed_on=date(2026, 10, 30))
        old.visit(closed, "held")  # 24 October, within 14 days of 20 October
        old.melding("new", [])
        found["closed_uuid"] = connection.execute(
            sa.text("SELECT uuid FROM report WHERE id = :r"), {"r": closed}
        ).scalar()
        figure = {"removal": "retention", "cases": 3, "visited_in_time": 2}
        old.add("removed_case_figure", period="2026-03", source="resident",
                closing_reason="moved", **figure)  # fmt: skip
        figure = {"removal": "erasure", "cases": 1, "visited_in_time": 0}
        old.add("removed_case_figure", period="2026-04", source="neighbour",
                closing_reason="open", **figure)  # fmt: skip
    engine.dispose()
    return path, found


def test_upgrading_moves_team_settings_and_turns_figures_into_case_facts(old_store) -> None:  # type: ignore[no-untyped-def]
    path, found = old_store
    store = open_store(path)
    try:
        services = Services.create(store)
        with store.transaction() as session:
            local = dict(session.execute(sa.text("SELECT key, value FROM setting")).all())
            team = {
                k: (v, u)
                for k, v, u in session.execute(sa.text("SELECT key, value, uuid FROM team_setting"))
            }
            facts = session.execute(
                sa.text("SELECT uuid, period, closing_reason, visited_in_time, removal "
                        "FROM case_fact ORDER BY period")
            ).all()  # fmt: skip
        assert local == {k: v for k, v in SETTINGS.items() if k in LOCAL}
        assert {k: v for k, (v, _) in team.items()} == {
            k: v for k, v in SETTINGS.items() if k not in LOCAL
        }
        assert all(uuid.UUID(u) == team_setting_uuid(k) for k, (_, u) in team.items())
        assert services.settings.team().team_name == "Wijkteam Proef"
        assert services.follow_up_settings.follow_up_days() == 21
        assert services.settings.security().retention_grace_days == 120
        assert len(facts) == 5  # 3 + 1 removed, 1 closed still here; the open one has none
        closed = [f for f in facts if f.removal is None]
        assert len(closed) == 1 and uuid.UUID(closed[0].uuid) == uuid.UUID(
            str(found["closed_uuid"])
        )
        assert closed[0].closing_reason == "moved" and closed[0].visited_in_time
        figures = {
            (f.period, f.source, f.closing_reason, f.removal, f.cases, f.visited_in_time)
            for f in services.retention.figures()
        }
        assert figures == {
            ("2026-03", "resident", "moved", "retention", 3, 2),
            ("2026-04", "neighbour", "open", "erasure", 1, 0),
        }
    finally:
        store.close()


def test_downgrading_to_0014_gives_back_the_settings_and_figures(old_store) -> None:  # type: ignore[no-untyped-def]
    path, _ = old_store
    engine = sa.create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            upgrade(connection)
        with engine.begin() as connection:
            downgrade(connection, "0014")
        with engine.connect() as connection:
            settings = dict(connection.execute(sa.text("SELECT key, value FROM setting")).all())
            figures = connection.execute(
                sa.text("SELECT period, closing_reason, removal, cases, visited_in_time "
                        "FROM removed_case_figure ORDER BY period")
            ).all()  # fmt: skip
        assert settings == SETTINGS
        assert [tuple(f) for f in figures] == [
            ("2026-03", "moved", "retention", 3, 2),
            ("2026-04", "open", "erasure", 1, 0),
        ]
    finally:
        engine.dispose()
