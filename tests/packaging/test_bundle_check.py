"""The bundle check (packaging/build_bundle.py --check) refuses the team server's code and
libraries in the desktop bundle, by module, not by name prefix: the light `wijkteam server`
argument parser the launcher imports is not the server."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "build_bundle.py"


def _check():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_bundle", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.is_server_module


def test_server_modules_are_refused_and_the_command_parser_is_not() -> None:
    is_server = _check()
    for name in ("wijkteam.server", "wijkteam.server.app", "fastapi", "uvicorn.main", "psycopg"):
        assert is_server(name), name
    for name in ("wijkteam.server_command", "wijkteam.cli", "wijkteam.teamsync.client"):
        assert not is_server(name), name
