"""Runs every source kind by kind, checks each resource against the official schema, and
hands it to a sink (the archive writer, the preview, or the push).

A file leaves whole or not at all, so a resource that breaks the schema stops the export.
A push goes resource by resource: its sink can `reject` such a resource (reported, never
sent) and the rest goes on."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Protocol

from wijkteam.common.cancel import CancelToken
from wijkteam.sync.export.sources import CollectContext, Sources, sources_for
from wijkteam.sync.zgw.resources import KIND_ORDER, Resource, ResourceKind
from wijkteam.sync.zgw.schemas import ResourceInvalid, check


class Sink(Protocol):
    def begin(self, kind: ResourceKind) -> None: ...

    def add(self, item: Resource) -> None: ...

    def end(self, kind: ResourceKind) -> None: ...


class RejectingSink(Sink, Protocol):
    def reject(self, item: Resource, error: ResourceInvalid) -> None: ...


def resources(ctx: CollectContext, kind: ResourceKind, sources: Sources) -> Iterator[Resource]:
    """Every resource of one kind, unchecked."""
    for registered in sources_for(sources, kind):
        yield from registered.collect(ctx)


def run(
    ctx: CollectContext,
    sink: Sink | RejectingSink,
    sources: Sources,
    cancel: CancelToken | None = None,
) -> tuple[dict[ResourceKind, int], set[uuid.UUID]]:
    """Feeds the sink; returns counts per kind and the meldingen that had anything.
    ResourceInvalid stops the run, unless the sink can reject. Stops with Cancelled between
    two resources when `cancel` is set."""
    counts: dict[ResourceKind, int] = {}
    cases: set[uuid.UUID] = set()
    reject = getattr(sink, "reject", None)
    for kind in KIND_ORDER:
        sink.begin(kind)
        count = 0
        for item in resources(ctx, kind, sources):
            if cancel is not None:
                cancel.raise_if_cancelled()
            cases.add(item.case_uuid)
            count += 1
            try:
                check(item)
            except ResourceInvalid as invalid:
                if reject is None:
                    raise
                reject(item, invalid)
                continue
            sink.add(item)
        sink.end(kind)
        counts[kind] = count
    return counts, cases


class PreviewSink:
    """Counts, and keeps the first few bodies of each kind to show the member."""

    def __init__(self, sample_size: int) -> None:
        self.sample_size = sample_size
        self.samples: dict[ResourceKind, list[dict]] = {}  # type: ignore[type-arg]

    def begin(self, kind: ResourceKind) -> None:
        self.samples[kind] = []

    def add(self, item: Resource) -> None:
        kept = self.samples[item.kind]
        if len(kept) < self.sample_size:
            kept.append(item.body)

    def end(self, kind: ResourceKind) -> None:
        pass
