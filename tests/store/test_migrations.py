"""The schema comes only from Alembic migrations, and they match the models exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect

from wijkteam.store.migrate import MIGRATIONS_DIR, alembic_config, downgrade, upgrade
from wijkteam.store.models import Base
from wijkteam.store.revisions import head_revision, known_revisions
from wijkteam.store.search_index import include_object, is_search_index


@pytest.fixture
def engine(tmp_path: Path):  # type: ignore[no-untyped-def]
    engine = create_engine(f"sqlite:///{tmp_path / 'm.db'}")
    yield engine
    engine.dispose()


def _drift(connection) -> list:  # type: ignore[no-untyped-def,type-arg]
    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "include_object": include_object}
    )
    return compare_metadata(context, Base.metadata)


def test_upgrade_from_empty_equals_the_models(engine) -> None:  # type: ignore[no-untyped-def]
    with engine.begin() as connection:
        upgrade(connection)
    with engine.connect() as connection:
        assert _drift(connection) == []


def test_downgrade_and_upgrade_round_trip(engine) -> None:  # type: ignore[no-untyped-def]
    with engine.begin() as connection:
        upgrade(connection)
    with engine.begin() as connection:
        downgrade(connection, "base")
    with engine.connect() as connection:
        assert {t for t in inspect(connection).get_table_names() if not is_search_index(t)} <= {
            "alembic_version"
        }
    with engine.begin() as connection:
        upgrade(connection)
    with engine.connect() as connection:
        assert _drift(connection) == []


def test_every_step_down_and_up(engine) -> None:  # type: ignore[no-untyped-def]
    script = ScriptDirectory.from_config(alembic_config())
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    with engine.begin() as connection:
        for revision in revisions:
            upgrade(connection, revision)
            downgrade(connection, "-1")
            upgrade(connection, revision)


def test_revision_ids_match_file_names_and_head() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    ids = {r.revision for r in script.walk_revisions()}
    assert ids == known_revisions()
    assert script.get_current_head() == head_revision()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        assert path.name[:4] in ids
