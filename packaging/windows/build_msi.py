"""Build the Wijkteam MSI from a Windows bundle folder (dist/Wijkteam made on Windows by
packaging/build_bundle.py), with wixl from msitools (Debian: `apt-get install wixl`).

    python packaging/windows/build_msi.py --bundle dist/Wijkteam
    # writes dist/Wijkteam-<version>.msi

wixl runs on Linux, so the MSI can be made on a Linux build host from a bundle built on
Windows (PyInstaller cannot cross-build). On Windows with WiX 3 instead, packaging/WINDOWS.md
gives the same steps with heat, candle and light.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

WXS = Path(__file__).with_name("wijkteam.wxs")
COMPONENT_GROUP = "BundleFiles"


def msi_version(version: str) -> str:
    """MSI wants up to three numbers (major < 256, minor < 256, build < 65536):
    0.2.0 stays 0.2.0, 1.4 becomes 1.4.0, 1.5.0rc1 becomes 1.5.0."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:3]]
    numbers += [0] * (3 - len(numbers))
    major, minor, build = numbers
    if major > 255 or minor > 255 or build > 65535:
        raise SystemExit(f"Versie {version} past niet in een MSI-versie.")
    return f"{major}.{minor}.{build}"


def build_msi(bundle: Path, out: Path, version: str, work: Path) -> Path:
    if not (bundle / "Wijkteam.exe").is_file():
        raise SystemExit(f"{bundle} is geen Windows-bundel (Wijkteam.exe ontbreekt).")
    for tool in ("wixl", "wixl-heat"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} ontbreekt (Debian/Ubuntu: sudo apt-get install wixl).")
    work.mkdir(parents=True, exist_ok=True)
    files = sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file())
    prefix = "bundle/"
    listing = subprocess.run(
        [
            "wixl-heat",
            "--prefix",
            prefix,
            "--component-group",
            COMPONENT_GROUP,
            "--var",
            "var.SourceDir",
            "--directory-ref",
            "INSTALLDIR",
            "--win64",
        ],
        input="".join(f"{prefix}{name}\n" for name in files),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    fragment = work / "bundle-files.wxs"
    fragment.write_text(listing, encoding="utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "wixl",
            "--arch",
            "x64",
            "--define",
            "SourceDir=.",  # wixl takes relative sources only: it runs inside the bundle
            "--define",
            f"Version={msi_version(version)}",
            "--define",
            "Win64=yes",
            "--output",
            str(out.resolve()),
            str(WXS),
            str(fragment.resolve()),
        ],
        check=True,
        cwd=bundle,
    )
    return out


def main(argv: list[str] | None = None) -> int:
    from wijkteam import __version__

    parser = argparse.ArgumentParser(description="Maak het Wijkteam-MSI van een Windows-bundel.")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "Wijkteam")
    parser.add_argument("--version", default=__version__)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    out = args.out or ROOT / "dist" / f"Wijkteam-{msi_version(args.version)}.msi"
    built = build_msi(args.bundle.resolve(), out, args.version, ROOT / "build" / "msi")
    print(f"MSI: {built} ({built.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
