"""Typed errors of the export and the push. Codes and ids only; ui/messages has the Dutch.
Light to import: the error texts are keyed by these types."""

from __future__ import annotations

from wijkteam.errors import WijkteamError
from wijkteam.sync.zgw.resources import ResourceKind


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


class NothingToExport(WijkteamError):
    code = "nothing_to_export"


class PushNotConfigured(WijkteamError):
    """No client id in the settings, or no secret typed."""

    code = "push_not_configured"


class ConnectionLost(WijkteamError):
    """The server could not be reached or the connection broke off mid-request."""

    code = "push_connection_lost"


class ServerRefused(WijkteamError):
    """The server answered with an error. Carries the status, the error codes it named and
    the last segment of the error's `type` (Open Zaak: ".../ref/fouten/ZaakClosed/" gives
    "ZaakClosed"), never the body sent."""

    code = "push_refused"

    def __init__(
        self, kind: ResourceKind, status: int, codes: tuple[str, ...] = (), fault: str = ""
    ) -> None:
        super().__init__(kind=kind.value, status=status, codes=codes, fault=fault)
        self.kind = kind
        self.status = status
        self.codes = codes
        self.fault = fault


class ClientRefused(WijkteamError):
    """The server does not accept this client at all: wrong client id or secret, the client
    unknown there, or without the right to read zaken. Nothing more is tried."""

    code = "push_client_refused"
