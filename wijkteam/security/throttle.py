"""Growing delays after wrong passwords: 1, 2, 4 … seconds, at most 5 minutes.

The delay slows down someone trying passwords at the keyboard; the key derivation (scrypt)
is what protects a copied key file."""

from __future__ import annotations

import time
from collections.abc import Callable

MAX_DELAY = 300.0


class SignInThrottle:
    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._now = monotonic
        self.failures = 0
        self._blocked_until = 0.0

    def wait_seconds(self) -> float:
        return max(0.0, self._blocked_until - self._now())

    def failed(self) -> float:
        """Count a wrong attempt; returns the delay before the next one may start."""
        self.failures += 1
        delay = min(MAX_DELAY, 2.0 ** (self.failures - 1))
        self._blocked_until = self._now() + delay
        return delay

    def succeeded(self) -> int:
        """Returns how many attempts failed before (for the audit log) and starts over."""
        failures, self.failures, self._blocked_until = self.failures, 0, 0.0
        return failures
