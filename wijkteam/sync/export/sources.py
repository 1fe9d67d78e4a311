"""The registry of resource sources: who turns which table into which ZGW resources.

Adding a source (contact moments, documents, referrals...) is one decorated function in a
module under collectors/, imported in collectors/__init__.py:

    @source(ResourceKind.KLANTCONTACT, "contactmomenten")
    def contact_moments(ctx: CollectContext) -> Iterator[Resource]:
        query = select(...).join(Report, ...).where(ctx.changed(Contact.updated_at))
        for row in ctx.rows(query):
            yield map_klantcontact(ContactMomentData(...), ctx.config)

Within a kind, sources run in the order they were registered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, or_
from sqlalchemy.orm import Session

from wijkteam.store.models import Report
from wijkteam.sync.export.window import ExportWindow
from wijkteam.sync.zgw.config import ZgwConfig
from wijkteam.sync.zgw.resources import Resource, ResourceKind

ROWS_PER_FETCH = 1000


@dataclass(frozen=True)
class CollectContext:
    """`pending`: for a push, a query of the meldingen (by UUID) with something the server
    has not taken yet; they are collected again whatever the window says."""

    session: Session
    window: ExportWindow
    config: ZgwConfig
    pending: Select[Any] | None = None

    def changed(self, updated_at: Any) -> ColumnElement[bool]:
        """Changed inside the window, or of a pending melding. Every collector's query
        joins Report, so this can name it."""
        inside = self.window.changed(updated_at)
        if self.pending is None or self.window.since is None:
            return inside
        return or_(inside, Report.uuid.in_(self.pending))

    def rows(self, query: Select[Any]) -> Iterator[Any]:
        """Rows fetched in chunks, so memory stays flat on a big store."""
        return iter(self.session.execute(query.execution_options(yield_per=ROWS_PER_FETCH)))


Collector = Callable[[CollectContext], Iterator[Resource]]


@dataclass(frozen=True)
class ResourceSource:
    kind: ResourceKind
    name: str
    collect: Collector


_SOURCES: list[ResourceSource] = []


def source(kind: ResourceKind, name: str) -> Callable[[Collector], Collector]:
    def register(collect: Collector) -> Collector:
        if any(s.name == name for s in _SOURCES):
            raise ValueError(f"source {name} registered twice")
        _SOURCES.append(ResourceSource(kind, name, collect))
        return collect

    return register


def remove_source(name: str) -> None:
    """Takes a source out again (a source registered for one test, say)."""
    _SOURCES[:] = [s for s in _SOURCES if s.name != name]


def sources_for(kind: ResourceKind) -> list[ResourceSource]:
    _load_builtin()
    return [s for s in _SOURCES if s.kind is kind]


def all_sources() -> list[ResourceSource]:
    _load_builtin()
    return list(_SOURCES)


def _load_builtin() -> None:
    import wijkteam.sync.export.collectors  # noqa: F401  (registers on import)
