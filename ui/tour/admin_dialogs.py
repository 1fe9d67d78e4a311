"""The dialogs of signing in, the team, security and the sync with the municipality."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget

from ui.tour.context import Tour
from ui.tour.work_dialogs import DialogShot
from wijkteam.wiring.access import StoreAccess

SHORT_PASSWORD = "kort"


def first_start(tour: Tour) -> QDialog:
    from ui.security.first_start_dialog import FirstStartDialog

    empty = Path(tempfile.mkdtemp(prefix="wijkteam-tour-"))
    return FirstStartDialog(StoreAccess(empty / "data"), tour.runner)


def first_start_short_password(dialog: QWidget) -> None:
    from ui.security.first_start_dialog import FirstStartDialog

    assert isinstance(dialog, FirstStartDialog)
    dialog.team_name.setText("Wijkteam Vaals")
    dialog.municipality.setText("Vaals")
    dialog.name.setText("Anouk Meertens")
    dialog.initials.setText("AM")
    dialog.password.setText(SHORT_PASSWORD)
    dialog.again.setText(SHORT_PASSWORD)
    dialog.submit()


def sign_in(tour: Tour) -> QDialog:
    from ui.security.sign_in_dialog import SignInDialog

    return SignInDialog(StoreAccess(tour.data_dir), tour.runner)


def wrong_password(dialog: QWidget) -> None:
    from ui.security.sign_in_dialog import SignInDialog

    assert isinstance(dialog, SignInDialog)
    dialog.initials.setText("AM")
    dialog.password.setText("verkeerd wachtwoord")
    dialog.sign_in()


def reset(tour: Tour) -> QDialog:
    from ui.security.reset_dialog import ResetDialog

    return ResetDialog(StoreAccess(tour.data_dir), tour.runner, tour.window)


def reset_mistakes(dialog: QWidget) -> None:
    from ui.security.reset_dialog import ResetDialog

    assert isinstance(dialog, ResetDialog)
    dialog.code.setText("XXXXX")
    dialog.submit()


def unlock(tour: Tour) -> QDialog:
    from ui.security.unlock_dialog import UnlockDialog

    return UnlockDialog(tour.services, tour.runner, tour.window)


def lock_reset(tour: Tour) -> QDialog:
    from ui.security.lock_reset_dialog import LockResetDialog

    return LockResetDialog(tour.services, tour.runner, tour.window)


def own_password(tour: Tour) -> QDialog:
    from ui.security.new_password_dialog import choose_own_password

    return choose_own_password(tour.window, _refuse, tour.runner)


def temporary_password(tour: Tour) -> QDialog:
    from ui.security.new_password_dialog import temporary_password as dialog

    return dialog(tour.window, "Anouk Meertens", _refuse, tour.runner, reactivating=True)


def backups(tour: Tour) -> QDialog:
    from ui.security.backup_status import BackupStatusDialog

    return BackupStatusDialog(tour.services, tour.runner, tour.window)


def closing(tour: Tour) -> QDialog:
    from ui.widgets.closing_notice import ClosingNotice

    return ClosingNotice(tour.runner, tour.window)


def _refuse(*_args: object) -> object:
    raise RuntimeError("the tour never saves")


def welcome(tour: Tour) -> QDialog:
    from ui.dialogs.welcome_dialog import WelcomeDialog

    return WelcomeDialog(tour.services, tour.window)


def welcome_who(dialog: QWidget) -> None:
    from ui.dialogs.welcome_dialog import WelcomeDialog

    assert isinstance(dialog, WelcomeDialog)
    dialog.pages.setCurrentIndex(1)


def recovery_code(tour: Tour) -> QDialog:
    from ui.security.recovery_code_dialog import RecoveryCodeDialog

    code = "Q64LD-DVZUL-JNEQ9-3HM7L-6RXFL-JBLL8"
    return RecoveryCodeDialog(code, tour.services.settings.team().team_name, tour.window)


def members(tour: Tour) -> QDialog:
    from ui.dialogs.members_dialog import MembersDialog

    return MembersDialog(tour.services, tour.window)


def members_mistakes(dialog: QWidget) -> None:
    from ui.dialogs.members_dialog import MembersDialog

    assert isinstance(dialog, MembersDialog)
    dialog.name_field.setText("Nieuw Teamlid")
    dialog.password_field.setText(SHORT_PASSWORD)
    dialog._add()


def password(tour: Tour) -> QDialog:
    from ui.security.password_dialog import PasswordDialog

    return PasswordDialog(tour.services, tour.runner, tour.window)


def password_mistakes(dialog: QWidget) -> None:
    from ui.security.password_dialog import PasswordDialog

    assert isinstance(dialog, PasswordDialog)
    dialog.current.setText("verkeerd wachtwoord")
    dialog.new.setText(SHORT_PASSWORD)
    dialog.again.setText("anders")
    dialog.submit()


def contact(tour: Tour) -> QDialog:
    from ui.security.contact_dialog import ContactDialog

    me = tour.services.accounts.current()
    assert me is not None
    return ContactDialog(tour.services, me, tour.window)


def audit(tour: Tour) -> QDialog:
    from ui.security.audit_dialog import AuditDialog

    return AuditDialog(tour.services, tour.window)


def retention(tour: Tour) -> QDialog:
    from ui.security.retention_dialog import RetentionDialog

    return RetentionDialog(tour.services, tour.window)


def removed_inzage(tour: Tour) -> QDialog:
    from ui.security.removed_inzage_dialog import RemovedInzageDialog

    return RemovedInzageDialog(tour.services, tour.window.runner, tour.window)


def removed_inzage_mistakes(dialog: QDialog) -> None:
    dialog.birth_date.setText("31-02-1950")  # type: ignore[attr-defined]
    dialog.search()  # type: ignore[attr-defined]


def security_settings(tour: Tour) -> QDialog:
    from ui.security.settings_dialog import SecuritySettingsDialog

    return SecuritySettingsDialog(tour.services, tour.window)


def sync_settings(tour: Tour) -> QDialog:
    from ui.sync.settings_dialog import SyncSettingsDialog

    return SyncSettingsDialog(tour.services, tour.window)


def sync_settings_mistakes(dialog: QWidget) -> None:
    from ui.sync.settings_dialog import SyncSettingsDialog

    assert isinstance(dialog, SyncSettingsDialog)
    dialog.edits["rsin"].setText("002220648")
    dialog.edits["zaken_url"].setText("http://zaken.example.nl/zaken/api/v1")
    dialog.save()
    dialog.scroll.verticalScrollBar().setValue(0)


def _configured(tour: Tour) -> None:
    from wijkteam.demo.zgw_example import example_settings

    if not tour.services.export.settings.is_configured():
        tour.services.export.settings.save(example_settings())


def export(tour: Tour) -> QDialog:
    from ui.sync.export_dialog import ExportDialog

    _configured(tour)
    return ExportDialog(tour.services, tour.runner, tour.window)


def push(tour: Tour) -> QDialog:
    from ui.sync.push_dialog import PushDialog, SessionSecret

    _configured(tour)
    return PushDialog(tour.services, tour.runner, SessionSecret(), tour.window)


def sync_history(tour: Tour) -> QDialog:
    from ui.sync.history_dialog import SyncHistoryDialog

    return SyncHistoryDialog(tour.services, tour.window)


ADMIN_DIALOGS: tuple[DialogShot, ...] = (
    DialogShot("eerste-start", first_start),
    DialogShot("eerste-start-kort-wachtwoord", first_start, first_start_short_password),
    DialogShot("aanmelden", sign_in),
    DialogShot("aanmelden-fout", sign_in, wrong_password),
    DialogShot("wachtwoord-vergeten", reset),
    DialogShot("wachtwoord-vergeten-fout", reset, reset_mistakes),
    DialogShot("ontgrendelen", unlock),
    DialogShot("ontgrendelen-wachtwoord-vergeten", lock_reset),
    DialogShot("eigen-wachtwoord-kiezen", own_password),
    DialogShot("tijdelijk-wachtwoord", temporary_password),
    DialogShot("back-ups", backups),
    DialogShot("afsluiten-wacht", closing),
    DialogShot("welkom", welcome),
    DialogShot("welkom-wie", welcome, welcome_who),
    DialogShot("herstelcode", recovery_code),
    DialogShot("teamleden", members),
    DialogShot("teamleden-fout", members, members_mistakes),
    DialogShot("wachtwoord-wijzigen", password),
    DialogShot("wachtwoord-wijzigen-fout", password, password_mistakes),
    DialogShot("mijn-contactgegevens", contact),
    DialogShot("auditlog", audit),
    DialogShot("bewaartermijnen", retention),
    DialogShot("inzage-oud-inwoner", removed_inzage),
    DialogShot("inzage-oud-inwoner-fout", removed_inzage, removed_inzage_mistakes),
    DialogShot("beveiliging-en-bewaren", security_settings),
    DialogShot("koppeling", sync_settings),
    DialogShot("koppeling-fouten", sync_settings, sync_settings_mistakes),
    DialogShot("exporteren", export),
    DialogShot("synchroniseren", push),
    DialogShot("synchronisatie-geschiedenis", sync_history),
)
