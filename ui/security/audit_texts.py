"""Dutch words for the audit log: actions, records, results, and what the chain check found."""

from __future__ import annotations

from wijkteam.security.audit_labels import action_label, object_labels, result_label
from wijkteam.security.context import AuditAction, AuditResult
from wijkteam.services.audit_log import Labels
from wijkteam.services.audit_records import ChainCheck, ChainProblem

# The words come from resources/documents/audit.json, shared with the inzage's protocol.
ACTION = {action: action_label(action.value) for action in AuditAction}
RESULT = {result: result_label(result.value) for result in AuditResult}
OBJECT = object_labels()
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
