"""The readable half of an inzage (AVG art. 15, Wmo 2015 art. 5.3.2): the sections of
services/privacy_inzage.py as headings, label/value blocks and tables, on the same A4 pages
as the team's other documents (embedded font, logo, "pagina X van Y")."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from wijkteam.documents.pdf_base import (
    ACCENT,
    RULE,
    SHADE,
    PageSetup,
    Styles,
    build_pdf,
    content_width,
    fact_rows,
    heading,
    make_styles,
    markup,
    table_style,
)
from wijkteam.services.privacy_words import inzage_texts

LABEL_WIDTH = 6.0 * cm
WARNING_SHADE = HexColor("#fff4e0")
WARNING_EDGE = HexColor("#b86e00")


def inzage_pdf(data: dict[str, Any], made_on: date) -> bytes:
    styles = make_styles(10)
    setup = PageSetup(
        team_name=str(data["team"]),
        pdf_title=str(data["titel"]),
        later_pages=f"{data['titel']} · {data['gemaakt_op']}",
        page_label="pagina {page} van {pages}",
        language_tag="nl",
        made_on=made_on,
        footer_size=8.5,
    )
    story: list[Flowable] = [Paragraph(markup(str(data["titel"])), styles.title)]
    story += _warnings(data.get("waarschuwingen") or [], styles)
    story += [Paragraph(markup(str(line)), styles.body) for line in data["inleiding"]]
    for part in data["onderdelen"]:
        story += _section(part, styles, level=0)
    return build_pdf(setup, story)


def write_inzage_pdf(data: dict[str, Any], path: Path, made_on: date) -> None:
    path.write_bytes(inzage_pdf(data, made_on))


def _warnings(lines: list[str], styles: Styles) -> list[Flowable]:
    """What the overview may lack, in a framed box above everything else."""
    if not lines:
        return []
    flow: list[Flowable] = [
        Paragraph(markup(inzage_texts()["warnings"]["heading"]), styles.heading_in_box)
    ]
    flow += [Paragraph(markup(str(line)), styles.body) for line in lines]
    box = Table([[flow]], colWidths=[content_width()])
    box.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), WARNING_SHADE),
                ("BOX", (0, 0), (-1, -1), 1.2, WARNING_EDGE),
                ("LEFTPADDING", (0, 0), (-1, -1), 12),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return [box, Spacer(1, 0.3 * cm)]


def _section(part: dict[str, Any], styles: Styles, level: int) -> list[Flowable]:
    style = [styles.heading, _middle(styles), styles.subheading][min(level, 2)]
    flow: list[Flowable] = []
    if part.get("tabel") is not None:
        flow.append(CondPageBreak(4.5 * cm))  # a heading never alone above its table
    flow += heading(str(part["kop"]), style)
    if part.get("uitleg"):
        flow.append(Paragraph(markup(str(part["uitleg"])), styles.small))
    if part.get("velden"):
        flow += fact_rows([(str(k), str(v)) for k, v in part["velden"]], styles, LABEL_WIDTH)
    if part.get("tabel") is not None:
        flow.append(_table(part["tabel"], styles))
    for sub in part.get("onderdelen", []):
        flow += _section(sub, styles, level + 1)
    if level == 0:
        flow.append(Spacer(1, 0.2 * cm))
    return flow


def _middle(styles: Styles) -> ParagraphStyle:
    """Between a section's heading and an item's: accent colour, a little larger."""
    return ParagraphStyle(
        "middle",
        parent=styles.subheading,
        textColor=ACCENT,
        fontSize=styles.body.fontSize * 1.1,
        leading=styles.body.fontSize * 1.5,
        spaceBefore=10,
    )


def _table(table: dict[str, Any], styles: Styles) -> Flowable:
    columns = [str(c) for c in table["kolommen"]]
    rows = table["rijen"]
    if not rows:
        return Paragraph("Geen.", styles.body)
    head = [Paragraph(markup(c), styles.cell_head) for c in columns]
    body = [[Paragraph(markup(str(v)), styles.cell) for v in row] for row in rows]
    widths = _widths([columns, *[[str(v) for v in row] for row in rows]], styles)
    result = Table([head, *body], repeatRows=1, hAlign="LEFT", colWidths=widths)
    result.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return result


def _widths(cells: list[list[str]], styles: Styles) -> list[float]:
    """Each column at least as wide as its longest word (a word is never split), the first
    (a date, mostly) a little wider; the rest of the page shared by how much each holds."""
    total = content_width()
    count = len(cells[0])
    if count == 1:
        return [total]
    padding = 8 + 2
    style = styles.cell_head

    def width(word: str) -> float:
        return stringWidth(word, style.fontName, style.fontSize) + padding

    least = [max(width(w) for row in cells for w in (row[i].split() or [""])) for i in range(count)]
    if sum(least) > total:
        first = min(4.6 * cm, total / count * 1.3)
        return [first] + [(total - first) / (count - 1)] * (count - 1)
    first = max(least[0], min(4.6 * cm, total / count * 1.3, total - sum(least[1:])))
    widths = [first, *least[1:]]
    held = [sum(len(row[i]) for row in cells) + 1 for i in range(1, count)]
    spare = total - sum(widths)
    if spare > 0:
        for i, amount in enumerate(held, start=1):
            widths[i] += spare * amount / sum(held)
    return widths
