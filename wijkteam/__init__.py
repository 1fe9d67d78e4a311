"""Wijkteam: the headless core (domain, store, services). Never imports Qt widgets or `ui`."""

__version__ = "0.1.0"
