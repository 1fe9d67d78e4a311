"""Headless export commands, for back offices and automation (no Qt):

wijkteam export --data-dir DIR --out FILE [--all]   (passphrase: $WIJKTEAM_EXPORT_PASSPHRASE)
wijkteam receipt --data-dir DIR FILE               (an acknowledgement from the back office)
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wijkteam.errors import StoreError, ValidationError, WijkteamError

# Turns an error into text: ui/messages.describe gives Dutch sentences (the launcher passes
# it); without it, codes are printed. Never a value that may be personal.
Describe = Callable[[Any], str]

PASSPHRASE_ENV = "WIJKTEAM_EXPORT_PASSPHRASE"
COMMANDS = ("export", "receipt")


def add_export_commands(commands: Any) -> None:
    export = commands.add_parser(
        "export", help="schrijf wat het team deed naar een versleuteld bestand voor de gemeente"
    )
    export.add_argument("--data-dir", dest="sub_data_dir", help="map met de gegevens")
    export.add_argument("--out", required=True, help="het bestand dat wordt geschreven (.zip)")
    export.add_argument(
        "--all",
        dest="include_all",
        action="store_true",
        help="alles opnieuw, ook wat de gemeente al bevestigde",
    )
    receipt = commands.add_parser("receipt", help="verwerk een ontvangstbewijs van de gemeente")
    receipt.add_argument("--data-dir", dest="sub_data_dir", help="map met de gegevens")
    receipt.add_argument("file", help="het ontvangstbewijs (.json)")


def plain_describe(error: Any) -> str:
    return f"{error.code} {dict(error.params)}" if isinstance(error, WijkteamError) else str(error)


def run_export_command(
    args: argparse.Namespace, data_dir: Path, describe: Describe = plain_describe
) -> int | None:
    """The exit code, or None when the command is not one of these."""
    if args.command not in COMMANDS:
        return None
    from wijkteam.wiring.headless import open_services_for_command

    try:
        # Encrypted: $WIJKTEAM_PASSPHRASE; the audit log names the member it belongs to.
        services = open_services_for_command(data_dir)
    except StoreError as error:
        print(describe(error), file=sys.stderr)
        return 1
    try:
        if args.command == "export":
            return _export(services, Path(args.out), args.include_all, describe)
        return _receipt(services, Path(args.file), describe)
    finally:
        services.store.close()


def _export(services: Any, target: Path, include_all: bool, describe: Describe) -> int:
    from wijkteam.sync.export.errors import NothingToExport

    passphrase = os.environ.get(PASSPHRASE_ENV, "")
    try:
        result = services.export.exports.export(
            target,
            passphrase,
            include_all=include_all,
            member_id=services.context.actor.member_id,
        )
    except ValidationError as error:  # the passphrase
        print(f"{PASSPHRASE_ENV}: {describe(error)}", file=sys.stderr)
        return 2
    except NothingToExport as nothing:
        print(describe(nothing))
        return 0
    except WijkteamError as error:
        print(describe(error), file=sys.stderr)
        return 1
    counts = ", ".join(f"{n} {kind}" for kind, n in result.batch.counts.items() if n)
    print(f"Export geschreven naar {result.path} (batch {result.batch.uuid}): {counts}.")
    return 0


def _receipt(services: Any, path: Path, describe: Describe) -> int:
    try:
        batch = services.export.batches.acknowledge_receipt(path)
    except WijkteamError as error:
        print(describe(error), file=sys.stderr)
        return 1
    print(f"Batch {batch.uuid} is bevestigd door de gemeente.")
    return 0
