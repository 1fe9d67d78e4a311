"""Every public service method, called as the app calls it: a read of personal data, or a
write, leaves an entry in the audit log. The methods are found by introspection, so a new one
fails this test until it has a call here (and then an entry in the log)."""

from __future__ import annotations

import dataclasses
import inspect
import io
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Delete, Insert, Select, Update, event
from sqlalchemy.orm import ORMExecuteState, Session

from tests.conftest import TEAM_PASSWORD
from tests.factories import report, resident
from tests.sync.config import settings_input
from tests.sync.import_files import csv_bytes, csv_row
from wijkteam.domain.contacts import ContactKind, Theme
from wijkteam.domain.documents import DocumentKind
from wijkteam.domain.enums import ClosingReason, Language, MemberRole
from wijkteam.domain.referral import ConsentForm, Law, ReferralKind, ReferralOutcome, SupportWish
from wijkteam.domain.steps import StepStatus
from wijkteam.errors import WijkteamError
from wijkteam.security.context import AuditAction
from wijkteam.services.audit_records import AuditQuery
from wijkteam.services.contact_records import ContactInput
from wijkteam.services.inputs import VisitInput
from wijkteam.services.referral_records import ConsentInput, HandoverChoice, ReferralInput
from wijkteam.services.social_map.records import MapEntryInput
from wijkteam.services.steps.records import FollowUpOutcome, StepInput
from wijkteam.services.team_settings import SecuritySettings
from wijkteam.services.worklist import WorklistQuery
from wijkteam.store.audit_guard import BOOKKEEPING, SUBJECT_OF
from wijkteam.sync.export.records import PushUser
from wijkteam.wiring import Services
from wijkteam.wiring.setup import Opened, unlock, unlock_with_code

# Columns that say something about a person (a resident, a reporter, someone on the map). The
# rest is ids, UUIDs, timestamps, dates of contact, codes and states. Reviewed list.
PERSONAL_COLUMNS: dict[str, set[str]] = {
    "resident": {
        "first_names", "prefix", "surname", "birth_date", "bsn", "street", "house_number",
        "house_number_suffix", "postcode", "place", "district", "phone", "email",
        "network_notes", "search_text", "surname_key",
    },
    "report": {
        "reporter_name", "reporter_relation", "reporter_contact", "question", "case_reference",
    },
    "report_event": {"reason", "note"},
    "status_change": {"note"},
    "home_visit": {"replan_reason"},
    "contact": {"notes"},
    "contact_theme": {"text"},
    "contact_draft": {"content"},
    "step": {"what", "actor_name"},
    "follow_up": {"outcome"},
    "referral": {
        "question", "handover_text", "urgency_reason", "outcome_note", "returned_reason",
        "consultant_name", "law_other", "specialist_other",
    },
    "referral_consent": {"given_by", "scope"},
    "document": {"content"},
    "social_map_entry": {"name", "contact_name", "phone", "email", "backup_name", "backup_phone"},
    "social_map_gap": {"sought"},
}  # fmt: skip

# Public methods that work inside another service's transaction (the caller's entry covers
# them; the commit-time check makes sure of it), and so are not calls of their own.
INSIDE_A_TRANSACTION = {
    "audit.record",
    "audit.record_changes",
    "audit.record_many",
    "steps.add_in",
}
PDF = b"%PDF-1.4\n% test\n"
WMO = ReferralInput(ReferralKind.CONSULTATION, "Hulp bij het huishouden?", law=Law.WMO)
CONSENT = ConsentInput("de inwoner zelf", "18-11-2026", ConsentForm.SPOKEN, "Wmo-consulent")


def public_methods(services: Services) -> set[str]:
    names = set()
    for f in dataclasses.fields(services):
        value = getattr(services, f.name)
        owners = (
            {f"{f.name}.{g.name}": getattr(value, g.name) for g in dataclasses.fields(value)}
            if dataclasses.is_dataclass(value)
            else {f.name: value}
        )
        for prefix, owner in owners.items():
            if f.name in {"store", "context"}:
                continue
            for name, _ in inspect.getmembers(type(owner), inspect.isfunction):
                if not name.startswith("_"):
                    names.add(f"{prefix}.{name}")
    return names


@dataclass
class Seen:
    """What a call did to the store, from the statements it ran."""

    read_personal: set[str] = field(default_factory=set)
    wrote: set[str] = field(default_factory=set)


@contextmanager
def watching() -> Iterator[Seen]:
    seen = Seen()

    def on_execute(state: ORMExecuteState) -> None:
        statement = state.statement
        if isinstance(statement, Select):
            for column in statement.selected_columns:
                table = getattr(getattr(column, "table", None), "name", None)
                if column.key in PERSONAL_COLUMNS.get(table or "", ()):
                    seen.read_personal.add(f"{table}.{column.key}")
        elif isinstance(statement, Insert | Update | Delete):
            table = statement.table.name  # type: ignore[attr-defined]
            values = {getattr(c, "key", str(c)) for c in getattr(statement, "_values", None) or {}}
            bookkeeping = isinstance(statement, Update) and values and values <= BOOKKEEPING
            if table in SUBJECT_OF and not bookkeeping:
                seen.wrote.add(table)

    def on_flush(session: Session, _context: object) -> None:
        for obj in [*session.new, *session.dirty, *session.deleted]:
            table = getattr(obj, "__tablename__", None)
            if table in SUBJECT_OF and (obj not in session.dirty or session.is_modified(obj)):
                seen.wrote.add(table)

    event.listen(Session, "do_orm_execute", on_execute)
    event.listen(Session, "after_flush", on_flush)
    try:
        yield seen
    finally:
        event.remove(Session, "do_orm_execute", on_execute)
        event.remove(Session, "after_flush", on_flush)


@dataclass
class World:
    """A team's store with something of everything, and the ids the calls act on."""

    s: Services
    opened: Opened
    team_dir: Path
    tmp: Path
    ids: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        return self.ids[key]


def _world(opened: Opened, team_dir: Path, tmp: Path) -> World:
    s = opened.services
    w = World(s, opened, team_dir, tmp)
    tessa = s.members.add("Tessa Testlid", "TT", MemberRole.MEMBER)
    w.ids["tessa"] = tessa
    m1 = s.reports.register(report(), resident=resident(surname="Proef"))
    s.visits.plan(m1.id, VisitInput("18-11-2026", "08:00"))
    s.visits.mark_held(m1.id)
    w.ids.update(m1=m1.id, r1=m1.resident_id)
    contact = s.contacts.record(
        m1.resident_id,
        ContactInput(
            ContactKind.HOME_VISIT,
            "18-11-2026",
            "08:10",
            report_id=m1.id,
            themes={Theme.WHO: "Houdt van duiven"},
        ),
    )
    w.ids["contact"] = contact.id
    w.ids["draft"] = s.drafts.save(
        None, m1.resident_id, contact.id, ContactInput(ContactKind.PHONE, "18-11-2026")
    )
    step = s.steps.create(m1.id, StepInput(what="Wandelgroep", due="20-11-2026"))
    w.ids["step"] = step.id
    w.ids["call"] = s.follow_ups.for_report(m1.id)[0].id
    for name in ("ref_sent", "ref_concept", "ref_returned"):
        ref = s.referrals.create(m1.id, WMO)
        s.referrals.give_consent(ref.id, CONSENT)
        s.referrals.set_support(ref.id, SupportWish.DECLINES)
        w.ids[name] = ref.id
    s.referrals.send(w["ref_sent"])
    s.referrals.send(w["ref_returned"])
    s.referrals.mark_returned(w["ref_returned"], "Eerst het voorveld")
    w.ids["document"] = s.documents.record(
        m1.resident_id, DocumentKind.VISIT_SUMMARY, Language.DUTCH, PDF, report_id=m1.id
    ).id
    w.ids["entry"] = s.social_map.create(
        MapEntryInput(name="Wandelgroep Vijlen", place="Vijlen")
    ).id
    w.ids["entry_gone"] = s.social_map.create(MapEntryInput(name="Koersbal", place="Holset")).id
    w.ids["gap"] = s.gaps.record_gap("Zwemles", None, tessa.id).id
    m2 = s.reports.register(
        report(),
        resident=resident(surname="Tweede", birth_date="02-03-1960"),
        confirmed_new_resident=True,
    )
    w.ids.update(m2=m2.id, r2=m2.resident_id)
    s.export.settings.save(settings_input())
    return w


def _csv(w: World) -> bytes:
    return csv_bytes(csv_row(zaaknummer="ZK-77", ontvangen="15-11-2026"), encoding="utf-8")


def _file(w: World, name: str, data: bytes) -> Path:
    path = w.tmp / name
    path.write_bytes(data)
    return path


# In the order the app would plausibly call them; what removes things comes last.
PLAN: dict[str, Callable[[World], object]] = {
    "members.add": lambda w: w.s.members.add("Nina Nieuw", "NN"),
    "members.count": lambda w: w.s.members.count(),
    "members.list": lambda w: w.s.members.list(),
    "members.names": lambda w: w.s.members.names(),
    "members.set_contact": lambda w: w.s.members.set_contact(w["tessa"].id, "", ""),
    "residents.find_duplicates": lambda w: w.s.residents.find_duplicates(resident(surname="Proef")),
    "residents.get": lambda w: w.s.residents.get(w["r1"]),
    "residents.search": lambda w: w.s.residents.search("proef"),
    "residents.update": lambda w: w.s.residents.update(
        w["r1"], resident(surname="Proef", place="Lemiers")
    ),
    "reports.register": lambda w: w.s.reports.register(
        report(), resident=resident(surname="Derde"), confirmed_new_resident=True
    ),
    "reports.get": lambda w: w.s.reports.get(w["m1"]),
    "reports.for_resident": lambda w: w.s.reports.for_resident(w["r1"]),
    "reports.resident_of": lambda w: w.s.reports.resident_of(w["m1"]),
    "reports.update": lambda w: w.s.reports.update(w["m1"], report(question="Anders gezegd")),
    "reports.hand_over": lambda w: w.s.reports.hand_over(w["m1"], w["tessa"].id, "Ik ben weg"),
    "reports.close": lambda w: w.s.reports.close(w["m2"], ClosingReason.OTHER),
    "reports.reopen": lambda w: w.s.reports.reopen(w["m2"], "Belde opnieuw"),
    "visits.plan": lambda w: w.s.visits.plan(w["m2"], VisitInput("18-11-2026", "11:00")),
    "visits.mark_held": lambda w: w.s.visits.mark_held(w["m2"]),
    "worklist.awaiting_visit_plan": lambda w: w.s.worklist.awaiting_visit_plan(),
    "worklist.count": lambda w: w.s.worklist.count(WorklistQuery(text="proef")),
    "worklist.rows": lambda w: w.s.worklist.rows(WorklistQuery()),
    "worklist.visits_between": lambda w: w.s.worklist.visits_between(
        *w.s.worklist.week_bounds()[:2]
    ),
    "worklist.week_bounds": lambda w: w.s.worklist.week_bounds(),
    "contacts.for_resident": lambda w: w.s.contacts.for_resident(w["r1"]),
    "contacts.get": lambda w: w.s.contacts.get(w["contact"]),
    "contacts.orientation_for": lambda w: w.s.contacts.orientation_for(
        w["r1"], w["m1"], w.s.store.clock.today()
    ),
    "contacts.record": lambda w: w.s.contacts.record(
        w["r1"], ContactInput(ContactKind.PHONE, "18-11-2026", report_id=w["m1"])
    ),
    "contacts.update": lambda w: w.s.contacts.update(
        w["contact"],
        ContactInput(
            ContactKind.HOME_VISIT, "18-11-2026", "08:10", report_id=w["m1"], notes="Koffie"
        ),
    ),
    "drafts.save": lambda w: w.s.drafts.save(
        None, w["r1"], None, ContactInput(ContactKind.PHONE, "18-11-2026", notes="Belt terug")
    ),
    "drafts.get": lambda w: w.s.drafts.get(w.s.drafts.for_resident(w["r1"])[0].id),
    "drafts.for_resident": lambda w: w.s.drafts.for_resident(w["r1"]),
    "drafts.pending": lambda w: w.s.drafts.pending(),
    "drafts.discard": lambda w: w.s.drafts.discard(w.s.drafts.for_resident(w["r1"])[0].id),
    "steps.create": lambda w: w.s.steps.create(w["m1"], StepInput(what="Taalcafé")),
    "steps.first_step_taken": lambda w: w.s.steps.first_step_taken(
        w["m1"], StepInput(what="Samen gebeld")
    ),
    "steps.for_report": lambda w: w.s.steps.for_report(w["m1"]),
    "steps.get": lambda w: w.s.steps.get(w["step"]),
    "steps.set_status": lambda w: w.s.steps.set_status(w["step"], StepStatus.DONE),
    "follow_ups.due": lambda w: w.s.follow_ups.due(),
    "follow_ups.for_report": lambda w: w.s.follow_ups.for_report(w["m1"]),
    "follow_ups.get": lambda w: w.s.follow_ups.get(w["call"]),
    "follow_ups.move": lambda w: w.s.follow_ups.move(w["call"], "30-11-2026"),
    "follow_ups.proposed_retry": lambda w: w.s.follow_ups.proposed_retry(),
    "follow_ups.proposed_next_call": lambda w: w.s.follow_ups.proposed_next_call(),
    "follow_ups.record": lambda w: w.s.follow_ups.record(
        w["call"], FollowUpOutcome(reached=True, how_it_went="Goed")
    ),
    "follow_up_settings.follow_up_days": lambda w: w.s.follow_up_settings.follow_up_days(),
    "follow_up_settings.set_follow_up_days": lambda w: w.s.follow_up_settings.set_follow_up_days(7),
    "timeline.for_resident": lambda w: w.s.timeline.for_resident(w["r1"]),
    "imports.preview_bytes": lambda w: w.s.imports.preview_bytes(_csv(w), "meldingen.csv"),
    "imports.preview_file": lambda w: w.s.imports.preview_file(_file(w, "meldingen.csv", _csv(w))),
    "imports.commit": lambda w: w.s.imports.commit(w.s.imports.preview_bytes(_csv(w), "m.csv")),
    "export.settings.config": lambda w: w.s.export.settings.config(),
    "export.settings.form": lambda w: w.s.export.settings.form(),
    "export.settings.is_configured": lambda w: w.s.export.settings.is_configured(),
    "export.settings.save": lambda w: w.s.export.settings.save(settings_input()),
    "export.exports.preview": lambda w: w.s.export.exports.preview(),
    "export.exports.export": lambda w: w.ids.__setitem__(
        "batch",
        w.s.export.exports.export(w.tmp / "export.zip", "een lang geheim wachtwoord").batch.uuid,
    ),
    "export.batches.list": lambda w: w.s.export.batches.list(),
    "export.batches.get": lambda w: w.s.export.batches.get(w["batch"]),
    "export.batches.acknowledge_receipt": lambda w: w.s.export.batches.acknowledge_receipt(
        _file(w, "ontvangst.json", b"{}")
    ),
    "export.batches.acknowledge": lambda w: w.s.export.batches.acknowledge(w["batch"]),
    "export.push.push": lambda w: w.s.export.push.push("", PushUser("CC", "Carla")),
    "export.push.undelivered": lambda w: w.s.export.push.undelivered(),
    "export.push.case_labels": lambda w: w.s.export.push.case_labels(
        [w.s.reports.get(w["m1"]).uuid]
    ),
    "social_map.count": lambda w: w.s.social_map.count(),
    "social_map.create": lambda w: w.s.social_map.create(
        MapEntryInput(name="Buurtsoos", place="Lemiers")
    ),
    "social_map.get": lambda w: w.s.social_map.get(w["entry"]),
    "social_map.is_empty": lambda w: w.s.social_map.is_empty(),
    "social_map.is_referenced": lambda w: w.s.social_map.is_referenced(w["entry"]),
    "social_map.mark_checked": lambda w: w.s.social_map.mark_checked(w["entry"]),
    "social_map.places": lambda w: w.s.social_map.places(),
    "social_map.search": lambda w: w.s.social_map.search(),
    "social_map.update": lambda w: w.s.social_map.update(
        w["entry"], MapEntryInput(name="Wandelgroep Vijlen", place="Vijlen", phone="043 306 1234")
    ),
    "social_map.deactivate": lambda w: w.s.social_map.deactivate(w["entry"]),
    "social_map.reactivate": lambda w: w.s.social_map.reactivate(w["entry"]),
    "social_map_transfer.export": lambda w: w.s.social_map_transfer.export(),
    "social_map_transfer.export_file": lambda w: w.s.social_map_transfer.export_file(
        w.tmp / "kaart.csv"
    ),
    "social_map_transfer.preview": lambda w: w.s.social_map_transfer.preview(
        w.s.social_map_transfer.export()
    ),
    "social_map_transfer.preview_file": lambda w: w.s.social_map_transfer.preview_file(
        w.tmp / "kaart.csv"
    ),
    "social_map_transfer.apply": lambda w: w.s.social_map_transfer.apply(
        w.s.social_map_transfer.preview(w.s.social_map_transfer.export())
    ),
    "gaps.counts": lambda w: w.s.gaps.counts(),
    "gaps.gaps": lambda w: w.s.gaps.gaps(),
    "gaps.record_gap": lambda w: w.s.gaps.record_gap(
        "Koffie-ochtend", None, w["tessa"].id, w["r1"]
    ),
    "documents.content": lambda w: w.s.documents.content(w["document"]),
    "documents.copied": lambda w: w.s.documents.copied(w["document"], AuditAction.PRINT),
    "documents.for_resident": lambda w: w.s.documents.for_resident(w["r1"]),
    "documents.get": lambda w: w.s.documents.get(w["document"]),
    "documents.record": lambda w: w.s.documents.record(
        w["r1"], DocumentKind.VISIT_SUMMARY, Language.DUTCH, PDF
    ),
    "documents.visit_summary_draft": lambda w: w.s.documents.visit_summary_draft(w["m1"]),
    "referrals.alerts": lambda w: w.s.referrals.alerts(),
    "referrals.create": lambda w: w.s.referrals.create(w["m1"], WMO),
    "referrals.for_report": lambda w: w.s.referrals.for_report(w["m1"]),
    "referrals.for_resident": lambda w: w.s.referrals.for_resident(w["r1"]),
    "referrals.get": lambda w: w.s.referrals.get(w["ref_sent"]),
    "referrals.handover_report": lambda w: w.s.referrals.handover_report(w["ref_sent"]),
    "referrals.handover_sources": lambda w: w.s.referrals.handover_sources(w["m1"]),
    "referrals.prefill_handover": lambda w: w.s.referrals.prefill_handover(
        w["m1"], HandoverChoice()
    ),
    "referrals.update": lambda w: w.s.referrals.update(w["ref_concept"], WMO),
    "referrals.save_handover": lambda w: w.s.referrals.save_handover(
        w["ref_concept"], "Wat er speelt"
    ),
    "referrals.set_support": lambda w: w.s.referrals.set_support(
        w["ref_concept"], SupportWish.WANTS
    ),
    "referrals.withdraw_consent": lambda w: w.s.referrals.withdraw_consent(w["ref_concept"]),
    "referrals.give_consent": lambda w: w.s.referrals.give_consent(w["ref_concept"], CONSENT),
    "referrals.send": lambda w: w.s.referrals.send(w["ref_concept"]),
    "referrals.plan": lambda w: w.s.referrals.plan(w["ref_sent"], "25-11-2026", "Consulent Vaals"),
    "referrals.complete": lambda w: w.s.referrals.complete(
        w["ref_sent"], ReferralOutcome.GENERAL_PROVISION
    ),
    "referrals.mark_returned": lambda w: w.s.referrals.mark_returned(
        w["ref_concept"], "Niet nodig"
    ),
    "referrals.reopen": lambda w: w.s.referrals.reopen(w["ref_returned"]),
    "audit.count": lambda w: w.s.audit.count(AuditQuery()),
    "audit.events": lambda w: w.s.audit.events(AuditQuery()),
    "audit.export_csv": lambda w: w.s.audit.export_csv(AuditQuery(), io.StringIO()),
    "audit.log": lambda w: w.s.audit.log(AuditAction.PRINT, "report", w["m1"], w["r1"]),
    "audit.opened_log": lambda w: w.s.audit.opened_log(),
    "audit.require_coordinator": lambda w: w.s.audit.require_coordinator(
        AuditAction.VIEW, "audit_log"
    ),
    "audit.require_self_or_coordinator": lambda w: w.s.audit.require_self_or_coordinator(
        w["tessa"].id, AuditAction.CHANGE, "member"
    ),
    "audit.verify": lambda w: w.s.audit.verify(),
    "settings.security": lambda w: w.s.settings.security(),
    "settings.set_team": lambda w: w.s.settings.set_team("Wijkteam Proef", "Vaals"),
    "settings.set_value": lambda w: w.s.settings.set_value("proef", "1"),
    "settings.team": lambda w: w.s.settings.team(),
    "settings.update_security": lambda w: w.s.settings.update_security(SecuritySettings()),
    "settings.value": lambda w: w.s.settings.value("proef"),
    "accounts.current": lambda w: w.s.accounts.current(),
    "accounts.is_coordinator": lambda w: w.s.accounts.is_coordinator(),
    "accounts.has_account": lambda w: w.s.accounts.has_account(w["tessa"]),
    "accounts.check_own_password": lambda w: w.s.accounts.check_own_password(TEAM_PASSWORD),
    "accounts.add": lambda w: w.s.accounts.add(
        "Dirk Derde", "DD", MemberRole.MEMBER, TEAM_PASSWORD, TEAM_PASSWORD
    ),
    "accounts.set_password": lambda w: w.s.accounts.set_password(
        w["tessa"].id, TEAM_PASSWORD, TEAM_PASSWORD
    ),
    "accounts.set_role": lambda w: w.s.accounts.set_role(w["tessa"].id, MemberRole.MEMBER),
    "accounts.change_own_password": lambda w: w.s.accounts.change_own_password(
        TEAM_PASSWORD, TEAM_PASSWORD, TEAM_PASSWORD
    ),
    "accounts.new_recovery_code": lambda w: w.ids.__setitem__(
        "code", w.s.accounts.new_recovery_code()
    ),
    "accounts.sign_in": lambda w: w.s.accounts.sign_in(unlock(w.team_dir, "CC", TEAM_PASSWORD)[1]),
    "accounts.must_choose_password": lambda w: w.s.accounts.must_choose_password(),
    "accounts.has_temporary_password": lambda w: w.s.accounts.has_temporary_password(w["tessa"]),
    "accounts.choose_own_password": lambda w: w.s.accounts.choose_own_password(
        TEAM_PASSWORD, TEAM_PASSWORD
    ),
    "accounts.check_recovery_code": lambda w: w.s.accounts.check_recovery_code(w["code"]),
    "accounts.reset_own_password_with_code": lambda w: w.ids.__setitem__(
        "code",
        w.s.accounts.reset_own_password_with_code(w["code"], TEAM_PASSWORD, TEAM_PASSWORD),
    ),
    "accounts.after_recovery": lambda w: w.ids.__setitem__(
        "code",
        w.s.accounts.after_recovery(w.s.accounts.check_recovery_code(w["code"]), TEAM_PASSWORD),
    ),
    "accounts.grant_recovery": lambda w: w.s.accounts.grant_recovery(
        unlock_with_code(w.team_dir, w["code"], None)[1], w.opened.member.id
    ),
    "accounts.refuse_recovery": lambda w: w.s.accounts.refuse_recovery("ZZ"),
    "accounts.rotate_key": lambda w: w.s.accounts.rotate_key(),
    "accounts.deactivate": lambda w: w.s.accounts.deactivate(w["tessa"].id),
    "accounts.reactivate": lambda w: w.s.accounts.reactivate(
        w["tessa"].id, TEAM_PASSWORD, TEAM_PASSWORD
    ),
    "backups.is_due": lambda w: w.s.backups.is_due(),
    "backups.check_store": lambda w: w.s.backups.check_store(),
    "backups.last_good": lambda w: w.s.backups.last_good(),
    "backups.status": lambda w: w.s.backups.status(),
    "backups.list": lambda w: w.s.backups.list(),
    "backups.make": lambda w: w.s.backups.make(),
    "backups.make_now": lambda w: w.s.backups.make_now(),
    "backups.preview": lambda w: w.s.backups.preview(w.s.backups.list()[0]),
    "backups.rotate": lambda w: w.s.backups.rotate(7),
    "retention.due": lambda w: w.s.retention.due(),
    "retention.problems": lambda w: w.s.retention.problems(),
    "retention.figures": lambda w: w.s.retention.figures(),
    "retention.overview": lambda w: w.s.retention.overview(),
    "retention.remove": lambda w: w.s.retention.remove([w["m2"]]),
    "privacy.inzage": lambda w: w.s.privacy.inzage(w["r1"]),
    "privacy.write_inzage": lambda w: w.s.privacy.write_inzage(w["r1"], w.tmp),
    # A resident with nothing left here: found on the team server (none here: no team).
    "privacy.find_removed": lambda w: w.s.privacy.find_removed("Jansen", "01-02-1950"),
    "privacy.removed_inzage": lambda w: w.s.privacy.removed_inzage(uuid.uuid4()),
    "privacy.write_removed_inzage": lambda w: w.s.privacy.write_removed_inzage(uuid.uuid4(), w.tmp),
    "social_map.delete": lambda w: w.s.social_map.delete(w["entry_gone"]),
    "social_map.remove_examples": lambda w: w.s.social_map.remove_examples(),
    "gaps.remove_gap": lambda w: w.s.gaps.remove_gap(w["gap"]),
    "privacy.erasure_preview": lambda w: w.s.privacy.erasure_preview(w["r2"]),
    "privacy.erase": lambda w: w.s.privacy.erase(w["r2"]),
    # The team (without a server here: tests/team/test_store_sync.py runs them for real).
    "team.status": lambda w: w.s.team.status(),
    "team.conflicts": lambda w: w.s.team.conflicts(),
    "team.laptops": lambda w: w.s.team.laptops(),
    "team.connect": lambda w: w.s.team.connect("https://127.0.0.1:9", "GEEN-CODE"),
    "team.invite": lambda w: w.s.team.invite(w["tessa"].id),
    "team.revoke": lambda w: w.s.team.revoke(w["tessa"].id),
    "team.rotate": lambda w: w.s.team.rotate(),
    "team.sync": lambda w: w.s.team.sync(),
    "team.settle": lambda w: w.s.team.settle(1, "mine"),
    # Who sends to the municipality (no team here: tests/team/test_zgw_one_pusher.py).
    "team_pusher.view": lambda w: w.s.team_pusher.view(),
    "team_pusher.require": lambda w: w.s.team_pusher.require(),
    "team_pusher.designate": lambda w: w.s.team_pusher.designate("0"),
}


def _rows(w: World) -> int:
    with w.s.store.engine.connect() as connection:
        return connection.exec_driver_sql("SELECT count(*) FROM audit_event").scalar() or 0


def test_every_public_method_has_a_call_here(team: Opened) -> None:
    assert public_methods(team.services) == set(PLAN) | INSIDE_A_TRANSACTION


def test_every_read_or_write_of_personal_data_leaves_an_entry(
    team: Opened, team_dir: Path, tmp_path: Path
) -> None:
    w = _world(team, team_dir, tmp_path)
    unaudited: dict[str, Seen] = {}
    refused: dict[str, str] = {}
    for name, call in PLAN.items():
        before = _rows(w)
        with watching() as seen:
            try:
                call(w)
            except WijkteamError as error:  # a refusal the member is told about is fine too
                refused[name] = error.code
        if (seen.read_personal or seen.wrote) and _rows(w) == before:
            unaudited[name] = seen
    assert unaudited == {}
    # The calls did their work (a broken call would prove nothing): only these are refused.
    assert refused == {
        "export.batches.acknowledge_receipt": "receipt_invalid",
        "export.push.push": "push_not_configured",
        "privacy.removed_inzage": "not_found",
        "privacy.write_removed_inzage": "not_found",
        "team.connect": "team_code_invalid",
        "team.invite": "team_not_connected",
        "team.revoke": "team_not_connected",
        "team.rotate": "team_not_connected",
        "team.sync": "team_not_connected",
        "team.settle": "team_conflict_settled",
        "team_pusher.designate": "team_not_connected",
    }


def test_the_detector_sees_an_unaudited_read() -> None:
    """The check above would notice a service that reads without logging."""
    from sqlalchemy import select

    from wijkteam.store.models import Resident

    # No database behind the session: only the statement matters.
    with watching() as seen, pytest.raises(Exception):  # noqa: B017
        Session().execute(select(Resident.surname, Resident.id))
    assert seen.read_personal == {"resident.surname"}
