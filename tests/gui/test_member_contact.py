"""Team › Mijn contactgegevens and the coordinator's Teamleden: the work phone and e-mail
that the visit summary prints, typed and saved as a member would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from tests.gui.helpers import drive_modal, replace_text, show_active
from ui.app import application
from ui.dialogs.members_dialog import MembersDialog
from ui.main_window import MainWindow
from ui.security.contact_dialog import ContactDialog
from ui.security.session import SecuritySession, install_security
from ui.tasks import InlineTaskRunner
from wijkteam.domain.enums import MemberRole
from wijkteam.services.records import MemberRecord
from wijkteam.wiring.setup import Opened

MEMBER_PASSWORD = "bas zijn eigen wachtwoord"


@pytest.fixture
def bas(team: Opened) -> MemberRecord:
    """A plain member (not a coordinator) who is signed in."""
    record = team.services.accounts.add(
        "Bas Lid", "BL", MemberRole.MEMBER, MEMBER_PASSWORD, MEMBER_PASSWORD
    )
    team.services.context.act_as(record.id, MemberRole.MEMBER)
    return record


@pytest.fixture
def session(qtbot: QtBot, team: Opened, team_dir: Path) -> Iterator[SecuritySession]:
    application()
    window = MainWindow(team.services, InlineTaskRunner())
    security = install_security(window, team.services, InlineTaskRunner(), team_dir)
    show_active(qtbot, window)
    yield security
    security.guard.stop()
    window.dossier_page.discard_changes()
    window.close()
    QApplication.processEvents()


def _team_action(window: MainWindow, text: str):  # type: ignore[no-untyped-def]
    team_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text() == "&Team" and a.menu()
    )
    assert isinstance(team_menu, QMenu)
    return next(a for a in team_menu.actions() if a.text() == text)


def _stored(team: Opened, member_id: int) -> MemberRecord:
    return {m.id: m for m in team.services.members.list()}[member_id]


def test_a_member_sets_their_own_contact_details_from_the_team_menu(
    qtbot: QtBot, team: Opened, bas: MemberRecord, session: SecuritySession
) -> None:
    window = session.window
    assert session.coordinator_menu is None  # Bas is a plain member
    action = _team_action(window, "Mijn &contactgegevens…")
    seen: dict[str, object] = {}

    def fill_in(dialog: ContactDialog) -> None:
        seen["intro"] = dialog.intro.text()
        seen["prefilled"] = (dialog.phone.text(), dialog.email.text())
        qtbot.keyClicks(dialog.phone, "12345")
        qtbot.keyClicks(dialog.email, "bas.lid@wijkteam.example")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        seen["errors"] = dict(dialog.fieldset.errors_shown())
        seen["kept"] = (dialog.phone.text(), dialog.email.text())
        seen["open"] = dialog.isVisible()
        replace_text(qtbot, dialog.phone, "06 12345678")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        seen["closed"] = not dialog.isVisible()

    drive_modal(ContactDialog, fill_in, action.trigger, return_to=window)

    assert "bezoekverslag" in str(seen["intro"]) and "bereiken" in str(seen["intro"])
    assert seen["prefilled"] == ("", "")
    errors = seen["errors"]
    assert isinstance(errors, dict) and list(errors) == ["phone"]
    assert "geen geldig telefoonnummer" in errors["phone"]
    assert seen["kept"] == ("12345", "bas.lid@wijkteam.example")  # nothing typed lost
    assert seen["open"] and seen["closed"]
    stored = _stored(team, bas.id)
    assert (stored.phone, stored.email) == ("+31612345678", "bas.lid@wijkteam.example")
    assert "contactgegevens zijn opgeslagen" in window.statusBar().currentMessage()


def test_the_dialog_is_prefilled_and_an_emptied_field_clears_the_value(
    qtbot: QtBot, team: Opened, bas: MemberRecord, session: SecuritySession
) -> None:
    team.services.members.set_contact(bas.id, "+31433061234", "bas.lid@wijkteam.example")
    seen: dict[str, object] = {}

    def clear_email(dialog: ContactDialog) -> None:
        seen["prefilled"] = (dialog.phone.text(), dialog.email.text())
        replace_text(qtbot, dialog.email, "")
        qtbot.keyClick(dialog.email, Qt.Key.Key_Return)

    action = _team_action(session.window, "Mijn &contactgegevens…")
    drive_modal(ContactDialog, clear_email, action.trigger, return_to=session.window)

    assert seen["prefilled"] == ("043 306 1234", "bas.lid@wijkteam.example")
    stored = _stored(team, bas.id)
    assert (stored.phone, stored.email) == ("+31433061234", None)


def test_a_coordinator_edits_a_colleagues_details_in_teamleden(qtbot: QtBot, team: Opened) -> None:
    application()
    colleague = team.services.accounts.add(
        "Bas Lid", "BL", MemberRole.MEMBER, MEMBER_PASSWORD, MEMBER_PASSWORD
    )
    dialog = MembersDialog(team.services)
    show_active(qtbot, dialog)
    row = next(
        i for i in range(dialog.model.rowCount()) if dialog.model.row_at(i).id == colleague.id
    )
    dialog.table.selectRow(row)
    seen: dict[str, object] = {}

    def fill_in(contact: ContactDialog) -> None:
        seen["title"] = contact.windowTitle()
        qtbot.keyClicks(contact.phone, "0049 241 123456")
        qtbot.keyClicks(contact.email, "geen adres")
        qtbot.mouseClick(contact.ok_button, Qt.MouseButton.LeftButton)
        seen["errors"] = list(contact.fieldset.errors_shown())
        replace_text(qtbot, contact.email, "bas.lid@wijkteam.example")
        qtbot.mouseClick(contact.ok_button, Qt.MouseButton.LeftButton)

    drive_modal(
        ContactDialog,
        fill_in,
        lambda: qtbot.mouseClick(dialog.contact_button, Qt.MouseButton.LeftButton),
        return_to=dialog,
    )

    assert seen == {"title": "Contactgegevens Bas Lid", "errors": ["email"]}
    stored = _stored(team, colleague.id)
    assert (stored.phone, stored.email) == ("+49241123456", "bas.lid@wijkteam.example")
    shown = [dialog.model.index(row, c).data() for c in range(dialog.model.columnCount())]
    assert "+49 241 123456" in shown and "bas.lid@wijkteam.example" in shown
    assert dialog.changed
    dialog.close()


def test_the_menu_works_in_the_window_as_the_app_opens_it(
    qtbot: QtBot, team: Opened, bas: MemberRecord, team_dir: Path
) -> None:
    """The app keeps no reference of its own to the security session: the window must."""
    import gc

    from ui.app import show_main_window

    application()
    window = show_main_window(team.services, InlineTaskRunner(), team_dir, new_store=False)
    qtbot.addWidget(window)
    gc.collect()
    seen: list[str] = []

    def look(dialog: ContactDialog) -> None:
        seen.append(dialog.windowTitle())
        dialog.reject()

    action = _team_action(window, "Mijn &contactgegevens…")
    drive_modal(ContactDialog, look, action.trigger, window)
    assert seen == ["Mijn contactgegevens"]
    session = window.findChild(SecuritySession)
    assert session is not None
    session.guard.stop()
    window.close()
