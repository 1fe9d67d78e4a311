"""`wijkteam zgw-settings`: IT configures a laptop from a file and copies one laptop's
settings to the next (`--show` prints exactly what `--file` reads, never the secret), run as
separate processes; bad input says what is wrong in Dutch and exits 2, a store that cannot
be opened exits 1."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import make_team_store, open_team_store, team_environment
from tests.sync.config import SECRET, settings_input
from wijkteam.sync.export.settings_file import json_key, settings_json
from wijkteam.sync.zgw.config_rules import ZgwSettingsInput
from wijkteam.wiring import Services

pytestmark = pytest.mark.slow


def wijkteam(*args: str, passphrase: bool = True) -> subprocess.CompletedProcess[str]:
    env = team_environment()
    if not passphrase:
        env.pop("WIJKTEAM_PASSPHRASE")
    return subprocess.run(
        [sys.executable, "-c", "import sys; from ui.launcher import main; sys.exit(main())", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def form_of(data_dir: Path) -> ZgwSettingsInput:
    store = open_team_store(data_dir)
    try:
        return Services.create(store).export.settings.form()
    finally:
        store.close()


@pytest.fixture
def first_laptop(tmp_path: Path) -> Path:
    folder = tmp_path / "laptop-1"
    store = make_team_store(folder)
    try:
        Services.create(store).export.settings.save(
            settings_input(share_conversation=True, confidentiality="vertrouwelijk")
        )
    finally:
        store.close()
    return folder


def test_show_then_file_copies_the_settings_to_another_laptop(
    first_laptop: Path, tmp_path: Path
) -> None:
    shown = wijkteam("zgw-settings", "--data-dir", str(first_laptop), "--show")
    assert shown.returncode == 0, shown.stderr
    assert shown.stderr == ""
    assert SECRET not in shown.stdout and "secret" not in shown.stdout.lower()
    assert shown.stdout == settings_json(form_of(first_laptop))  # exactly the file format
    exported = json.loads(shown.stdout)
    assert exported["format"] == "wijkteam-zgw-settings" and exported["share_conversation"]
    settings = tmp_path / "koppeling.json"
    settings.write_text(shown.stdout, encoding="utf-8")

    second = tmp_path / "laptop-2"
    make_team_store(second).close()
    made = wijkteam("zgw-settings", "--data-dir", str(second), "--file", str(settings))
    assert made.returncode == 0, made.stderr
    assert "De koppeling met de gemeente is ingesteld" in made.stdout
    assert form_of(second) == form_of(first_laptop)
    again = wijkteam("zgw-settings", "--data-dir", str(second), "--show")
    assert again.stdout == shown.stdout


def test_a_new_laptop_shows_a_template_to_fill_in(tmp_path: Path) -> None:
    make_team_store(tmp_path / "nieuw").close()
    shown = wijkteam("zgw-settings", "--data-dir", str(tmp_path / "nieuw"), "--show")
    assert shown.returncode == 0
    template = json.loads(shown.stdout)
    assert template["rsin"] == "" and set(template["statustypen"]) >= {"new", "closed"}
    assert "nog niet" in shown.stderr


def write(path: Path, body: object) -> Path:
    path.write_text(body if isinstance(body, str) else json.dumps(body), encoding="utf-8")
    return path


def valid_body() -> dict:  # type: ignore[type-arg]
    return json.loads(settings_json(settings_input()))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("{ dit is geen json", "geen geldige JSON (zie regel 1)"),
        ({"rsin": "002220647"}, 'moet "wijkteam-zgw-settings" zijn'),
        ({**valid_body(), "zaak_type": "x"}, "onbekende sleutel: 'zaak_type'"),
        ({**valid_body(), "client_secret": SECRET}, "hoort niet in het instellingenbestand"),
        ({**valid_body(), "share_conversation": "ja"}, "heeft 'share_conversation' de verkeerde"),
        (
            {**valid_body(), "statustypen": {"nieuw": "https://x.example.nl"}},
            "onbekende sleutel: 'statustypen.nieuw'",
        ),
    ],
)
def test_a_file_that_is_not_a_settings_file_is_refused_in_dutch(
    first_laptop: Path, tmp_path: Path, body: object, expected: str
) -> None:
    before = form_of(first_laptop)
    result = wijkteam(
        "zgw-settings",
        "--data-dir",
        str(first_laptop),
        "--file",
        str(write(tmp_path / "k.json", body)),
    )
    assert result.returncode == 2
    assert expected in result.stderr, result.stderr
    assert SECRET not in result.stderr and "Traceback" not in result.stderr
    assert form_of(first_laptop) == before  # nothing changed


def test_wrong_values_are_named_by_their_key_and_nothing_is_saved(
    first_laptop: Path, tmp_path: Path
) -> None:
    before = form_of(first_laptop)
    body = valid_body()
    body["rsin"] = "002220648"
    body["zaken_url"] = "http://zaken.example.nl/zaken/api/v1"
    body["statustypen"]["new"] = ""
    body["resultaattypen"]["moved"] = "https://elders.example.nl/resultaattypen/x"
    del body["roltype_member"]
    result = wijkteam(
        "zgw-settings",
        "--data-dir",
        str(first_laptop),
        "--file",
        str(write(tmp_path / "k.json", body)),
    )
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0] == "De instellingen zijn niet opgeslagen:"
    assert "- rsin: Dit is geen geldig RSIN: het voldoet niet aan de elfproef." in result.stderr
    assert "- zaken_url: Gebruik een beveiligd adres dat met https:// begint." in lines
    assert "- statustypen.new: Vul het statustype voor 'Nieuw' in." in lines
    assert any(line.startswith("- resultaattypen.moved: Dit adres hoort niet") for line in lines)
    assert "- roltype_member: Vul het roltype voor het teamlid in." in lines
    assert form_of(first_laptop) == before


def test_a_store_that_cannot_be_opened_is_refused_with_exit_1(
    first_laptop: Path, tmp_path: Path
) -> None:
    settings = write(tmp_path / "k.json", valid_body())
    no_password = wijkteam(
        "zgw-settings", "--data-dir", str(first_laptop), "--file", str(settings), passphrase=False
    )
    assert no_password.returncode == 1 and "WIJKTEAM_PASSPHRASE" in no_password.stderr
    nowhere = wijkteam("zgw-settings", "--data-dir", str(tmp_path / "leeg"), "--show")
    assert nowhere.returncode == 1 and "Start eerst Wijkteam" in nowhere.stderr
    neither = wijkteam("zgw-settings", "--data-dir", str(first_laptop))
    assert neither.returncode == 2  # one of --file and --show


def test_the_file_keys_of_the_form_fields() -> None:
    assert json_key("statustype:new") == "statustypen.new"
    assert json_key("resultaattype:moved") == "resultaattypen.moved"
    assert json_key("zaaktype") == "zaaktype"
