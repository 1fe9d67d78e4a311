"""Typed errors. They carry codes and field names, never personal data or Dutch text.

`ui/` turns them into Dutch sentences in one place (ui/messages.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


class WijkteamError(Exception):
    """Base of every error the core raises on purpose."""

    code: str = "error"

    def __init__(self, code: str | None = None, **params: Any) -> None:
        self.code = code or self.code
        self.params: Mapping[str, Any] = params
        super().__init__(self.code)


class ValidationError(WijkteamError):
    """One field failed one rule, e.g. ValidationError("bsn", "elfproef")."""

    def __init__(self, field: str, code: str, **params: Any) -> None:
        self.field = field
        super().__init__(code, **params)

    def __str__(self) -> str:
        return f"{self.field}: {self.code}"


class ValidationFailed(WijkteamError):
    """All problems of one input at once, so a form can mark every field in one go."""

    code = "validation_failed"

    def __init__(self, errors: Iterable[ValidationError]) -> None:
        self.errors: tuple[ValidationError, ...] = tuple(errors)
        super().__init__()

    def __str__(self) -> str:
        return ", ".join(str(e) for e in self.errors)

    def fields(self) -> set[str]:
        return {e.field for e in self.errors}


class NotFound(WijkteamError):
    code = "not_found"

    def __init__(self, kind: str, ident: object) -> None:
        super().__init__(kind=kind, ident=str(ident))

    def __str__(self) -> str:
        return f"{self.params['kind']} {self.params['ident']} not found"


class TransitionRefused(WijkteamError):
    """A status change the rules do not allow."""

    code = "transition_refused"

    def __init__(self, current: str, wanted: str) -> None:
        super().__init__(current=current, wanted=wanted)

    def __str__(self) -> str:
        return f"{self.params['current']} -> {self.params['wanted']} refused"


class EventRefused(WijkteamError):
    """An event the melding's status rule does not allow now (wijkteam/domain/status.py):
    `kind` the event, `reason` why (e.g. report_closed, no_conversation)."""

    code = "event_refused"

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(kind=kind, reason=reason)

    def __str__(self) -> str:
        return f"{self.params['kind']} refused: {self.params['reason']}"


class AuditMissing(Exception):
    """A transaction changed personal data without an audit entry for each changed record.
    A programming error, never shown as a sentence: the transaction is rolled back."""


class StoreError(WijkteamError):
    """The store cannot be opened. Subclasses name why."""

    code = "store_error"


class StoreUnreadable(StoreError):
    code = "store_unreadable"


class StoreNotADatabase(StoreError):
    code = "store_not_a_database"


class StoreDamaged(StoreNotADatabase):
    """The store file (or a backup) failed its integrity check: it is not used, so nothing
    gets worse. `backup`: when the last good backup was made (UTC), if there is one."""

    code = "store_damaged"


class StoreTooNew(StoreError):
    code = "store_too_new"


class StoreReadOnly(StoreError):
    code = "store_read_only"


class ReferralTransitionRefused(TransitionRefused):
    """A referral status change the rules do not allow (statuses of ReferralStatus)."""

    code = "referral_transition_refused"


class StoreBackupFailed(StoreError):
    """The copy made before a schema upgrade could not be written (e.g. a full disk); the
    store was not changed."""

    code = "store_backup_failed"


class StoreUpgradeFailed(StoreError):
    """A schema upgrade failed and was rolled back: the store is as it was."""

    code = "store_upgrade_failed"


class StoreInUse(StoreError):
    """Another Wijkteam on this laptop has the store open."""

    code = "store_in_use"


class StoreNotEncrypted(StoreError):
    """A key was given but the file is an unencrypted store (convert it first)."""

    code = "store_not_encrypted"


class KeyFileDamaged(StoreError):
    """The key file next to the store cannot be read or does not fit the store."""

    code = "key_file_damaged"


class KeyFileMissing(StoreNotADatabase):
    """A store file that is not plain SQLite and has no key file next to it: an encrypted
    store whose keys.json is gone, or not a store at all (the two look the same)."""

    code = "key_file_missing"


class StoreDiskFull(StoreError):
    """The disk is full: what was being written was rolled back, nothing is half-written."""

    code = "store_disk_full"


class BackupUnverified(StoreError):
    """The backup just written did not pass its checks: it was removed, older ones kept."""

    code = "backup_unverified"


class StoreMissing(StoreError):
    """keys.json is there but the store file next to it is missing or empty: an error that
    names what is missing, never a new, empty store in its place."""

    code = "store_missing"


class SignInRefused(WijkteamError):
    """Wrong initials, password or recovery code. Says nothing about which was wrong."""

    code = "sign_in_refused"


class NotAllowed(WijkteamError):
    """The signed-in member's role does not allow this action."""

    code = "not_allowed"

    def __init__(self, action: str) -> None:
        super().__init__(action=action)


class NoPassphrase(StoreError):
    """A headless command without $WIJKTEAM_PASSPHRASE (and no terminal to ask on)."""

    code = "no_passphrase"


class PassphraseRefused(StoreError):
    """$WIJKTEAM_PASSPHRASE is neither a member's password nor the recovery code."""

    code = "passphrase_refused"


class StoreNotSetUp(StoreError):
    """No team yet, or an unencrypted store: the app's first start handles that."""

    code = "store_not_set_up"


class OpenItemsRemain(WijkteamError):
    """A melding is closed while steps or follow-ups are still open: the member confirms."""

    code = "open_items_remain"

    def __init__(self, steps: int, follow_ups: int) -> None:
        super().__init__(steps=steps, follow_ups=follow_ups)


class TeamChangesPending(WijkteamError):
    """Meldingen leave this laptop (retention) only once its changes reached the team
    server: what was not pushed of a removed record would never be."""

    code = "team_changes_pending"


class Cancelled(WijkteamError):
    """Work stopped because the member (or closing the app) asked it to, at a safe point:
    nothing half-done was kept."""

    code = "cancelled"


class Unexpected(WijkteamError):
    """Something failed that no rule foresaw. It was logged (type and frames only, see
    wijkteam/logs.py) under `reference`, which the member may quote."""

    code = "unexpected"

    def __init__(self, reference: str) -> None:
        super().__init__(reference=reference)


# --- the sociale kaart ---------------------------------------------------------------------
class EntryReferenced(WijkteamError):
    """A hard delete of an entry that something (e.g. a step) still refers to."""

    code = "map_entry_referenced"

    def __init__(self, entry_id: int) -> None:
        super().__init__(entry_id=entry_id)


class MapFileRefused(WijkteamError):
    """A CSV file that cannot be read as a sociale kaart at all (no row-by-row report).

    Codes: too_large, too_many_rows, empty, binary, wrong_kind (kind=...), encoding,
    wrong_delimiter (found=...), missing_columns (columns=...), duplicate_columns
    (columns=...), malformed (line=...), unreadable, unwritable.
    """

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, **params)


class ImportNotConfirmed(WijkteamError):
    """The file has bad rows and the member did not choose to import only the valid ones."""

    code = "map_import_not_confirmed"

    def __init__(self, bad_rows: int) -> None:
        super().__init__(bad_rows=bad_rows)


class DuplicateSuspected(WijkteamError):
    """A new resident looks like an existing one. Carries ids only, never names."""

    code = "duplicate_suspected"

    def __init__(self, resident_ids: list[int]) -> None:
        super().__init__(resident_ids=tuple(resident_ids))
        self.resident_ids = tuple(resident_ids)
