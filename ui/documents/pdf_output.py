"""Getting a finished PDF to paper or disk: the print dialog, the system's PDF viewer where
this computer has no printer, or a file the member names. Nothing here knows what the
document says; the bytes come from the builders in wijkteam.documents."""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QSize,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from wijkteam.security.context import AuditAction

PRINT_DPI = 300  # sharp on paper, and a page image stays around 35 MB


class Outcome(Enum):
    PRINTED = "printed"  # sent to a printer
    IN_VIEWER = "in_viewer"  # no printer here: opened in the PDF viewer to print from there
    SAVED = "saved"
    CANCELLED = "cancelled"
    FAILED = "failed"

    @property
    def went_out(self) -> bool:
        return self in (Outcome.PRINTED, Outcome.IN_VIEWER, Outcome.SAVED)

    @property
    def audit_action(self) -> AuditAction:
        return AuditAction.EXPORT if self is Outcome.SAVED else AuditAction.PRINT


class PdfOutput:
    """`has_printer` and `open_viewer` can be replaced (tests, a platform without either)."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self.has_printer: Callable[[], bool] = _has_printer
        self.open_viewer: Callable[[Path], bool] = _open_in_viewer

    def ask_path(self, title: str, suggested_name: str) -> Path | None:
        """The file the member chooses, or None. `suggested_name` holds no personal data."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = QFileDialog(self._parent, title, folder, "PDF (*.pdf)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.selectFile(suggested_name)
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    def write(self, pdf: bytes, path: Path) -> Outcome:
        try:
            path.write_bytes(pdf)
        except OSError:
            QMessageBox.warning(
                self._parent,
                "Wijkteam",
                "Het bestand kon niet worden opgeslagen. Kies een andere map.",
            )
            return Outcome.FAILED
        return Outcome.SAVED

    def print(self, pdf: bytes, viewer_name: str) -> Outcome:
        """The print dialog; without a printer, the PDF viewer (under `viewer_name`, which
        holds no personal data) so the member prints from there."""
        if not self.has_printer():
            return self._in_viewer(pdf, viewer_name)
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        if QPrintDialog(printer, self._parent).exec() != QPrintDialog.DialogCode.Accepted:
            return Outcome.CANCELLED
        paint_pages(pdf, printer)
        return Outcome.PRINTED

    def _in_viewer(self, pdf: bytes, name: str) -> Outcome:
        try:
            path = _viewer_copy(pdf, name)
        except OSError:
            path = None
        if path is None or not self.open_viewer(path):
            if path is not None:
                _remove(path)  # nobody will read it
            QMessageBox.warning(
                self._parent,
                "Wijkteam",
                "Er is geen printer ingesteld en de PDF kon niet worden geopend. "
                "Kies ‘Opslaan als PDF…’ en druk het bestand op een andere computer af.",
            )
            return Outcome.FAILED
        return Outcome.IN_VIEWER


def _has_printer() -> bool:
    from PySide6.QtPrintSupport import QPrinterInfo

    return bool(QPrinterInfo.availablePrinterNames())


def _open_in_viewer(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


# The viewer needs a file; the copy (mode 0600, in a folder of mode 0700 named with this
# process's id) is removed once the viewer has read it, the folder at exit, and what a crash
# left behind at the next start (`sweep_viewer_copies`, from ui/app.py) or at the first copy.
VIEWER_PREFIX = "wijkteam-print-"
VIEWER_COPY_LIFETIME_MS = 3 * 60 * 1000
_viewer_dir: Path | None = None


def _viewer_copy(pdf: bytes, name: str) -> Path:
    """A copy for the viewer in a private folder (mode 0700). A counter keeps an earlier
    copy that is still open intact. A folder a temp cleaner removed is made again."""
    global _viewer_dir
    if _viewer_dir is None or not _viewer_dir.is_dir():
        if _viewer_dir is None:
            sweep_viewer_copies()
        _viewer_dir = Path(tempfile.mkdtemp(prefix=f"{VIEWER_PREFIX}{os.getpid()}-"))
        atexit.register(shutil.rmtree, _viewer_dir, ignore_errors=True)
    stem = Path(name).stem
    path = _viewer_dir / f"{stem}.pdf"
    number = 1
    while path.exists():
        number += 1
        path = _viewer_dir / f"{stem}-{number}.pdf"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pdf)
    QTimer.singleShot(VIEWER_COPY_LIFETIME_MS, lambda: _remove(path))
    return path


def sweep_viewer_copies(folder: Path | None = None) -> None:
    """Removes viewer copies a run of the app left behind (a crash): only this user's
    folders, and only those of a process that is gone (or, where that cannot be told, older
    than a copy lives). Another user's, or another running Wijkteam's, stay untouched."""
    for old in (folder or Path(tempfile.gettempdir())).glob(f"{VIEWER_PREFIX}*"):
        if old.is_dir() and not old.is_symlink() and old != _viewer_dir and _stale(old):
            shutil.rmtree(old, ignore_errors=True)


def _stale(folder: Path) -> bool:
    try:
        info = folder.stat()
    except OSError:
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False  # another user's
    pid = folder.name[len(VIEWER_PREFIX) :].split("-", 1)[0]
    if os.name == "posix" and pid.isdigit():
        return not _alive(int(pid))
    return time.time() - info.st_mtime > VIEWER_COPY_LIFETIME_MS / 1000


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)  # POSIX only: signal 0 checks, it sends nothing
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _remove(path: Path) -> None:
    # Still open in a viewer on Windows: then it goes at exit or at the next start.
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def paint_pages(pdf: bytes, printer) -> None:  # type: ignore[no-untyped-def]
    """Each page as an image on its own sheet, scaled to fit and keeping its proportions."""
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    painter = QPainter(printer)
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            area = painter.viewport().size()
            size = document.pagePointSize(page).toSize()
            size.scale(area, Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(0, 0, document.render(page, QSize(size)))
    finally:
        painter.end()
        document.close()
        buffer.close()  # neither has a parent: the PDF's bytes go with them
