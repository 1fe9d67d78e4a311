"""Resource sources: who turns which table into which ZGW resources.

A source is a function under collectors/ plus its kind and name; the export runs the list of
sources it was given (the wiring builds it, wijkteam/wiring/export.py). Adding one (referrals,
say) is a function and one line in that list:

    def contact_moments(ctx: CollectContext) -> Iterator[Resource]:
        query = select(...).join(Report, ...).where(ctx.changed(Contact.updated_at))
        for row in ctx.rows(query):
            yield map_klantcontact(ContactMomentData(...), ctx.config)

Within a kind, sources run in the order of the list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
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


Sources = Sequence[ResourceSource]


def sources_for(sources: Sources, kind: ResourceKind) -> list[ResourceSource]:
    return [s for s in sources if s.kind is kind]


def check_names(sources: Sources) -> tuple[ResourceSource, ...]:
    """The list as a tuple; two sources with one name are a mistake in the wiring."""
    names = [s.name for s in sources]
    repeated = {n for n in names if names.count(n) > 1}
    if repeated:
        raise ValueError(f"sources named twice: {sorted(repeated)}")
    return tuple(sources)
