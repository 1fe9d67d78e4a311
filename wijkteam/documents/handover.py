"""The overdrachtsverslag for the consultant (Wmo/Jeugdwet) or a specialist. Dutch only."""

from __future__ import annotations

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from wijkteam.documents.pdf_base import (
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
    section,
    table_style,
)
from wijkteam.documents.texts import DocumentTexts, handover_texts
from wijkteam.domain.documents import HandoverReport
from wijkteam.domain.referral import Law, ReferralKind, Specialist, Urgency, check_can_send
from wijkteam.validation.rules import format_phone

BODY_SIZE = 11
LABEL_WIDTH = 4.2 * cm


def build_handover_report(content: HandoverReport) -> bytes:
    """The handover as PDF bytes. Refused (ValidationError on "consent") when the
    resident's consent is missing or withdrawn: nothing leaves the team without it."""
    check_can_send(content.consent)
    texts = handover_texts()
    styles = make_styles(BODY_SIZE)
    setup = PageSetup(
        team_name=content.team.name,
        pdf_title=texts.text("pdf_title"),
        later_pages=texts.text("later_pages", date=texts.long_date(content.made_on)),
        page_label=texts.text("footer.page"),
        language_tag=texts.language_tag,
        made_on=content.made_on,
        footer_size=9,
    )
    return build_pdf(setup, _story(content, texts, styles))


def _story(content: HandoverReport, texts: DocumentTexts, styles: Styles) -> list[Flowable]:
    escalation = content.kind is ReferralKind.ESCALATION
    kind = "escalation" if escalation else "consultation"
    subtitle = (
        texts.text("subtitle_escalation", specialist=_specialist(content, texts))
        if escalation
        else texts.text("subtitle_consultation", law=_law(content, texts))
    )
    story: list[Flowable] = [
        Paragraph(markup(texts.text("title")), styles.title),
        Paragraph(markup(subtitle), styles.subheading),
        Spacer(1, 0.2 * cm),
        _notice(texts.text("confidential"), styles),
        *section(
            texts.text("headings.resident"), styles.heading, _resident_rows(content, texts, styles)
        ),
        *section(
            texts.text("headings.from"),
            styles.heading,
            fact_rows(_from_rows(content, texts), styles, LABEL_WIDTH),
        ),
        *heading(texts.text(f"headings.question_{kind}"), styles.heading),
        *paragraphs(content.question, styles.body),
        KeepTogether(fact_rows(_referral_rows(content, texts), styles, LABEL_WIDTH)),
        *section(
            texts.text("headings.consent"),
            styles.heading,
            fact_rows(_consent_rows(content, texts), styles, LABEL_WIDTH),
        ),
        *heading(texts.text("headings.handover"), styles.heading),
        *paragraphs(content.handover_text, styles.body),
    ]
    return story


def _law(content: HandoverReport, texts: DocumentTexts) -> str:
    if content.law is Law.OTHER and content.law_other:
        return content.law_other
    return texts.text(f"laws.{content.law.value}")


def _specialist(content: HandoverReport, texts: DocumentTexts) -> str:
    if content.specialist is Specialist.OTHER and content.specialist_other:
        return content.specialist_other
    return texts.text(f"specialists.{(content.specialist or Specialist.OTHER).value}")


def _resident_rows(content: HandoverReport, texts: DocumentTexts, styles: Styles) -> list[Flowable]:
    person = content.resident
    unknown = texts.text("labels.unknown")
    rows = [
        ("name", person.name),
        ("birth_date", texts.long_date(person.birth_date) if person.birth_date else unknown),
        ("address", person.address or unknown),
        ("bsn", person.bsn or unknown),
        ("phone", format_phone(person.phone) or unknown),
    ]
    labelled = [(texts.text(f"labels.{key}"), value) for key, value in rows]
    return fact_rows(labelled, styles, LABEL_WIDTH)


def _referral_rows(content: HandoverReport, texts: DocumentTexts) -> list[tuple[str, str]]:
    rows = []
    if content.kind is ReferralKind.ESCALATION:
        rows.append((texts.text("labels.specialist"), _specialist(content, texts)))
    else:
        rows.append((texts.text("labels.law"), _law(content, texts)))
    rows.append((texts.text("labels.urgency"), texts.text(f"urgency.{content.urgency.value}")))
    if content.urgency is Urgency.URGENT and content.urgency_reason:
        rows.append((texts.text("labels.urgency_reason"), content.urgency_reason))
    return rows


def _consent_rows(content: HandoverReport, texts: DocumentTexts) -> list[tuple[str, str]]:
    consent = content.consent
    return [
        (texts.text("labels.consent_given_by"), consent.given_by),
        (texts.text("labels.consent_given_on"), texts.long_date(consent.given_on)),
        (texts.text("labels.consent_form"), texts.text(f"consent_forms.{consent.form.value}")),
        (texts.text("labels.consent_scope"), consent.scope),
    ]


def _from_rows(content: HandoverReport, texts: DocumentTexts) -> list[tuple[str, str]]:
    member, team = content.member, content.team
    rows = [
        (texts.text("labels.member"), member.name),
        (texts.text("labels.member_phone"), format_phone(member.phone or team.phone)),
        (texts.text("labels.member_email"), member.email or team.email or ""),
        (texts.text("labels.team"), team.name),
        (texts.text("labels.made_on"), texts.long_date(content.made_on)),
    ]
    return [(label, value) for label, value in rows if value]


def _notice(text: str, styles: Styles) -> Table:
    box = Table([[Paragraph(markup(text), styles.small)]], colWidths=[content_width()])
    box.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return box
