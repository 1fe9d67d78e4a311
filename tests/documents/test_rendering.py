"""The PDFs render to images in poppler (what most PDF readers and printers on Linux use)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from tests.documents.pdftext import pages_text
from tests.documents.samples import handover, theme, visit_summary
from wijkteam.documents.handover import build_handover_report
from wijkteam.documents.visit_summary import build_visit_summary
from wijkteam.domain.documents import THEME_KEYS
from wijkteam.domain.enums import Language

PDFTOPPM = shutil.which("pdftoppm")


@pytest.mark.skipif(PDFTOPPM is None, reason="pdftoppm (poppler-utils) is not installed")
@pytest.mark.parametrize(
    "name",
    ["bezoekverslag-nl", "bezoekverslag-de", "bezoekverslag-en", "overdrachtsverslag"],
)
def test_every_page_renders_with_ink_on_it(name: str, tmp_path: Path) -> None:
    if name == "overdrachtsverslag":
        pdf = build_handover_report(handover())
    else:
        language = Language(name[-2:])
        pdf = build_visit_summary(visit_summary(language, tuple(theme(k) for k in THEME_KEYS)))
    source = tmp_path / f"{name}.pdf"
    source.write_bytes(pdf)
    assert PDFTOPPM is not None
    subprocess.run(
        [PDFTOPPM, "-r", "40", "-png", str(source), str(tmp_path / "page")],
        check=True,
        capture_output=True,
        timeout=60,
    )
    images = sorted(tmp_path.glob("page*.png"))
    assert len(images) == len(pages_text(pdf))
    for path in images:
        with Image.open(path) as image:
            width, height = image.size
            assert width < height  # portrait A4
            # Text between the header and the footer, not only the page furniture.
            body = image.convert("L").crop((0, height // 8, width, height * 7 // 8))
            inked = sum(body.histogram()[:200])
            assert inked > 40, f"{path.name} has no text"
