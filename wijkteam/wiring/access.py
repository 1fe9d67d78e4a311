"""Getting to an open store from the window: what a data folder holds, first start,
sign-in, a forgotten password. The screens in ui/security call this and nothing lower, so no
store is opened and no store key is handled in ui/.

Light to import (the sign-in screen shows before the database layer is loaded): the heavy
work is in setup.py, loaded by the first call that needs it, off the UI thread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from wijkteam.clock import Clock
from wijkteam.errors import ValidationFailed
from wijkteam.security.kdf import STRONG, KdfParams
from wijkteam.security.passwords import check_new_password
from wijkteam.security.state import StoreState, store_state
from wijkteam.store import store_path
from wijkteam.store.instance_lock import InstanceLock
from wijkteam.validation import Collector, required_text

if TYPE_CHECKING:
    from wijkteam.security.keyring import KeyRing, Unlocked
    from wijkteam.services.records import MemberRecord
    from wijkteam.wiring.services import Services


@dataclass(frozen=True)
class TeamSetup:
    team_name: str
    municipality: str
    name: str
    initials: str
    password: str
    password_again: str

    def __repr__(self) -> str:
        return "TeamSetup(<hidden>)"


@dataclass(frozen=True)
class Opened:
    services: Services
    member: MemberRecord
    recovery_code: str | None = None  # only right after first start: show it once


@dataclass(frozen=True)
class SignInKey:
    """What a checked password opened (the slow part of signing in), kept only until the
    store is open. Its repr shows nothing."""

    ring: KeyRing
    unlocked: Unlocked

    def __repr__(self) -> str:
        return "SignInKey(<hidden>)"


def check_setup(setup: TeamSetup) -> None:
    errors = Collector()
    errors.check(lambda: required_text("team_name", setup.team_name, 80))
    errors.check(lambda: required_text("municipality", setup.municipality, 80))
    errors.check(lambda: required_text("member_name", setup.name, 120))
    errors.check(lambda: required_text("member_initials", setup.initials, 8))
    try:
        check_new_password(setup.password, setup.password_again)
    except ValidationFailed as failed:
        for error in failed.errors:
            errors.add(error)
    errors.raise_if_any()


class StoreAccess:
    """One data folder, before anyone is signed in."""

    def __init__(self, data_dir: Path, clock: Clock | None = None, kdf: KdfParams = STRONG) -> None:
        self.data_dir = Path(data_dir)
        self._clock = clock
        self._kdf = kdf

    def state(self) -> StoreState:
        """New, unencrypted (to convert) or locked. Raises a StoreError, without touching
        the file, when the store cannot be used or is open in another Wijkteam."""
        state = store_state(self.data_dir)
        path = store_path(self.data_dir)
        if state is StoreState.LOCKED:
            probe = InstanceLock(path)  # say so before asking for a password
            probe.acquire()
            probe.release()
        else:
            from wijkteam.store.opening import check_store_file

            check_store_file(path)
        return state

    def check_setup(self, setup: TeamSetup) -> None:
        """Raises ValidationFailed at once, before the slow part of first start."""
        check_setup(setup)

    def first_start(self, setup: TeamSetup) -> Opened:
        """The team, its first coordinator and the encrypted store (slow: run it off the UI
        thread). `Opened.recovery_code` is shown once."""
        from wijkteam.wiring.setup import first_start

        return first_start(self.data_dir, setup, kdf=self._kdf, clock=self._clock)

    def unlock(self, initials: str, password: str) -> SignInKey:
        """The slow key derivation of signing in: run it off the UI thread. Raises
        SignInRefused."""
        from wijkteam.wiring.setup import unlock

        ring, unlocked = unlock(self.data_dir, initials, password, self._clock)
        return SignInKey(ring, unlocked)

    def sign_in(self, key: SignInKey) -> Opened:
        """Opens the store with what `unlock` found and signs the member in (refused
        attempts before it were sealed in the key file's inbox and go to the audit log now)."""
        from wijkteam.wiring.setup import open_unlocked

        return open_unlocked(self.data_dir, key.ring, key.unlocked, clock=self._clock)

    def join_team(
        self, server_url: str, code: str, initials: str, password: str, again: str
    ) -> Opened:
        """A member's new laptop joins the team with the coordinator's invite code: a new
        encrypted store, then the first pull (slow: run it off the UI thread). The member
        signs in with the initials and new password from now on; `Opened.recovery_code` is
        this store's own recovery code, shown once. Raises a TeamError (typed) or
        ValidationFailed (the password); the data folder stays empty then."""
        from wijkteam.wiring.join import join_team

        return join_team(
            self.data_dir, server_url, code, initials, password, again,
            kdf=self._kdf, clock=self._clock,
        )  # fmt: skip

    def reset_password(self, code: str, initials: str, password: str, again: str) -> Opened:
        """A forgotten password: the recovery code sets a new one and signs the member in;
        the store gets a new key and the team a new recovery code (`Opened.recovery_code`).
        Slow (key derivation and re-encryption): run it off the UI thread."""
        from wijkteam.wiring.setup import reset_password

        return reset_password(self.data_dir, code, initials, password, again, clock=self._clock)
