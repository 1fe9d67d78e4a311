"""From raw bytes to checked text: size, archives, binary files and encodings.

Everything here refuses a whole file with ImportRefused(code, ...) before any parser sees it.
"""

from __future__ import annotations

import io
import zipfile
from enum import StrEnum
from pathlib import Path, PurePosixPath

from wijkteam.common import text_files
from wijkteam.common.text_files import UTF8_BOM, TextRefused
from wijkteam.sync.imports.limits import MAX_FILE_BYTES, MAX_ZIP_ENTRIES
from wijkteam.sync.imports.problems import ImportRefused

_ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP_MAGIC = b"PK\x05\x06"


class ImportFormat(StrEnum):
    CSV = "csv"
    JSON = "json"


def read_limited(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, refusing (without reading it all) a file larger than `limit`."""
    try:
        with Path(path).open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError:
        raise ImportRefused("unreadable_file") from None
    if len(data) > limit:
        raise ImportRefused("too_large", max_mb=limit // (1024 * 1024))
    return data


def unwrap(data: bytes, name: str, limit: int = MAX_FILE_BYTES) -> tuple[bytes, str]:
    """For a ZIP archive: the one CSV or JSON file inside (read in memory, never extracted);
    anything else is returned as it is."""
    if len(data) > limit:
        raise ImportRefused("too_large", max_mb=limit // (1024 * 1024))
    if not data.startswith((_ZIP_MAGIC, _EMPTY_ZIP_MAGIC)):
        return data, name
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise ImportRefused("zip_damaged") from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ImportRefused("zip_contents")
    names = [e.filename for e in entries]
    if any(n.startswith("xl/") or n == "[Content_Types].xml" for n in names):
        raise ImportRefused("excel_workbook")
    for entry in entries:
        if not _safe_member_name(entry.filename):
            raise ImportRefused("zip_unsafe_name")
    files = [e for e in entries if not e.is_dir()]
    wanted = [e for e in files if e.filename.lower().endswith((".csv", ".json", ".txt"))]
    if len(wanted) != 1 or len(files) != 1:
        raise ImportRefused("zip_contents")
    entry = wanted[0]
    if entry.flag_bits & 0x1:
        raise ImportRefused("zip_encrypted")
    if entry.file_size > limit:
        raise ImportRefused("too_large", max_mb=limit // (1024 * 1024))
    return _read_member(archive, entry, limit), PurePosixPath(entry.filename).name


def _read_member(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, limit: int) -> bytes:
    """Reads at most `limit` bytes: the size in the archive's directory may lie (zip bombs)."""
    try:
        with archive.open(entry) as handle:
            inner = handle.read(limit + 1)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError):
        raise ImportRefused("zip_damaged") from None
    except Exception:  # zlib.error and friends from a damaged stream
        raise ImportRefused("zip_damaged") from None
    if len(inner) > limit:
        raise ImportRefused("too_large", max_mb=limit // (1024 * 1024))
    return inner


def _safe_member_name(name: str) -> bool:
    """No absolute paths, drive letters, '..', backslashes or control characters."""
    if not name or "\\" in name or name.startswith("/") or "\x00" in name:
        return False
    if len(name) > 1 and name[1] == ":":
        return False
    if any(ord(ch) < 32 for ch in name):
        return False
    return ".." not in PurePosixPath(name).parts


def detect_format(data: bytes, name: str) -> ImportFormat:
    """JSON when the content starts like JSON (or the name says .json); CSV otherwise."""
    _refuse_binary(data)
    start = data[len(UTF8_BOM) :] if data.startswith(UTF8_BOM) else data
    first = start.lstrip()[:1]
    if first in (b"{", b"[") or name.lower().endswith(".json"):
        return ImportFormat.JSON
    return ImportFormat.CSV


def _refuse_binary(data: bytes) -> None:
    try:
        text_files.refuse_binary(data)
    except TextRefused as refused:
        raise ImportRefused(refused.code, **refused.params) from None


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without BOM) or, failing that, Windows-1252: what Excel writes."""
    try:
        return text_files.decode_csv(data)
    except TextRefused as refused:
        raise ImportRefused(refused.code, **refused.params) from None


def decode_json(data: bytes) -> str:
    """JSON is UTF-8 (RFC 8259); a BOM is tolerated."""
    try:
        return text_files.decode_json(data)
    except TextRefused as refused:
        raise ImportRefused(refused.code, **refused.params) from None
