"""The export archive: one ZIP, AES-256 encrypted (WinZip AES via pyzipper).

WinZip's AES extension is the one encrypted ZIP format that 7-Zip, WinZip and other tools on
a municipal PC open with nothing installed beyond 7-Zip; the older ZipCrypto is broken.
pyzipper is the maintained fork of the standard zipfile module that writes it (AES-256, CTR
mode with an HMAC-SHA1 check per entry, keys from the passphrase by PBKDF2). Its key
derivation is cheap (1,000 rounds), so the passphrase must be long: see MIN_PASSPHRASE.

Inside: one JSON file per resource kind (a list of request bodies), written as a stream, and
manifest.json last. Entry names are the resource names, never personal data. The archive is
written next to its target under a temporary name and renamed only when complete.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyzipper

from wijkteam.errors import ValidationError
from wijkteam.sync.export.errors import ArchiveUnreadable, ExportTargetUnwritable
from wijkteam.sync.zgw.resources import Resource, ResourceKind

MANIFEST = "manifest.json"
FORMAT = "wijkteam-zgw-export"
FORMAT_VERSION = 1
MIN_PASSPHRASE = 12
CHUNK_BYTES = 256 * 1024
PART_SUFFIX = ".deel"


def entry_name(kind: ResourceKind) -> str:
    return f"{kind.value}.json"


def check_passphrase(passphrase: str, field: str = "passphrase") -> bytes:
    if not passphrase:
        raise ValidationError(field, "required")
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(field, "passphrase_too_short", min=MIN_PASSPHRASE)
    return passphrase.encode("utf-8")


@dataclass(frozen=True, slots=True)
class Entry:
    path: str
    resource: str
    sha256: str
    count: int


class ArchiveWriter:
    """Write kinds one after another with begin/add/end, then `finish(manifest)`."""

    def __init__(self, target: Path, passphrase: str) -> None:
        self._secret = check_passphrase(passphrase)
        self.target = Path(target)
        self._part = self.target.with_name(self.target.name + PART_SUFFIX)
        self.entries: list[Entry] = []
        self._zip: pyzipper.AESZipFile | None = None
        self._handle: IO[bytes] | None = None
        self._pending: list[bytes] = []
        self._pending_size = 0
        self._hash = hashlib.sha256()
        self._count = 0
        self._published = False

    def __enter__(self) -> ArchiveWriter:
        try:
            self._zip = pyzipper.AESZipFile(
                self._part, "w", compression=zipfile.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
            )
        except OSError as error:
            raise ExportTargetUnwritable() from error
        self._zip.setpassword(self._secret)
        self._zip.setencryption(pyzipper.WZ_AES, nbits=256)
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if not self._published:
            self.abort()

    def begin(self, kind: ResourceKind) -> None:
        assert self._zip is not None
        self._kind = kind
        self._handle = self._zip.open(entry_name(kind), "w", force_zip64=True)
        self._hash = hashlib.sha256()
        self._count = 0
        self._put(b"[")

    def add(self, item: Resource) -> None:
        text = json.dumps(item.body, ensure_ascii=False, separators=(",", ":"))
        self._put((b"\n" if self._count == 0 else b",\n") + text.encode("utf-8"))
        self._count += 1

    def end(self, kind: ResourceKind) -> None:
        self._put(b"\n]\n" if self._count else b"]\n")
        self._flush()
        assert self._handle is not None
        self._handle.close()
        self._handle = None
        self.entries.append(
            Entry(entry_name(kind), kind.value, self._hash.hexdigest(), self._count)
        )

    def finish(self, manifest: dict[str, Any]) -> None:
        """Writes the manifest and closes the archive, still under its temporary name."""
        assert self._zip is not None
        text = json.dumps(manifest, ensure_ascii=False, indent=2)
        try:
            self._zip.writestr(MANIFEST, text.encode("utf-8"))
            self._zip.close()
        except OSError as error:
            raise ExportTargetUnwritable() from error
        self._zip = None

    def publish(self) -> Path:
        """Gives the finished archive its name."""
        try:
            os.replace(self._part, self.target)
        except OSError as error:
            raise ExportTargetUnwritable() from error
        self._published = True
        return self.target

    def abort(self) -> None:
        try:
            if self._handle is not None:
                self._handle.close()
            if self._zip is not None:
                self._zip.close()
        except (OSError, ValueError, RuntimeError):
            pass
        self._handle = self._zip = None
        self._part.unlink(missing_ok=True)

    def _put(self, data: bytes) -> None:
        self._hash.update(data)
        self._pending.append(data)
        self._pending_size += len(data)
        if self._pending_size >= CHUNK_BYTES:
            self._flush()

    def _flush(self) -> None:
        if self._pending and self._handle is not None:
            self._handle.write(b"".join(self._pending))
        self._pending.clear()
        self._pending_size = 0


class ArchiveReader:
    """Opens an export archive with its passphrase and checks every entry's checksum."""

    def __init__(self, path: Path, passphrase: str) -> None:
        self.path = Path(path)
        self._secret = passphrase.encode("utf-8")

    def manifest(self) -> dict[str, Any]:
        return json.loads(self._read(MANIFEST))

    def bodies(self, kind: ResourceKind) -> list[dict[str, Any]]:
        manifest = self.manifest()
        entry = next((e for e in manifest["entries"] if e["resource"] == kind.value), None)
        if entry is None:
            return []
        data = self._read(entry["path"])
        if hashlib.sha256(data).hexdigest() != entry["sha256"]:
            raise ArchiveUnreadable("checksum")
        return json.loads(data)

    def names(self) -> list[str]:
        with self._open() as archive:
            return archive.namelist()

    def _read(self, name: str) -> bytes:
        with self._open() as archive:
            try:
                return archive.read(name)
            except KeyError:
                raise ArchiveUnreadable("missing_entry") from None
            except RuntimeError:
                raise ArchiveUnreadable("passphrase") from None

    def _open(self) -> Any:
        try:
            archive = pyzipper.AESZipFile(self.path)
        except (OSError, zipfile.BadZipFile):
            raise ArchiveUnreadable("not_an_archive") from None
        archive.setpassword(self._secret)
        return archive


def iter_entries(entries: list[Entry]) -> Iterator[dict[str, str]]:
    for entry in entries:
        yield {"path": entry.path, "resource": entry.resource, "sha256": entry.sha256}
