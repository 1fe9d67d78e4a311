"""Every module here registers its sources on import (see ../sources.py)."""

from wijkteam.sync.export.collectors import (
    cases,  # noqa: F401
    contacts,  # noqa: F401
    documents,  # noqa: F401
)
