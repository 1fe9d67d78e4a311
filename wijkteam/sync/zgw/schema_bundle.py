"""The part of the official ZGW OpenAPI specifications the export validates against.

The application carries `resources/zgw/request-schemas.json`: for each API, the request
schemas of the resources it sends and everything they refer to, taken unchanged from the
official specifications in tests/reference/zgw/ (only descriptions and titles are left
out). A test checks that the bundle still equals what this module extracts from them.

Regenerate (needs PyYAML, part of the test extra):
    python -m wijkteam.sync.zgw.schema_bundle tests/reference/zgw resources/zgw
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from wijkteam.sync.zgw.resources import API_OF, REQUEST_SCHEMA

BUNDLE_NAME = "request-schemas.json"
SPEC_FILES = {"zaken": "zaken-openapi.yaml", "documenten": "documenten-openapi.yaml"}
_PREFIX = "#/components/schemas/"
_ANNOTATIONS = frozenset({"description", "title", "example", "externalDocs"})


def roots_per_api() -> dict[str, list[str]]:
    roots: dict[str, list[str]] = {api: [] for api in SPEC_FILES}
    for kind, schema in REQUEST_SCHEMA.items():
        roots[API_OF[kind]].append(schema)
    return {api: sorted(names) for api, names in roots.items()}


def extract(spec: Mapping[str, Any], roots: list[str]) -> dict[str, Any]:
    """The schemas named in `roots` and all they refer to, without annotations."""
    schemas = spec["components"]["schemas"]
    wanted: list[str] = list(roots)
    kept: dict[str, Any] = {}
    while wanted:
        name = wanted.pop()
        if name in kept:
            continue
        kept[name] = _strip(schemas[name])
        wanted.extend(_references(kept[name]))
    return {
        "info": {"title": spec["info"]["title"], "version": spec["info"]["version"]},
        "components": {"schemas": dict(sorted(kept.items()))},
    }


def bundle(spec_dir: Path, load: Any) -> dict[str, Any]:
    """Everything the runtime needs; `load` reads a YAML file into plain data."""
    roots = roots_per_api()
    return {api: extract(load(spec_dir / SPEC_FILES[api]), roots[api]) for api in SPEC_FILES}


def _strip(node: Any, in_properties: bool = False) -> Any:
    if isinstance(node, dict):
        return {
            key: _strip(value, in_properties=(key == "properties" and not in_properties))
            for key, value in node.items()
            if in_properties or key not in _ANNOTATIONS
        }
    if isinstance(node, list):
        return [_strip(item) for item in node]
    return node


def _references(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [name for value in node.values() for name in _references(value)]
    if isinstance(node, list):
        return [name for item in node for name in _references(item)]
    if isinstance(node, str) and node.startswith(_PREFIX):
        return [node[len(_PREFIX) :]]
    return []


def main(argv: list[str]) -> int:
    import yaml  # a development tool: PyYAML comes with the test extra

    def load(path: Path) -> Any:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

    source, target = Path(argv[0]), Path(argv[1])
    target.mkdir(parents=True, exist_ok=True)
    text = json.dumps(bundle(source, load), indent=1, sort_keys=True, ensure_ascii=False)
    (target / BUNDLE_NAME).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
