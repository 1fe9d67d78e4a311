"""Bestand › Meldingen importeren…: choose a file, review it, import it."""
