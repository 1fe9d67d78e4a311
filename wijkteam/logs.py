"""The log: a rotating file in the data folder (logs/wijkteam.log, readable by its owner
only), used by the window and every headless command, and the one handler for unexpected
errors.

Nothing personal may reach it. Messages are fixed texts with codes, counts and ids, never a
record's content; SQL parameters are hidden by the engine (hide_parameters); and a traceback
is written as the exception's type and its stack of file:line:function, without the
exception's message or any frame's locals, because either may quote what a resident said.
An unexpected error gets a short reference that the member sees in a Dutch message and can
quote to whoever reads the log.
"""

from __future__ import annotations

import logging
import os
import secrets
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

LOG_FOLDER = "logs"
LOG_FILE = "wijkteam.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

log = logging.getLogger("wijkteam.unexpected")
ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOG_FOLDER / LOG_FILE


class _PrivateFileHandler(RotatingFileHandler):
    """Every file it makes (also after rotating) is readable by its owner only."""

    def _open(self):  # type: ignore[no-untyped-def]
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return os.fdopen(descriptor, "a", encoding=self.encoding, errors=self.errors)


class SafeFormatter(logging.Formatter):
    """Tracebacks without messages or locals, whoever logs one (log.exception included),
    even when another handler already cached the full traceback on the record."""

    def format(self, record: logging.LogRecord) -> str:
        saved = record.exc_text, record.stack_info
        record.exc_text = self.formatException(record.exc_info) if record.exc_info else None
        record.stack_info = None  # a stack dump may quote source lines with values
        try:
            return super().format(record)
        finally:
            record.exc_text, record.stack_info = saved

    def formatException(self, ei) -> str:  # type: ignore[no-untyped-def,override]
        return safe_traceback(ei[1]) if ei and ei[1] is not None else ""


def configure(data_dir: Path) -> Path | None:
    """Logging for this process into the data folder; returns the file, or None when the
    folder cannot be written (then nothing is logged to a file, and nothing else breaks)."""
    close()
    root = logging.getLogger()
    path = log_path(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)
        handler = _PrivateFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=False
        )
        os.chmod(path, 0o600)
    except OSError:
        return None
    handler.setFormatter(SafeFormatter(FORMAT))
    root.addHandler(handler)
    root.setLevel(logging.WARNING)
    for ours in ("wijkteam", "ui"):
        logging.getLogger(ours).setLevel(logging.INFO)
    return path


def close() -> None:
    """Stops writing to the log file (the end of a command, or of a test)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _PrivateFileHandler):
            root.removeHandler(handler)
            handler.close()


def safe_traceback(error: BaseException) -> str:
    """'Traceback (types and frames only):' then, for the error and its causes, each frame as
    path:line in function, and the exception's type. Never str(error), never locals."""
    lines = ["Traceback (types and frames only):"]
    seen: set[int] = set()
    current: BaseException | None = error
    chain: list[BaseException] = []
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or current.__context__
    for number, item in enumerate(reversed(chain)):
        if number:
            lines.append("  which led to:")
        for frame in traceback.extract_tb(item.__traceback__):
            lines.append(f"  {_short(frame.filename)}:{frame.lineno} in {frame.name}")
        lines.append(f"  {type(item).__module__}.{type(item).__qualname__}")
    return "\n".join(lines)


def _short(filename: str) -> str:
    """From the package on (wijkteam/…, ui/…, sqlalchemy/…): no home folder, no user name."""
    parts = Path(filename).parts
    for index in range(len(parts) - 1, -1, -1):
        if parts[index] in {"wijkteam", "ui", "site-packages", "tests"}:
            start = index + 1 if parts[index] == "site-packages" else index
            return "/".join(parts[start:])
    return Path(filename).name


def new_reference() -> str:
    return secrets.token_hex(4).upper()


def report_unexpected(error: BaseException, where: str) -> str:
    """Logs an unexpected error (type and frames only) under a new reference, returned for
    the Dutch message the member sees."""
    reference = new_reference()
    log.error(
        "Unexpected %s in %s, reference %s\n%s",
        type(error).__name__,
        where,
        reference,
        safe_traceback(error),
    )
    return reference


Hooks = tuple[Callable[..., None], Callable[[threading.ExceptHookArgs], None]]


def install_hooks(show: Callable[[str], None] | None = None) -> Hooks:
    """sys.excepthook and threading.excepthook log under a reference (nothing on stderr but
    one Dutch line) and, when `show` is given, hand the reference to it (the window shows
    a message). Returns the hooks they replace, for `restore_hooks`."""
    previous = (sys.excepthook, threading.excepthook)

    def on_exception(kind, error, tb) -> None:  # type: ignore[no-untyped-def]
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        error.__traceback__ = error.__traceback__ or tb
        reference = report_unexpected(error, "the main thread")
        # Let go of the failed frames at once, here on the UI thread: kept in sys.last_*
        # they hold widgets that the garbage collector would free later, in any thread.
        error.__traceback__ = None
        for name in ("last_type", "last_value", "last_traceback", "last_exc"):
            if hasattr(sys, name):
                setattr(sys, name, None)
        print(unexpected_line(reference), file=sys.stderr)
        if show is not None:
            show(reference)

    def on_thread_exception(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or isinstance(args.exc_value, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "a thread"
        reference = report_unexpected(args.exc_value, name)
        print(unexpected_line(reference), file=sys.stderr)

    sys.excepthook = on_exception
    threading.excepthook = on_thread_exception
    return previous


def restore_hooks(previous: Hooks) -> None:
    sys.excepthook, threading.excepthook = previous


def unexpected_line(reference: str) -> str:
    """The one line a headless command prints (the window says more, ui/messages)."""
    return (
        f"Er ging onverwacht iets mis (referentie {reference}). Er is niets gewist; "
        "geef de referentie door aan uw beheerder."
    )
