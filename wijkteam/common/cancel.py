"""A cooperative cancel token: the caller asks, the work checks at safe points (between
resources of an export, say) and stops with Cancelled. Thread-safe; no Qt."""

from __future__ import annotations

import threading

from wijkteam.errors import Cancelled


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()
