"""The composition root: the only place that knows every part and builds them over one
store (services, sync, documents, security). cli, the team server and ui start here."""

from wijkteam.wiring.services import Services

__all__ = ["Services"]
