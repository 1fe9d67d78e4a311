"""The team in the app, driven as members would, against the REAL team server (a separate
HTTPS process on 127.0.0.1 over a real PostgreSQL) and real encrypted laptop stores: the
coordinator connects and invites in Team › Teamserver…, a member's new laptop joins from the
first start, F9 brings one laptop's melding into the other's Werkvoorraad, a conflict is
settled with one click, and a server that is down only makes the status bar say so."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import TEST_KDF, team_setup
from tests.factories import report, resident
from tests.gui.helpers import drive_modal, type_text, with_modal
from tests.team.conftest import certs, database, pg_role  # noqa: F401 - fixtures
from tests.team.laptops import registration_code
from tests.team.servers import ServerProcess
from ui.app import application, show_main_window
from ui.dialogs.handover_dialog import HandoverDialog
from ui.main_window import MainWindow
from ui.security.first_start_dialog import FirstStartDialog
from ui.security.recovery_code_dialog import RecoveryCodeDialog
from ui.startup import Started, start_session
from ui.tasks import ThreadTaskRunner
from ui.team.code_dialog import TeamCodeDialog
from ui.team.conflicts_dialog import ConflictsDialog
from ui.team.join_dialog import JoinTeamDialog
from ui.team.server_dialog import TeamServerDialog
from wijkteam.clock import FixedClock
from wijkteam.domain.enums import MemberRole
from wijkteam.wiring.access import StoreAccess
from wijkteam.wiring.setup import first_start

MEMBER_PASSWORD = "fietsen langs de geul"
LONG = 60_000  # a round against the real server, on a shared 2-core machine


@pytest.fixture(scope="module")
def team_server(
    database: str,  # noqa: F811
    certs: dict[str, tuple[Path, Path]],  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[ServerProcess]:
    cert, key = certs["server"]
    log = tmp_path_factory.mktemp("gui-server") / "server.log"
    process = ServerProcess(database, cert, key, log).start()
    yield process
    process.stop()


def click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@dataclass
class Laptop:
    window: MainWindow
    runner: ThreadTaskRunner

    @property
    def services(self):  # type: ignore[no-untyped-def]
        return self.window.services

    def idle(self, qtbot: QtBot) -> None:
        qtbot.waitUntil(lambda: not self.runner.busy, timeout=LONG)

    def status_text(self) -> str:
        return self.window.team.sync.label.text()


def open_window(qtbot: QtBot, services, runner: ThreadTaskRunner) -> MainWindow:  # type: ignore[no-untyped-def]
    application()
    window = MainWindow(services, runner)
    window.show()
    qtbot.waitExposed(window)
    return window


def close_laptop(laptop: Laptop) -> None:
    laptop.window.team.sync.stop()
    laptop.runner.wait()
    laptop.window.dossier_page.discard_changes()
    laptop.window.close()
    laptop.runner.wait()
    laptop.services.store.close()
    laptop.window.deleteLater()


def connect_and_invite(
    qtbot: QtBot, laptop: Laptop, server: ServerProcess, code: str, invitee: str
) -> dict[str, str]:
    """Team › Teamserver…: address and registration code, Verbinden; the team's recovery
    code is shown once (Esc does not skip it); then an invite for `invitee`."""
    seen: dict[str, str] = {}

    def keep_recovery_code(dialog: TeamCodeDialog) -> None:
        seen["recovery"] = dialog.code_label.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible(), "Esc must not skip a code shown once"
        assert dialog.kept is not None and not dialog.ok_button.isEnabled()
        click(qtbot, dialog.kept)
        click(qtbot, dialog.ok_button)

    def take_invite(dialog: TeamCodeDialog) -> None:
        seen["invite"] = dialog.code_label.text().replace("\n", "-")
        seen["invite_text"] = dialog.windowTitle()
        click(qtbot, dialog.ok_button)

    def in_dialog(dialog: TeamServerDialog) -> None:
        assert dialog.connect_box.isVisible() and not dialog.members_box.isVisible()
        seen["before"] = dialog.status_label.text()
        type_text(qtbot, dialog.server_url, server.url)
        type_text(qtbot, dialog.registration_code, code)
        QTimer.singleShot(0, with_modal(TeamCodeDialog, keep_recovery_code))
        click(qtbot, dialog.connect_button)
        qtbot.waitUntil(lambda: "recovery" in seen and not dialog.busy, timeout=LONG)
        qtbot.waitUntil(dialog.members_box.isVisible, timeout=LONG)
        seen["after"] = dialog.status_label.text()
        items = [dialog.members.item(i) for i in range(dialog.members.count())]
        target = next(i for i in items if f"({invitee})" in i.text())
        assert target.text().endswith("— nog geen laptop")
        dialog.members.setCurrentItem(target)
        assert not dialog.revoke_button.isEnabled(), "no laptop to take out yet"
        QTimer.singleShot(0, with_modal(TeamCodeDialog, take_invite))
        click(qtbot, dialog.invite_button)
        qtbot.waitUntil(lambda: "invite" in seen and not dialog.busy, timeout=LONG)
        items = [dialog.members.item(i) for i in range(dialog.members.count())]
        seen["invited"] = next(i.text() for i in items if f"({invitee})" in i.text())
        dialog.reject()

    drive_modal(TeamServerDialog, in_dialog, laptop.window.team.server_action.trigger)
    return seen


def join_from_first_start(
    qtbot: QtBot, data_dir: Path, clock: FixedClock, url: str, code: str, initials: str
) -> Started:
    """A new laptop: the first-start screen, Aansluiten bij een team…, the invite."""
    runner = ThreadTaskRunner()
    seen: list[str] = []

    def fill_in(dialog: JoinTeamDialog) -> None:
        type_text(qtbot, dialog.server_url, url)
        type_text(qtbot, dialog.code, code)
        type_text(qtbot, dialog.initials, initials)
        type_text(qtbot, dialog.password, MEMBER_PASSWORD)
        type_text(qtbot, dialog.again, MEMBER_PASSWORD)
        click(qtbot, dialog.ok_button)
        seen.append("busy" if dialog.progress.isVisible() else "not busy")

    def on_first_start(dialog: FirstStartDialog) -> None:
        QTimer.singleShot(0, with_modal(JoinTeamDialog, fill_in))
        click(qtbot, dialog.join_button)

    result: list[Started | None] = []
    access = StoreAccess(data_dir, clock, kdf=TEST_KDF)
    drive_modal(
        FirstStartDialog, on_first_start, lambda: result.append(start_session(access, runner))
    )
    runner.wait()
    assert seen == ["busy"], "joining runs off the UI thread, with a busy bar"
    started = result[0]
    assert started is not None and started.joined
    return started


@pytest.fixture
def clock() -> FixedClock:
    from tests.conftest import NOW

    return FixedClock(NOW)


@pytest.fixture
def two_laptops(
    qtbot: QtBot,
    tmp_path: Path,
    clock: FixedClock,
    team_server: ServerProcess,
    database: str,  # noqa: F811
) -> Iterator[tuple[Laptop, Laptop, dict[str, str]]]:
    """Carla (coordinator) connects her team through the dialog and invites Tessa; Tessa's
    new laptop joins from its first start."""
    opened = first_start(tmp_path / "carla", team_setup(), kdf=TEST_KDF, clock=clock)
    opened.services.members.add("Tessa Testlid", "TT", MemberRole.MEMBER)
    carla_runner = ThreadTaskRunner()
    carla = Laptop(open_window(qtbot, opened.services, carla_runner), carla_runner)
    seen = connect_and_invite(qtbot, carla, team_server, registration_code(database), "TT")
    started = join_from_first_start(
        qtbot, tmp_path / "tessa", clock, team_server.url, seen["invite"], "TT"
    )
    runner = ThreadTaskRunner()
    tessa = Laptop(open_window(qtbot, started.opened.services, runner), runner)
    # Each window syncs once as it comes to the front: let those rounds finish first.
    for laptop in (carla, tessa):
        laptop.window.activateWindow()
        qtbot.waitUntil(lambda laptop=laptop: laptop.window.team.sync.rounds >= 1, timeout=LONG)
        laptop.idle(qtbot)
    yield carla, tessa, seen
    for laptop in (tessa, carla):
        close_laptop(laptop)


def press_f9(qtbot: QtBot, laptop: Laptop, *, expect_round: bool = True) -> None:
    laptop.idle(qtbot)  # a round started by the window coming to the front may be running
    laptop.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is laptop.window)
    laptop.idle(qtbot)  # coming to the front may start a round of its own
    before = laptop.window.team.sync.rounds
    qtbot.keyClick(laptop.window, Qt.Key.Key_F9)
    assert laptop.window.team.sync.rounds == before + expect_round, "F9 and a round"
    laptop.idle(qtbot)


def f9_until(qtbot: QtBot, laptop: Laptop, arrived: Callable[[], bool], rounds: int = 10) -> None:
    """F9 until something pushed elsewhere has arrived: the server shows a push once no
    older transaction can still commit, so it may take a round more."""
    for _ in range(rounds):
        press_f9(qtbot, laptop)
        if arrived():
            return
        qtbot.wait(500)
    raise AssertionError("did not arrive")


def worklist_names(laptop: Laptop) -> list[str]:
    model = laptop.window.worklist_page.model
    return [
        str(model.data(model.index(row, column)))
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]


def test_coordinator_connects_invites_and_a_member_joins(
    qtbot: QtBot, two_laptops: tuple[Laptop, Laptop, dict[str, str]]
) -> None:
    carla, tessa, seen = two_laptops
    assert seen["before"].startswith("Niet verbonden")
    assert seen["after"].startswith("Verbonden met https://127.0.0.1:")
    assert len(seen["recovery"].replace("\n", "").replace("-", "")) >= 40
    assert seen["invite_text"] == "Uitnodiging voor het team"
    assert "— uitgenodigd tot " in seen["invited"]
    assert carla.services.team.status().connected
    status = tessa.services.team.status()
    assert status.connected and not status.is_coordinator and not status.revoked
    assert tessa.services.accounts.current().initials == "TT"
    assert "Gesynchroniseerd" in carla.status_text() or "Offline" not in carla.status_text()
    # In a team, a handover reaches the colleague's laptop with the next syncs, not at once.
    saved = carla.services.reports.register(report(), resident=resident(surname="Overdraag"))
    dialog = HandoverDialog(carla.services, carla.services.reports.get(saved.id), "Overdraag")
    assert "ziet hem na de volgende synchronisatie van beide laptops" in dialog.explanation.text()
    dialog.deleteLater()


def test_f9_brings_the_other_laptops_melding_into_werkvoorraad(
    qtbot: QtBot, two_laptops: tuple[Laptop, Laptop, dict[str, str]]
) -> None:
    carla, tessa, _ = two_laptops
    carla.services.reports.register(
        report(question="Buurman zoekt hulp bij de tuin."),
        resident=resident(surname="Gedeeldmans", first_names="Bram"),
    )
    press_f9(qtbot, carla)
    assert carla.services.team.status().pending == 0
    tessa.window.nav.setCurrentRow(1)  # Werkvoorraad, open while the sync comes in
    assert not any("Gedeeldmans" in text for text in worklist_names(tessa))
    f9_until(qtbot, tessa, lambda: any("Gedeeldmans" in t for t in worklist_names(tessa)))
    assert tessa.window.statusBar().currentMessage().startswith("Gesynchroniseerd:")
    assert tessa.status_text().startswith("Gesynchroniseerd vandaag")


def test_a_conflict_is_shown_and_settled_with_one_click(
    qtbot: QtBot, two_laptops: tuple[Laptop, Laptop, dict[str, str]]
) -> None:
    carla, tessa, _ = two_laptops
    saved = carla.services.reports.register(
        report(), resident=resident(surname="Twistra", first_names="Ida", phone="043 123 4567")
    )
    press_f9(qtbot, carla)
    f9_until(qtbot, tessa, lambda: bool(tessa.services.residents.search("Twistra")))
    uuid = carla.services.residents.get(saved.resident_id).uuid
    mine_id = next(r.id for r in tessa.services.residents.search("Twistra") if r.uuid == uuid)
    # Both change the phone number, each on their own laptop, offline from each other.
    carla.services.residents.update(
        saved.resident_id, resident(surname="Twistra", first_names="Ida", phone="043 765 4321")
    )
    tessa.services.residents.update(
        mine_id, resident(surname="Twistra", first_names="Ida", phone="06 1234 5678")
    )
    press_f9(qtbot, carla)
    f9_until(qtbot, tessa, tessa.window.team.sync.conflicts_button.isVisible)
    assert tessa.window.team.sync.conflicts_button.text() == "1 conflict"
    carla_name = carla.services.accounts.current().name  # type: ignore[union-attr]

    def settle(dialog: ConflictsDialog) -> None:
        assert dialog.list.count() == 1
        assert "Twistra" in dialog.list.item(0).text()
        assert "Telefoonnummer" in dialog.field_name.text()
        assert "043 123 4567" in dialog.base.toPlainText()
        assert dialog.mine.toPlainText() == "06 12345678"
        assert dialog.theirs.toPlainText() == "043 765 4321"
        # Whose the other version is, and when the team received it (the server's clock, the
        # real one: the laptops' clocks are fixed in these tests).
        assert re.fullmatch(rf"Versie van {carla_name}, .+ \d\d:\d\d", dialog.theirs_label.text())
        click(qtbot, dialog.keep_theirs)
        assert dialog.list.count() == 0 and dialog.empty.isVisible()
        assert not dialog.keep_mine.isEnabled() and not dialog.keep_theirs.isEnabled()
        # The status bar no longer calls for a conflict the dialog says is settled.
        assert tessa.window.team.sync.conflicts_button.isHidden()
        dialog.reject()

    drive_modal(
        ConflictsDialog, settle, lambda: click(qtbot, tessa.window.team.sync.conflicts_button)
    )
    assert tessa.services.team.conflicts() == []
    assert not tessa.window.team.sync.conflicts_button.isVisible()
    assert "4321" in (tessa.services.residents.get(mine_id).phone or "")
    press_f9(qtbot, tessa)
    press_f9(qtbot, carla)
    assert "4321" in (carla.services.residents.get(saved.resident_id).phone or "")
    assert carla.services.team.conflicts() == []


def test_server_down_is_quiet_offline_and_nothing_is_lost(
    qtbot: QtBot,
    two_laptops: tuple[Laptop, Laptop, dict[str, str]],
    team_server: ServerProcess,
    watch_for_boxes: Callable[[list[str]], None],
) -> None:
    carla, tessa, _ = two_laptops
    team_server.kill()
    try:
        tessa.services.reports.register(
            report(question="Geschreven zonder verbinding."),
            resident=resident(surname="Offlinema", first_names="Kees"),
        )
        boxes: list[str] = []
        watch_for_boxes(boxes)
        press_f9(qtbot, tessa)
        qtbot.wait(200)
        assert boxes == [], "offline is said in the status bar, not in a dialog"
        assert tessa.status_text().startswith("Offline — laatste synchronisatie ")
        assert "nog te delen" in tessa.status_text()
        assert tessa.services.team.status().pending > 0
        assert tessa.services.residents.search("Offlinema")
    finally:
        team_server.start()
    press_f9(qtbot, tessa)
    assert tessa.status_text().startswith("Gesynchroniseerd")
    assert tessa.services.team.status().pending == 0
    f9_until(qtbot, carla, lambda: bool(carla.services.residents.search("Offlinema")))


@pytest.fixture
def watch_for_boxes() -> Iterator[Callable[[list[str]], None]]:
    """Notes (and closes) any message box that pops up until the test ends. It looks at
    every visible top-level window, not only the active modal one: in a real X server
    without a window manager a new box need not become active, and a loaded machine is
    slow. It stops with the test, so it never closes another test's box."""
    watching = [True]

    def start(found: list[str]) -> None:
        def look() -> None:
            if not watching[0]:
                return
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, QMessageBox) and widget.isVisible():
                    found.append(widget.text())
                    widget.close()
            QTimer.singleShot(20, look)

        look()

    yield start
    watching[0] = False


def test_a_revoked_laptop_is_told_once_and_keeps_working(
    qtbot: QtBot,
    two_laptops: tuple[Laptop, Laptop, dict[str, str]],
    watch_for_boxes: Callable[[list[str]], None],
) -> None:
    carla, tessa, _ = two_laptops

    def tessa_item(dialog: TeamServerDialog):  # type: ignore[no-untyped-def]
        items = [dialog.members.item(i) for i in range(dialog.members.count())]
        return next(i for i in items if "(TT)" in i.text())

    def revoke(dialog: TeamServerDialog) -> None:
        texts = [dialog.members.item(i).text() for i in range(dialog.members.count())]
        assert any(t.startswith("Carla") and t.endswith("— deze laptop") for t in texts), texts
        assert tessa_item(dialog).text() == "Tessa Testlid (TT) — 1 laptop doet mee"
        dialog.members.setCurrentItem(tessa_item(dialog))
        QTimer.singleShot(0, with_modal(QMessageBox, confirm_yes))
        click(qtbot, dialog.revoke_button)
        qtbot.waitUntil(lambda: not dialog.busy, timeout=LONG)
        assert "doet niet meer mee" in dialog.message.text()
        assert tessa_item(dialog).text() == "Tessa Testlid (TT) — 1 laptop uit het team gehaald"
        dialog.members.setCurrentItem(tessa_item(dialog))
        assert not dialog.revoke_button.isEnabled() and dialog.invite_button.isEnabled()
        dialog.reject()

    def confirm_yes(box: QMessageBox) -> None:
        yes = next(b for b in box.buttons() if "intrekken" in b.text())
        click(qtbot, yes)

    press_f9(qtbot, carla)  # the coordinator's round takes Tessa's laptop onto the list
    drive_modal(TeamServerDialog, revoke, carla.window.team.server_action.trigger)
    tessa.services.reports.register(
        report(question="Na het intrekken getypt."),
        resident=resident(surname="Achterblijver", first_names="Noor"),
    )
    told: list[str] = []
    watch_for_boxes(told)
    press_f9(qtbot, tessa)
    qtbot.waitUntil(lambda: bool(told), timeout=LONG)
    assert told and "uit het team gehaald" in told[0]
    press_f9(qtbot, tessa, expect_round=False)  # a revoked laptop asks the server nothing
    qtbot.wait(300)
    assert len(told) == 1, "told once"
    assert tessa.status_text().startswith("Uit het team gehaald")
    assert tessa.services.residents.search("Achterblijver"), "what was typed stays"
    assert not tessa.window.team.sync.timer.isActive()


def test_joined_laptop_gets_no_demo_offer(
    qtbot: QtBot,
    tmp_path: Path,
    clock: FixedClock,
    team_server: ServerProcess,
    database: str,  # noqa: F811
) -> None:
    """After joining the window opens on the team's work: no welcome with demo data (it
    would be shared with the whole team)."""
    opened = first_start(tmp_path / "carla", team_setup(), kdf=TEST_KDF, clock=clock)
    opened.services.members.add("Tessa Testlid", "TT", MemberRole.MEMBER)
    code = registration_code(database)
    recovery = opened.services.team.connect(team_server.url, code)
    assert recovery
    tessa_id = next(m.id for m in opened.services.members.list() if m.initials == "TT")
    invite = opened.services.team.invite(tessa_id)
    opened.services.store.close()
    started = join_from_first_start(qtbot, tmp_path / "tessa", clock, team_server.url, invite, "TT")
    runner = ThreadTaskRunner()

    def keep(dialog: RecoveryCodeDialog) -> None:
        click(qtbot, dialog.kept)
        click(qtbot, dialog.ok_button)

    if started.opened.recovery_code is not None:  # this laptop's own code, shown once
        QTimer.singleShot(0, with_modal(RecoveryCodeDialog, keep))
    window = show_main_window(
        started.opened.services,
        runner,
        tmp_path / "tessa",
        True,
        started.opened.recovery_code,
        joined=True,
    )
    qtbot.waitExposed(window)
    assert window.statusBar().currentMessage().startswith("U bent aangesloten bij het team")
    assert QApplication.activeModalWidget() is None
    window.team.sync.stop()
    runner.wait()
    window.close()
    runner.wait()
    started.opened.services.store.close()
    window.deleteLater()


def test_background_rounds_on_the_timer_and_when_the_window_comes_back(
    qtbot: QtBot, two_laptops: tuple[Laptop, Laptop, dict[str, str]]
) -> None:
    carla, tessa, _ = two_laptops
    sync = tessa.window.team.sync
    assert sync.timer.isActive(), "a connected laptop syncs every few minutes"
    carla.services.reports.register(
        report(question="Vanzelf gedeeld."),
        resident=resident(surname="Tijdklok", first_names="Femke"),
    )
    press_f9(qtbot, carla)
    tessa.window.nav.setCurrentRow(1)
    sync.timer.setInterval(200)  # "a few minutes", shortened for the test
    qtbot.waitUntil(lambda: any("Tijdklok" in t for t in worklist_names(tessa)), timeout=LONG)
    sync.timer.stop()
    tessa.idle(qtbot)
    # Coming back to the window after a while starts a round of its own.
    sync._last_attempt = 0.0
    before = sync.rounds
    carla.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is carla.window)
    carla.idle(qtbot)
    tessa.window.activateWindow()
    qtbot.waitUntil(lambda: sync.rounds == before + 1, timeout=LONG)
    tessa.idle(qtbot)


def test_an_open_form_takes_in_what_a_sync_brings_and_a_save_keeps_it(
    qtbot: QtBot, two_laptops: tuple[Laptop, Laptop, dict[str, str]]
) -> None:
    """Tessa has the resident's Gegevens open while Carla's changes come in: untouched fields
    show the team's new values, what Tessa typed stays, and her save writes back no stale copy
    of Carla's change (it went to the whole team before)."""
    carla, tessa, _ = two_laptops
    saved = carla.services.reports.register(
        report(), resident=resident(surname="Openstaal", first_names="Lies", phone="043 123 4567")
    )
    press_f9(qtbot, carla)
    f9_until(qtbot, tessa, lambda: bool(tessa.services.residents.search("Openstaal")))
    mine_id = tessa.services.residents.search("Openstaal")[0].id
    tessa.window.open_dossier(mine_id)
    page = tessa.window.dossier_page
    qtbot.keyClick(page.tabs, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)

    carla.services.residents.update(
        saved.resident_id,
        resident(surname="Openstaal", first_names="Lies", phone="043 765 4321"),
    )
    press_f9(qtbot, carla)
    f9_until(qtbot, tessa, lambda: page.form.phone.text() == "043 765 4321")
    assert not page.has_unsaved_changes(), "a field nobody typed in is not an unsaved change"

    type_text(qtbot, page.form.email, "lies@example.org")
    carla.services.residents.update(
        saved.resident_id,
        resident(
            surname="Openstaal", first_names="Lies", phone="043 765 4321",
            house_number_suffix="b",
        ),
    )  # fmt: skip
    press_f9(qtbot, carla)
    f9_until(qtbot, tessa, lambda: page.form.house_number_suffix.text() == "b")
    assert page.form.email.text() == "lies@example.org" and page.has_unsaved_changes()

    assert " · alles gedeeld" in tessa.status_text()
    qtbot.keyClick(page.form.email, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert tessa.status_text().endswith("1 wijziging nog te delen"), (
        "said at once, not a round later"
    )
    stored = tessa.services.residents.get(mine_id)
    assert (stored.house_number_suffix, stored.email) == ("b", "lies@example.org")
    assert "4321" in (stored.phone or "")
    press_f9(qtbot, tessa)
    f9_until(
        qtbot, carla, lambda: carla.services.residents.get(saved.resident_id).email is not None
    )
    theirs = carla.services.residents.get(saved.resident_id)
    assert (theirs.house_number_suffix, theirs.email) == ("b", "lies@example.org")
    assert "4321" in (theirs.phone or "")
