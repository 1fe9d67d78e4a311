"""Which schema revisions this version knows, without importing Alembic (keeps start-up fast).

Migration files are named `NNNN_slug.py` and their revision id is `NNNN`; a test checks it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

VERSIONS_DIR = Path(__file__).parent / "migrations" / "versions"


@cache
def known_revisions() -> frozenset[str]:
    return frozenset(p.name[:4] for p in VERSIONS_DIR.glob("[0-9][0-9][0-9][0-9]_*.py"))


def head_revision() -> str:
    return max(known_revisions())
