"""Reading PDFs back as a person's PDF reader would: text per page."""

from __future__ import annotations

import io

from pypdf import PdfReader


def pages_text(pdf: bytes) -> list[str]:
    return [
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages
    ]


def all_text(pdf: bytes) -> str:
    return " ".join(pages_text(pdf))
