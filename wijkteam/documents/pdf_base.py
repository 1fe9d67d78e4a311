"""What both PDFs share: the embedded font, A4 pages with the team's logo and name, page
numbers "pagina X van Y", and paragraphs made safely from text people typed."""

from __future__ import annotations

import io
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from wijkteam.documents.texts import logo_path
from wijkteam.resources import resource

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
INK = HexColor("#1f2933")
MUTED = HexColor("#52606d")
ACCENT = HexColor("#24455c")
RULE = HexColor("#bcccdc")
SHADE = HexColor("#eef4fa")
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 2.2 * cm
FOOTER_Y = 1.3 * cm

# Characters reportlab cannot put in a paragraph (C0 controls other than tab and newline).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n\s*\n")


# The dialogs warm up on a worker thread while a document may be built on another.
_LOADING = threading.Lock()


@cache
def register_fonts() -> None:
    """DejaVu Sans from resources/fonts, embedded (subset) in every PDF, so accents, ß, €
    look the same on every PC. <b> in a paragraph picks the bold face."""
    pdfmetrics.registerFont(TTFont(FONT, str(resource("fonts", "DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource("fonts", "DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


@cache
def _logo() -> ImageReader:
    return ImageReader(str(logo_path()))


def markup(text: str) -> str:
    """Typed text as paragraph markup: XML specials escaped, control characters dropped,
    line breaks kept."""
    clean = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return escape(clean.replace("\t", "    ")).replace("\n", "<br/>")


def heading(text: str, style: ParagraphStyle) -> list[Flowable]:
    """A heading that starts a new page when fewer than three lines would follow it.
    (keepWithNext would push a heading and a long note together onto the next page.)"""
    room = style.spaceBefore + style.leading + 3 * style.leading / 1.25
    return [CondPageBreak(room), Paragraph(markup(text), style)]


def section(title: str, style: ParagraphStyle, body: list[Flowable]) -> list[Flowable]:
    """A heading with a short block (e.g. a table) that is kept on one page. (`body` must
    not hold a KeepTogether itself: reportlab then breaks the page before every section.)"""
    room = style.spaceBefore + style.leading + 3 * style.leading / 1.25
    return [CondPageBreak(room), KeepTogether([Paragraph(markup(title), style), *body])]


def paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    """One Paragraph per block of typed text (split on blank lines), so long notes break
    across pages between blocks as well as inside them."""
    blocks = [b.strip() for b in _BLANK_LINES.split(text.strip())]
    return [Paragraph(markup(block), style) for block in blocks if block]


@dataclass(frozen=True)
class Styles:
    """The type sizes of one document (the resident's copy is larger than the handover)."""

    body: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    heading_in_box: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle


def make_styles(body_size: float) -> Styles:
    warm_up()
    leading = body_size * 1.45
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=body_size, leading=leading, textColor=INK, spaceAfter=6
    )
    return Styles(
        body=body,
        title=ParagraphStyle(
            "title",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=body_size * 1.7,
            leading=body_size * 2.1,
            textColor=ACCENT,
            spaceAfter=8,
        ),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=body_size * 1.25,
            leading=body_size * 1.6,
            textColor=ACCENT,
            spaceBefore=14,
            spaceAfter=6,
        ),
        heading_in_box=ParagraphStyle(
            "heading_in_box",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=body_size * 1.25,
            leading=body_size * 1.6,
            textColor=ACCENT,
            spaceAfter=4,
        ),
        subheading=ParagraphStyle(
            "subheading",
            parent=body,
            fontName=FONT_BOLD,
            spaceBefore=6,
            spaceAfter=2,
        ),
        small=ParagraphStyle(
            "small",
            parent=body,
            fontSize=body_size * 0.85,
            leading=body_size * 1.2,
            textColor=MUTED,
        ),
        cell=ParagraphStyle("cell", parent=body, spaceAfter=0),
        cell_head=ParagraphStyle("cell_head", parent=body, fontName=FONT_BOLD, spaceAfter=0),
    )


class NumberedCanvas(Canvas):
    """Holds back every page until the end, so each footer can say "pagina X van Y"."""

    def __init__(
        self, *args: Any, page_label: str, footer_left: str, footer_size: float, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._page_label = page_label
        self._footer_left = footer_left
        self._footer_size = footer_size
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.6)
        self.line(MARGIN_X, FOOTER_Y + 0.55 * cm, PAGE_WIDTH - MARGIN_X, FOOTER_Y + 0.55 * cm)
        self.setFont(FONT, self._footer_size)
        self.setFillColor(MUTED)
        self.drawString(MARGIN_X, FOOTER_Y, self._footer_left)
        label = self._page_label.format(page=number, pages=total)
        self.drawRightString(PAGE_WIDTH - MARGIN_X, FOOTER_Y, label)
        self.restoreState()


@dataclass(frozen=True)
class PageSetup:
    """What the page furniture says. No personal data: it is also the PDF's metadata."""

    team_name: str
    pdf_title: str
    later_pages: str  # the small header on page 2 and further
    page_label: str  # "pagina {page} van {pages}"
    language_tag: str
    made_on: date
    footer_size: float


def _first_header(setup: PageSetup) -> Callable[[Canvas, BaseDocTemplate], None]:
    def draw(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        size = 1.9 * cm
        top = PAGE_HEIGHT - 1.4 * cm
        canvas.drawImage(_logo(), MARGIN_X, top - size, size, size, mask="auto")
        canvas.setFont(FONT_BOLD, 17)
        canvas.setFillColor(ACCENT)
        canvas.drawString(MARGIN_X + size + 0.4 * cm, top - size / 2 - 6, setup.team_name)
        _rule(canvas, top - size - 0.35 * cm, ACCENT, 1.2)
        canvas.restoreState()

    return draw


def _later_header(setup: PageSetup) -> Callable[[Canvas, BaseDocTemplate], None]:
    def draw(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        size = 0.9 * cm
        top = PAGE_HEIGHT - 1.2 * cm
        canvas.drawImage(_logo(), MARGIN_X, top - size, size, size, mask="auto")
        canvas.setFont(FONT, setup.footer_size)
        canvas.setFillColor(MUTED)
        canvas.drawString(MARGIN_X + size + 0.3 * cm, top - size / 2 - 4, setup.later_pages)
        _rule(canvas, top - size - 0.25 * cm, RULE, 0.6)
        canvas.restoreState()

    return draw


def _rule(canvas: Canvas, y: float, color: Color, width: float) -> None:
    canvas.setStrokeColor(color)
    canvas.setLineWidth(width)
    canvas.line(MARGIN_X, y, PAGE_WIDTH - MARGIN_X, y)


def build_pdf(setup: PageSetup, story: list[Flowable]) -> bytes:
    """Lays out `story` on A4 pages and returns the PDF. The same content gives the same
    bytes (reportlab's invariant mode; the creation date is the content's own date)."""
    warm_up()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=2.2 * cm,
        bottomMargin=2.4 * cm,
        title=setup.pdf_title,
        author=setup.team_name,
        creator="Wijkteam",
        lang=setup.language_tag,
        initialFontName=FONT,
        invariant=1,
    )
    width = PAGE_WIDTH - 2 * MARGIN_X
    first_top = PAGE_HEIGHT - 4.0 * cm
    later_top = PAGE_HEIGHT - 2.6 * cm
    bottom = 2.4 * cm
    doc.addPageTemplates(
        [
            PageTemplate(
                "first",
                [
                    Frame(
                        MARGIN_X,
                        bottom,
                        width,
                        first_top - bottom,
                        id="f",
                        leftPadding=0,
                        rightPadding=0,
                        topPadding=0,
                        bottomPadding=0,
                    )
                ],
                onPage=_first_header(setup),
            ),
            PageTemplate(
                "later",
                [
                    Frame(
                        MARGIN_X,
                        bottom,
                        width,
                        later_top - bottom,
                        id="l",
                        leftPadding=0,
                        rightPadding=0,
                        topPadding=0,
                        bottomPadding=0,
                    )
                ],
                onPage=_later_header(setup),
            ),
        ]
    )
    made = setup.made_on
    stamp = f"D:{made.year:04d}{made.month:02d}{made.day:02d}000000"

    def canvas_maker(*args: Any, **kwargs: Any) -> NumberedCanvas:
        canvas = NumberedCanvas(
            *args,
            page_label=setup.page_label,
            footer_left=setup.team_name,
            footer_size=setup.footer_size,
            **kwargs,
        )
        canvas.setDateFormatter(lambda *_parts: stamp)
        return canvas

    doc.build([NextPageTemplate("later"), *story], canvasmaker=canvas_maker)
    return buffer.getvalue()


def content_width() -> float:
    return PAGE_WIDTH - 2 * MARGIN_X


LONG_VALUE = 600  # characters; longer values leave the table so they can break across pages


def table_style(commands: list[tuple[Any, ...]]) -> TableStyle:
    """A table style whose cells use the embedded font (reportlab's default is Helvetica,
    which is not embedded)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])


def fact_rows(rows: list[tuple[str, str]], styles: Styles, label_width: float) -> list[Flowable]:
    """Label/value pairs as a two-column table. A table row cannot break across pages, so a
    long value is set as a label above paragraphs instead."""
    flow: list[Flowable] = []
    pending: list[tuple[str, str]] = []

    def flush() -> None:
        if pending:
            flow.append(_label_table(pending, styles, label_width))
            pending.clear()

    for label, value in rows:
        if len(value) <= LONG_VALUE:
            pending.append((label, value))
            continue
        flush()
        flow.extend(heading(label, styles.subheading))
        flow.extend(paragraphs(value, styles.body))
    flush()
    return flow


def _label_table(rows: list[tuple[str, str]], styles: Styles, label_width: float) -> Flowable:
    data = [
        [Paragraph(markup(label), styles.cell_head), Paragraph(markup(value), styles.cell)]
        for label, value in rows
    ]
    table = Table(data, colWidths=[label_width, content_width() - label_width], hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def warm_up() -> None:
    """Loads reportlab, the fonts and the logo ahead of the first document (about a quarter
    of a second), so the member's click only pays for the document itself."""
    with _LOADING:
        register_fonts()
        _logo()
