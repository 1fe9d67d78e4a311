"""Pure mapping from the team's work to ZGW resources (Zaken API 1.5.1, Documenten API 1.4.2).

No I/O here: functions take small frozen data classes (data.py) and the configuration
(config.py) and return `Resource`s whose bodies are what one would POST to the ZGW API.
"""

from wijkteam.sync.zgw.resources import KIND_ORDER, Resource, ResourceKind

__all__ = ["KIND_ORDER", "Resource", "ResourceKind"]
