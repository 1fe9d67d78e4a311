"""Where resources/ is found: the variable, a PyInstaller bundle, an installed wheel, a checkout.
(The wheel itself: test_wheel.py; the bundle: packaging/build_bundle.py --check in CI.)"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import wijkteam.resources as resources

ROOT = Path(__file__).resolve().parents[2]


def test_checkout_and_editable_install_use_the_top_level_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(resources.RESOURCES_ENV, raising=False)
    assert resources.resources_dir() == ROOT / "resources"
    assert resources.missing_resources() == []


def test_a_bundle_uses_its_own_copy(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(resources.RESOURCES_ENV, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resources_dir() == tmp_path / "resources"
    assert "fonts/DejaVuSans.ttf" in resources.missing_resources()


def test_an_installed_wheel_uses_the_packaged_copy(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    package = tmp_path / "site-packages" / "wijkteam"
    (package / resources.PACKAGED).mkdir(parents=True)
    monkeypatch.delenv(resources.RESOURCES_ENV, raising=False)
    monkeypatch.setattr(resources, "__file__", str(package / "resources.py"))
    assert resources.resources_dir() == package / "_resources"


def test_the_variable_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", "/elders", raising=False)
    monkeypatch.setenv(resources.RESOURCES_ENV, str(tmp_path))
    assert resources.resource("fonts", "x.ttf") == tmp_path / "fonts" / "x.ttf"
