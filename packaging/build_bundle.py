"""Build the Wijkteam one-folder bundle with PyInstaller and check it.

    .venv/bin/python packaging/build_bundle.py           # Windows: .venv\\Scripts\\python ...
    .venv/bin/python packaging/build_bundle.py --check   # then the bundle's self-test, demo data

The bundle lands in dist/Wijkteam/ (build files in build/pyinstaller/). After the build this
script checks that none of the team server's packages got in, and prints the bundle's size.
`--check` then runs, on the offscreen Qt platform, `wijkteam --version`, `wijkteam --self-test`
(which also writes an export) and `wijkteam demo-data` in a temporary folder, as an
administrator would try the bundle. Exit code 0 when everything passed.
"""

from __future__ import annotations

import argparse
import ast
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "wijkteam.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "Wijkteam"
SERVER_ONLY = ("wijkteam.server", "fastapi", "starlette", "uvicorn", "psycopg")
DEMO_PASSWORD = "bundel controle 2026"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bouw de Wijkteam-bundel (PyInstaller).")
    parser.add_argument("--check", action="store_true", help="zelftest en demo-gegevens draaien")
    args = parser.parse_args(argv)
    build()
    problems = server_parts_in_bundle()
    if problems:
        print("De bundel bevat onderdelen van de teamserver: " + ", ".join(problems))
        return 1
    print(f"Bundel: {BUNDLE} ({size_mb(BUNDLE):.0f} MB, {count_files(BUNDLE)} bestanden)")
    if args.check:
        return check_bundle()
    return 0


def build() -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK),
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )


def executable(console: bool = True) -> Path:
    if sys.platform.startswith("win"):
        return BUNDLE / ("wijkteam-cmd.exe" if console else "Wijkteam.exe")
    return BUNDLE / "wijkteam"


def bundled_modules() -> set[str]:
    """Every pure-Python module PyInstaller put into the bundle's archive (its PYZ table)."""
    names: set[str] = set()
    for toc in WORK.glob("*/PYZ-*.toc"):
        _collect(ast.literal_eval(toc.read_text(encoding="utf-8")), names)
    return names


def _collect(node: object, names: set[str]) -> None:
    if isinstance(node, tuple) and len(node) == 3 and node[2] == "PYMODULE":
        names.add(str(node[0]))
    elif isinstance(node, (list, tuple)):
        for item in node:
            _collect(item, names)


def is_server_module(name: str) -> bool:
    """A module of the server or its libraries: the package itself or one inside it
    (`wijkteam.server_command`, the light argument parser, is not one)."""
    return any(name == s or name.startswith(s + ".") for s in SERVER_ONLY)


def server_parts_in_bundle() -> list[str]:
    modules = bundled_modules()
    if not modules:
        return ["(geen modulelijst gevonden in build/pyinstaller)"]
    found = {m for m in modules if is_server_module(m)}
    files = {
        str(p.relative_to(BUNDLE))
        for p in BUNDLE.rglob("*")
        if any(part.lower().startswith(SERVER_ONLY) for part in p.relative_to(BUNDLE).parts)
    }
    return sorted(found | files)


def size_mb(folder: Path) -> float:
    """On disk, as `du` counts it: a symbolic link PyInstaller made is not a second copy."""
    return sum(p.lstat().st_size for p in _files(folder)) / 1e6


def count_files(folder: Path) -> int:
    return len(_files(folder))


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]


def check_bundle() -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    program = str(executable())
    steps = [[program, "--version"], [program, "--self-test"]]
    if sys.platform.startswith("linux"):
        # Again with the platform a desktop uses: the bundled xcb plugin must find its system
        # libraries (the self-test loads it, then still starts Qt offscreen).
        steps.append(["env", "QT_QPA_PLATFORM=xcb", program, "--self-test"])
    with tempfile.TemporaryDirectory(prefix="wijkteam-bundel-") as folder:
        data = Path(folder) / "data"
        steps.append([program, "demo-data", "--data-dir", str(data), "--residents", "20"])
        env["WIJKTEAM_PASSPHRASE"] = DEMO_PASSWORD
        for step in steps:
            shown = " ".join(Path(s).name if s == program else s for s in step)
            print(f"$ {shown}", flush=True)
            result = subprocess.run(step, env=env, cwd=folder, timeout=300)
            if result.returncode != 0:
                print(f"Mislukt (code {result.returncode}): {shown}")
                return 1
        if not (data / "wijkteam.db").is_file():
            print("demo-data schreef geen opslag.")
            return 1
    print("De bundel start, doorstaat de zelftest en maakt een demo-opslag.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
