"""`wijkteam server …`: the argument parser, without importing the server (whose libraries
are the optional `server` extra; the desktop app never loads them).

Exit codes: 0 done, 2 bad input (a missing certificate, no team name), 1 refused or
unreachable (the database cannot be reached, the server's libraries are not installed)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def add_server_parser(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    server = commands.add_parser("server", help="start de teamserver (HTTPS, PostgreSQL)")
    server.add_argument(
        "--database",
        default=os.environ.get("WIJKTEAM_SERVER_DATABASE"),
        help="PostgreSQL-adres, postgresql://gebruiker:…@host/db (of $WIJKTEAM_SERVER_DATABASE)",
    )
    server.add_argument("--host", default="127.0.0.1", help="adres om op te luisteren")
    server.add_argument("--port", type=int, default=8443, help="poort (standaard 8443)")
    server.add_argument("--certfile", help="TLS-certificaat (PEM)")
    server.add_argument("--keyfile", help="sleutel van het certificaat (PEM)")
    server.add_argument("--workers", type=int, default=1, help="aantal processen (standaard 1)")
    sub = server.add_subparsers(dest="server_command", metavar="SERVEROPDRACHT")
    add = sub.add_parser("add-team", help="een nieuw team en zijn eenmalige registratiecode")
    add.add_argument("--database", dest="team_database", help="PostgreSQL-adres")
    add.add_argument("--name", required=True, help="naam van het team")
    add.add_argument(
        "--certfile", dest="team_certfile", help="certificaat van de server (voor de pin)"
    )


def run_server_command(args: argparse.Namespace) -> int:
    try:
        from wijkteam.server import run
    except ImportError:
        print(
            "De teamserver is niet geïnstalleerd: pip install 'wijkteam[server]'.",
            file=sys.stderr,
        )
        return 1
    if args.server_command == "add-team":
        return _add_team(run, args)
    return _serve(run, args)


def _serve(run, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy.exc import OperationalError

    from wijkteam.server.settings import Settings

    missing = [
        name
        for name, value in (
            ("--database", args.database),
            ("--certfile", args.certfile),
            ("--keyfile", args.keyfile),
        )
        if not value
    ]
    if missing:
        print(f"Geef {', '.join(missing)} (de server werkt alleen via HTTPS).", file=sys.stderr)
        return 2
    for path in (args.certfile, args.keyfile):
        if not Path(path).is_file():
            print(f"Bestand niet gevonden: {path}", file=sys.stderr)
            return 2
    if args.workers < 1 or not 0 <= args.port < 65536:
        print("Geef een geldig aantal processen en een geldige poort.", file=sys.stderr)
        return 2
    settings = Settings(
        database=args.database,
        host=args.host,
        port=args.port,
        certfile=args.certfile,
        keyfile=args.keyfile,
        workers=args.workers,
    )
    try:
        run.serve(settings)
    except OperationalError:
        print("De database is niet bereikbaar of weigert de aanmelding.", file=sys.stderr)
        return 1
    except ValueError:
        print("Het certificaat kan niet worden gelezen (PEM verwacht).", file=sys.stderr)
        return 2
    return 0


def _add_team(run, args: argparse.Namespace) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy.exc import OperationalError

    database = args.team_database or args.database
    if not database or not args.name.strip():
        print("Geef --database en --name.", file=sys.stderr)
        return 2
    try:
        code = run.add_team(database, args.name.strip(), args.team_certfile)
    except OperationalError:
        print("De database is niet bereikbaar of weigert de aanmelding.", file=sys.stderr)
        return 1
    except run.NoServerKey:
        print(
            "Start de server eerst één keer, of geef --certfile, zodat de code de sleutel "
            "van de server kan bevatten.",
            file=sys.stderr,
        )
        return 2
    print(f"Team aangemaakt. Registratiecode (eenmalig, {run.REGISTRATION_HOURS} uur geldig):")
    print(code)
    return 0
