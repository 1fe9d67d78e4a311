"""Typed errors of the export. Codes and ids only; ui/sync/texts.py has the Dutch."""

from __future__ import annotations

from wijkteam.errors import WijkteamError


class ExportNotConfigured(WijkteamError):
    """The link with the municipality has not been set up (or no longer validates)."""

    code = "export_not_configured"


class ExportTargetUnwritable(WijkteamError):
    code = "export_target_unwritable"


class ReceiptInvalid(WijkteamError):
    """A receipt file that cannot acknowledge anything. `reason` says why:
    unreadable, not_a_receipt, unknown_batch, counts_differ."""

    code = "receipt_invalid"

    def __init__(self, reason: str) -> None:
        super().__init__(reason=reason)
        self.reason = reason


class ArchiveUnreadable(WijkteamError):
    """An export archive that cannot be opened: wrong passphrase, damaged, or not ours."""

    code = "archive_unreadable"

    def __init__(self, reason: str) -> None:
        super().__init__(reason=reason)
        self.reason = reason


class SettingsFileInvalid(WijkteamError):
    """A settings file (`wijkteam zgw-settings --file`) that cannot be read as one. `reason`:
    unreadable, not_json (`line`), not_settings, unknown_key, wrong_type, secret_in_file;
    `key` names the offending key (a setting's name, never its value)."""

    code = "settings_file_invalid"

    def __init__(self, reason: str, key: str = "", line: int = 0) -> None:
        super().__init__(reason=reason, key=key, line=line)
        self.reason = reason
