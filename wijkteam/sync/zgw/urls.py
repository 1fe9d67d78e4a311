"""Stable UUIDs and the URLs the resources will have at the configured base URLs.

A melding's zaak keeps the melding's UUID; resources that have no record of their own (the
resident's rol, the resultaat, a document's link to the zaak) get a name-based UUID (uuid5)
derived from the records they come from, so every export names them the same way.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from wijkteam.sync.zgw.resources import API_OF, COLLECTION, ResourceKind

# Fixed forever: changing it would rename every derived resource.
NAMESPACE = uuid.UUID("6b1f4a52-7d0c-5b9e-9a34-2f8e0c5d1a77")


def derived_uuid(purpose: str, *parts: uuid.UUID | str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, ":".join([purpose, *(str(p) for p in parts)]))


@dataclass(frozen=True, slots=True)
class ZgwUrls:
    zaken_url: str  # e.g. https://zaken.example.nl/zaken/api/v1
    documenten_url: str  # e.g. https://documenten.example.nl/documenten/api/v1

    def base(self, kind: ResourceKind) -> str:
        root = self.documenten_url if API_OF[kind] == "documenten" else self.zaken_url
        return root.rstrip("/")

    def collection(self, kind: ResourceKind) -> str:
        return f"{self.base(kind)}/{COLLECTION[kind]}"

    def url(self, kind: ResourceKind, resource_uuid: uuid.UUID) -> str:
        return f"{self.collection(kind)}/{resource_uuid}"

    def zaak_uuid_of(self, url: str) -> uuid.UUID | None:
        """The UUID in a zaak URL made by `url`, else None."""
        prefix = self.collection(ResourceKind.ZAAK) + "/"
        if not url.startswith(prefix):
            return None
        try:
            return uuid.UUID(url[len(prefix) :])
        except ValueError:
            return None
