"""Qt's own dialogs speak Dutch: every text the file dialog, the print dialog (with its
options and properties), message boxes and the editing menu ask Qt to translate has a
Dutch translation."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTimer, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.app import application
from ui.qt_dutch import translators


class Listener(QTranslator):
    """Hears every text Qt translates and notes those no Dutch translator knows."""

    def __init__(self, dutch: list[QTranslator]) -> None:
        super().__init__()
        self._dutch = dutch
        self.missing: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def, override]
        # File type names come from the system's MIME database, in Dutch where it has them.
        if context == "QMimeType":
            return None
        if source and not any(t.translate(context, source, disambiguation, n) for t in self._dutch):
            self.missing.add((context, source))
        return None

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def listener() -> Iterator[Listener]:
    app = application()
    heard = Listener(translators(app))
    app.installTranslator(heard)
    yield heard
    app.removeTranslator(heard)


def _shown(qtbot: QtBot, dialog: QWidget) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)


def test_the_save_and_open_file_dialogs_are_dutch(qtbot: QtBot, listener: Listener) -> None:
    for mode in (QFileDialog.AcceptMode.AcceptSave, QFileDialog.AcceptMode.AcceptOpen):
        dialog = QFileDialog(None, "Bezoekverslag opslaan", "", "PDF (*.pdf)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(mode)
        _shown(qtbot, dialog)
        labels = {label.text() for label in dialog.findChildren(QLabel)}
        assert "Zoeken &in:" in labels and "Bestands&type:" in labels
        dialog.reject()
    assert not listener.missing


def _close_next_dialog() -> None:
    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            QTimer.singleShot(20, close)

    QTimer.singleShot(20, close)


def test_the_print_dialog_with_its_options_and_properties_is_dutch(
    qtbot: QtBot, listener: Listener
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter()
    dialog = QPrintDialog(printer)
    _shown(qtbot, dialog)
    buttons = {b.text(): b for b in dialog.findChildren(QPushButton)}
    options = next(b for text, b in buttons.items() if "pties" in text)
    options.click()
    properties = next(b for text, b in buttons.items() if "Eigenschappen" in text)
    _close_next_dialog()
    properties.click()
    dialog.reject()
    assert not listener.missing


def test_message_boxes_and_the_editing_menu_are_dutch(qtbot: QtBot, listener: Listener) -> None:
    standard = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "Wijkteam", "Doorgaan?")
    for button in (standard.Save, standard.Discard, standard.Cancel, standard.Yes, standard.No):
        box.addButton(button)
    box.addButton(standard.Ok)
    box.addButton(standard.Close)
    box.setDetailedText("meer")
    _shown(qtbot, box)
    texts = [b.text() for b in box.findChildren(QPushButton)]
    assert "&Opslaan" in texts or "Opslaan" in texts
    box.reject()
    editors: list[Callable[[], QWidget]] = [QLineEdit, QPlainTextEdit]
    for make in editors:
        editor = make()
        qtbot.addWidget(editor)
        editor.createStandardContextMenu().deleteLater()  # type: ignore[attr-defined]
    QCoreApplication.processEvents()
    assert not listener.missing
