"""Source from the generated documents: each PDF recorded for a melding becomes an
EnkelvoudigInformatieObject plus the ZaakInformatieObject that links it to the zaak. The PDF
bytes are read one document at a time, so memory stays flat."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import undefer

from wijkteam.store.models import Report
from wijkteam.store.models.document import Document
from wijkteam.sync.export.sources import CollectContext
from wijkteam.sync.zgw.data import DocumentData
from wijkteam.sync.zgw.documents import map_document
from wijkteam.sync.zgw.resources import Resource


def _documents(ctx: CollectContext) -> Iterator[tuple[Resource, Resource]]:
    query = (
        select(Document, Report.uuid)
        .join(Report, Report.id == Document.report_id)
        .where(ctx.changed(Document.updated_at))
        .options(undefer(Document.content))
        .order_by(Document.id)
    )
    for document, case_uuid in ctx.rows(query):
        yield map_document(
            DocumentData(
                uuid=document.uuid,
                case_uuid=case_uuid,
                kind=document.kind.value,
                language=document.language.value,
                created=document.generated_at,
                sha256=document.sha256,
                pdf=document.content,
            ),
            ctx.config,
        )
        ctx.session.expunge(document)


def information_objects(ctx: CollectContext) -> Iterator[Resource]:
    for eio, _link in _documents(ctx):
        yield eio


def case_links(ctx: CollectContext) -> Iterator[Resource]:
    for _eio, link in _documents(ctx):
        yield link
