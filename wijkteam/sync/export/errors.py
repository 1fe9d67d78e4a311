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


class NothingToExport(WijkteamError):
    code = "nothing_to_export"


class PushNotConfigured(WijkteamError):
    """No client id in the settings, or no secret typed."""

    code = "push_not_configured"


class ConnectionLost(WijkteamError):
    """The server could not be reached or the connection broke off mid-request."""

    code = "push_connection_lost"


class ServerRefused(WijkteamError):
    """The server answered with an error. Carries the status and the error codes it named,
    never the body sent."""

    code = "push_refused"

    def __init__(self, kind: ResourceKind, status: int, codes: tuple[str, ...] = ()) -> None:
        super().__init__(kind=kind.value, status=status, codes=codes)
        self.status = status
        self.codes = codes


class UnresolvedReference(WijkteamError):
    """A body points at a resource the server does not have and the push cannot make."""

    code = "push_unresolved_reference"

    def __init__(self, kind: ResourceKind) -> None:
        super().__init__(kind=kind.value)
