"""Headless commands (no Qt): `wijkteam demo-data ...`. The GUI entry point in ui/launcher.py
adds the window and hands subcommands to `run_command`.

Every command logs to the data folder's log (wijkteam/logs.py). An unexpected error is
logged there under a reference (type and frames, nothing personal) and the command prints
one Dutch line with that reference and exits with EXIT_UNEXPECTED."""

from __future__ import annotations

import argparse
import logging
import sys

from wijkteam import __version__, logs
from wijkteam.cli.export import add_export_commands, run_export_command
from wijkteam.cli.imports import Describe, add_import_parser, plain_describe, run_import
from wijkteam.cli.team import add_team_commands, run_team_command
from wijkteam.cli.zgw_settings import add_settings_command, run_settings_command
from wijkteam.errors import (
    PassphraseRefused,
    SignInRefused,
    StoreError,
    StoreNotSetUp,
    Unexpected,
    ValidationFailed,
)
from wijkteam.paths import resolve_data_dir
from wijkteam.server_command import add_server_parser, run_server_command


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wijkteam",
        description="Wijkteam: meldingen, huisbezoek, vrij gesprek en nazorg.",
    )
    parser.add_argument("--version", action="version", version=f"Wijkteam {__version__}")
    parser.add_argument(  # handled by ui/launcher.py (issue 18: ui/selftest.py)
        "--self-test",
        nargs="?",
        const="",
        metavar="BESTAND",
        help="controleer deze installatie (opslag, PDF, Qt) en stop; verslag naar BESTAND "
        "of het scherm",
    )
    parser.add_argument(
        "--data-dir",
        help="map met de gegevens (standaard: $WIJKTEAM_DATA_DIR of de gebruikersmap)",
    )
    commands = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    demo = commands.add_parser("demo-data", help="maak of vul een opslag met demo-gegevens")
    demo.add_argument("--data-dir", dest="sub_data_dir", help="map met de gegevens")
    demo.add_argument("--residents", type=int, default=60, help="aantal inwoners (standaard 60)")
    demo.add_argument("--seed", type=int, default=2020, help=argparse.SUPPRESS)
    add_import_parser(commands)
    add_export_commands(commands)
    add_settings_command(commands)
    add_server_parser(commands)
    add_team_commands(commands)
    return parser


def data_dir_of(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    return resolve_data_dir(getattr(args, "sub_data_dir", None) or args.data_dir)


EXIT_UNEXPECTED = 70  # EX_SOFTWARE
log = logging.getLogger(__name__)


def run_command(args: argparse.Namespace, describe: Describe = plain_describe) -> int:
    """`describe` turns errors and import results into text (ui/messages.describe gives
    Dutch sentences; the default prints codes)."""
    logs.configure(data_dir_of(args))
    hooks = logs.install_hooks()
    log.info("Command %s starts", args.command)
    try:
        try:
            code = _dispatch(args, describe)
        except Exception as error:  # the one handler for what no rule foresaw
            reference = logs.report_unexpected(error, f"the command {args.command}")
            print(describe(Unexpected(reference)), file=sys.stderr)
            code = EXIT_UNEXPECTED
        log.info("Command %s ends with exit code %d", args.command, code)
        return code
    finally:
        logs.restore_hooks(hooks)
        logs.close()


def _dispatch(args: argparse.Namespace, describe: Describe) -> int:
    if args.command == "demo-data":
        return _demo_data(args, describe)
    if args.command == "server":
        return run_server_command(args)
    if args.command == "import":
        return run_import(args, data_dir_of(args), describe)
    if args.command == "zgw-settings":
        return run_settings_command(args, data_dir_of(args), describe)
    if args.command in ("team", "sync"):
        return run_team_command(args, data_dir_of(args), describe)
    exported = run_export_command(args, data_dir_of(args), describe)
    if exported is not None:
        return exported
    raise SystemExit(f"onbekende opdracht: {args.command}")


def _demo_data(args: argparse.Namespace, describe: Describe) -> int:
    from wijkteam.demo.generator import generate

    if args.residents < 1:
        print("Geef een aantal inwoners van 1 of meer.", file=sys.stderr)
        return 2
    opened = _open(args, describe, allow_new=True)
    if opened is None:
        return 1
    store = opened.services.store
    try:
        summary = generate(store, opened.services.audit, residents=args.residents, seed=args.seed)
    finally:
        store.close()
    if opened.recovery_code:
        print(
            "Nieuwe versleutelde opslag gemaakt. Aanmelden kan met de initialen "
            f"{opened.member.initials} en het wachtwoord uit WIJKTEAM_PASSPHRASE.\n"
            f"Herstelcode (wordt maar één keer getoond; bewaar hem op papier): "
            f"{opened.recovery_code}"
        )
    print(
        f"Demo-gegevens toegevoegd: {summary.residents} inwoners, "
        f"{summary.reports} meldingen, {summary.members} teamleden."
    )
    return 0


def _open(args: argparse.Namespace, describe: Describe, *, allow_new: bool):  # type: ignore[no-untyped-def]
    """The encrypted store, opened with $WIJKTEAM_PASSPHRASE (or a prompt); None after
    explaining on stderr why not. Never prints the passphrase or anything personal."""
    from wijkteam.security.state import StoreState, store_state
    from wijkteam.wiring.headless import open_headless, passphrase_from_environment

    data_dir = data_dir_of(args)
    try:
        state = store_state(data_dir)
        if state is StoreState.PLAIN or (state is StoreState.NEW and not allow_new):
            raise StoreNotSetUp()
        try:
            return open_headless(data_dir, state, passphrase_from_environment())
        except SignInRefused as refused:
            raise PassphraseRefused() from refused
    except (StoreError, ValidationFailed) as error:
        print(describe(error), file=sys.stderr)
    return None


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        print("Geef een opdracht, bijvoorbeeld: wijkteam demo-data --data-dir MAP", file=sys.stderr)
        return 2
    return run_command(args)
