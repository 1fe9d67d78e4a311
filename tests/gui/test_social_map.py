"""The Sociale kaart page, driven as a member would: keyboard, mouse, files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.helpers import drive_modal, replace_text, type_text
from tests.social_map_factories import csv_bytes, map_entry
from ui.main_window import MainWindow
from ui.social_map.import_dialog import ImportPreviewDialog
from ui.social_map.page import SocialMapPage
from ui.tasks import ThreadTaskRunner
from wijkteam.domain.social_map import MapCategory, MapEntryKind
from wijkteam.services.social_map import MapQuery
from wijkteam.wiring import Services

LEFT = Qt.MouseButton.LeftButton


def _open_map(qtbot: QtBot, window: MainWindow) -> SocialMapPage:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.social_map_page
    assert window.pages.currentWidget() is page
    return page


def _names(page: SocialMapPage) -> list[str]:
    model = page.map_tab.model
    return [model.row_at(n).name for n in range(model.rowCount())]


def _little_map(services: Services) -> None:
    services.social_map.create(map_entry())
    services.social_map.create(
        map_entry(
            name="Wandelgroep Vijlerbos",
            kind=MapEntryKind.ACTIVITY,
            categories=frozenset({MapCategory.SPORT}),
            place="Vijlen",
            last_checked="01-02-2025",
        )
    )
    services.social_map.create(
        map_entry(
            name="Taalcafé",
            kind=MapEntryKind.ACTIVITY,
            categories=frozenset({MapCategory.LANGUAGE}),
            contact_name="Fatma Yıldız",
        )
    )


def test_search_as_you_type_and_filters(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    _little_map(services)
    page = _open_map(qtbot, window)
    filters = page.map_tab.filters
    assert filters.search.hasFocus()  # Ctrl+3 and type
    assert _names(page) == ["Huiskamer Teststraat", "Taalcafé", "Wandelgroep Vijlerbos"]
    assert page.map_tab.count_label.text() == "3 items"

    type_text(qtbot, filters.search, "yıldız")
    qtbot.waitUntil(lambda: _names(page) == ["Taalcafé"])
    replace_text(qtbot, filters.search, "TAALCAFE")
    qtbot.waitUntil(lambda: _names(page) == ["Taalcafé"])
    qtbot.keyClick(filters.search, Qt.Key.Key_Return)  # Enter moves to the results
    assert page.map_tab.table.hasFocus()
    assert page.map_tab.panel.editor.name.text() == "Taalcafé"

    replace_text(qtbot, filters.search, "")
    qtbot.waitUntil(lambda: len(_names(page)) == 3)
    filters.kind_filter.setCurrentIndex(filters.kind_filter.findData(MapEntryKind.ACTIVITY))
    assert _names(page) == ["Taalcafé", "Wandelgroep Vijlerbos"]
    filters.category_filter.setCurrentIndex(filters.category_filter.findData(MapCategory.SPORT))
    assert _names(page) == ["Wandelgroep Vijlerbos"]
    filters.kind_filter.setCurrentIndex(0)
    filters.category_filter.setCurrentIndex(0)
    filters.place_filter.setCurrentIndex(filters.place_filter.findText("Vijlen"))
    assert _names(page) == ["Wandelgroep Vijlerbos"]
    filters.place_filter.setCurrentIndex(0)
    qtbot.mouseClick(filters.stale_only, LEFT)
    assert _names(page) == ["Wandelgroep Vijlerbos"]  # checked in February 2025
    stale_cell = page.map_tab.model.index(0, 4)
    assert stale_cell.data() == "⚠ 01-02-2025"
    assert "afgelopen jaar" in stale_cell.data(Qt.ItemDataRole.ToolTipRole)


def test_create_with_an_invalid_phone_keeps_everything_typed(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = _open_map(qtbot, window)
    tab = page.map_tab
    qtbot.mouseClick(tab.new_button, LEFT)
    editor = tab.panel.editor
    assert editor.name.hasFocus()
    type_text(qtbot, editor.name, "Zwemclub De Dolfijn")
    editor.kind.setCurrentIndex(editor.kind.findData(MapEntryKind.ORGANISATION))
    qtbot.mouseClick(editor.category_boxes[MapCategory.SPORT], LEFT)
    type_text(qtbot, editor.contact_name, "Jörg Bäumer")
    type_text(qtbot, editor.phone, "12345")
    type_text(qtbot, editor.description, "Zwemles voor volwassenen, ook in het Duits.")
    qtbot.mouseClick(tab.panel.save_button, LEFT)

    shown = editor.fieldset.errors_shown()
    assert list(shown) == ["phone"]
    assert shown["phone"].startswith("Dit is geen geldig telefoonnummer.")
    assert services.social_map.is_empty()
    # Nothing typed is lost.
    assert editor.name.text() == "Zwemclub De Dolfijn"
    assert editor.contact_name.text() == "Jörg Bäumer"
    assert editor.phone.text() == "12345"
    assert editor.category_boxes[MapCategory.SPORT].isChecked()
    assert editor.description.toPlainText() == "Zwemles voor volwassenen, ook in het Duits."

    replace_text(qtbot, editor.phone, "043 000 0950")
    qtbot.keyClick(editor.phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    (saved,) = services.social_map.search()
    assert (saved.name, saved.kind, saved.phone) == (
        "Zwemclub De Dolfijn",
        MapEntryKind.ORGANISATION,
        "+31430000950",
    )
    assert saved.categories == (MapCategory.SPORT,)
    assert editor.fieldset.errors_shown() == {}
    assert tab.panel.title.text() == "Zwemclub De Dolfijn"
    assert _names(page) == ["Zwemclub De Dolfijn"]
    assert tab.table.current_row().id == saved.id
    assert "Opgeslagen" in window.statusBar().currentMessage()


def test_checked_today_deactivate_and_back(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    _little_map(services)
    page = _open_map(qtbot, window)
    tab = page.map_tab
    row = _names(page).index("Wandelgroep Vijlerbos")
    qtbot.mouseClick(
        tab.table.viewport(), LEFT, pos=tab.table.visualRect(tab.model.index(row, 0)).center()
    )
    panel = tab.panel
    assert panel.editor.name.text() == "Wandelgroep Vijlerbos"
    assert "Niet gecontroleerd in het afgelopen jaar" in panel.status.text()

    qtbot.mouseClick(panel.checked_button, LEFT)
    walk = services.social_map.get(panel.record.id)
    assert str(walk.last_checked) == "2026-11-18" and not walk.stale
    assert panel.editor.last_checked.text() == "18-11-2026"
    assert "Niet gecontroleerd" not in panel.status.text()

    qtbot.mouseClick(panel.active_button, LEFT)
    assert not services.social_map.get(walk.id).active
    assert "Wandelgroep Vijlerbos" not in _names(page)
    assert panel.active_button.text() == "Heractiveren"
    qtbot.mouseClick(tab.filters.include_inactive, LEFT)
    assert tab.model.index(_names(page).index("Wandelgroep Vijlerbos"), 0).data() == (
        "Wandelgroep Vijlerbos  ·  niet actief"
    )
    qtbot.mouseClick(panel.active_button, LEFT)
    assert services.social_map.get(walk.id).active


def test_switching_entries_with_unsaved_changes_asks_first(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    _little_map(services)
    page = _open_map(qtbot, window)
    tab = page.map_tab
    tab.table.selectRow(0)
    editor = tab.panel.editor
    replace_text(qtbot, editor.cost, "€ 2 per keer")

    def keep_editing(box: QMessageBox) -> None:
        box.button(QMessageBox.StandardButton.Cancel).click()

    drive_modal(QMessageBox, keep_editing, lambda: tab.table.selectRow(1))
    assert editor.name.text() == "Huiskamer Teststraat"
    assert editor.cost.text() == "€ 2 per keer"

    def save(box: QMessageBox) -> None:
        box.button(QMessageBox.StandardButton.Save).click()

    drive_modal(QMessageBox, save, lambda: tab.table.selectRow(1))
    assert editor.name.text() == "Taalcafé"
    stored = services.social_map.search(MapQuery(text="teststraat"))[0]
    assert stored.cost == "€ 2 per keer"


def test_import_a_file_with_a_bad_row(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "kaart.csv"
    path.write_bytes(
        csv_bytes(
            "Naam;Soort;Categorieën;Plaats;Telefoon",
            "Eetcafé De Tafel;initiatief;ontmoeting;Vaals;043 000 0190",
            "Zwemles;activiteit;sport;Vijlen;12345",
            "Repair café;activiteit;vrijwilligerswerk|ontmoeting;Lemiers;",
        )
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    page = _open_map(qtbot, window)
    seen: dict[str, object] = {}

    def cancel(dialog: ImportPreviewDialog) -> None:
        dialog.cancel_button.click()

    drive_modal(ImportPreviewDialog, cancel, page.map_tab.import_button.click, window)
    assert services.social_map.is_empty()

    def only_good_rows(dialog: ImportPreviewDialog) -> None:
        problem = dialog.problems_model.row_at(0)
        seen["problem"] = (problem.line, problem.column, problem.text)
        seen["summary"] = dialog.summary.text()
        seen["heading"] = dialog.problems_heading.text()
        seen["button"] = dialog.import_button.text()
        qtbot.mouseClick(dialog.import_button, LEFT)

    drive_modal(ImportPreviewDialog, only_good_rows, page.map_tab.import_button.click, window)
    assert seen["problem"] == (
        3,
        "telefoon",
        "Dit is geen geldig telefoonnummer. Voorbeelden: 043 306 1234, 06 12345678 of "
        "+49 241 123456.",
    )
    assert seen["summary"] == "In het bestand staan 2 goede regels: 2 nieuw, 0 bijgewerkt."
    assert seen["heading"] == "1 regel heeft een fout"
    assert seen["button"] == "Alleen de &goede regels importeren"
    assert _names(page) == ["Eetcafé De Tafel", "Repair café"]
    assert "2 nieuw" in window.statusBar().currentMessage()
    assert "1 regel overgeslagen" in window.statusBar().currentMessage()


def test_a_file_refused_as_a_whole_says_why(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "kaart.csv"
    path.write_bytes(csv_bytes("naam,soort", "Eetcafé,initiatief"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    page = _open_map(qtbot, window)
    said: list[str] = []

    def read(box: QMessageBox) -> None:
        said.append(box.text())
        box.accept()

    drive_modal(QMessageBox, read, page.map_tab.import_button.click, window)
    assert said == [
        "De kolommen in dit bestand worden gescheiden door komma's in plaats van een "
        "puntkomma. Sla het in Excel op als 'CSV (gescheiden door lijstscheidingsteken)'."
    ]
    assert page.map_tab.isEnabled()
    assert services.social_map.is_empty()


def test_export_off_the_ui_thread(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _little_map(services)
    target = tmp_path / "kaart-export"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page = _open_map(qtbot, window)
    runner = ThreadTaskRunner()
    page.map_tab.transfer.runner = runner
    qtbot.mouseClick(page.map_tab.export_button, LEFT)
    qtbot.waitUntil(lambda: "items opgeslagen" in window.statusBar().currentMessage())
    runner.wait()
    written = (tmp_path / "kaart-export.csv").read_bytes()
    assert written.startswith(b"\xef\xbb\xbfid;naam;soort;")
    assert "Taalcafé".encode() in written
    assert window.statusBar().currentMessage() == "3 items opgeslagen in kaart-export.csv."
    assert page.map_tab.isEnabled()


def test_the_example_map_is_offered_on_an_empty_map(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = _open_map(qtbot, window)
    tab = page.map_tab
    assert tab.empty_hint.isVisible()
    qtbot.mouseClick(tab.load_examples_button, LEFT)
    assert len(_names(page)) == 26  # one example is inactive
    assert not tab.empty_hint.isVisible()
    tab.load_examples_action.trigger()  # once more from the menu: nothing doubles
    assert len(_names(page)) == 26
    assert tab.model.index(0, 0).data().endswith("voorbeeld")

    def yes(box: QMessageBox) -> None:
        box.button(QMessageBox.StandardButton.Yes).click()

    drive_modal(QMessageBox, yes, tab.remove_examples_action.trigger, window)
    assert _names(page) == []
    assert services.social_map.is_empty()


def test_note_what_was_sought_and_not_found(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    page = _open_map(qtbot, window)
    qtbot.mouseClick(page.tabs.tabBar(), LEFT, pos=page.tabs.tabBar().tabRect(1).center())
    gaps = page.gaps_tab
    assert gaps.member.currentText() == "Carla Coördinator"
    qtbot.mouseClick(gaps.record_button, LEFT)
    assert gaps.fieldset.errors_shown() == {"sought": "Vul wat er gezocht werd in."}

    type_text(qtbot, gaps.sought, "Zwemles voor volwassenen in Vijlen")
    gaps.category.setCurrentIndex(gaps.category.findData(MapCategory.SPORT))
    qtbot.keyClick(gaps.sought, Qt.Key.Key_Return)
    type_text(qtbot, gaps.sought, "Koffie-ochtend in Holset")
    gaps.category.setCurrentIndex(gaps.category.findData(MapCategory.MEETING))
    qtbot.mouseClick(gaps.record_button, LEFT)
    assert gaps.sought.text() == ""

    counts = [gaps.counts_model.row_at(n)[:2] for n in range(gaps.counts_model.rowCount())]
    assert counts == [("Alles", 2), ("Ontmoeting", 1), ("Sport en bewegen", 1)]
    assert gaps.gaps_model.rowCount() == 2
    gaps.counts_table.selectRow(2)
    assert [gaps.gaps_model.index(0, c).data() for c in range(4)] == [
        "18-11-2026",
        "Zwemles voor volwassenen in Vijlen",
        "Sport en bewegen",
        "Carla Coördinator",
    ]
    assert gaps.count_label.text() == "1 notitie"
