"""PDF documents built with reportlab from plain data (no Qt)."""
