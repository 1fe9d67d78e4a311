"""The highest version this laptop has seen of each team record ("kind/uuid" -> version).

A laptop refuses a version lower than one it has seen (verify.py, the push's conflicts, the
inzage fetch in archive.py), so it must remember one per record the team ever sent: tens of
thousands at city scale. They are not part of the device state's JSON: the store keeps them
in a table of their own (teamsync/version_table.py) and the engine reads only the slots a
round touches (`load`, once per pulled page) and hands back only what it changed (`dirty`),
to be saved in the same transaction as the rest of the state.

`Versions` alone is the in-memory form (a new device before its first save, the protocol
tests' laptops); a `source` reads what is not in memory yet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

Source = Callable[[list[str]], dict[str, int]]  # slots -> the versions stored for them


def slot(kind: str, uuid: str) -> str:
    return f"{kind}/{uuid}"


class Versions:
    def __init__(self, known: dict[str, int] | None = None, source: Source | None = None):
        self.known: dict[str, int] = dict(known or {})  # read or set; 0: none stored
        self.dirty: dict[str, int] = {}  # set since the last save
        self.source = source

    def load(self, slots: Iterable[str]) -> None:
        """Reads these slots from the source at once (one query for a page of records)."""
        missing = [s for s in dict.fromkeys(slots) if s not in self.known]
        if not missing:
            return
        found = self.source(missing) if self.source is not None else {}
        for s in missing:
            self.known[s] = found.get(s, 0)

    def get(self, key: str, default: int = 0) -> int:
        if key not in self.known:
            self.load([key])
        return self.known[key] or default

    def __setitem__(self, key: str, version: int) -> None:
        self.known[key] = version
        self.dirty[key] = version

    def take_dirty(self) -> dict[str, int]:
        """What changed since the last call: the rows the caller now saves."""
        dirty, self.dirty = self.dirty, {}
        return dirty

    def layer(self) -> Layer:
        return Layer(self)

    def adopt(self, layer: Versions) -> None:
        """A verified page's versions (a `layer()` of these) become this laptop's."""
        assert isinstance(layer, Layer) and layer.base is self
        for key, version in layer.changes.items():
            self[key] = version

    # The in-memory entries as a mapping (the protocol tests and a legacy JSON state).
    def keys(self) -> Iterator[str]:
        return (k for k, v in self.known.items() if v)

    def __getitem__(self, key: str) -> int:
        return self.known[key]

    def __len__(self) -> int:
        return sum(1 for v in self.known.values() if v)

    def copy(self) -> Versions:
        found = Versions(self.known, self.source)
        found.dirty = dict(self.dirty)
        return found


class Layer(Versions):
    """The versions while a pulled page is verified: reads fall through to the laptop's,
    changes stay here until the whole page verified (`Versions.adopt`)."""

    def __init__(self, base: Versions) -> None:
        super().__init__()
        self.base = base
        self.changes: dict[str, int] = {}

    def load(self, slots: Iterable[str]) -> None:
        self.base.load(slots)

    def get(self, key: str, default: int = 0) -> int:
        if key in self.changes:
            return self.changes[key] or default
        return self.base.get(key, default)

    def __setitem__(self, key: str, version: int) -> None:
        self.changes[key] = version
