"""Freeze a store made by a release as a test fixture (tests/fixtures/stores/<name>/).

    .venv/bin/python packaging/freeze_release_store.py                 # this checkout's release
    .venv/bin/python packaging/freeze_release_store.py --commit 9c99c41  # an earlier one, from git

Each release runs the first form once, before it is tagged, and commits the new folder: the
tests then open that store with every later version (tests/packaging/test_release_stores.py).

This checkout: `wijkteam demo-data` makes an encrypted store as users have it (key file,
SQLCipher, strong key derivation), then this script adds, through the services, what the demo
leaves empty (a saved conversation draft, a kept visit summary, an export batch, a pushed
resource in the push ledger, an erased resident's anonymous figures), so that every table
holds rows. `--commit`: that commit is checked out into a temporary git worktree and its own
`demo-data` runs (an early release writes an unencrypted store). Either way the folder gets the
store, its keys.json (encrypted stores), manifest.json (per table: row count and UUIDs, read
without migrating) and a README with the password. All data is synthetic.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIXTURES = ROOT / "tests" / "fixtures" / "stores"
PASSWORD = "vrijgegeven versie 2026"  # synthetic store: the password is in its README
INITIALS = "AM"  # the demo coordinator
RESIDENTS = 20  # enough for conversations, steps, follow-ups and referrals in the demo


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commit", help="an earlier release from git history (its own code)")
    parser.add_argument("--residents", type=int, default=RESIDENTS)
    parser.add_argument("--out", type=Path, default=FIXTURES)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="wijkteam-bevriezen-") as work:
        data = Path(work) / "data"
        if args.commit:
            commit = _full_commit(args.commit)
            _demo_data_of_commit(commit, Path(work) / "src", data, args.residents)
        else:
            commit = _full_commit("HEAD")
            changed = _git("status", "--porcelain", "--", "wijkteam", "ui", "resources")
            if changed:
                raise SystemExit("Commit de code eerst: de opslag moet van een commit zijn.")
            _demo_data(ROOT, data, args.residents)
            _fill_every_table(data, Path(work))
        folder = _freeze(data, commit, args.out, args.residents, every_table=not args.commit)
    print(f"Vastgelegd: {folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder}")
    return 0


# --- making the store -----------------------------------------------------------------------
def _full_commit(ref: str) -> str:
    return _git("rev-parse", "--verify", f"{ref}^{{commit}}").strip()


def _git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def _demo_data(source: Path, data: Path, residents: int) -> None:
    """That source tree's own `wijkteam demo-data`, run as a user would."""
    env = {**os.environ, "WIJKTEAM_PASSPHRASE": PASSWORD, "PYTHONPATH": str(source)}
    env.pop("WIJKTEAM_DATA_DIR", None)
    command = [sys.executable, "-m", "wijkteam", "demo-data", "--data-dir", str(data)]
    subprocess.run(
        [*command, "--residents", str(residents)], cwd=source, env=env, check=True, timeout=600
    )


def _demo_data_of_commit(commit: str, source: Path, data: Path, residents: int) -> None:
    _git("worktree", "add", "--detach", str(source), commit)
    try:
        _demo_data(source, data, residents)
    finally:
        _git("worktree", "remove", "--force", str(source))


def _fill_every_table(data: Path, work: Path) -> None:
    """What demo-data leaves empty, made through the services as the app would."""
    from sqlalchemy import select

    from wijkteam.demo.zgw_example import example_settings
    from wijkteam.documents.summary_choices import SummaryChoices, compose_summary
    from wijkteam.documents.visit_summary import build_visit_summary
    from wijkteam.domain.contacts import ContactKind, Theme
    from wijkteam.domain.documents import THEME_KEYS, DocumentKind
    from wijkteam.domain.enums import Language
    from wijkteam.security.state import store_state
    from wijkteam.services.contact_records import ContactInput
    from wijkteam.store.models import Contact, Report, Resident
    from wijkteam.sync.export.push.ledger import Ledger
    from wijkteam.sync.zgw.resources import Resource, ResourceKind
    from wijkteam.wiring.headless import open_headless

    opened = open_headless(data, store_state(data), PASSWORD)
    services, store = opened.services, opened.services.store
    try:
        with store.transaction() as session:
            contact = session.scalars(select(Contact).order_by(Contact.id)).first()
            assert contact is not None, "demo-data wrote no conversation"
            report_id, resident_id = contact.report_id, contact.resident_id
            report_uuid = session.get(Report, report_id).uuid
            closed = session.scalars(
                select(Resident.id)
                .join(Report, Report.resident_id == Resident.id)
                .where(Report.closed_on.isnot(None), Resident.id != resident_id)
                .order_by(Resident.id)
            ).first()
        assert report_id is not None and closed is not None
        # A conversation typed but not saved yet: the editor's autosaved draft.
        services.drafts.save(
            None,
            resident_id,
            None,
            ContactInput(
                ContactKind.PHONE, f"{date.today():%d-%m-%Y}", themes={Theme.WHO: "Concept."}
            ),
        )
        # A visit summary printed for the resident, kept in the dossier.
        draft = services.documents.visit_summary_draft(report_id)
        choices = SummaryChoices(
            Language.DUTCH, themes=THEME_KEYS, steps=range(len(draft.summary.next_steps))
        )
        pdf = build_visit_summary(compose_summary(draft, choices))
        services.documents.record(
            resident_id, DocumentKind.VISIT_SUMMARY, Language.DUTCH, pdf, report_id=report_id
        )
        # An export for the municipality, and one resource of it acknowledged by a push.
        services.export.settings.save(example_settings())
        services.export.exports.export(work / "export.zip", PASSWORD, include_all=True)
        zaak_url = services.export.settings.config().urls.url(ResourceKind.ZAAK, report_uuid)
        zaak = Resource(ResourceKind.ZAAK, report_uuid, zaak_url, {"demo": True}, report_uuid)
        Ledger(store).mark_created(zaak, zaak_url)
        # An erased resident leaves anonymous figures of their closed case.
        services.privacy.erase(closed)
    finally:
        store.close()


# --- freezing ---------------------------------------------------------------------------------
def _freeze(data: Path, commit: str, out: Path, residents: int, every_table: bool) -> Path:
    from wijkteam import __version__
    from wijkteam.store.cipher import is_plain_sqlite
    from wijkteam.store.manifest import record_manifest

    store = data / "wijkteam.db"
    leftovers = [p.name for p in data.iterdir() if p.name.endswith(("-wal", "-journal"))]
    if leftovers:
        raise SystemExit(f"De opslag is niet netjes gesloten: {leftovers}")
    encrypted = not is_plain_sqlite(store)
    engine = _read_only_engine(store, data / "keys.json" if encrypted else None)
    with engine.connect() as connection:
        manifest = record_manifest(connection)
    engine.dispose()
    version = __version__ if commit == _full_commit("HEAD") else _version_at(commit)
    name = f"{version}-{commit[:7]}-schema-{manifest['revision']}"
    name += "" if encrypted else "-onversleuteld"
    folder = out / name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copy2(store, folder / "wijkteam.db")
    if encrypted:
        shutil.copy2(data / "keys.json", folder / "keys.json")
    manifest["made_by"] = {
        "version": version,
        "commit": commit,
        "command": f"wijkteam demo-data --residents {residents}",
        "on": f"{date.today():%Y-%m-%d}",
        "every_table": every_table,  # rows added where the demo leaves a table empty
    }
    manifest["sign_in"] = {"initials": INITIALS, "password": PASSWORD} if encrypted else None
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    (folder / "README.md").write_text(_readme(manifest, encrypted), encoding="utf-8")
    return folder


def _read_only_engine(store: Path, keys: Path | None) -> Any:
    from sqlalchemy import create_engine

    from wijkteam.security.keyring import KeyRing
    from wijkteam.store.cipher import Cipher, connect_plain

    if keys is None:
        return create_engine("sqlite://", creator=lambda: connect_plain(store, read_only=True))
    cipher = Cipher(KeyRing.load(keys).unlock_any(PASSWORD).store_key)
    return create_engine(
        "sqlite://", module=cipher.module, creator=lambda: cipher.connect(store, read_only=True)
    )


def _version_at(commit: str) -> str:
    for line in _git("show", f"{commit}:wijkteam/__init__.py").splitlines():
        if line.startswith("__version__"):
            return line.split("=")[1].strip().strip("\"'")
    return "onbekend"


def _readme(manifest: dict[str, Any], encrypted: bool) -> str:
    made = manifest["made_by"]
    rows = sum(t["count"] for t in manifest["tables"].values())
    lines = [
        f"# Store of Wijkteam {made['version']} (commit {made['commit'][:10]}), "
        f"schema {manifest['revision']}",
        "",
        f"Made on {made['on']} by `packaging/freeze_release_store.py`: that release's "
        f"`{made['command']}`. Synthetic data only (invented residents of Vaals); "
        f"{len(manifest['tables'])} tables, {rows} rows, listed in `manifest.json`.",
        "",
    ]
    if encrypted:
        lines += [
            "Encrypted as users have it (SQLCipher, `keys.json` beside it). Sign in with "
            f"initials `{INITIALS}` and the password `{PASSWORD}`.",
        ]
    else:
        lines += [
            "Unencrypted, as the first releases wrote it: the current version converts it "
            "at its first start (a new team and coordinator), then migrates it.",
        ]
    lines += [
        "",
        "`tests/packaging/test_release_stores.py` opens a copy with the current version and "
        "checks that it migrates and every record of the manifest is still there. Never edit "
        "these files; freeze a new folder instead.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
