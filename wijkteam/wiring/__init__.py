"""The composition root: the only place that knows every part and builds them over one
store (services, sync, documents, security). cli, the team server and ui start here.

`Services` loads the whole core (SQLAlchemy, every service) on first use, so that the light
parts of this package (access.py, what the sign-in screen needs) cost nothing at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wijkteam.wiring.services import Services


def __getattr__(name: str) -> Any:
    if name == "Services":
        from wijkteam.wiring.services import Services

        return Services
    raise AttributeError(name)


__all__ = ["Services"]
