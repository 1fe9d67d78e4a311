"""An inzage (AVG art. 15, Wmo 2015 art. 5.3.2): everything the team holds about one
resident, grouped as the resident would look for it, in plain Dutch.

The result is plain data (sections with a heading, an explanation, [label, value] fields,
a table or subsections), written as JSON and rendered as PDF (documents/inzage_pdf.py) from
the same content, so both are complete. Documents made for the resident go along as
attachments. A test walks every column reachable from a resident through the foreign keys
and fails on a value the inzage does not show (tests/security/test_inzage.py).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wijkteam.domain.contacts import Theme
from wijkteam.services.draft_codec import decode
from wijkteam.services.privacy_hooks import INZAGE_SECTIONS
from wijkteam.services.privacy_inzage_remote import scratch
from wijkteam.services.privacy_inzage_team import unsettled_section
from wijkteam.services.privacy_inzage_trail import (
    Section,
    events_section,
    protocol_section,
    remote_section,
    section,
)
from wijkteam.services.privacy_remote import RemoteCases
from wijkteam.services.privacy_words import Words, dutch_date, dutch_moment, local
from wijkteam.store.models import (
    Contact,
    ContactDraft,
    ContactTheme,
    Document,
    FollowUp,
    HomeVisit,
    Member,
    Referral,
    ReferralConsent,
    Report,
    Resident,
    SocialMapEntry,
    SocialMapGap,
    StatusChange,
    Step,
    SyncBatch,
    SyncBatchCase,
)


@dataclass
class Inzage:
    data: dict[str, Any]
    attachments: list[tuple[str, bytes]] = field(default_factory=list)  # (file name, PDF)


class InzageBuilder:
    def __init__(
        self,
        session: Session,
        resident: Resident,
        stem: str,
        remote: RemoteCases | None = None,
        device: uuid.UUID | None = None,
    ) -> None:
        self.session = session
        self.resident = resident
        self.stem = stem
        self.remote = remote or RemoteCases()
        self.device = device  # this laptop, in the protocol
        self.words = Words({i: n for i, n in session.execute(select(Member.id, Member.name))})
        self.attachments: list[tuple[str, bytes]] = []

    def build(
        self, team: str, made: str, *, removed: bool = False, retention_days: int | None = None,
        shared: bool = False,
    ) -> Inzage:  # fmt: skip
        """`removed`: nothing of the resident is left on this laptop; this store is the
        team server's copy (services/privacy_inzage_remote.py). `retention_days`: the
        bewaartermijn, said in the introduction; `shared`: this laptop is in a team."""
        words, resident_id = self.words, self.resident.id
        reports = self._all(select(Report).where(Report.resident_id == resident_id), Report)
        contacts = self._all(select(Contact).where(Contact.resident_id == resident_id), Contact)
        person = words.fields(
            "resident", self.resident, None if self.resident.bsn else {"bsn_confirmed": ""}
        )
        parts = [section(words.heading("person"), person)]
        parts += [self._report(r, [c for c in contacts if c.report_id == r.id]) for r in reports]
        loose = [self._contact(c) for c in contacts if c.report_id is None]
        if loose:
            parts.append(section(words.heading("conversations_loose"), parts=loose))
        parts += self._from_server()
        parts += self._drafts() + self._gaps() + self._documents() + self._hooked()
        parts += unsettled_section(self.session, words, self.resident, self.remote.uuids())
        parts.append(
            protocol_section(
                self.session, words, resident_id, self.resident.uuid,
                extra=self.remote.uuids(), device=self.device,
            )
        )  # fmt: skip
        texts = words.texts
        intro = [texts["intro"].format(team=team, made=made)]
        warnings = self._warnings()
        if removed:
            intro.append(texts["intro_removed"])
        elif self.remote.asked and self.remote.reachable:
            intro.append(texts["intro_server"])
        if retention_days is not None:
            key = "intro_retention_team" if removed or shared else "intro_retention"
            intro.append(texts[key].format(days=retention_days))
        intro.append(texts["intro_protocol"])
        if self.attachments:
            names = ", ".join(name for name, _pdf in self.attachments)
            intro.append(texts["intro_attachments"].format(files=names))
        data = {
            "formaat": "wijkteam-inzage-2",
            "titel": texts["title"],
            "team": team,
            "gemaakt_op": made,
            "inleiding": intro,
            "waarschuwingen": warnings,
            "onderdelen": parts,
        }
        return Inzage(data, self.attachments)

    # --- a melding and what hangs under it ------------------------------------------------
    def _report(self, report: Report, contacts: list[Contact]) -> Section:
        words = self.words
        history = self._all(select(StatusChange).where(StatusChange.report_id == report.id))
        visits = self._all(select(HomeVisit).where(HomeVisit.report_id == report.id))
        steps = self._all(select(Step).where(Step.report_id == report.id))
        referrals = self._all(select(Referral).where(Referral.report_id == report.id))
        batches = self.session.scalars(
            select(SyncBatch)
            .join(SyncBatchCase, SyncBatchCase.batch_uuid == SyncBatch.uuid)
            .where(SyncBatchCase.case_uuid == report.uuid)
            .order_by(SyncBatch.id)
        ).all()
        parts = [
            events_section(self.session, words, report),
            self._table("history", "status_change", history),
            self._table("visits", "home_visit", visits),
        ]
        if contacts:
            parts.append(
                section(
                    words.heading("conversations"),
                    intro=words.heading("conversations_intro"),
                    parts=[self._contact(c) for c in contacts],
                )
            )
        if steps:
            parts.append(section(words.heading("steps"), parts=[self._step(s) for s in steps]))
        if referrals:
            parts.append(
                section(words.heading("referrals"), parts=[self._referral(r) for r in referrals])
            )
        if batches:
            parts.append(self._table("sync", "sync_batch", list(batches)))
        parts.append(remote_section(self.session, words, report))
        return section(
            words.heading("report", date=dutch_date(report.received_on)),
            words.fields("report", report),
            intro=words.heading("report_intro"),
            parts=[p for p in parts if p is not None],
        )

    def _contact(self, contact: Contact) -> Section:
        words = self.words
        themes = {
            t.theme: t.text
            for t in self.session.scalars(
                select(ContactTheme).where(ContactTheme.contact_id == contact.id)
            )
        }
        fields = words.fields(
            "contact", contact, {"report_id": self._report_date(contact.report_id)}
        )
        notes = fields.pop() if contact.notes else None
        fields += [[words.code(theme), themes[theme]] for theme in Theme if themes.get(theme)]
        if notes:
            fields.append(notes)
        heading = words.heading(
            "contact", kind=words.code(contact.kind), date=dutch_date(contact.occurred_on)
        )
        return section(heading, fields)

    def _step(self, step: Step) -> Section:
        words = self.words
        entry = self.session.get(SocialMapEntry, step.social_map_entry_id or -1)
        contact = self.session.get(Contact, step.contact_id or -1)
        fields = words.fields(
            "step",
            step,
            {
                "social_map_entry_id": entry.name if entry else "",
                "contact_id": dutch_date(contact.occurred_on) if contact else "",
            },
        )
        follow_ups = self._all(select(FollowUp).where(FollowUp.step_id == step.id))
        parts = [
            section(
                words.heading("follow_up", date=dutch_date(f.due_on)), words.fields("follow_up", f)
            )
            for f in follow_ups
        ]
        return section(words.heading("step", what=_short(step.what)), fields, parts=parts)

    def _referral(self, referral: Referral) -> Section:
        words = self.words
        consents = self._all(
            select(ReferralConsent).where(ReferralConsent.referral_id == referral.id)
        )
        parts = [
            section(
                words.heading("consent", date=dutch_date(c.given_on)),
                words.fields("referral_consent", c),
            )
            for c in consents
        ]
        when = referral.sent_at.date() if referral.sent_at else local(referral.created_at).date()
        heading = words.heading("referral", date=dutch_date(when))
        return section(heading, words.fields("referral", referral), parts=parts)

    # --- closed meldingen that left this laptop ----------------------------------------------
    def _from_server(self) -> list[Section]:
        """The resident's closed meldingen fetched from the team server, written as here."""
        if not self.remote.reports:
            return []
        with scratch(self.session, self.resident, self.remote) as there:
            copy = there.get(Resident, self.resident.id)
            assert copy is not None
            builder = InzageBuilder(there, copy, self.stem)
            reports = sorted(builder._all(select(Report)), key=lambda r: (r.received_on, r.id))
            contacts = builder._all(select(Contact), Contact)
            parts = [builder._report(r, [c for c in contacts if c.report_id == r.id])
                     for r in reports]  # fmt: skip
        words = self.words
        return [section(words.heading("server"), intro=words.heading("server_intro"), parts=parts)]

    def _warnings(self) -> list[str]:
        """Said in the document itself: what this overview may lack, and why."""
        texts = self.words.texts["warnings"]
        found = []
        if self.remote.asked and not self.remote.reachable:
            found.append(str(texts["server_unreachable"]))
        if self.remote.refused:
            found.append(str(texts["server_refused"]))
        return found

    # --- the rest about the resident ---------------------------------------------------------
    def _drafts(self) -> list[Section]:
        words = self.words
        drafts = self._all(select(ContactDraft).where(ContactDraft.resident_id == self.resident.id))
        parts = []
        for draft in drafts:
            typed = decode(draft.content)
            fields = [[words.label("contact_draft", "saved_at"), dutch_moment(draft.saved_at)]]
            fields += [[words.code(t), typed.themes[t]] for t in Theme if typed.themes.get(t)]
            if typed.notes:
                fields.append([words.label("contact", "notes"), typed.notes])
            heading = words.heading("draft", date=dutch_date(draft.saved_at.date()))
            parts.append(section(heading, fields))
        if not parts:
            return []
        return [section(words.heading("drafts"), intro=words.heading("drafts_intro"), parts=parts)]

    def _gaps(self) -> list[Section]:
        gaps = self._all(select(SocialMapGap).where(SocialMapGap.resident_id == self.resident.id))
        return [self._table("gaps", "social_map_gap", gaps)] if gaps else []

    def _documents(self) -> list[Section]:
        words = self.words
        documents = self._all(select(Document).where(Document.resident_id == self.resident.id))
        parts = []
        for number, document in enumerate(documents, start=1):
            name = f"{self.stem}-bijlage-{number}.pdf"
            self.attachments.append((name, document.content))
            fields = words.fields(
                "document",
                document,
                {
                    "report_id": self._report_date(document.report_id),
                    "content": name,
                    "sha256": "",
                },
            )
            heading = words.heading(
                "document",
                kind=words.code(document.kind),
                date=dutch_date(document.generated_at.date()),
            )
            parts.append(section(heading, fields))
        return [section(words.heading("documents"), parts=parts)] if parts else []

    def _hooked(self) -> list[Section]:
        """Sections other parts of the app add (services/privacy_hooks.py)."""
        found = []
        for title, rows_of in INZAGE_SECTIONS:
            rows = rows_of(self.session, self.resident.id)
            if rows:
                items = [section(title, [[str(k), str(v)] for k, v in r.items()]) for r in rows]
                found.append(section(title, parts=items))
        return found

    # --- helpers -----------------------------------------------------------------------------
    def _table(self, heading: str, table: str, rows: list[Any]) -> Section | None:
        if not rows:
            return None
        words = self.words
        columns = list(words.texts["fields"][table])
        body = [
            [
                words.value(c, v) if (v := getattr(row, c, None)) not in (None, "") else ""
                for c in columns
            ]
            for row in rows
        ]
        return section(
            words.heading(heading),
            table={"kolommen": [words.label(table, c) for c in columns], "rijen": body},
        )

    def _report_date(self, report_id: int | None) -> str:
        report = self.session.get(Report, report_id or -1)
        return dutch_date(report.received_on) if report else ""

    def _all(self, query: Any, _model: Any = None) -> list[Any]:
        """The rows in the order they were made."""
        model = query.column_descriptions[0]["entity"]
        return list(self.session.scalars(query.order_by(model.id)))


def _short(text: str, limit: int = 70) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
