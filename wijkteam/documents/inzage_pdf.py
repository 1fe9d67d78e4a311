"""The readable half of an inzage (AVG art. 15, Wmo 2015 art. 5.3.2): every section of the
export as labelled tables, in a font shipped with the app (DejaVu Sans)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from wijkteam.resources import resource

FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"


def _fonts() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(resource("fonts", "DejaVuSans.ttf"))))
        pdfmetrics.registerFont(TTFont(BOLD, str(resource("fonts", "DejaVuSans-Bold.ttf"))))


def write_inzage_pdf(data: dict[str, Any], path: Path) -> None:
    _fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13)
    title = ParagraphStyle("title", fontName=BOLD, fontSize=16, leading=20, spaceAfter=6)
    section = ParagraphStyle("section", fontName=BOLD, fontSize=12, leading=16, spaceBefore=10)
    story: list[Any] = [
        Paragraph("Inzage in uw gegevens", title),
        Paragraph(
            f"Dit overzicht bevat alle gegevens die het wijkteam ({_text(data['team'])}) over u "
            f"bewaart op de laptop, gemaakt op {data['gemaakt_op']}. U hebt recht op dit "
            "overzicht (AVG artikel 15, Wmo 2015 artikel 5.3.2). Het 'protocol' laat zien wie "
            "uw gegevens heeft bekeken of gewijzigd.",
            body,
        ),
        Spacer(1, 4 * mm),
    ]
    for name, content in data["onderdelen"].items():
        story.append(Paragraph(_text(name), section))
        rows = content if isinstance(content, list) else [content]
        if not rows:
            story.append(Paragraph("Geen gegevens.", body))
        for row in rows:
            story.append(_table(row, body))
            story.append(Spacer(1, 2 * mm))
    document = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title="Inzage",
        author="Wijkteam",
    )
    document.build(story)


def _table(row: dict[str, Any], style: ParagraphStyle) -> Table:
    cells = [
        [Paragraph(_text(key.replace("_", " ")), style), Paragraph(_text(_value(value)), style)]
        for key, value in row.items()
    ]
    table = Table(cells, colWidths=[52 * mm, 122 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey),
                ("BACKGROUND", (0, 0), (0, -1), colors.whitesmoke),
            ]
        )
    )
    return table


def _value(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return "; ".join(_value(v) for v in value) or "—"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_value(v)}" for k, v in value.items())
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return str(value)


def _text(text: Any) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
