"""Validation against the official ZGW specifications in tests/reference/zgw/ (not the
app's bundled copy), with an OpenAPI 3.0 validator in write mode."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from openapi_schema_validator import OAS30WriteValidator, oas30_format_checker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from wijkteam.sync.zgw.resources import API_OF, REQUEST_SCHEMA, ResourceKind

REFERENCE = Path(__file__).resolve().parents[1] / "reference" / "zgw"
SPEC_FILES = {"zaken": "zaken-openapi.yaml", "documenten": "documenten-openapi.yaml"}


@cache
def spec(api: str) -> dict[str, Any]:
    path = REFERENCE / SPEC_FILES[api]
    assert path.exists(), f"the official ZGW specification is missing: {path}"
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


@cache
def _registry() -> Registry:
    registry: Registry = Registry()
    for api in SPEC_FILES:
        resource = Resource.from_contents(spec(api), default_specification=DRAFT4)
        registry = registry.with_resource(f"urn:official:{api}", resource)
    return registry


@cache
def schema_validator(api: str, schema: str) -> OAS30WriteValidator:
    return OAS30WriteValidator(
        {"$ref": f"urn:official:{api}#/components/schemas/{schema}"},
        registry=_registry(),
        format_checker=oas30_format_checker,
    )


def request_errors(kind: ResourceKind, body: Any) -> list[str]:
    """Every way `body` breaks the official request schema of `kind` (empty when valid)."""
    checker = schema_validator(API_OF[kind], REQUEST_SCHEMA[kind])
    return [
        f"{'/'.join(str(p) for p in e.absolute_path)}: {e.message}"
        for e in checker.iter_errors(body)
    ]


def post_schema_name(api: str, collection: str) -> str:
    """The request schema the official spec names for POST on a collection."""
    operation = spec(api)["paths"][f"/{collection}"]["post"]
    ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    return ref.rsplit("/", 1)[1]
