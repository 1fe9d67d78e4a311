"""Sync with the municipal case system (ZGW): importing new meldingen, exporting the work."""
