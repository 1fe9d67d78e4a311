"""The bezoekverslag for the resident: A4, large type, plain words in their language."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from wijkteam.documents.closing import close_with
from wijkteam.documents.pdf_base import (
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
    paragraphs,
    table_style,
)
from wijkteam.documents.texts import DocumentTexts, summary_texts
from wijkteam.domain.documents import Actor, NextContact, NextStep, VisitSummary
from wijkteam.domain.enums import Language
from wijkteam.validation.rules import format_phone

BODY_SIZE = 13  # large, readable type for the resident's copy


def build_visit_summary(content: VisitSummary) -> bytes:
    """The resident's summary as PDF bytes. Pure: the same content gives the same bytes."""
    texts = summary_texts(content.language)
    styles = make_styles(BODY_SIZE)
    setup = PageSetup(
        team_name=content.team.name,
        pdf_title=texts.text("document.pdf_title"),
        later_pages=texts.text("document.later_pages", date=texts.long_date(content.visit_date)),
        page_label=texts.text("footer.page"),
        language_tag=texts.language_tag,
        made_on=content.made_on or content.visit_date,
        footer_size=11,
    )
    return build_pdf(setup, _story(content, texts, styles))


def _story(content: VisitSummary, texts: DocumentTexts, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph(markup(texts.text("document.title")), styles.title),
        *_facts(content, texts, styles),
        Spacer(1, 0.3 * cm),
        Paragraph(markup(texts.text("document.intro")), styles.body),
    ]
    themes = [t for t in content.themes if t.text.strip()]
    if themes:
        story.extend(heading(texts.text("headings.themes"), styles.heading))
        for theme in themes:
            name = texts.text(f"themes.{theme.key}")
            story.extend(heading(name, styles.subheading))
            story.extend(paragraphs(theme.text, styles.body))
    if content.decision.strip():
        story.extend(heading(texts.text("headings.decision"), styles.heading))
        story.extend(paragraphs(content.decision, styles.body))
    if content.next_steps:
        story.extend(heading(texts.text("headings.steps"), styles.heading))
        story.append(_steps_table(content, texts, styles))
    if not content.next_contact.is_empty:
        story.append(
            KeepTogether(
                [
                    Paragraph(markup(texts.text("headings.next_contact")), styles.heading),
                    *_next_contact(content.next_contact, content.member.name, texts, styles),
                ]
            )
        )
    return close_with(story, _contact(content, texts, styles))


def _facts(content: VisitSummary, texts: DocumentTexts, styles: Styles) -> list[Flowable]:
    rows = []
    if content.resident_name:
        rows.append((texts.text("document.for"), content.resident_name))
    rows.append((texts.text("document.visit_date"), texts.long_date(content.visit_date)))
    member = texts.text("document.member_of_team", name=content.member.name, team=content.team.name)
    rows.append((texts.text("document.member"), member))
    return fact_rows(rows, styles, 4.2 * cm)


def _steps_table(content: VisitSummary, texts: DocumentTexts, styles: Styles) -> Table:
    header = [
        Paragraph(markup(texts.text(f"steps.{key}")), styles.cell_head)
        for key in ("what", "who", "when")
    ]
    rows = [header]
    for step in content.next_steps:
        if step.done_on is not None:
            when = texts.text("steps.done", date=texts.long_date(step.done_on))
        elif step.when is not None:
            when = texts.long_date(step.when)
        else:
            when = texts.text("steps.no_date")
        rows.append(
            [
                Paragraph(markup(step.what), styles.cell),
                Paragraph(markup(_actor(step, content.member.name, texts)), styles.cell),
                Paragraph(markup(when), styles.cell),
            ]
        )
    width = content_width()
    table = Table(rows, colWidths=[width * 0.44, width * 0.25, width * 0.31], repeatRows=1)
    style = _plain_table()
    style.add("LINEBELOW", (0, 0), (-1, -1), 0.6, RULE)
    table.setStyle(style)
    return table


def _actor(step: NextStep, member_name: str, texts: DocumentTexts) -> str:
    name = step.who_name or (member_name if step.who is Actor.MEMBER else None)
    if name:
        return texts.text(f"actors_named.{step.who.value}", name=name)
    return texts.text(f"actors.{step.who.value}")


def _next_contact(
    contact: NextContact, member_name: str, texts: DocumentTexts, styles: Styles
) -> list[Flowable]:
    lines: list[Flowable] = []
    if contact.on is not None:
        day = texts.long_date(contact.on)
        sentence = (
            texts.text("next_contact.on_date_time", date=day, time=texts.clock_time(contact.at))
            if contact.at is not None
            else texts.text("next_contact.on_date", date=day)
        )
        lines.append(Paragraph(markup(sentence), styles.body))
    if contact.channel is not None:
        how = texts.text(f"next_contact.channels.{contact.channel.value}", name=member_name)
        lines.append(Paragraph(markup(how), styles.body))
    lines.extend(paragraphs(contact.note, styles.body))
    return lines


def _contact(content: VisitSummary, texts: DocumentTexts, styles: Styles) -> list[Flowable]:
    """A shaded box at the end: who to call with a question."""
    member, team = content.member, content.team
    flow: list[Flowable] = [
        Paragraph(markup(texts.text("headings.contact")), styles.heading_in_box),
        Paragraph(markup(texts.text("contact.intro", name=member.name)), styles.body),
    ]
    reach = []
    if member.phone:
        phone = printed_phone(member.phone, content.language)
        reach.append(f"<b>{markup(texts.text('contact.phone'))}:</b> {markup(phone)}")
    if member.email:
        reach.append(f"<b>{markup(texts.text('contact.email'))}:</b> {markup(member.email)}")
    if reach:
        flow.append(Paragraph("<br/>".join(reach), styles.body))
    if team.phone:
        flow.append(
            Paragraph(
                f"{markup(texts.text('contact.team'))}: {markup(team.name)}, "
                f"{markup(printed_phone(team.phone, content.language))}",
                styles.body,
            )
        )
    box = Table([[flow]], colWidths=[content_width()])
    box.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("LEFTPADDING", (0, 0), (-1, -1), 12),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return [Spacer(1, 0.5 * cm), box]


def printed_phone(number: str, language: Language) -> str:
    """A Dutch reader dials 06 12345678; a reader from across the border needs +31 6 ..."""
    return format_phone(number, abroad=language is not Language.DUTCH)


def _plain_table() -> TableStyle:
    return table_style(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]
    )
