"""Importing new meldingen from the municipality: CSV from Excel, or JSON in ZGW shapes.

The flow: `intake` reads and checks the raw bytes (size, binary, ZIP, encoding), a parser
turns the text into raw records (`csv_parser`, `json_parser`), `validate` checks every field
with the app's own rules, and `service.ImportService` matches residents and writes everything
in one transaction. The format is described in docs/import-format.md.
"""
