"""Bestand › Meldingen importeren…, driven as a member would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel
from pytestqt.qtbot import QtBot

from tests.factories import report, resident
from tests.gui.helpers import drive_modal
from tests.sync.import_files import BAD_BSN_ROW, GOOD_ROWS, csv_bytes, csv_row
from ui.imports.import_dialog import ImportDialog
from ui.main_window import MainWindow
from wijkteam.wiring import Services


def _file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "meldingen.csv"
    path.write_bytes(csv_bytes(*rows, encoding="cp1252"))
    return path


def _column(model, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _open_import(window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Bestand › Meldingen importeren…, with the file dialog answering `path`."""
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(path), ""))
    )
    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.text() == "Meldingen &importeren…")
    action.trigger()


def _worklist_names(qtbot: QtBot, window: MainWindow) -> list[str]:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    model = window.worklist_page.model
    return [model.row_at(i).resident_name for i in range(model.rowCount())]


def test_a_bad_row_is_shown_with_its_line_and_the_valid_ones_are_imported(
    qtbot: QtBot, window: MainWindow, services: Services, tmp_path: Path, monkeypatch
) -> None:
    path = _file(tmp_path, GOOD_ROWS[0], BAD_BSN_ROW, GOOD_ROWS[1])
    seen: dict[str, object] = {}

    def review(dialog: ImportDialog) -> None:
        problems = dialog.problems_model
        seen["places"] = _column(problems, 0)
        seen["columns"] = _column(problems, 1)
        seen["texts"] = _column(problems, 2)
        seen["status"] = _column(dialog.records_model, 7)
        seen["due"] = _column(dialog.records_model, 5)
        seen["buttons"] = (dialog.import_all.isEnabled(), dialog.import_valid.isEnabled())
        seen["advice"] = dialog.advice.text()
        qtbot.mouseClick(dialog.import_valid, Qt.MouseButton.LeftButton)
        seen["result"] = dialog.result_text.text()
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    drive_modal(ImportDialog, review, lambda: _open_import(window, path, monkeypatch), window)

    assert seen["places"] == ["Regel 3"]
    assert seen["columns"] == ["bsn"]
    assert "elfproef" in str(seen["texts"])
    assert seen["status"] == ["Goed", "Fouten: wordt niet geïmporteerd", "Goed"]
    assert seen["due"] == ["24-11-2026", "24-11-2026", "24-11-2026"]
    assert seen["buttons"] == (False, True)  # "Alles importeren" waits for a good file
    assert "importeer alleen de goede" in str(seen["advice"])
    assert seen["result"] == (
        "2 nieuwe meldingen geïmporteerd (2 nieuwe inwoners, 0 bij een bekende inwoner). "
        "Overgeslagen: 1 met fouten."
    )
    assert _worklist_names(qtbot, window) == ["Aalders, Zoë", "Bakker, Jürgen"]
    due = window.worklist_page.model.index(0, 3).data()
    assert due.startswith("24-11-2026")  # received 10-11 + 14 days, on the list
    unplanned = window.today_page.unplanned.model
    assert unplanned.rowCount() == 2


def test_cancel_writes_nothing(
    qtbot: QtBot, window: MainWindow, services: Services, tmp_path: Path, monkeypatch
) -> None:
    path = _file(tmp_path, *GOOD_ROWS)

    def review(dialog: ImportDialog) -> None:
        assert dialog.import_all.isEnabled()
        assert not dialog.import_valid.isEnabled()
        assert not dialog.problems_section.isVisibleTo(dialog)
        qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)

    drive_modal(ImportDialog, review, lambda: _open_import(window, path, monkeypatch), window)
    assert _worklist_names(qtbot, window) == []


def test_a_resembling_resident_is_confirmed_before_importing(
    qtbot: QtBot, window: MainWindow, services: Services, tmp_path: Path, monkeypatch
) -> None:
    known = services.reports.register(
        report(received_on="01-11-2026"),
        resident=resident(surname="Bakker", first_names="Jurgen", birth_date="2-2-1960"),
    )
    path = _file(tmp_path, GOOD_ROWS[1])
    seen: dict[str, object] = {}

    def review(dialog: ImportDialog) -> None:
        assert dialog.proposals_section.isVisibleTo(dialog)
        seen["before"] = (dialog.import_all.isEnabled(), _column(dialog.proposals_model, 3))
        dialog.proposals.setFocus()
        dialog.proposals.selectRow(0)
        qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
        seen["after"] = (dialog.import_all.isEnabled(), _column(dialog.proposals_model, 3))
        qtbot.mouseClick(dialog.import_all, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    drive_modal(ImportDialog, review, lambda: _open_import(window, path, monkeypatch), window)
    assert seen["before"] == (False, ["Nog kiezen"])
    assert seen["after"] == (True, ["Zelfde persoon: koppelen"])
    reports = services.reports.for_resident(known.resident_id)
    assert sorted(r.case_reference or "" for r in reports) == ["", "ZK-2"]


def test_a_refused_file_is_explained(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    path = tmp_path / "meldingen.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    shown: list[str] = []
    monkeypatch.setattr(
        "ui.imports.import_flow.QMessageBox.warning",
        staticmethod(lambda parent, title, text: shown.append(text)),
    )
    _open_import(window, path, monkeypatch)
    assert shown and "geen CSV- of JSON-bestand" in shown[0]
    assert window.isEnabled()


def test_an_unknown_source_is_shown_as_a_note_and_imports_with_everything(
    qtbot: QtBot, window: MainWindow, services: Services, tmp_path: Path, monkeypatch
) -> None:
    path = _file(tmp_path, csv_row(zaaknummer="ZK-1", bron="Sociaal loket"), GOOD_ROWS[1])
    seen: dict[str, object] = {}

    def review(dialog: ImportDialog) -> None:
        seen["section"] = dialog.problems_section.isVisibleTo(dialog)
        seen["title"] = dialog.problems_section.findChild(QLabel).text()
        seen["places"] = _column(dialog.problems_model, 0)
        seen["columns"] = _column(dialog.problems_model, 1)
        seen["texts"] = _column(dialog.problems_model, 2)
        seen["status"] = _column(dialog.records_model, 7)
        seen["buttons"] = (dialog.import_all.isEnabled(), dialog.import_valid.isEnabled())
        qtbot.mouseClick(dialog.import_all, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.summary is not None)
        seen["result"] = dialog.result_text.text()
        qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    drive_modal(ImportDialog, review, lambda: _open_import(window, path, monkeypatch), window)

    assert seen["section"] is True
    assert seen["title"] == "Problemen (0 fouten, 1 ter info)"
    assert seen["places"] == ["Regel 2"]
    assert seen["columns"] == ["bron"]
    (text,) = seen["texts"]  # type: ignore[misc]
    assert text.startswith("Let op: Deze bron kent Wijkteam niet.")
    assert "Sociaal loket" not in text
    assert seen["status"] == ["Goed", "Goed"]
    assert seen["buttons"] == (True, False)
    assert str(seen["result"]).startswith("2 nieuwe meldingen geïmporteerd")
    assert _worklist_names(qtbot, window) == ["Verzonnen, Zoë", "Bakker, Jürgen"]
    model = window.worklist_page.model
    melding = services.reports.get(model.row_at(0).report_id)
    assert melding.question.endswith("Bron volgens de gemeente: Sociaal loket")
