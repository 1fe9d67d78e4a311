"""What the coordinator's laptop knows of each member's laptops: the signed device list (a
laptop is listed once the coordinator's laptop took in its enrolment, at a sync after the
join) and the invites it made that are still open. Read locally, no server call."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.store.models import Member
from wijkteam.teamsync.outbox import load_state


@dataclass(frozen=True)
class MemberLaptops:
    active: int  # laptops on the device list that take part
    revoked: int  # laptops taken out of the team
    invite_until: datetime | None  # the latest open invite's expiry (UTC), if any
    this_laptop: bool  # this laptop is one of the member's

    @property
    def others(self) -> int:
        """The member's laptops taking part, not counting this one."""
        return self.active - (1 if self.this_laptop else 0)


def member_laptops(session: Session, now: datetime) -> dict[int, MemberLaptops]:
    """By member id; members with no laptop and no open invite are left out. `now`: UTC,
    aware."""
    state = load_state(session)
    if state is None:
        return {}
    active: dict[str, int] = {}
    revoked: dict[str, int] = {}
    for entry in state.devices.values():
        counts = active if entry.get("status") == "active" else revoked
        counts[entry["member"]] = counts.get(entry["member"], 0) + 1
    invites: dict[str, datetime] = {}
    for invite in state.invites.values():
        expires = datetime.fromisoformat(invite["expires"])
        latest = invites.get(invite["member"])
        if expires > now and (latest is None or expires > latest):
            invites[invite["member"]] = expires
    mine = state.member
    found: dict[int, MemberLaptops] = {}
    for member_id, member_uuid in session.execute(select(Member.id, Member.uuid)):
        key = str(uuid.UUID(str(member_uuid)))
        laptops = MemberLaptops(
            active.get(key, 0), revoked.get(key, 0), invites.get(key), key == mine
        )
        if laptops.active or laptops.revoked or laptops.invite_until or laptops.this_laptop:
            found[member_id] = laptops
    return found
