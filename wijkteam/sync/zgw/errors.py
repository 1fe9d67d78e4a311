"""Typed errors of the ZGW mapping. Codes and places only, never a value (it may be personal).
Light to import: the error texts (ui/messages) are keyed by these types."""

from __future__ import annotations

from wijkteam.errors import WijkteamError
from wijkteam.sync.zgw.resources import ResourceKind


class ResourceInvalid(WijkteamError):
    """A body does not satisfy the official schema. Carries the place and the rule broken,
    never the value (it may be personal)."""

    code = "resource_invalid"

    def __init__(self, kind: ResourceKind, resource_uuid: object, field: str, rule: str) -> None:
        super().__init__(kind=kind.value, uuid=str(resource_uuid), field=field, rule=rule)

    def __str__(self) -> str:
        p = self.params
        return f"{p['kind']} {p['uuid']}: {p['field'] or '(body)'} breaks {p['rule']}"


class DocumentChanged(WijkteamError):
    """The PDF no longer matches the checksum recorded when it was made."""

    code = "document_changed"

    def __init__(self, document_uuid: object) -> None:
        super().__init__(document=str(document_uuid))
