"""Sync with the municipality's case system (ZGW APIs): export of the team's work, import of
new meldingen."""
