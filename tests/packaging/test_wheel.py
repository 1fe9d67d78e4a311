"""The wheel as a municipality's administrator would install it: built from this checkout,
installed (not editable) into a new virtual environment, then used from a folder outside the
source tree: `wijkteam --version`, a demo store made headless, a visit summary PDF rendered
from it, an export for the municipality, and `wijkteam --self-test`. Proves the wheel carries
resources/ (fonts, document texts, demo data, ZGW schemas) and declares every dependency."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import pyzipper
from pypdf import PdfReader

from wijkteam import __version__

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "wiel installatie 2026"

pytestmark = pytest.mark.slow

# Runs inside the new environment: the member's Bezoekverslag of a demo conversation, and the
# example ZGW settings an administrator would enter before the first export.
RENDER = """
import sys
from pathlib import Path
from sqlalchemy import select
from wijkteam.demo.zgw_example import example_settings
from wijkteam.domain.documents import THEME_KEYS
from wijkteam.documents.summary_choices import SummaryChoices, compose_summary
from wijkteam.documents.visit_summary import build_visit_summary
from wijkteam.domain.enums import Language
from wijkteam.wiring.headless import open_headless, passphrase_from_environment
from wijkteam.security.state import store_state
from wijkteam.store.models import Contact

data = Path(sys.argv[1])
services = open_headless(data, store_state(data), passphrase_from_environment()).services
store = services.store
with store.transaction() as session:
    report_id = session.scalars(select(Contact.report_id).order_by(Contact.id)).first()
draft = services.documents.visit_summary_draft(report_id)
choices = SummaryChoices(Language.DUTCH, themes=THEME_KEYS, decision="Zij probeert het koor.")
Path(sys.argv[2]).write_bytes(build_visit_summary(compose_summary(draft, choices)))
services.export.settings.save(example_settings())
store.close()
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wiel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work), str(ROOT)],
        check=True,
        timeout=600,
    )
    (wheel,) = work.glob("wijkteam-*.whl")
    environment = work / "venv"
    venv.EnvBuilder(with_pip=True).create(environment)
    subprocess.run(
        [str(environment / "bin" / "pip"), "install", "-q", str(wheel)], check=True, timeout=900
    )
    return environment


def run(environment: Path, *args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "WIJKTEAM_RESOURCES")}
    return subprocess.run(
        [str(environment / "bin" / args[0]), *args[1:]],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**clean, "QT_QPA_PLATFORM": "offscreen", **env},
        timeout=300,
    )


def test_installed_wheel_runs_with_its_resources(installed: Path, tmp_path: Path) -> None:
    version = run(installed, "wijkteam", "--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.strip() == f"Wijkteam {__version__}"

    where = run(
        installed,
        "python",
        "-c",
        "import json, wijkteam, wijkteam.resources as r;"
        "print(json.dumps([wijkteam.__file__, str(r.resources_dir()), r.missing_resources()]))",
        cwd=tmp_path,
    )
    package, resources, missing = json.loads(where.stdout)
    assert package.startswith(str(installed)) and not package.startswith(str(ROOT))
    assert resources == str(Path(package).parent / "_resources")
    assert missing == []

    data = tmp_path / "data"
    secret = {"WIJKTEAM_PASSPHRASE": PASSWORD, "WIJKTEAM_EXPORT_PASSPHRASE": PASSWORD}
    demo = run(installed, "wijkteam", "demo-data", "--data-dir", str(data), cwd=tmp_path, **secret)
    assert demo.returncode == 0, demo.stderr
    assert "Demo-gegevens toegevoegd: 60 inwoners" in demo.stdout

    script = tmp_path / "render.py"
    script.write_text(RENDER, encoding="utf-8")
    pdf = tmp_path / "bezoekverslag.pdf"
    rendered = run(installed, "python", str(script), str(data), str(pdf), cwd=tmp_path, **secret)
    assert rendered.returncode == 0, rendered.stderr
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Verslag van ons gesprek" in text and "Zij probeert het koor." in text
    assert b"DejaVuSans" in pdf.read_bytes()  # the font from the wheel, embedded

    archive = tmp_path / "export.zip"
    exported = run(
        installed, "wijkteam", "export", "--data-dir", str(data), "--out", str(archive),
        cwd=tmp_path, **secret,
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    with pyzipper.AESZipFile(archive) as opened:
        opened.setpassword(PASSWORD.encode())
        manifest = json.loads(opened.read("manifest.json"))
    assert sum(manifest["counts"].values()) > 60

    selftest = run(installed, "wijkteam", "--self-test", cwd=tmp_path)
    assert selftest.returncode == 0, selftest.stdout + selftest.stderr
    assert f"in {resources}" in selftest.stdout
