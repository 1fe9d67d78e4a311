"""Locates the top-level resources/ folder (fonts, document texts, demo data, ZGW schemas,
the example sociale kaart) wherever Wijkteam runs from.

- a PyInstaller bundle: `resources/` inside the bundle (`sys._MEIPASS`, packaging/wijkteam.spec);
- an installed wheel: `wijkteam/_resources/` (pyproject.toml copies resources/ there);
- a source checkout or an editable install: `resources/` beside the `wijkteam` package.
`WIJKTEAM_RESOURCES` overrides all three (tests, and an administrator's own texts)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

RESOURCES_ENV = "WIJKTEAM_RESOURCES"
PACKAGED = "_resources"  # the folder name inside an installed wheel

# What the app cannot work without, checked by `wijkteam --self-test`.
REQUIRED: tuple[tuple[str, ...], ...] = (
    ("fonts", "DejaVuSans.ttf"),
    ("fonts", "DejaVuSans-Bold.ttf"),
    ("documents", "nl.json"),
    ("documents", "de.json"),
    ("documents", "en.json"),
    ("documents", "handover.json"),
    ("documents", "team.json"),
    ("documents", "logo.png"),
    ("demo", "vaals.json"),
    ("demo", "conversations.json"),
    ("social_map", "vaals_voorbeeld.csv"),
    ("zgw", "request-schemas.json"),
)


def resources_dir() -> Path:
    from_env = os.environ.get(RESOURCES_ENV)
    if from_env:
        return Path(from_env)
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller one-folder bundle
    if bundle:
        return Path(bundle) / "resources"
    package = Path(__file__).resolve().parent
    installed = package / PACKAGED
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def missing_resources() -> list[str]:
    """The required files that are not there, as relative paths (for a message)."""
    return ["/".join(parts) for parts in REQUIRED if not resource(*parts).is_file()]
