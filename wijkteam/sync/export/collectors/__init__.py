"""The functions that read the store's tables into ZGW resources. Which of them an export
runs, and in which order, is the list the wiring passes in (wijkteam/wiring/export.py)."""
