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
    _social_map_shots(window, services, args.out)
    window.close()
    store.close()
    return 0


def _social_map_shots(window: MainWindow, services: Services, out: Path) -> None:
    from ui.social_map.import_dialog import ImportPreviewDialog

    window.nav.setCurrentRow(2)
    page = window.social_map_page
    _grab(window, out / "07-sociale-kaart.png")
    model = page.map_tab.model
    stale = next(n for n in range(model.rowCount()) if model.row_at(n).stale)
    page.map_tab.table.selectRow(stale)
    _grab(window, out / "08-sociale-kaart-item.png")
    page.map_tab.filters.search.setText("taal")
    page.map_tab.filters.search_now()
    page.map_tab.panel.editor.phone.setText("12345")
    page.map_tab.panel.save()
    _grab(window, out / "09-sociale-kaart-zoeken-fout.png")
    page.map_tab.panel.discard_changes()
    bad_file = (
        "\ufeffnaam;soort;categorieën;plaats;telefoon\r\n"
        "Eetcafé De Tafel;initiatief;ontmoeting;Vaals;043 000 0190\r\n"
        "Zwemles;cursus;sport;Vijlen;\r\n"
        ";activiteit;taal;Vaals;12345\r\n"
    ).encode()
    preview = services.social_map_transfer.preview(bad_file)
    _grab_dialog(ImportPreviewDialog(preview, window), out / "10-sociale-kaart-importeren.png")
    page.tabs.setCurrentIndex(1)
    _grab(window, out / "11-gezocht-niet-gevonden.png")


if __name__ == "__main__":
    raise SystemExit(main())
