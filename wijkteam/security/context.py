"""Who is acting: the signed-in member (or a headless command) and from which laptop.

Services read the actor from the ServiceContext they were given; the audit log stores it
with every entry, and role checks use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from wijkteam.domain.enums import MemberRole


class AuditAction(StrEnum):
    VIEW = "view"
    CREATE = "create"
    CHANGE = "change"
    DELETE = "delete"
    PRINT = "print"
    EXPORT = "export"
    ERASE = "erase"
    RETENTION_REMOVAL = "retention_removal"
    SIGN_IN = "sign_in"
    UNLOCK = "unlock"
    PASSWORD = "password"
    ACCOUNT = "account"
    SETTINGS = "settings"
    BACKUP = "backup"
    RESTORE = "restore"
    # Account changes, each saying what changed (issue 13).
    RECOVERY = "recovery"  # the recovery code was used (or tried)
    PASSWORD_RESET = "password_reset"  # a password set for someone (coordinator, recovery)
    DEACTIVATE = "deactivate"
    REACTIVATE = "reactivate"
    ROLE_COORDINATOR = "role_coordinator"
    ROLE_MEMBER = "role_member"
    KEY_ROTATION = "key_rotation"  # the store and its backups got a new key
    NEW_RECOVERY_CODE = "new_recovery_code"  # the old code no longer works
    # The team (issue 14).
    TEAM_CONNECT = "team_connect"
    TEAM_INVITE = "team_invite"
    TEAM_JOIN = "team_join"
    TEAM_REVOKE = "team_revoke"
    TEAM_ROTATE = "team_rotate"
    TEAM_SYNC = "team_sync"
    TEAM_SETTLE = "team_settle"
    TEAM_PUSHER = "team_pusher"  # the device that sends to the municipality (issue 15)
    # What a sync wrote on this laptop: another laptop's work, received (its own audit rows,
    # synced too, name who created or changed it there).
    TEAM_RECEIVED_NEW = "team_received_new"
    TEAM_RECEIVED_CHANGE = "team_received_change"
    TEAM_RECEIVED_DELETE = "team_received_delete"


class AuditResult(StrEnum):
    DONE = "done"
    REFUSED = "refused"


@dataclass(frozen=True)
class Actor:
    """member_id None: a headless command or test run by the store key's holder, who may do
    what a coordinator may. `responsible_member_id`: the member someone acts for."""

    member_id: int | None
    role: MemberRole
    responsible_member_id: int | None = None

    @property
    def is_coordinator(self) -> bool:
        return self.role is MemberRole.COORDINATOR


SYSTEM = Actor(None, MemberRole.COORDINATOR)


class ServiceContext:
    """Shared by all services of one open store. The UI changes the actor at sign-in."""

    def __init__(self, origin: str, actor: Actor = SYSTEM) -> None:
        self.origin = origin
        self.actor = actor

    def act_as(self, member_id: int, role: MemberRole) -> None:
        self.actor = Actor(member_id, role)

    def act_for(self, responsible_member_id: int | None) -> None:
        """Acting on behalf of another member (e.g. covering a colleague's caseload)."""
        self.actor = Actor(self.actor.member_id, self.actor.role, responsible_member_id)
