"""Putting a PDF on paper: every page on its own sheet, and no copies left in the temp folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from tests.documents.samples import visit_summary
from ui.documents.pdf_output import VIEWER_PREFIX, paint_pages, sweep_viewer_copies
from wijkteam.documents.visit_summary import build_visit_summary
from wijkteam.domain.documents import ThemeText


def test_every_page_goes_to_its_own_sheet(qtbot: QtBot, tmp_path: Path) -> None:
    from pypdf import PdfReader

    long_note = " ".join(f"woord{i % 97}" for i in range(3000))
    pdf = build_visit_summary(visit_summary(themes=(ThemeText("who", long_note),)))
    pages = len(PdfReader(_file(tmp_path / "in.pdf", pdf)).pages)
    assert pages >= 3
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))  # an American sheet
    paint_pages(pdf, printer)
    printed = PdfReader(str(tmp_path / "printed.pdf"))
    assert len(printed.pages) == pages
    (image,) = printed.pages[0].images
    width, height = image.image.size
    assert abs(width / height - 210 / 297) < 0.01  # the A4 page keeps its shape on Letter


def test_viewer_copies_of_an_earlier_run_are_swept(tmp_path: Path) -> None:
    left = tmp_path / f"{VIEWER_PREFIX}{_gone_pid()}-abc"
    left.mkdir()
    (left / "bezoekverslag.pdf").write_bytes(b"%PDF-1.4")
    unrelated = tmp_path / "other-folder"
    unrelated.mkdir()
    sweep_viewer_copies(tmp_path)  # its process is gone: nobody views it any more
    assert not left.exists() and unrelated.exists()


def _gone_pid() -> int:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout)


def _file(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_a_copy_no_viewer_could_open_is_removed_at_once(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from tests.gui.helpers import drive_modal
    from ui.documents.pdf_output import Outcome, PdfOutput

    parent = QWidget()
    qtbot.addWidget(parent)
    output = PdfOutput(parent)
    output.has_printer = lambda: False
    tried: list[Path] = []
    output.open_viewer = lambda path: tried.append(path) or False
    outcomes: list[Outcome] = []
    drive_modal(
        QMessageBox,
        lambda box: box.accept(),
        lambda: outcomes.append(output.print(b"%PDF-1.4 test", "bezoekverslag.pdf")),
    )
    assert outcomes == [Outcome.FAILED]
    (path,) = tried
    assert path.name.startswith("bezoekverslag") and not path.exists()
