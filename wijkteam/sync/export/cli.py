"""Headless export commands, for back offices and automation (no Qt):

wijkteam export --data-dir DIR --out FILE [--all]   (passphrase: $WIJKTEAM_EXPORT_PASSPHRASE)
wijkteam receipt --data-dir DIR FILE               (an acknowledgement from the back office)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from wijkteam.errors import StoreError, ValidationError, WijkteamError

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


def run_export_command(args: argparse.Namespace, data_dir: Path) -> int | None:
    """The exit code, or None when the command is not one of these."""
    if args.command not in COMMANDS:
        return None
    from wijkteam.services import Services
    from wijkteam.store import open_store, store_path

    try:
        store = open_store(store_path(data_dir))
    except StoreError as error:
        print(f"De opslag kan niet worden geopend ({error.code}).", file=sys.stderr)
        return 1
    try:
        services = Services.create(store)
        if args.command == "export":
            return _export(services, Path(args.out), args.include_all)
        return _receipt(services, Path(args.file))
    finally:
        store.close()


def _export(services: Any, target: Path, include_all: bool) -> int:
    from wijkteam.sync.export.service import NothingToExport

    passphrase = os.environ.get(PASSPHRASE_ENV, "")
    try:
        result = services.export.exports.export(target, passphrase, include_all=include_all)
    except ValidationError as error:
        if error.code == "required":
            print(f"Zet de wachtzin voor het bestand in {PASSPHRASE_ENV}.", file=sys.stderr)
        else:
            print(
                f"De wachtzin in {PASSPHRASE_ENV} is te kort: gebruik minstens "
                f"{error.params.get('min')} tekens.",
                file=sys.stderr,
            )
        return 2
    except NothingToExport:
        print("Er is niets nieuws om te exporteren; er is geen bestand geschreven.")
        return 0
    except WijkteamError as error:
        print(_problem(error), file=sys.stderr)
        return 1
    counts = ", ".join(f"{n} {kind}" for kind, n in result.batch.counts.items() if n)
    print(f"Export geschreven naar {result.path} (batch {result.batch.uuid}): {counts}.")
    return 0


def _receipt(services: Any, path: Path) -> int:
    try:
        batch = services.export.batches.acknowledge_receipt(path)
    except WijkteamError as error:
        print(_problem(error), file=sys.stderr)
        return 1
    print(f"Batch {batch.uuid} is bevestigd door de gemeente.")
    return 0


def _problem(error: WijkteamError) -> str:
    reason = error.params.get("reason")
    texts = {
        "export_not_configured": "De koppeling met de gemeente is nog niet ingesteld. "
        "Doe dat in Wijkteam via Synchronisatie › Instellingen koppeling.",
        "export_target_unwritable": "Het bestand kan daar niet worden geschreven.",
        "resource_invalid": "Een gegeven voldoet niet aan de ZGW-standaard "
        f"({error.params.get('kind')}, veld {error.params.get('field')}); "
        "er is niets geschreven.",
        "receipt_invalid": f"Dit ontvangstbewijs is niet bruikbaar ({reason}).",
    }
    return texts.get(error.code, f"Dat lukte niet ({error.code}).")
