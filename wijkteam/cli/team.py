"""`wijkteam team …` and `wijkteam sync`: this laptop in its team, headless (no Qt).

    wijkteam team connect --data-dir DIR --server URL --code CODE   (coordinator)
    wijkteam team invite  --data-dir DIR --initials XX              (coordinator)
    wijkteam team join    --data-dir NEWDIR --server URL --code CODE --initials XX
    wijkteam team revoke  --data-dir DIR --initials XX              (coordinator)
    wijkteam team rotate  --data-dir DIR                            (coordinator)
    wijkteam team pusher  --data-dir DIR [--device ID]   (who sends to the municipality;
                                                          --device: coordinator designates)
    wijkteam sync         --data-dir DIR

Exit codes: 0 done, 3 done with conflicts waiting, 2 bad input (a mistyped code, unknown
initials, a weak password), 1 refused or unreachable (the server, the store, the role).
An existing store opens with $WIJKTEAM_PASSPHRASE; `join` takes the new password from it, or
asks twice at a terminal. Nothing personal is printed: codes, counts and Dutch sentences.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wijkteam.errors import (
    NoPassphrase,
    NotAllowed,
    StoreError,
    ValidationError,
    ValidationFailed,
    WijkteamError,
)
from wijkteam.teamproto.errors import CodeInvalid
from wijkteam.teamsync.errors import InitialsMismatch, UnknownDevice

Describe = Callable[[Any], str]
EXIT_DONE, EXIT_REFUSED, EXIT_BAD_INPUT, EXIT_CONFLICTS = 0, 1, 2, 3
BAD_INPUT = (CodeInvalid, ValidationFailed, InitialsMismatch, UnknownDevice)


def add_team_commands(commands: Any) -> None:
    team = commands.add_parser("team", help="samenwerken met het team via de teamserver")
    actions = team.add_subparsers(dest="team_command", metavar="ACTIE", required=True)

    def action(name: str, help_text: str) -> argparse.ArgumentParser:
        parser = actions.add_parser(name, help=help_text)
        parser.add_argument("--data-dir", dest="sub_data_dir", help="map met de gegevens")
        return parser

    connect = action("connect", "sluit deze opslag aan op de teamserver (coördinator)")
    connect.add_argument("--server", required=True, help="adres van de teamserver (https://…)")
    connect.add_argument("--code", required=True, help="de registratiecode van de beheerder")
    invite = action("invite", "maak een uitnodiging voor de laptop van een teamlid")
    invite.add_argument("--initials", required=True, help="initialen van het teamlid")
    join = action("join", "meld een nieuwe laptop aan bij het team met een uitnodiging")
    join.add_argument("--server", required=True, help="adres van de teamserver (https://…)")
    join.add_argument("--code", required=True, help="de uitnodigingscode")
    join.add_argument("--initials", required=True, help="uw initialen")
    revoke = action("revoke", "haal de laptop(s) van een teamlid uit het team")
    revoke.add_argument("--initials", required=True, help="initialen van het teamlid")
    action("rotate", "vernieuw de teamsleutel")
    pusher = action("pusher", "toon welke laptop het werk van het team naar de gemeente verstuurt")
    pusher.add_argument(
        "--device",
        help="wijs deze laptop aan (apparaatcode of het begin ervan, zoals getoond; coördinator)",
    )
    sync = commands.add_parser("sync", help="synchroniseer één keer met het team")
    sync.add_argument("--data-dir", dest="sub_data_dir", help="map met de gegevens")


def run_team_command(args: argparse.Namespace, data_dir: Path, describe: Describe) -> int:
    try:
        if args.command == "team" and args.team_command == "join":
            return _join(args, data_dir)
        return _with_store(args, data_dir)
    except BAD_INPUT as error:
        print(describe(error), file=sys.stderr)
        return EXIT_BAD_INPUT
    except (WijkteamError, StoreError) as error:
        print(describe(error), file=sys.stderr)
        return EXIT_REFUSED


def _with_store(args: argparse.Namespace, data_dir: Path) -> int:
    from wijkteam.wiring.headless import open_services_for_command

    services = open_services_for_command(data_dir)
    try:
        team = services.team
        if args.command == "sync":
            result = team.sync()
            print(f"Gesynchroniseerd: {result.pushed} verstuurd, {result.pulled} ontvangen.")
            if result.conflicts:
                print(f"{result.conflicts} verschil(len) wachten op een keuze in Wijkteam.")
                return EXIT_CONFLICTS
            return EXIT_DONE
        command = args.team_command
        if command == "connect":
            code = team.connect(args.server, args.code)
            print("Aangesloten op de teamserver; de opslag is geüpload.")
            print(f"Herstelcode van het team (één keer getoond; bewaar hem op papier): {code}")
        elif command == "invite":
            code = team.invite(_member_id(services, args.initials))
            print(f"Uitnodigingscode (72 uur geldig, één keer te gebruiken): {code}")
        elif command == "revoke":
            team.revoke(_member_id(services, args.initials))
            print("De laptop(s) van dit teamlid zijn uit het team gehaald; nieuwe teamsleutel.")
        elif command == "rotate":
            team.rotate()
            print("De teamsleutel is vernieuwd.")
        elif command == "pusher":
            _pusher(services, args.device)
        return EXIT_DONE
    finally:
        services.store.close()


def _pusher(services: Any, device: str | None) -> None:
    """Lists the team's laptops and which one sends to the municipality; with a device,
    designates it first. Device codes and initials only, never a name."""
    if device is not None:
        chosen = services.team_pusher.designate(device)
        print(f"Aangewezen: laptop {chosen.short} ({chosen.member_initials or '?'}) verstuurt "
              "voortaan het werk van het team naar de gemeente.")  # fmt: skip
    view = services.team_pusher.view()
    if not view.team:
        print("Deze laptop hoort niet bij een team en verstuurt zelf naar de gemeente.")
        return
    for item in view.devices:
        marks = [m for m, on in (("coördinator", item.coordinator),
                                 ("verstuurt naar de gemeente", item.pusher),
                                 ("deze laptop", item.this_laptop)) if on]  # fmt: skip
        suffix = f"  ({', '.join(marks)})" if marks else ""
        print(f"{'*' if item.pusher else ' '} {item.short}  {item.member_initials or '?'}{suffix}")
    if view.pusher is None:
        print("De lijst met laptops van het team is nog niet binnen: synchroniseer eerst.")
    elif not view.designated:
        print("Niemand aangewezen: de laptop van de coördinator verstuurt.")


def _member_id(services: Any, initials: str) -> int:
    for member in services.members.list(include_inactive=True):
        if member.initials.casefold() == initials.strip().casefold():
            return int(member.id)
    raise ValidationFailed([ValidationError("member_initials", "no_such_member")])


def _join(args: argparse.Namespace, data_dir: Path) -> int:
    from wijkteam.wiring.access import StoreAccess

    password, again = _new_password()
    opened = StoreAccess(data_dir).join_team(args.server, args.code, args.initials, password, again)
    try:
        print(f"Aangemeld bij het team als {opened.member.initials}.")
        print(
            "Herstelcode van deze laptop (één keer getoond; bewaar hem op papier): "
            f"{opened.recovery_code}"
        )
    finally:
        opened.services.store.close()
    return EXIT_DONE


def _new_password() -> tuple[str, str]:
    value = os.environ.get("WIJKTEAM_PASSPHRASE")
    if value:
        return value, value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass("Nieuw wachtwoord: "), getpass.getpass("Nogmaals: ")
    raise NoPassphrase()


__all__ = ["NotAllowed", "add_team_commands", "run_team_command"]
