"""Printed documents: the visit summary for the resident and the handover for a consultant.

Content is plain frozen data (content.py); the texts of the templates live in
resources/documents/ (texts.py); the PDF builders (visit_summary.py, handover.py) import
reportlab only when called, so importing this package costs nothing at start-up.
The inzage export (inzage_pdf.py) builds its PDF here too.

`warm_up()` loads reportlab and the fonts in advance (the dialogs call it off the UI thread).
"""


def warm_up() -> None:
    from wijkteam.documents.pdf_base import warm_up as load

    load()
