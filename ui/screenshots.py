"""Saves screenshots of the main screens with demo data, for looking at the interface.

    .venv/bin/python -m ui.screenshots OUT_DIR [--data-dir DIR]

Use a real display or Xvfb (`xvfb-run -a -s "-screen 0 1280x800x24" ...`) for true pixels.
Screenshots are never committed.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ui.app import application
from ui.dialogs.new_report_dialog import NewReportDialog
from ui.dialogs.plan_visit_dialog import PlanVisitDialog
from ui.main_window import MainWindow
from wijkteam.demo.generator import generate
from wijkteam.demo.zgw_example import example_settings
from wijkteam.security.headless import DEMO_TEAM
from wijkteam.security.setup import TeamSetup, first_start
from wijkteam.security.state import StoreState, store_state
from wijkteam.services import Services

SHOT_PASSWORD = "schermafdrukken maken"


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _grab(widget: QWidget, path: Path) -> None:
    _settle()
    widget.grab().save(str(path))
    print(path)


def _grab_dialog(
    dialog: QDialog, path: Path, prepare: Callable[[QDialog], None] | None = None
) -> None:
    def shoot() -> None:
        if prepare:
            prepare(dialog)
        _grab(dialog, path)
        dialog.reject()

    QTimer.singleShot(300, shoot)
    dialog.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="wijkteam-shots-"))
    application()
    from ui.security.first_start_dialog import FirstStartDialog
    from ui.security.sign_in_dialog import SignInDialog
    from ui.tasks import InlineTaskRunner

    runner = InlineTaskRunner()
    if store_state(data_dir) is StoreState.NEW:
        _grab_dialog(FirstStartDialog(data_dir, runner), args.out / "00-eerste-start.png")
        team, place, name, initials = DEMO_TEAM
        setup = TeamSetup(team, place, name, initials, SHOT_PASSWORD, SHOT_PASSWORD)
        opened = first_start(data_dir, setup)
        generate(opened.services.store)
        opened.services.store.close()

    def sign_in(dialog: QDialog) -> None:
        assert isinstance(dialog, SignInDialog)
        dialog.initials.setText(DEMO_TEAM[3])
        dialog.password.setText("verkeerd wachtwoord")
        dialog.sign_in()

    sign_in_dialog = SignInDialog(data_dir, runner)
    _grab_dialog(sign_in_dialog, args.out / "00-aanmelden.png", sign_in)
    sign_in_dialog = SignInDialog(data_dir, runner)
    sign_in_dialog.initials.setText(DEMO_TEAM[3])
    sign_in_dialog.password.setText(SHOT_PASSWORD)
    sign_in_dialog.sign_in()
    assert sign_in_dialog.opened is not None
    services = sign_in_dialog.opened.services
    store = services.store
    window = MainWindow(services)
    window.resize(1280, 800)
    window.show()
    window.show_today()
    _grab(window, args.out / "01-vandaag.png")
    window.nav.setCurrentRow(1)
    _grab(window, args.out / "02-werkvoorraad.png")
    row = window.worklist_page.model.row_at(0)
    window.open_dossier(row.resident_id, row.report_id)
    _grab(window, args.out / "03-dossier.png")
    window.dossier_page.tabs.setCurrentIndex(1)
    _grab(window, args.out / "04-dossier-gegevens.png")

    def invalid_bsn(dialog: QDialog) -> None:
        assert isinstance(dialog, NewReportDialog)
        dialog.resident_form.surname.setText("Voorbeeld")
        dialog.resident_form.bsn.setText("123456789")
        dialog.resident_form.postcode.setText("6291 SS")
        dialog.question.setPlainText("Mijn buurvrouw komt de deur niet meer uit.")
        dialog.save()

    _grab_dialog(
        NewReportDialog(services, parent=window), args.out / "05-nieuwe-melding.png", invalid_bsn
    )
    report = services.reports.get(window.today_page.unplanned.model.row_at(0).report_id)
    resident = services.reports.resident_of(report.id)
    _grab_dialog(
        PlanVisitDialog(services, report, resident.display_name, window),
        args.out / "06-huisbezoek-plannen.png",
    )
    _shoot_import(services, window, args.out)
    _sync_screens(services, window, args.out)
    _security_screens(window, services, args.out)
    window.close()
    store.close()
    return 0


def _shoot_import(services: Services, window: MainWindow, out: Path) -> None:
    """The import review with the example file plus a row with mistakes."""
    from ui.imports.import_dialog import ImportDialog
    from ui.tasks import InlineTaskRunner
    from wijkteam.resources import resource

    example = resource("import", "voorbeeld_meldingen.csv").read_bytes()
    known = services.residents.search("", limit=1) or services.residents.search("vaals", limit=1)
    extra = "ZK-2026-000199;03-11-2026;999000018;Piet;;Fout;31-02-1950;;;;6291 SS;Vaals;;;;;;"
    if known and known[0].birth_date:
        born = known[0].birth_date.strftime("%d-%m-%Y")
        extra += f"\r\nZK-2026-000198;04-11-2026;;;;{known[0].surname};{born};;;;;;;;;;Vraag;"
    data = example + extra.encode("utf-8") + b"\r\n"
    preview = services.imports.preview_bytes(data, "meldingen-gemeente.csv")
    _grab_dialog(ImportDialog(services, preview, InlineTaskRunner(), window), out / "07-import.png")


def _sync_screens(services: Services, window: MainWindow, out: Path) -> None:
    """The Synchronisatie screens, with example settings (example.nl addresses)."""
    from ui.sync.export_dialog import ExportDialog
    from ui.sync.history_dialog import SyncHistoryDialog
    from ui.sync.settings_dialog import SyncSettingsDialog
    from ui.tasks import InlineTaskRunner

    def invalid_rsin(dialog: QDialog) -> None:
        assert isinstance(dialog, SyncSettingsDialog)
        dialog.edits["rsin"].setText("002220648")
        dialog.edits["zaken_url"].setText("http://zaken.example.nl/zaken/api/v1")
        dialog.save()
        dialog.scroll.verticalScrollBar().setValue(0)

    _grab_dialog(
        SyncSettingsDialog(services, window), out / "08-koppeling-fouten.png", invalid_rsin
    )
    if not services.export.settings.is_configured():
        services.export.settings.save(example_settings())

    def pick_rollen(dialog: QDialog) -> None:
        assert isinstance(dialog, ExportDialog)
        dialog.table.selectRow(1)

    runner = InlineTaskRunner()
    _grab_dialog(
        ExportDialog(services, runner, window), out / "09-export-voorbeeld.png", pick_rollen
    )
    folder = Path(tempfile.mkdtemp(prefix="wijkteam-shots-export-"))
    services.export.exports.export(folder / "export.zip", "een wachtzin voor de foto")
    _grab_dialog(SyncHistoryDialog(services, window), out / "10-synchronisatie-geschiedenis.png")


def _security_screens(window: MainWindow, services, out: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.members_dialog import MembersDialog
    from ui.security.audit_dialog import AuditDialog
    from ui.security.retention_dialog import RetentionDialog
    from ui.security.session import install_security
    from ui.tasks import InlineTaskRunner

    session = install_security(window, services, InlineTaskRunner(), out)
    _grab_dialog(MembersDialog(services, window), out / "11-teamleden.png")
    _grab_dialog(AuditDialog(services, window), out / "12-auditlog.png")
    _grab_dialog(RetentionDialog(services, window), out / "13-bewaartermijnen.png")
    row = window.worklist_page.model.row_at(0)
    window.open_dossier(row.resident_id, row.report_id)
    session.guard.lock()
    _settle()
    _grab(window, out / "14-vergrendeld.png")
    assert session.guard.unlock_dialog is not None
    _grab(session.guard.unlock_dialog, out / "15-ontgrendelen.png")
    session.guard.unlock()
    session.guard.stop()


if __name__ == "__main__":
    raise SystemExit(main())
