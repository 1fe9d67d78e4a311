"""Every module here registers its sources on import (see ../sources.py). Within a kind,
sources run in this order: the meldingen' zaken before the Wmo zaken that refer to them."""

from wijkteam.sync.export.collectors import (
    cases,  # noqa: F401
    contacts,  # noqa: F401
    documents,  # noqa: F401
    referrals,  # noqa: F401
)
