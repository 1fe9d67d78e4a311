"""One conversation with the team server at a time per store.

A laptop's device has one chain of pushes (sequence numbers, running hash) and one saved
device state. Two flows that push or publish at once — the background sync the window
starts when it comes to the front, and the coordinator's Verbinden in Team › Teamserver… —
would both continue the same chain, and the server refuses the second as out of order.
Every flow that uses the device session holds this lock (re-entrant: connect syncs)."""

from __future__ import annotations

import threading
import weakref

from wijkteam.store import Store

_LOCKS: weakref.WeakKeyDictionary[Store, threading.RLock] = weakref.WeakKeyDictionary()
_GUARD = threading.Lock()


def device_lock(store: Store) -> threading.RLock:
    with _GUARD:
        lock = _LOCKS.get(store)
        if lock is None:
            lock = _LOCKS[store] = threading.RLock()
        return lock
