"""`wijkteam import --data-dir DIR FILE`: the import without a window, for back offices.

Exit codes (README, "Exit codes"): 0 every melding in the file is in the store now (imported
now, or before), or with --only-valid every good one is; 1 the store cannot be opened or
written; 2 the file cannot be read at all; 3 the file has problems and nothing was written
(without --only-valid: any error; with it: not one good melding); 4 records resemble known
residents and --name-matches=ask (nothing written); 5 the file holds no meldingen at all (a
header only; nothing written).
Dutch texts come from the `describe` function the caller passes in (ui/messages.describe
for the `wijkteam` command), so this module holds no user-facing sentences of its own.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wijkteam.errors import StoreError, WijkteamError
from wijkteam.sync.imports.preview import ImportPreview, ImportSummary, RowState
from wijkteam.sync.imports.problems import (
    ImportInvalid,
    ImportNeedsDecision,
    ImportNothingValid,
    ImportProblem,
    ImportRefused,
)

if TYPE_CHECKING:
    from wijkteam.sync.imports.service import ImportService

Describe = Callable[[Any], str]
NAME_MATCH_CHOICES = ("ask", "link", "new")
EXIT_OK, EXIT_STORE, EXIT_UNREADABLE, EXIT_INVALID, EXIT_NEEDS_DECISION = 0, 1, 2, 3, 4
EXIT_EMPTY = 5


def add_import_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "import", help="importeer nieuwe meldingen uit een CSV- of JSON-bestand van de gemeente"
    )
    parser.add_argument("--data-dir", dest="sub_data_dir", help="map met de gegevens")
    parser.add_argument("file", metavar="BESTAND", help="het CSV- of JSON-bestand")
    parser.add_argument(
        "--only-valid",
        action="store_true",
        help="als sommige meldingen fouten hebben: importeer alleen de goede",
    )
    parser.add_argument(
        "--name-matches",
        choices=NAME_MATCH_CHOICES,
        default="ask",
        help="melding lijkt op een bekende inwoner (zelfde achternaam en geboortedatum): "
        "ask = niets importeren en de meldingen noemen (standaard), link = koppelen aan die "
        "inwoner, new = een nieuwe inwoner maken",
    )


def plain_describe(item: Any) -> str:
    """Codes and counts instead of sentences, for callers without the interface's texts.
    Never a value from the file: those may be personal data."""
    if isinstance(item, WijkteamError):
        return f"{item.code} {dict(item.params)}"
    if isinstance(item, ImportProblem):
        return f"{item.unit.value} {item.position} {item.field or '-'} {item.code}"
    if isinstance(item, ImportPreview):
        counts = {state.value: item.count(state) for state in RowState}
        return f"records {len(item.rows)} {counts}"
    if isinstance(item, ImportSummary):
        return (
            f"created {item.created} new_residents {item.new_residents} "
            f"already_imported {item.already_imported} skipped_invalid {item.skipped_invalid}"
        )
    return type(item).__name__


def run_import(args: argparse.Namespace, data_dir: Path, describe: Describe) -> int:
    from wijkteam.wiring.headless import open_services_for_command  # loads the services

    try:
        # Encrypted: $WIJKTEAM_PASSPHRASE; the import is in the audit log under that member.
        services = open_services_for_command(data_dir)
    except StoreError as error:
        print(describe(error), file=sys.stderr)
        return EXIT_STORE
    try:
        return _import(services.imports, args, describe)
    finally:
        services.store.close()


def _import(service: ImportService, args: argparse.Namespace, describe: Describe) -> int:
    try:
        preview = service.preview_file(Path(args.file))
    except ImportRefused as error:
        print(describe(error), file=sys.stderr)
        return EXIT_UNREADABLE
    print(describe(preview))
    for problem in preview.problems:
        print(describe(problem), file=sys.stderr)
    if preview.errors and not args.only_valid:
        print(describe(_invalid(preview)), file=sys.stderr)
        return EXIT_INVALID
    if preview.errors and not preview.importable and not preview.count(RowState.ALREADY_IMPORTED):
        print(describe(ImportNothingValid(len(preview.errors))), file=sys.stderr)
        return EXIT_INVALID
    if not preview.rows:
        print(describe(ImportRefused("no_records")), file=sys.stderr)
        return EXIT_EMPTY
    decisions = _decisions(preview, args.name_matches)
    if decisions is None:
        positions = tuple(r.position for r in preview.proposals)
        print(describe(ImportNeedsDecision(positions)), file=sys.stderr)
        return EXIT_NEEDS_DECISION
    summary = service.commit(preview, decisions, only_valid=args.only_valid)
    print(describe(summary))
    return EXIT_OK


def _invalid(preview: ImportPreview) -> WijkteamError:
    return ImportInvalid(len(preview.errors))


def _decisions(preview: ImportPreview, choice: str) -> dict[int, int | None] | None:
    """None when a member has to decide (ask, or link with more than one candidate)."""
    proposals = preview.proposals
    if not proposals:
        return {}
    if choice == "new":
        return {row.position: None for row in proposals}
    if choice == "link" and all(len(row.candidates) == 1 for row in proposals):
        return {row.position: row.candidates[0].id for row in proposals}
    return None
