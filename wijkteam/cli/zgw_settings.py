"""`wijkteam zgw-settings`: the link with the municipality set from a file, or shown in the
same format, so IT configures the next laptop from the first one (no Qt):

    wijkteam zgw-settings --data-dir DIR --file SETTINGS.json
    wijkteam zgw-settings --data-dir DIR --show > SETTINGS.json

Exit codes: 0 done, 2 bad input (the file, or a value in it), 1 refused (the store cannot be
opened). The store opens with $WIJKTEAM_PASSPHRASE like every headless command. Messages
name the setting, never its value; the client secret is never stored, so never shown.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wijkteam.errors import StoreError, ValidationError, ValidationFailed, WijkteamError

Describe = Callable[[Any], str]
COMMAND = "zgw-settings"


def add_settings_command(commands: Any) -> None:
    parser = commands.add_parser(
        COMMAND, help="stel de koppeling met de gemeente in vanuit een bestand, of toon haar"
    )
    parser.add_argument("--data-dir", dest="sub_data_dir", help="map met de gegevens")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--file", help="het bestand met de instellingen (.json)")
    what.add_argument(
        "--show", action="store_true", help="toon de instellingen in hetzelfde formaat"
    )


def run_settings_command(args: argparse.Namespace, data_dir: Path, describe: Describe) -> int:
    from wijkteam.sync.export.settings_file import read_settings_file

    data = None
    if args.file is not None:  # read before the store opens: a bad file needs no password
        try:
            data = read_settings_file(Path(args.file))
        except WijkteamError as error:
            print(describe(error), file=sys.stderr)
            return 2
    from wijkteam.wiring import Services
    from wijkteam.wiring.headless import open_store_for_command

    try:
        store = open_store_for_command(data_dir)  # encrypted: $WIJKTEAM_PASSPHRASE
    except StoreError as error:
        print(describe(error), file=sys.stderr)
        return 1
    try:
        settings = Services.create(store).export.settings
        if data is None:
            return _show(settings)
        return _save(settings, data, describe)
    finally:
        store.close()


def _show(settings: Any) -> int:
    from wijkteam.sync.export.settings_file import settings_json

    sys.stdout.write(settings_json(settings.form()))
    if not settings.is_configured():
        print(
            "De koppeling is nog niet (volledig) ingesteld: vul dit bestand aan en lees het in "
            "met --file.",
            file=sys.stderr,
        )
    return 0


def _save(settings: Any, data: Any, describe: Describe) -> int:
    from wijkteam.sync.export.settings_file import json_key

    try:
        config = settings.save(data)
    except ValidationFailed as failed:
        print("De instellingen zijn niet opgeslagen:", file=sys.stderr)
        for error in failed.errors:
            print(f"- {json_key(error.field)}: {_line(describe, error)}", file=sys.stderr)
        return 2
    print(
        f"De koppeling met de gemeente is ingesteld: RSIN {config.rsin}, "
        f"zaaksysteem {config.zaken_url}."
    )
    return 0


def _line(describe: Describe, error: ValidationError) -> str:
    return " ".join(describe(error).split())
