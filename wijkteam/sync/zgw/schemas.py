"""Checks each body against the official ZGW request schema before it leaves the laptop.

Uses the bundle in resources/zgw/ (see schema_bundle.py) with an OpenAPI 3.0 validator in
write mode (readOnly properties are not expected in a request).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from jsonschema.exceptions import best_match
from openapi_schema_validator import OAS30WriteValidator, oas30_format_checker
from referencing import Registry
from referencing import Resource as SchemaResource
from referencing.jsonschema import DRAFT4

from wijkteam.errors import WijkteamError
from wijkteam.resources import resource
from wijkteam.sync.zgw.resources import API_OF, REQUEST_SCHEMA, Resource, ResourceKind
from wijkteam.sync.zgw.schema_bundle import BUNDLE_NAME


class ResourceInvalid(WijkteamError):
    """A body does not satisfy the official schema. Carries the place and the rule broken,
    never the value (it may be personal)."""

    code = "resource_invalid"

    def __init__(self, kind: ResourceKind, resource_uuid: object, field: str, rule: str) -> None:
        super().__init__(kind=kind.value, uuid=str(resource_uuid), field=field, rule=rule)

    def __str__(self) -> str:
        p = self.params
        return f"{p['kind']} {p['uuid']}: {p['field'] or '(body)'} breaks {p['rule']}"


@cache
def _registry() -> Registry:
    bundle = json.loads(resource("zgw", BUNDLE_NAME).read_text(encoding="utf-8"))
    registry: Registry = Registry()
    for api, contents in bundle.items():
        registry = registry.with_resource(
            f"urn:zgw:{api}", SchemaResource.from_contents(contents, default_specification=DRAFT4)
        )
    return registry


@cache
def validator(kind: ResourceKind) -> OAS30WriteValidator:
    schema = {"$ref": f"urn:zgw:{API_OF[kind]}#/components/schemas/{REQUEST_SCHEMA[kind]}"}
    return OAS30WriteValidator(schema, registry=_registry(), format_checker=oas30_format_checker)


def problems(kind: ResourceKind, body: Any) -> list[tuple[str, str]]:
    """(field path, rule) for each problem; empty when the body is valid."""
    return [
        ("/".join(str(p) for p in error.absolute_path), str(error.validator))
        for error in validator(kind).iter_errors(body)
    ]


def check(item: Resource) -> None:
    """Raises ResourceInvalid when the body breaks the official schema."""
    checker = validator(item.kind)
    if checker.is_valid(item.body):
        return
    error = best_match(checker.iter_errors(item.body))
    field = "/".join(str(p) for p in error.absolute_path)
    raise ResourceInvalid(item.kind, item.uuid, field, str(error.validator))
