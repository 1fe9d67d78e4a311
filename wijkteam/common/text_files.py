"""Bytes that should be a text file a person saved (CSV from Excel, JSON): refuse what is
not text, and decode what Excel writes. Used by the import of meldingen and by the sociale
kaart's CSV files, which each turn `TextRefused` into their own typed refusal."""

from __future__ import annotations

import re

from wijkteam.errors import WijkteamError

UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Formats people pick by mistake, recognised by their first bytes.
_KNOWN_BINARY = {
    b"%PDF": "pdf",
    b"\xd0\xcf\x11\xe0": "excel_old",  # .xls and other OLE2 files
    b"\x89PNG": "image",
    b"\xff\xd8\xff": "image",
    b"GIF8": "image",
}
# C0 controls other than tab, newline, form feed and carriage return.
_STRAY_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


class TextRefused(WijkteamError):
    """Not readable as text. Codes: empty, encoding, wrong_kind (kind=...), binary."""

    code = "text_refused"


def refuse_binary(data: bytes) -> None:
    """Raises TextRefused for an empty file, UTF-16, a known binary format or NUL bytes."""
    if not data.strip(UTF8_BOM + b" \t\r\n"):
        raise TextRefused("empty")
    if data.startswith(_UTF16_BOMS):
        raise TextRefused("encoding")
    for magic, kind in _KNOWN_BINARY.items():
        if data.startswith(magic):
            raise TextRefused("wrong_kind", kind=kind)
    if b"\x00" in data[:65536]:
        # UTF-16 without a BOM has a NUL in every other byte; real text has none.
        raise TextRefused("binary")


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without BOM) or, failing that, Windows-1252: what Excel writes."""
    if data.startswith(UTF8_BOM):
        try:
            return _checked_text(data[len(UTF8_BOM) :].decode("utf-8"))
        except UnicodeDecodeError:
            raise TextRefused("encoding") from None
    try:
        return _checked_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        return _checked_text(data.decode("cp1252"))
    except UnicodeDecodeError:
        raise TextRefused("encoding") from None


def decode_json(data: bytes) -> str:
    """JSON is UTF-8 (RFC 8259); a BOM is tolerated."""
    body = data[len(UTF8_BOM) :] if data.startswith(UTF8_BOM) else data
    try:
        return _checked_text(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise TextRefused("encoding") from None


def _checked_text(text: str) -> str:
    """Text with stray control characters (beyond a few in a large file) is not a CSV or JSON
    someone saved, but binary data that happened to decode."""
    controls = len(_STRAY_CONTROLS.findall(text))
    if controls > max(2, len(text) // 1000):
        raise TextRefused("binary")
    return text
