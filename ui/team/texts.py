"""Dutch words for the team sync: the status bar line, a conflict's labels. No Qt here."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from ui.field_labels import FIELD_LABELS
from ui.formatting import MONTHS, format_phone, short_date, short_datetime
from wijkteam.clock import Clock
from wijkteam.domain.team_settings import team_setting_key

# What a synced record is, as a member would say it (kinds named by wijkteam/teamsync).
KIND_LABELS = {
    "member": "Teamlid",
    "social_map_entry": "Sociale kaart",
    "resident": "Inwoner",
    "report": "Melding",
    "home_visit": "Huisbezoek",
    "contact": "Contact",
    "step": "Stap",
    "follow_up": "Nazorg",
    "referral": "Verwijzing",
    "referral_consent": "Toestemming verwijzing",
    "sync_remote": "Verzonden naar de gemeente",
    "sync_batch": "Export naar de gemeente",
    "team_setting": "Teaminstelling",
    "social_map_gap": "Gezocht, niet gevonden",
    "case_fact": "Cijfers van een melding",
}
# A team setting in a conflict, by its key (wijkteam/domain/team_settings.py).
SETTING_LABELS = {
    "team_name": "Naam van het team",
    "municipality": "Gemeente",
    "auto_lock_minutes": "Vergrendelen na (minuten)",
    "retention_grace_days": "Bewaartermijn na bevestiging (dagen)",
    "backups_kept": "Aantal back-ups",
    "follow_up_days": "Nazorgtermijn (dagen)",
}
EMPTY_VALUE = "(leeg)"
_OWN_FIELD_LABELS = {"assigned_member_id": "Teamlid", "member_id": "Teamlid"}


def local_time(moment: datetime) -> datetime:
    """A UTC moment (naive means UTC) as the laptop's wall-clock time, naive."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().replace(tzinfo=None)


def today_here(clock: Clock) -> date:
    """Today on the store's clock, in this laptop's time zone: the clock that stamps the
    last sync (the system clock in use, a fixed one in tests)."""
    return local_time(clock.utcnow()).date()


def when(moment: datetime | None, today: date) -> str:
    """'vandaag 14:05', 'gisteren 09:12', '3 december 10:00', or 'nog nooit'."""
    if moment is None:
        return "nog nooit"
    local = local_time(moment)
    days = (today - local.date()).days
    if days == 0:
        return f"vandaag {local:%H:%M}"
    if days == 1:
        return f"gisteren {local:%H:%M}"
    text = f"{local.day} {MONTHS[local.month - 1]}"
    if local.year != today.year:
        text += f" {local.year}"
    return f"{text} {local:%H:%M}"


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def laptops_text(laptops: Any | None) -> str:
    """A member's laptops in Teamserver…, from a MemberLaptops (None: nothing known)."""
    if laptops is None:
        return "nog geen laptop"
    parts = []
    if laptops.this_laptop:
        parts.append("deze laptop")
    if laptops.others:
        parts.append(_count(laptops.others, "laptop doet", "laptops doen") + " mee")
    if laptops.invite_until is not None:
        until = local_time(laptops.invite_until)
        parts.append(f"uitgenodigd tot {until.day} {MONTHS[until.month - 1]} {until:%H:%M}")
    if laptops.revoked and not (laptops.active or laptops.invite_until):
        parts.append(_count(laptops.revoked, "laptop", "laptops") + " uit het team gehaald")
    return ", ".join(parts) or "nog geen laptop"


def pending_text(pending: int) -> str:
    if pending == 0:
        return "alles gedeeld"
    return _count(pending, "wijziging", "wijzigingen") + " nog te delen"


def conflicts_text(conflicts: int) -> str:
    return _count(conflicts, "conflict", "conflicten")


def theirs_label(
    member: str | None, stored_at: datetime | None, names: dict[str, str], me: str, today: date
) -> str:
    """Whose the other version of a conflict is, and when the team received it:
    'Versie van Tessa Smit, vandaag 14:05'. `member`: a member uuid, or None when unknown."""
    if member is None:
        who = "Versie van het team"
    elif member == me:
        who = "Versie van uw andere laptop"
    else:
        who = f"Versie van {names.get(member, 'een collega')}"
    return who if stored_at is None else f"{who}, {when(stored_at, today)}"


def conflicts_waiting(conflicts: int) -> str:
    verb = "wacht" if conflicts == 1 else "wachten"
    return f"{conflicts_text(conflicts)} {verb} op uw keuze"


def status_line(status: Any, today: date, *, offline: bool, failed: bool = False) -> str:
    """The status bar's team part, from a TeamStatus."""
    if not status.connected:
        return ""
    if status.revoked:
        return "Uit het team gehaald — u werkt alleen op deze laptop"
    last = when(status.last_sync_at, today)
    if offline:
        head = f"Offline — laatste synchronisatie {last}"
    elif failed:
        head = f"Synchronisatie mislukt — laatste synchronisatie {last}"
    else:
        head = f"Gesynchroniseerd {last}"
    return f"{head} · {pending_text(status.pending)}"


def field_label(field: str) -> str:
    label = _OWN_FIELD_LABELS.get(field) or FIELD_LABELS.get(field)
    if label is None:
        return field.replace("_", " ").capitalize()
    for article in ("de ", "het "):
        if label.startswith(article):
            label = label[len(article) :]
    return label[:1].upper() + label[1:]


def conflict_field_label(kind: str, record: uuid.UUID, field: str) -> str:
    """The field as the member knows it; a team setting by the setting it is."""
    if kind == "team_setting" and field == "value":
        key = team_setting_key(record)
        return SETTING_LABELS.get(key or "", "Koppeling met de gemeente")
    return field_label(field)


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


_PHONE_FIELDS = frozenset({"phone", "backup_phone"})


def value_text(value: str | None, names: dict[str, str] | None = None, field: str = "") -> str:
    """A conflicting value as the member reads it elsewhere in the app: a team member's UUID
    as their name, a phone number the Dutch way, a date as dd-mm-jjjj."""
    if value is None or value == "":
        return EMPTY_VALUE
    if names and value in names:
        return names[value]
    if field in _PHONE_FIELDS:
        return format_phone(value) or value
    try:
        if len(value) == 10:
            return short_date(date.fromisoformat(value))
        if len(value) >= 16 and value[10] == "T":
            return short_datetime(datetime.fromisoformat(value))
    except ValueError:
        pass
    return value


def result_text(result: Any) -> str:
    """What one round did, short enough for the status bar beside the team's status."""
    if result.pushed == 0 and result.pulled == 0:
        text = "Gesynchroniseerd: niets nieuws."
    else:
        changes = _count(result.pushed, "wijziging", "wijzigingen")
        text = f"Gesynchroniseerd: {changes} gedeeld, {result.pulled} ontvangen."
    if result.conflicts:
        text += f" {conflicts_waiting(result.conflicts)}."
    return text


OFFLINE_NOTE = "Geen verbinding met de teamserver. U kunt gewoon doorwerken."
