"""The sync screens, driven as a member would: settings, export preview and file, history
with a receipt, and the push."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests import factories
from tests.gui.helpers import drive_modal, replace_text, type_text
from tests.sync.config import settings_input
from tests.sync.zgw_server import FakeZgwServer
from ui.main_window import MainWindow
from ui.sync.export_dialog import ExportDialog
from ui.sync.history_dialog import SyncHistoryDialog
from ui.sync.push_dialog import PushDialog
from ui.sync.settings_dialog import SyncSettingsDialog
from wijkteam.clock import FixedClock
from wijkteam.domain.status import ReportStatus
from wijkteam.services.records import MemberRecord
from wijkteam.sync.export.archive import ArchiveReader
from wijkteam.sync.export.receipt import receipt_json
from wijkteam.sync.zgw.config_rules import statustype_field
from wijkteam.wiring import Services

PASSPHRASE = "fietsen langs de Geul"


@pytest.fixture
def sync_window(window: MainWindow) -> MainWindow:
    return window


@pytest.fixture
def with_cases(services: Services, member: MemberRecord, clock: FixedClock) -> Services:
    services.reports.register(
        factories.report(assigned_member_id=member.id),
        resident=factories.resident(surname="Verzonnen", bsn=factories.BSN_A),
    )
    services.reports.register(
        factories.report(), resident=factories.resident(surname="Bedacht", first_names="Jan")
    )
    clock.advance(minutes=5)
    return services


def test_settings_are_checked_field_by_field_and_saved(
    qtbot: QtBot, sync_window: MainWindow, services: Services
) -> None:
    seen: dict[str, str] = {}

    def fill(dialog: SyncSettingsDialog) -> None:
        good = settings_input()
        type_text(qtbot, dialog.edits["rsin"], "002220648")
        type_text(qtbot, dialog.edits["catalog_url"], good.catalog_url)
        type_text(qtbot, dialog.edits["zaken_url"], "http://zaken.example.nl/zaken/api/v1")
        dialog.edits["zaaktype"].setText("https://elders.example.nl/zaaktypen/1")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen.update(dialog.fieldset.errors_shown())
        assert dialog.isVisible()
        # Everything typed is still there; fix it and save.
        assert dialog.edits["catalog_url"].text() == good.catalog_url
        replace_text(qtbot, dialog.edits["rsin"], good.rsin)
        dialog.edits["zaken_url"].setText(good.zaken_url)
        dialog.edits["documenten_url"].setText(good.documenten_url)
        for name, edit in dialog.edits.items():
            value = _field_value(good, name)
            if value and not edit.text().startswith("http://"):
                edit.setText(value)
        dialog.share.setChecked(True)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    drive_modal(
        SyncSettingsDialog, fill, sync_window.sync_menu.settings_action.trigger, sync_window
    )
    assert "elfproef" in seen["rsin"]
    assert "https://" in seen["zaken_url"]
    assert "hoort niet bij de catalogus" in seen["zaaktype"]
    assert seen[statustype_field(ReportStatus.NEW)] == "Vul het statustype voor 'Nieuw' in."
    config = services.export.settings.config()
    assert config.rsin == "002220647" and config.share_conversation is True
    assert "opgeslagen" in sync_window.statusBar().currentMessage()


def _field_value(data, name: str) -> str:  # type: ignore[no-untyped-def]
    if name.startswith("statustype:"):
        return data.statustypen[name.split(":")[1]]
    if name.startswith("resultaattype:"):
        return data.resultaattypen[name.split(":")[1]]
    return getattr(data, name)


def test_export_without_settings_opens_the_settings_first(
    qtbot: QtBot, sync_window: MainWindow
) -> None:
    opened: list[bool] = []
    drive_modal(
        SyncSettingsDialog,
        lambda dialog: (opened.append(True), dialog.reject()),
        lambda: qtbot.keyClick(sync_window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier),
        sync_window,
    )
    assert opened == [True]
    assert "Stel eerst de koppeling" in sync_window.statusBar().currentMessage()


def test_the_export_screen_shows_what_leaves_then_writes_the_archive(
    qtbot: QtBot, sync_window: MainWindow, with_cases: Services, tmp_path: Path
) -> None:
    with_cases.export.settings.save(settings_input())
    target = tmp_path / "naar-de-gemeente.zip"
    shown: dict[str, object] = {}

    def check_and_export(dialog: ExportDialog) -> None:
        shown["counts"] = {
            dialog.model.row_at(n).kind.value: dialog.model.row_at(n).count
            for n in range(dialog.model.rowCount())
        }
        shown["privacy"] = dialog.privacy_label.text()
        dialog.table.selectRow(1)  # rollen
        shown["rollen"] = dialog.samples.toPlainText()
        dialog.technical.setFocus()
        qtbot.keyClick(dialog.technical, Qt.Key.Key_Space)
        shown["json"] = json.loads(dialog.samples.toPlainText())
        replace_text(qtbot, dialog.target, str(target))
        type_text(qtbot, dialog.passphrase, PASSPHRASE)
        type_text(qtbot, dialog.repeat, PASSPHRASE + "!")
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        shown["mismatch"] = dict(dialog.fieldset.errors_shown())
        replace_text(qtbot, dialog.repeat, PASSPHRASE)
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    drive_modal(
        ExportDialog, check_and_export, sync_window.sync_menu.export_action.trigger, sync_window
    )
    assert shown["counts"]["zaak"] == 2 and shown["counts"]["status"] == 2
    assert "blijft op deze laptop" in str(shown["privacy"])
    assert "Inwoner: BSN 999000019" in str(shown["rollen"])
    assert "Inwoner: Jan Bedacht, geboren 01-02-1950" in str(shown["rollen"])
    assert shown["json"][0]["betrokkeneType"] == "natuurlijk_persoon"  # type: ignore[index]
    assert "niet gelijk" in shown["mismatch"]["passphrase_repeat"]  # type: ignore[index]
    assert ArchiveReader(target, PASSPHRASE).manifest()["counts"]["zaak"] == 2
    assert "Export geschreven: 2 zaken" in sync_window.statusBar().currentMessage()


def test_history_lists_batches_and_a_receipt_confirms_one(
    qtbot: QtBot, sync_window: MainWindow, with_cases: Services, tmp_path: Path
) -> None:
    with_cases.export.settings.save(settings_input())
    result = with_cases.export.exports.export(tmp_path / "a.zip", PASSPHRASE)
    receipt = tmp_path / "ontvangstbewijs.json"
    receipt.write_text(receipt_json(result.batch.uuid, "2026-11-18T12:00:00Z", None))
    nonsense = tmp_path / "iets-anders.json"
    nonsense.write_text("{}")
    dialog = SyncHistoryDialog(with_cases, sync_window, choose_receipt=lambda _p: str(nonsense))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.index(0, 4).data() == "Aangemaakt"
    assert dialog.model.index(0, 3).data() == "2 zaken, 3 rollen, 2 statussen"
    dialog.read_receipt()
    assert "geen ontvangstbewijs" in dialog.message.text()
    dialog._choose_receipt = lambda _p: str(receipt)
    dialog.read_receipt()
    assert dialog.model.index(0, 4).data().startswith("Bevestigd op")
    assert "is bevestigd" in dialog.message.text()


@pytest.fixture
def server() -> Iterator[FakeZgwServer]:
    with FakeZgwServer("wijkteam-vaals", "geheim-van-de-gemeente-vaals-2026-xyz") as running:
        yield running


def test_push_sends_and_remembers_the_secret_for_the_session_only(
    qtbot: QtBot, sync_window: MainWindow, with_cases: Services, server: FakeZgwServer
) -> None:
    base = server.base
    with_cases.export.settings.save(
        settings_input(
            catalog=f"{base}/catalogi/api/v1",
            zaken=f"{base}/zaken/api/v1",
            documenten=f"{base}/documenten/api/v1",
        )
    )
    status: list[str] = []

    def push(dialog: PushDialog) -> None:
        qtbot.mouseClick(dialog.push_button, Qt.MouseButton.LeftButton)
        status.append(dict(dialog.fieldset.errors_shown())["secret"])
        type_text(qtbot, dialog.secret_edit, "geheim-van-de-gemeente-vaals-2026-xyz")
        qtbot.mouseClick(dialog.push_button, Qt.MouseButton.LeftButton)
        status.append(dialog.status.text())
        dialog.reject()

    drive_modal(PushDialog, push, sync_window.sync_menu.push_action.trigger, sync_window)
    assert "Vul het geheim" in status[0]
    assert status[1].startswith("Klaar: alles is aangekomen. 7 onderdelen nieuw aangemaakt")
    assert sum(len(v) for v in server.state.resources.values()) == 7
    assert server.state.calls[0].claims["user_representation"] == "Carla Coördinator"
    remembered: list[str] = []
    drive_modal(
        PushDialog,
        lambda dialog: (remembered.append(dialog.secret_edit.text()), dialog.reject()),
        sync_window.sync_menu.push_action.trigger,
        sync_window,
    )
    assert remembered == ["geheim-van-de-gemeente-vaals-2026-xyz"]
    assert "geheim-van-de-gemeente-vaals-2026-xyz" not in repr(sync_window.sync_menu.secret)
    QApplication.processEvents()


def test_the_push_dialog_lists_what_the_server_refused_in_dutch(
    qtbot: QtBot, sync_window: MainWindow, with_cases: Services, server: FakeZgwServer
) -> None:
    from tests.sync.open_zaak_rules import fault
    from wijkteam.sync.zgw.resources import ResourceKind

    base = server.base
    with_cases.export.settings.save(
        settings_input(
            catalog=f"{base}/catalogi/api/v1",
            zaken=f"{base}/zaken/api/v1",
            documenten=f"{base}/documenten/api/v1",
        )
    )
    failing = {"on": True}

    def intercept(kind: ResourceKind, body: dict) -> object:  # type: ignore[type-arg]
        person = body.get("betrokkeneIdentificatie") or {}
        if failing["on"] and kind is ResourceKind.ROL and person.get("geslachtsnaam"):
            return fault(base, 503, "error", exception="APIException")
        return None

    server.state.intercept = intercept  # type: ignore[assignment]
    seen: dict[str, object] = {}

    def push(dialog: PushDialog) -> None:
        seen["before"] = dialog.undelivered.isVisible()
        type_text(qtbot, dialog.secret_edit, "geheim-van-de-gemeente-vaals-2026-xyz")
        qtbot.mouseClick(dialog.push_button, Qt.MouseButton.LeftButton)
        seen["status"] = dialog.status.text()
        seen["title"] = dialog.undelivered_title.text()
        model = dialog.undelivered.model
        seen["rows"] = [
            tuple(model.index(r, c).data() for c in range(4)) for r in range(model.rowCount())
        ]
        seen["why"] = dialog.undelivered.explanation.text()
        dialog.reject()

    drive_modal(PushDialog, push, sync_window.sync_menu.push_action.trigger, sync_window)
    assert seen["before"] is False
    assert str(seen["status"]).startswith("Klaar, maar 1 onderdeel kwam niet aan")
    assert seen["title"] == "Wat niet aankwam bij de gemeente"
    assert seen["rows"] == [
        (
            "Bedacht, Jan",
            "10-11-2026",
            "Een betrokkene (rol)",
            "Storing bij het zaaksysteem",
        )
    ]
    assert "storing (foutcode 503)" in str(seen["why"])
    # Opened again, the dialog shows what still waits; the history says 'deels bevestigd'.
    waiting: list[object] = []
    drive_modal(
        PushDialog,
        lambda dialog: (
            waiting.append(dialog.undelivered_title.text()),
            waiting.append(dialog.undelivered.model.rowCount()),
            dialog.reject(),
        ),
        sync_window.sync_menu.push_action.trigger,
        sync_window,
    )
    assert waiting == [
        "Nog niet bij de gemeente (gaat bij de volgende synchronisatie opnieuw mee)",
        1,
    ]
    history = SyncHistoryDialog(with_cases, sync_window)
    qtbot.addWidget(history)
    assert "Deels bevestigd op" in history.model.index(0, 4).data()
    assert history.model.index(0, 4).data().endswith(": 1 niet aangekomen")
    failing["on"] = False
    drive_modal(
        PushDialog,
        lambda dialog: (
            qtbot.mouseClick(dialog.push_button, Qt.MouseButton.LeftButton),
            waiting.append(dialog.status.text()),
            waiting.append(dialog.undelivered.isVisible()),
            dialog.reject(),
        ),
        sync_window.sync_menu.push_action.trigger,
        sync_window,
    )
    assert str(waiting[2]).startswith("Klaar: alles is aangekomen. 1 onderdeel nieuw")
    assert waiting[3] is False
