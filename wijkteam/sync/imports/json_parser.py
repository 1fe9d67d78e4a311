"""New meldingen as JSON, in the shapes of the ZGW Zaken API (Zaak and Rol).

The envelope (docs/import-format.md has a full example):

    {"formaat": "wijkteam-meldingen", "versie": 1,
     "zaken": [{"zaak": {<Zaak>}, "rollen": [{<Rol>}, ...]}, ...]}

A Zaak and its Rollen are taken as the Zaken API 1.5 defines them (GET responses or POST
bodies; fields the team does not need, like url, uuid or zaaktype, are ignored). Records are
numbered from 1 in the order of `zaken`.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from typing import Any

from wijkteam.sync.imports.intake import ImportFormat
from wijkteam.sync.imports.limits import MAX_JSON_DEPTH, MAX_RECORDS
from wijkteam.sync.imports.problems import ImportProblem, ImportRefused, PositionUnit
from wijkteam.sync.imports.records import ParsedRow, ParseResult, RawRecord
from wijkteam.sync.imports.validate import check_record
from wijkteam.sync.imports.zgw_roles import RoleReader

ENVELOPE_FORMAT = "wijkteam-meldingen"
ENVELOPE_VERSION = 1
RECORD = PositionUnit.RECORD
_STRUCTURE = re.compile(r'\\.|"|[\[\]{}]', re.DOTALL)


def check_depth(text: str, limit: int = MAX_JSON_DEPTH) -> None:
    """Refuses nesting deeper than `limit` before the parser recurses into it."""
    depth = 0
    in_string = False
    for match in _STRUCTURE.finditer(text):
        token = match.group()
        if in_string:
            in_string = token != '"'
        elif token == '"':
            in_string = True
        elif token in "[{":
            depth += 1
            if depth > limit:
                raise ImportRefused("json_too_deep", max=limit)
        elif token in "]}":
            depth -= 1


def parse_json_text(text: str, today: date) -> ParseResult:
    check_depth(text)
    document = _load(text)
    zaken = _envelope(document)
    if len(zaken) > MAX_RECORDS:
        raise ImportRefused("too_many_records", max=MAX_RECORDS)
    rows: list[ParsedRow] = []
    problems: list[ImportProblem] = []
    for index, item in enumerate(zaken):
        row, found = _record(index, item, today)
        rows.append(row)
        problems.extend(found)
    return ParseResult(ImportFormat.JSON, RECORD, tuple(rows), tuple(problems))


def _load(text: str) -> Any:
    try:
        return json.loads(text, parse_constant=_no_constants)
    except json.JSONDecodeError as error:
        raise ImportRefused("json_syntax", line=error.lineno, column=error.colno) from None
    except (ValueError, RecursionError):  # NaN/Infinity, a 5,000-digit number
        raise ImportRefused("json_syntax", line=0, column=0) from None


def _no_constants(name: str) -> Any:
    raise ValueError(name)


def _envelope(document: Any) -> list[Any]:
    if (
        not isinstance(document, dict)
        or document.get("formaat") != ENVELOPE_FORMAT
        or document.get("versie") != ENVELOPE_VERSION
        or isinstance(document.get("versie"), bool)
        or not isinstance(document.get("zaken"), list)
    ):
        raise ImportRefused("json_envelope", format=ENVELOPE_FORMAT, version=ENVELOPE_VERSION)
    return document["zaken"]


def _record(index: int, item: Any, today: date) -> tuple[ParsedRow, list[ImportProblem]]:
    position = index + 1
    path = f"zaken[{index}]"
    zaak = item.get("zaak") if isinstance(item, dict) else None
    rollen = item.get("rollen") if isinstance(item, dict) else None
    if not isinstance(zaak, dict) or not isinstance(rollen, list):
        shape = ImportProblem.make(position, RECORD, "record_shape", source=path)
        return ParsedRow(position, "", "", None, None, None), [shape]
    reader = RoleReader(position, path)
    values = {
        "case_reference": reader.text(zaak, "identificatie", "case_reference", f"{path}.zaak"),
        "received_on": reader.text(zaak, "registratiedatum", "received_on", f"{path}.zaak")
        or reader.text(zaak, "startdatum", "received_on", f"{path}.zaak"),
        "question": reader.text(zaak, "toelichting", "question", f"{path}.zaak")
        or reader.text(zaak, "omschrijving", "question", f"{path}.zaak"),
        "source": reader.text(zaak, "communicatiekanaalNaam", "source", f"{path}.zaak"),
    }
    values.update(reader.resident(rollen))
    values.update(reader.reporter(rollen, values.get("bsn", "")))
    raw = RawRecord(position, values, reader.sources)
    row, found = check_record(raw, today, RECORD)
    problems = reader.problems + found
    if reader.problems:
        row = replace(row, checked=None)
    return row, problems
