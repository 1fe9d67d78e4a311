"""Locates the top-level resources/ folder (source checkout, editable install, or a bundle)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

RESOURCES_ENV = "WIJKTEAM_RESOURCES"


def resources_dir() -> Path:
    from_env = os.environ.get(RESOURCES_ENV)
    if from_env:
        return Path(from_env)
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller one-folder bundle
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
