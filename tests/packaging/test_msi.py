"""The Windows MSI recipe, built with wixl (msitools) from a stand-in bundle folder and read
back with msiinfo: per-machine, a stable upgrade code, major upgrades, the start-menu entry.
The real bundle needs a Windows machine (packaging/WINDOWS.md); the recipe does not."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UPGRADE_CODE = "{8F3C1D52-6B0A-4E27-9C4D-2A7E5B913F60}"  # never change: upgrades rely on it

if shutil.which("wixl") is None or shutil.which("msiinfo") is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI installs wixl and msitools (.ci/run); they are missing")
    pytest.skip("wixl/msiinfo missing (apt-get install wixl msitools)", allow_module_level=True)

pytestmark = pytest.mark.slow


def _load_builder():  # packaging/ is not a Python package (the name belongs to PyPI's)
    spec = importlib.util.spec_from_file_location(
        "build_msi", ROOT / "packaging" / "windows" / "build_msi.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_msi = _load_builder()


def fake_bundle(folder: Path) -> Path:
    bundle = folder / "Wijkteam"
    for name in (
        "Wijkteam.exe",
        "wijkteam-cmd.exe",
        "_internal/python311.dll",
        "_internal/resources/fonts/DejaVuSans.ttf",
        "_internal/resources/documents/nl.json",
        "_internal/wijkteam/store/migrations/versions/0001_initial_schema.py",
    ):
        path = bundle / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(f"stand-in for {name}\n".encode())
    return bundle


def table(msi: Path, name: str) -> list[dict[str, str]]:
    text = subprocess.run(
        ["msiinfo", "export", str(msi), name], capture_output=True, text=True, check=True
    ).stdout
    lines = text.splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=False)) for line in lines[3:]]


def properties(msi: Path) -> dict[str, str]:
    return {row["Property"]: row["Value"] for row in table(msi, "Property")}


def make(tmp_path: Path, version: str) -> Path:
    bundle = fake_bundle(tmp_path / version)
    return build_msi.build_msi(bundle, tmp_path / f"w-{version}.msi", version, tmp_path / "work")


def test_msi_installs_per_machine_with_a_stable_upgrade_code(tmp_path: Path) -> None:
    first, second = make(tmp_path, "0.1.0"), make(tmp_path, "0.2.0rc1")
    one, two = properties(first), properties(second)
    assert one["UpgradeCode"] == two["UpgradeCode"] == UPGRADE_CODE
    assert one["ProductCode"] != two["ProductCode"]  # each release its own product
    assert (one["ProductVersion"], two["ProductVersion"]) == ("0.1.0", "0.2.0")
    assert one["ALLUSERS"] == "1"  # per machine
    assert one["ProductLanguage"] == "1043"
    assert one["ProductName"] == "Wijkteam"


def test_msi_replaces_older_versions_and_refuses_a_downgrade(tmp_path: Path) -> None:
    msi = make(tmp_path, "0.3.0")
    upgrades = {row["ActionProperty"]: row for row in table(msi, "Upgrade")}
    assert upgrades["WIX_UPGRADE_DETECTED"]["VersionMax"] == "0.3.0"
    assert upgrades["WIX_DOWNGRADE_DETECTED"]["VersionMin"] == "0.3.0"
    actions = {row["Action"] for row in table(msi, "InstallExecuteSequence")}
    assert {"FindRelatedProducts", "RemoveExistingProducts"} <= actions


def test_msi_puts_the_bundle_in_program_files_and_a_start_menu_entry(tmp_path: Path) -> None:
    msi = make(tmp_path, "0.1.0")
    directories = {row["Directory"]: row for row in table(msi, "Directory")}
    assert directories["INSTALLDIR"]["Directory_Parent"] == "ProgramFiles64Folder"
    assert directories["INSTALLDIR"]["DefaultDir"] == "Wijkteam"
    files = {row["FileName"] for row in table(msi, "File")}
    assert {"Wijkteam.exe", "wijkteam-cmd.exe", "DejaVuSans.ttf", "0001_initial_schema.py"} <= {
        name.split("|")[-1] for name in files
    }
    (shortcut,) = table(msi, "Shortcut")
    assert shortcut["Directory_"] == "ProgramMenuFolder"
    assert shortcut["Target"] == "[INSTALLDIR]Wijkteam.exe"
    # Nothing of the user's data: the app keeps it in the profile, the MSI never touches it.
    assert not any("AppData" in row["DefaultDir"] for row in directories.values())


def test_msi_version_numbers() -> None:
    assert build_msi.msi_version("0.1.0") == "0.1.0"
    assert build_msi.msi_version("1.4") == "1.4.0"
    assert build_msi.msi_version("1.5.0rc1") == "1.5.0"
    with pytest.raises(SystemExit):
        build_msi.msi_version("300.0.0")


def test_a_linux_bundle_is_refused(tmp_path: Path) -> None:
    (tmp_path / "Wijkteam").mkdir()
    (tmp_path / "Wijkteam" / "wijkteam").write_text("ELF")
    with pytest.raises(SystemExit, match="geen Windows-bundel"):
        build_msi.build_msi(tmp_path / "Wijkteam", tmp_path / "x.msi", "0.1.0", tmp_path / "w")
