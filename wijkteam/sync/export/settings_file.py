"""The link with the municipality as a file, so IT configures a laptop without the window
(`wijkteam zgw-settings --file` reads it, `--show` writes it; docs/sync-export.md):

    {"format": "wijkteam-zgw-settings", "format_version": 1,
     "rsin": "002220647", "catalog_url": "https://…/catalogi/api/v1", …,
     "statustypen": {"new": "https://…/statustypen/…", …},
     "resultaattypen": {"solved_voorveld": "https://…/resultaattypen/…", …}}

Every key of the settings form; optional ones (wmo_zaaktype, client_id, confidentiality,
share_conversation) may be left out. The client secret is never in it: it is typed when a
push runs and never stored. Reading checks the shape here (SettingsFileInvalid) and the
values with the same rules as the form (ValidationFailed, with the form's field names;
`json_key` turns those into the file's).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.status import ReportStatus
from wijkteam.sync.export.errors import SettingsFileInvalid
from wijkteam.sync.zgw.config_rules import ZgwSettingsInput

FORMAT = "wijkteam-zgw-settings"
FORMAT_VERSION = 1
MAX_BYTES = 256 * 1024
TEXT_KEYS = (
    "rsin",
    "catalog_url",
    "zaken_url",
    "documenten_url",
    "client_id",
    "zaaktype",
    "roltype_resident",
    "roltype_member",
    "informatieobjecttype",
    "wmo_zaaktype",
    "confidentiality",
)
TYPE_MAPS = {"statustypen": ReportStatus, "resultaattypen": ClosingReason}
OPTIONAL = frozenset({"wmo_zaaktype", "client_id", "confidentiality", "share_conversation"})
SECRET_KEYS = frozenset({"secret", "client_secret", "geheim"})
KEYS = ("format", "format_version", *TEXT_KEYS, "share_conversation", *TYPE_MAPS)


def settings_json(data: ZgwSettingsInput) -> str:
    """The settings as the file holds them, keys in the form's order."""
    values = asdict(data)
    body: dict[str, Any] = {"format": FORMAT, "format_version": FORMAT_VERSION}
    body.update({key: values[key] for key in TEXT_KEYS})
    body["share_conversation"] = data.share_conversation
    for key, members in TYPE_MAPS.items():
        body[key] = {m.value: values[key].get(m.value, "") for m in members}
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


def read_settings_file(path: Path) -> ZgwSettingsInput:
    try:
        if Path(path).stat().st_size > MAX_BYTES:
            raise SettingsFileInvalid("not_settings")
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        raise SettingsFileInvalid("unreadable") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SettingsFileInvalid("not_json", line=error.lineno) from None
    except RecursionError:
        raise SettingsFileInvalid("not_json") from None
    return parse_settings(data)


def parse_settings(data: Any) -> ZgwSettingsInput:
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT
        or data.get("format_version") != FORMAT_VERSION
    ):
        raise SettingsFileInvalid("not_settings")
    for key in data:
        if key.lower() in SECRET_KEYS:
            raise SettingsFileInvalid("secret_in_file", key=key)
        if key not in KEYS:
            raise SettingsFileInvalid("unknown_key", key=str(key)[:60])
    values: dict[str, Any] = {}
    for key in TEXT_KEYS:
        value = data.get(key, None if key in OPTIONAL else "")
        if value is None:
            continue
        if not isinstance(value, str):
            raise SettingsFileInvalid("wrong_type", key=key)
        values[key] = value
    shared = data.get("share_conversation", False)
    if not isinstance(shared, bool):
        raise SettingsFileInvalid("wrong_type", key="share_conversation")
    values["share_conversation"] = shared
    for key, members in TYPE_MAPS.items():
        values[key] = _type_map(data.get(key, {}), key, {m.value for m in members})
    return ZgwSettingsInput(**values)


def _type_map(value: Any, key: str, allowed: set[str]) -> dict[str, str]:
    if not isinstance(value, dict):
        raise SettingsFileInvalid("wrong_type", key=key)
    for name, url in value.items():
        if name not in allowed:
            raise SettingsFileInvalid("unknown_key", key=f"{key}.{str(name)[:40]}")
        if not isinstance(url, str):
            raise SettingsFileInvalid("wrong_type", key=f"{key}.{name}")
    return dict(value)


def json_key(field: str) -> str:
    """The file's key for a form field ("statustype:new" -> "statustypen.new")."""
    kind, _, member = field.partition(":")
    if member and kind in ("statustype", "resultaattype"):
        return f"{kind}n.{member}"
    return field
