"""Background work through the one task runner: closing waits for it, it can be stopped, and
an unexpected failure shows in Dutch with a reference while the log holds nothing personal."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests import factories
from tests.gui.helpers import type_text, with_modal
from tests.sync.config import settings_input
from ui.app import application
from ui.main_window import MainWindow
from ui.security.session import install_security
from ui.sync.export_dialog import ExportDialog
from ui.tasks import ThreadTaskRunner
from wijkteam import logs
from wijkteam.services.records import MemberRecord
from wijkteam.sync.export.collectors import cases
from wijkteam.sync.export.sources import CollectContext, ResourceSource
from wijkteam.sync.zgw.resources import Resource
from wijkteam.wiring import Services
from wijkteam.wiring.export import EXPORT_SOURCES
from wijkteam.wiring.setup import Opened

LEFT = Qt.MouseButton.LeftButton
PASSPHRASE = "fietsen langs de Geul"
NAME, BSN = "Quirijn Fictiefsma", "999000184"  # a synthetic resident; the BSN is a test number


class HeldExport:
    """The export's first source waits at a gate, like a big export on a slow laptop."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.gate.set()  # the preview passes; `hold` closes it for the export itself
        self.started = threading.Event()
        self.finished = threading.Event()

    def hold(self) -> None:
        self.gate.clear()
        self.started.clear()
        self.finished.clear()

    def zaken(self, ctx: CollectContext) -> Iterator[Resource]:
        self.started.set()
        assert self.gate.wait(30)
        yield from cases.zaken(ctx)
        self.finished.set()

    def services(self, services: Services) -> Services:
        sources = tuple(
            ResourceSource(s.kind, s.name, self.zaken) if s.name == "meldingen" else s
            for s in EXPORT_SOURCES
        )
        return Services.create(services.store, services.context, sources=sources)


@pytest.fixture
def held() -> HeldExport:
    return HeldExport()


def _ready_to_export(services: Services, member: MemberRecord) -> None:
    services.export.settings.save(settings_input())
    services.reports.register(
        factories.report(assigned_member_id=member.id),
        resident=factories.resident(surname="Fictiefsma", first_names="Quirijn", bsn=BSN),
    )


def _start_export(qtbot: QtBot, dialog: ExportDialog, target: Path, held: HeldExport) -> None:
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
    held.hold()
    dialog.target.setText(str(target))
    type_text(qtbot, dialog.passphrase, PASSPHRASE)
    type_text(qtbot, dialog.repeat, PASSPHRASE)
    qtbot.mouseClick(dialog.export_button, LEFT)
    assert held.started.wait(20)


def test_closing_during_an_export_waits_for_it(
    qtbot: QtBot, services: Services, member: MemberRecord, held: HeldExport, tmp_path: Path
) -> None:
    application()
    _ready_to_export(services, member)
    exporting = held.services(services)
    runner = ThreadTaskRunner()
    window = MainWindow(exporting, runner)
    window.show()
    qtbot.waitExposed(window)
    dialog = ExportDialog(exporting, runner, window)
    target = tmp_path / "naar-de-gemeente.zip"
    _start_export(qtbot, dialog, target, held)

    window.close()  # the member closes Wijkteam while the archive is being written
    assert window.isVisible() and not held.finished.is_set()
    notice = window.closing_notice
    assert notice is not None and notice.isVisible()
    assert "nog bezig" in notice.label.text()
    assert runner.busy and not target.exists()

    held.gate.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)
    assert held.finished.is_set()
    assert dialog.result is not None and target.exists()
    assert [b.uuid for b in exporting.export.batches.list()] == [dialog.result.batch.uuid]


def test_quitting_during_an_export_closes_the_store_only_after_it(
    qtbot: QtBot, team: Opened, team_dir: Path, held: HeldExport, tmp_path: Path
) -> None:
    application()
    member = team.services.members.list()[0]
    _ready_to_export(team.services, member)
    exporting = held.services(team.services)
    runner = ThreadTaskRunner()
    window = MainWindow(exporting, runner)
    session = install_security(window, exporting, runner, team_dir)
    window.show()
    dialog = ExportDialog(exporting, runner, window)
    target = tmp_path / "export.zip"
    _start_export(qtbot, dialog, target, held)
    closed_after: list[bool] = []
    close = exporting.store.close

    def recording_close() -> None:
        closed_after.append(held.finished.is_set() and target.exists())
        close()

    exporting.store.close = recording_close  # type: ignore[method-assign]
    wait = runner.wait
    waited: list[bool] = []

    def wait_for_the_export() -> None:
        # Closing now waits for the runner; only then does the held export go on. (No timer
        # thread: under faketime a timed wait in a thread never fires.)
        waited.append(runner.busy and not held.finished.is_set())
        held.gate.set()
        wait()

    runner.wait = wait_for_the_export  # type: ignore[method-assign]
    session.shut_down()  # what quitting the app runs (aboutToQuit)
    assert waited == [True]
    assert closed_after == [True]
    assert dialog.result is not None
    window.close()


def test_an_export_can_be_stopped_and_leaves_nothing(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    member: MemberRecord,
    held: HeldExport,
    tmp_path: Path,
) -> None:
    _ready_to_export(services, member)
    exporting = held.services(services)
    runner = ThreadTaskRunner()
    dialog = ExportDialog(exporting, runner, window)
    target = tmp_path / "export.zip"
    _start_export(qtbot, dialog, target, held)
    assert dialog.close_button.text() == "&Stoppen"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc stops the export; the dialog stays
    assert dialog.isVisible() and dialog.status.text() == "Stoppen…"
    held.gate.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=20_000)
    assert dialog.status.text() == "Gestopt. Er is niets geschreven."
    assert dialog.close_button.text() == "Sluiten" and dialog.isVisible()
    assert not target.exists() and list(tmp_path.glob("export*")) == []
    assert exporting.export.batches.list() == []
    dialog.close()


def test_closing_while_a_file_is_read_waits_and_then_opens_no_review(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    application()
    runner = ThreadTaskRunner()
    window = MainWindow(services, runner)
    window.show()
    qtbot.waitExposed(window)
    gate, reading = threading.Event(), threading.Event()
    read = services.imports.preview_file

    def slow_read(path: Path):  # type: ignore[no-untyped-def]
        reading.set()
        assert gate.wait(20)
        return read(path)

    monkeypatch.setattr(services.imports, "preview_file", slow_read)
    source = tmp_path / "meldingen.csv"
    source.write_text(
        "zaaknummer;ontvangen;achternaam;geboortedatum;vraag\nZK-7;10-11-2026;Bedacht;"
        "01-02-1950;Hulp bij de tuin\n",
        encoding="utf-8",
    )
    window.import_flow.start(source)
    assert reading.wait(10)
    window.close()
    assert window.isVisible() and window.closing_notice is not None
    gate.set()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=20_000)
    assert window.import_flow.dialog is None  # no review opened for a closing window
    assert services.residents.search("bedacht") == []  # nothing imported behind its back


# --- unexpected failures ------------------------------------------------------------------------
@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = logs.configure(tmp_path / "logdir")
    assert path is not None
    yield path
    logs.close()


def _named_failure(*_args: object, **_kwargs: object) -> None:
    resident = {"naam": NAME, "bsn": BSN}  # a local a careless traceback would print
    raise RuntimeError(f"kapot bij {resident['naam']} ({resident['bsn']})")


def test_a_failing_import_in_the_background_says_so_and_logs_nothing_personal(
    qtbot: QtBot,
    services: Services,
    member: MemberRecord,
    log_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    application()
    runner = ThreadTaskRunner()
    window = MainWindow(services, runner)
    window.show()
    source = tmp_path / "meldingen.csv"
    source.write_text(
        "zaaknummer;ontvangen;bsn;voornamen;achternaam;vraag\n"
        f"ZK-1;10-11-2026;{BSN};Quirijn;Fictiefsma;Hulp bij de tuin\n",
        encoding="utf-8",
    )
    monkeypatch.setattr("wijkteam.sync.imports.service.parse_import", _named_failure)
    shown: list[str] = []
    monkeypatch.setattr(
        "ui.imports.import_flow.QMessageBox.warning",
        staticmethod(lambda parent, title, text: shown.append(text)),
    )
    window.import_flow.start(source)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    (text,) = shown
    assert text.startswith("Er ging onverwacht iets mis (referentie ")
    reference = text.split("referentie ")[1][:8]
    logged = log_file.read_text(encoding="utf-8")
    assert f"Unexpected RuntimeError in background work, reference {reference}" in logged
    assert "wijkteam/sync/imports/service.py" in logged  # where it happened: kept
    captured = capfd.readouterr()
    for secret in (NAME, "Fictiefsma", BSN):
        assert secret not in logged and secret not in captured.err + captured.out
    assert window.isEnabled()
    window.close()


@pytest.mark.qt_no_exception_capture
def test_a_failure_on_the_ui_thread_shows_a_reference_and_logs_nothing_personal(
    qtbot: QtBot, log_file: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    from ui import failures

    application()
    hooks = failures.install()
    seen: list[str] = []

    def answer(box: QMessageBox) -> None:
        assert box.objectName() == "unexpectedError"
        seen.append(box.text())
        box.accept()

    try:
        window = QMessageBox()  # any widget whose slot fails: a button's click runs it
        qtbot.addWidget(window)  # deleted at the end, on this thread
        trigger = window.addButton("Doe het", QMessageBox.ButtonRole.ActionRole)
        trigger.clicked.disconnect()
        trigger.clicked.connect(_named_failure)
        QTimer.singleShot(0, with_modal(QMessageBox, answer))
        trigger.click()
        qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    finally:
        logs.restore_hooks(hooks)
    (text,) = seen
    reference = text.split("referentie ")[1][:8]
    logged = log_file.read_text(encoding="utf-8")
    assert f"reference {reference}" in logged and "RuntimeError" in logged
    captured = capfd.readouterr()
    assert reference in captured.err
    for secret in (NAME, BSN):
        assert secret not in logged and secret not in captured.err


def test_a_failing_preload_is_logged_and_shown(
    qtbot: QtBot, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database layer loads behind the sign-in screen; if that fails, it is said."""
    from ui import app

    application()
    shown: list[str] = []
    monkeypatch.setattr(
        "ui.app.QMessageBox.critical", staticmethod(lambda parent, title, text: shown.append(text))
    )
    monkeypatch.setattr(app, "_preload", _named_failure)
    runner = ThreadTaskRunner()
    runner.submit(app._preload, lambda _none: None, app._preload_failed)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    reference = shown[0].split("referentie ")[1][:8]
    logged = log_file.read_text(encoding="utf-8")
    assert f"reference {reference}" in logged and NAME not in logged
