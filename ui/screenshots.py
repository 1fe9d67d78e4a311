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
from wijkteam.services import Services
from wijkteam.store import open_store, store_path


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


def _steps_shots(window: MainWindow, services: Services, out: Path) -> None:
    """The steps panel and the timeline of a melding with due follow-up calls."""
    due = services.follow_ups.due()
    if not due:
        return
    window.open_dossier(due[0].resident_id, due[0].report_id)
    page = window.dossier_page
    page.steps_panel.form.what.setText("Aanmelden bij het repaircafé")
    page.steps_panel.form.resident_chose.setChecked(True)
    page.tabs.setCurrentIndex(0)
    _grab(window, out / "07-afspraken.png")
    page.tabs.setCurrentWidget(page.timeline_tab)
    _grab(window, out / "08-tijdlijn.png")
    page.steps_panel.form.clear()
    window.show_today()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="wijkteam-shots-"))
    application()
    store = open_store(store_path(data_dir))
    services = Services.create(store)
    if services.store_is_empty():
        generate(store)
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
    _steps_shots(window, services, args.out)

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
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
