"""A member of an earlier release signs in after the upgrade, through the real sign-in screen:
the store is backed up and migrated; if the migration fails, Wijkteam says so in Dutch and the
store is untouched."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

import wijkteam.store.migrate as migrate
from tests.gui.helpers import type_text, with_modal
from tests.packaging.test_release_stores import UPGRADED, copy_fixture
from ui.app import application
from ui.security.sign_in_dialog import SignInDialog
from ui.tasks import InlineTaskRunner
from wijkteam.clock import FixedClock
from wijkteam.store.revisions import head_revision
from wijkteam.wiring.access import StoreAccess

pytestmark = pytest.mark.skipif(not UPGRADED, reason="no frozen store needs an upgrade")


def sign_in_as(qtbot: QtBot, initials: str, password: str):  # type: ignore[no-untyped-def]
    def run(dialog: SignInDialog) -> None:
        type_text(qtbot, dialog.initials, initials)
        type_text(qtbot, dialog.password, password)
        dialog.sign_in_button.click()

    return run


def start(qtbot: QtBot, data_dir: Path, sign_in: dict[str, str], clock: FixedClock) -> Any:
    from PySide6.QtCore import QTimer

    from ui.startup import start_session

    messages: list[str] = []
    watching = [True]

    def close_messages() -> None:  # until start_session returns, then it stops
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            messages.append(box.text())
            box.accept()
        if watching[0]:
            QTimer.singleShot(20, close_messages)

    QTimer.singleShot(0, with_modal(SignInDialog, sign_in_as(qtbot, **sign_in)))
    QTimer.singleShot(0, close_messages)
    try:
        started = start_session(StoreAccess(data_dir, clock), InlineTaskRunner())
    finally:
        watching[0] = False
    return started, messages


def test_a_failed_upgrade_is_explained_and_the_store_kept(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    application()
    data_dir = tmp_path / "data"
    frozen = copy_fixture(UPGRADED[0], data_dir)
    before = hashlib.sha256((data_dir / "wijkteam.db").read_bytes()).hexdigest()
    real_upgrade = migrate.upgrade

    def broken(connection: Any, revision: str = "head") -> None:
        real_upgrade(connection, revision)
        raise RuntimeError("stroom weg")

    monkeypatch.setattr(migrate, "upgrade", broken)
    started, messages = start(qtbot, data_dir, frozen["sign_in"], clock)
    assert started is None
    assert len(messages) == 1
    assert messages[0].startswith("Het bijwerken van de gegevens naar deze versie van Wijkteam")
    assert "Er is niets veranderd" in messages[0]
    assert hashlib.sha256((data_dir / "wijkteam.db").read_bytes()).hexdigest() == before

    monkeypatch.setattr(migrate, "upgrade", real_upgrade)
    started, messages = start(qtbot, data_dir, frozen["sign_in"], clock)
    assert messages == [] and started is not None
    opened, _state, _joined = started
    try:
        with opened.services.store.engine.connect() as connection:
            revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
            assert revision.scalar() == head_revision()
    finally:
        opened.services.store.close()
    backups = sorted(p.name for p in (data_dir / "backups").iterdir())
    assert f"wijkteam-voor-update-{frozen['revision']}-naar-{head_revision()}.backup" in backups
