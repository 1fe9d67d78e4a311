"""`wijkteam --self-test` through the real entry point, passing and failing as a user sees it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wijkteam.resources import resources_dir
from wijkteam.store.revisions import head_revision

pytestmark = pytest.mark.slow


def self_test(tmp_path: Path, *extra: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Runs `python -m ui --self-test` with its temporary files under tmp_path/tmp."""
    temp = tmp_path / "tmp"
    temp.mkdir(exist_ok=True)
    environment = {**os.environ, "TMPDIR": str(temp), "TEMP": str(temp), **env}
    return subprocess.run(
        [sys.executable, "-m", "ui", "--self-test", *extra],
        capture_output=True,
        text=True,
        env=environment,
        cwd=tmp_path,
        timeout=120,
    )


def test_passes_and_leaves_nothing_behind(tmp_path: Path) -> None:
    result = self_test(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Zelftest van Wijkteam ")
    assert [line[:4] for line in lines[1:8]] == ["OK  "] * 7
    assert f"schema {head_revision()}" in result.stdout
    assert "Nederlandse teksten; hoofdvenster getoond" in result.stdout
    assert lines[-1] == "Zelftest geslaagd."
    assert list((tmp_path / "tmp").iterdir()) == []  # the store and its key file are gone


def test_missing_font_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "resources"
    shutil.copytree(resources_dir(), broken)
    (broken / "fonts" / "DejaVuSans-Bold.ttf").unlink()
    result = self_test(tmp_path, WIJKTEAM_RESOURCES=str(broken))
    assert result.returncode == 1
    assert (
        "FOUT  Hulpbestanden (lettertypen, teksten, schema's): lettertype ontbreekt: "
        f"fonts/DejaVuSans-Bold.ttf (gezocht in {broken})"
    ) in result.stdout
    assert "FOUT  PDF maken" in result.stdout
    assert result.stdout.splitlines()[-1] == "Zelftest mislukt: 2 van de 7 controles."
    assert "Traceback" not in result.stdout + result.stderr


def test_missing_document_texts_are_named(tmp_path: Path) -> None:
    broken = tmp_path / "resources"
    shutil.copytree(resources_dir(), broken)
    (broken / "documents" / "de.json").unlink()
    (broken / "zgw" / "request-schemas.json").unlink()
    result = self_test(tmp_path, WIJKTEAM_RESOURCES=str(broken))
    assert result.returncode == 1
    assert "ontbreekt: documents/de.json, zgw/request-schemas.json" in result.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF shared libraries")
def test_unusable_system_library_of_the_platform_plugin_is_named(tmp_path: Path) -> None:
    # A damaged libxcb-cursor.so.0 found first, as on a machine where the library is broken;
    # the xcb plugin needs it (Qt >= 6.5), offscreen does not.
    libs = tmp_path / "libs"
    libs.mkdir()
    (libs / "libxcb-cursor.so.0").write_bytes(b"geen bibliotheek")
    result = self_test(tmp_path, LD_LIBRARY_PATH=str(libs), QT_QPA_PLATFORM="xcb")
    assert result.returncode == 1
    assert (
        "FOUT  Qt-programma starten (offscreen): de Qt-platformbibliotheek 'xcb' kan niet "
        "laden: systeembibliotheek libxcb-cursor.so.0 ontbreekt of is onbruikbaar "
        "(Debian/Ubuntu: sudo apt-get install libxcb-cursor0)."
    ) in result.stdout
    assert result.stdout.count("OK    ") == 6


def test_missing_platform_plugin_is_named(tmp_path: Path) -> None:
    result = self_test(tmp_path, QT_QPA_PLATFORM="nietbestaand")
    assert result.returncode == 1
    assert "de Qt-platformbibliotheek 'nietbestaand' ontbreekt (gezocht in " in result.stdout


def test_report_to_a_file(tmp_path: Path) -> None:
    report = tmp_path / "verslag.txt"
    result = self_test(tmp_path, str(report))
    assert result.returncode == 0
    assert result.stdout == ""
    assert report.read_text(encoding="utf-8").splitlines()[-1] == "Zelftest geslaagd."
