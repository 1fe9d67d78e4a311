"""Typed errors of the laptop side (codes only; ui/ words them in Dutch)."""

from __future__ import annotations

from wijkteam.teamproto.errors import TeamError


class ServerUnreachable(TeamError):
    """No connection, a timeout, or the server answered 5xx: try again later."""

    code = "team_server_unreachable"


class ServerKeyMismatch(TeamError):
    """The server's public key is not the pinned one: refused before anything was sent."""

    code = "team_server_key_mismatch"


class ServerRefused(TeamError):
    """A refusal with the server's code in params["server_code"]."""

    code = "team_server_refused"


class TokenRefused(ServerRefused):
    code = "team_token_refused"


class DeviceRevoked(ServerRefused):
    code = "team_device_revoked"


class NotCoordinator(ServerRefused):
    code = "team_not_coordinator"


class CodeRefused(ServerRefused):
    """A registration, invite or recovery code that is unknown, used, expired or voided
    (params["server_code"] says which)."""

    code = "team_code_refused"


class RateLimited(ServerRefused):
    code = "team_rate_limited"


class EpochStale(ServerRefused):
    code = "team_epoch_stale"


class OutOfOrder(ServerRefused):
    code = "team_out_of_order"


class InviteKeyWrong(TeamError):
    """The invite's key part does not open the invite: nothing was read."""

    code = "team_invite_key_wrong"


class VersionRollback(TeamError):
    """The server offered a version lower than one this laptop has seen."""

    code = "team_version_rollback"


class NotConnected(TeamError):
    """This store does not belong to a team yet (connect or join first)."""

    code = "team_not_connected"


class AlreadyConnected(TeamError):
    """This store belongs to a team already."""

    code = "team_already_connected"


class ConflictSettled(TeamError):
    """The conflict was settled already (or does not exist)."""

    code = "team_conflict_settled"


class InitialsMismatch(TeamError):
    """The invite was made for another member than the initials given."""

    code = "team_initials_mismatch"


class NotTeamPusher(TeamError):
    """Another device sends the team's work to the municipality (ZGW export and push).
    params: `initials` of its member (may be empty), `device` (its id, shortened), and
    `reason`: "other" (another device is designated), "unknown" (this laptop has not
    received the team's device list yet), "revoked" (this laptop left the team)."""

    code = "team_not_pusher"


class UnknownDevice(TeamError):
    """No active device of the team matches (params["device"], as typed), or more than one."""

    code = "team_unknown_device"
