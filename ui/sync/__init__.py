"""Screens for the sync with the municipality: settings, export, push, history."""
