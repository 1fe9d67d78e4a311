"""The Qt interface. Imports `wijkteam`; `wijkteam` never imports this package."""
