from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import Enum
from sqlalchemy.orm import mapped_column


def enum_column(enum: type[StrEnum], **kwargs: Any) -> Any:
    """A StrEnum stored as its value in a plain VARCHAR, without a CHECK constraint,
    so that adding a member (e.g. a new status) needs no migration."""
    return mapped_column(
        Enum(
            enum,
            native_enum=False,
            create_constraint=False,
            length=32,
            values_callable=lambda members: [m.value for m in members],
        ),
        **kwargs,
    )
