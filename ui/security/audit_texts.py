"""Dutch words for the audit log: actions, records, results, and what the chain check found."""

from __future__ import annotations

from wijkteam.security.context import AuditAction, AuditResult
from wijkteam.services.audit_log import Labels
from wijkteam.services.audit_records import ChainCheck, ChainProblem

ACTION = {
    AuditAction.VIEW: "bekeken",
    AuditAction.CREATE: "aangemaakt",
    AuditAction.CHANGE: "gewijzigd",
    AuditAction.DELETE: "verwijderd",
    AuditAction.PRINT: "afgedrukt",
    AuditAction.EXPORT: "geëxporteerd",
    AuditAction.ERASE: "gewist",
    AuditAction.RETENTION_REMOVAL: "verwijderd (bewaartermijn)",
    AuditAction.SIGN_IN: "aangemeld",
    AuditAction.UNLOCK: "ontgrendeld",
    AuditAction.PASSWORD: "wachtwoord",
    AuditAction.ACCOUNT: "account beheerd",
    AuditAction.SETTINGS: "instellingen",
    AuditAction.BACKUP: "back-up",
    AuditAction.RESTORE: "back-up teruggezet",
}
RESULT = {AuditResult.DONE: "gedaan", AuditResult.REFUSED: "geweigerd"}
OBJECT = {
    "resident": "inwoner",
    "resident_search": "zoeken naar inwoners",
    "report": "melding",
    "report_list": "meldingen van inwoner",
    "contact": "contactmoment",
    "contact_list": "contactmomenten van inwoner",
    "contact_draft": "gesprek in concept",
    "draft_list": "gesprekken in concept",
    "step": "afspraak",
    "step_list": "afspraken van melding",
    "follow_up": "nabellen",
    "follow_up_list": "nabellijst",
    "timeline": "tijdlijn van inwoner",
    "worklist": "werkvoorraad",
    "visit_plan_list": "huisbezoek nog plannen (Vandaag)",
    "visit_list": "huisbezoeken (Vandaag)",
    "member": "teamlid",
    "team": "team",
    "audit_log": "auditlog",
    "security_settings": "instellingen",
    "recovery_code": "herstelcode",
    "store": "gegevensbestand",
    "retention": "bewaartermijnen",
    "import": "import van meldingen",
    "import_preview": "import bekeken",
    "sync_batch": "export naar gemeente",
    "zgw_settings": "koppeling met de gemeente",
    "sync_preview": "export bekeken",
    "sync_push": "synchroniseren met gemeente",
    "referral": "doorverwijzing",
    "referral_list": "doorverwijzingen",
    "document": "verslag (PDF)",
    "document_list": "documenten van inwoner",
    "social_map": "sociale kaart",
    "social_map_entry": "item op de sociale kaart",
    "social_map_gap": "gezocht, niet gevonden",
    "social_map_gap_list": "gezocht, niet gevonden (lijst)",
}
CSV_LABELS = Labels(
    actions={a.value: t for a, t in ACTION.items()},
    objects=OBJECT,
    results={r.value: t for r, t in RESULT.items()},
)


def _rows(n: int) -> str:
    return "1 regel" if n == 1 else f"{n} regels"


def problem_text(p: ChainProblem, own_device: bool) -> str:
    where = "" if own_device else f" van apparaat {str(p.device_uuid)[:8]}"
    if p.kind == "altered":
        return f"regel {p.seq}{where} is gewijzigd"
    if p.kind == "missing_before":
        return f"{_rows(p.missing)} vóór regel {p.seq}{where} ontbreken"
    return (
        f"de laatste {_rows(p.missing)}{where} ontbreken (tot en met regel {p.seq}); is er een "
        "oudere back-up teruggezet?"
    )


def chain_text(check: ChainCheck, own_device: str) -> str:
    if check.intact:
        devices = "1 apparaat" if check.devices == 1 else f"{check.devices} apparaten"
        text = f"De keten is gaaf: {_rows(check.checked)} van {devices} gecontroleerd."
        if not check.head_known:
            text += (
                " Het einde van de keten kon niet worden vergeleken (het bestand "
                "audit-head.json naast de gegevens ontbreekt)."
            )
        return text
    found = "; ".join(problem_text(p, str(p.device_uuid) == own_device) for p in check.problems[:6])
    more = f" (en {len(check.problems) - 6} meer)" if len(check.problems) > 6 else ""
    return (
        f"Let op: het auditlog is aangetast: {found}{more}. Meld dit bij de functionaris "
        "gegevensbescherming."
    )
