"""Owner-only permissions for the data folder and everything in it (issue 17).

On Linux and macOS the data folder and its subfolders are 0700 and every file in them 0600
(the store, its -wal and -shm, keys.json, backups, the erasure ledger, logs), whatever the
umask; the process also runs with umask 077 (`owner_only_umask`), so files made later, such
as exports and SQLite's side files, are born private. On Windows, files inherit the ACL of
the user's profile folder (%LOCALAPPDATA%), which only that user and administrators can read;
packaging/WINDOWS.md says what IT must not change.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

POSIX = os.name == "posix"
FOLDER_MODE, FILE_MODE = 0o700, 0o600


def private_file(path: Path) -> None:
    if POSIX:
        with contextlib.suppress(OSError):
            os.chmod(path, FILE_MODE)


def private_folder(path: Path) -> None:
    """Creates the folder if needed; owner-only."""
    Path(path).mkdir(parents=True, exist_ok=True)
    if POSIX:
        with contextlib.suppress(OSError):
            os.chmod(path, FOLDER_MODE)


def make_private(data_dir: Path) -> None:
    """The data folder, its subfolders and their files: owner-only (a folder of an earlier
    version, or files copied in by hand). Cheap: a few dozen files at most."""
    if not POSIX or not Path(data_dir).is_dir():
        return
    private_folder(data_dir)
    for path in _walk(Path(data_dir)):
        if path.is_symlink():
            continue
        if path.is_dir():
            private_folder(path)
        elif path.is_file():
            private_file(path)


def _walk(folder: Path) -> Iterator[Path]:
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            yield entry
            if entry.is_dir() and not entry.is_symlink():
                yield from _walk(entry)


@contextlib.contextmanager
def owner_only_umask() -> Iterator[None]:
    """Files and folders this process makes meanwhile are readable by their owner only."""
    if not POSIX:
        yield
        return
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)
