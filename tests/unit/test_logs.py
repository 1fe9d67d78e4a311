"""The log (wijkteam/logs.py): owner-only files in the data folder, tracebacks without
messages or locals, SQL parameters hidden, and a short reference for unexpected errors."""

from __future__ import annotations

import logging
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from wijkteam import logs
from wijkteam.store import Store

NAME, BSN = "Quirijn Fictiefsma", "999000184"


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "gegevens"
    logs.close()


def _fail_with_a_name() -> None:
    resident = NAME  # noqa: F841 - a local that a verbose traceback would show
    raise ValueError(f"geen postcode voor {NAME}, BSN {BSN}")


def _caught() -> BaseException:
    try:
        try:
            _fail_with_a_name()
        except ValueError as first:
            raise RuntimeError(f"opslaan mislukt voor {NAME}") from first
    except RuntimeError as error:
        return error
    raise AssertionError


def test_a_traceback_keeps_types_and_frames_but_no_message_or_locals() -> None:
    written = logs.safe_traceback(_caught())
    assert NAME not in written and BSN not in written and "postcode" not in written
    assert "builtins.ValueError" in written and "builtins.RuntimeError" in written
    assert re.search(r"tests/unit/test_logs\.py:\d+ in _fail_with_a_name", written)
    assert (
        written.index("ValueError") < written.index("which led to") < written.index("RuntimeError")
    )
    assert str(Path.home()) not in written


def test_the_log_file_is_the_owners_only_also_after_rotating(
    log_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 300)
    path = logs.configure(log_dir)
    assert path == log_dir / "logs" / "wijkteam.log"
    for number in range(40):
        logging.getLogger("wijkteam.test").info("regel %d van de proef", number)
    rotated = sorted(path.parent.glob("wijkteam.log*"))
    assert len(rotated) > 2
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in rotated} == {0o600}


def test_log_exception_anywhere_prints_no_message(log_dir: Path) -> None:
    path = logs.configure(log_dir)
    assert path is not None
    try:
        _fail_with_a_name()
    except ValueError:
        logging.getLogger("wijkteam.test").exception("saving failed")
    written = path.read_text(encoding="utf-8")
    assert "saving failed" in written and "builtins.ValueError" in written
    assert NAME not in written and BSN not in written


def test_an_unexpected_error_gets_a_short_reference(log_dir: Path) -> None:
    path = logs.configure(log_dir)
    assert path is not None
    reference = logs.report_unexpected(_caught(), "a test")
    assert re.fullmatch(r"[0-9A-F]{8}", reference)
    written = path.read_text(encoding="utf-8")
    assert f"Unexpected RuntimeError in a test, reference {reference}" in written
    assert NAME not in written
    assert reference in logs.unexpected_line(reference)


def test_an_unwritable_data_folder_does_not_stop_anything(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    assert logs.configure(blocker / "gegevens") is None
    logging.getLogger("wijkteam.test").warning("nothing breaks")


def test_sql_parameters_never_reach_an_error_message(store: Store) -> None:
    with pytest.raises(Exception) as raised, store.engine.connect() as connection:
        connection.execute(text("SELECT * FROM bestaat_niet WHERE naam = :naam"), {"naam": NAME})
    assert NAME not in str(raised.value)
    assert "parameters hidden" in str(raised.value)


def test_the_hook_logs_and_lets_go_of_the_failed_frames(
    log_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    path = logs.configure(log_dir)
    assert path is not None
    hooks = logs.install_hooks()
    try:
        error = _caught()
        sys.last_traceback = error.__traceback__  # what PyErr_Print leaves behind
        sys.excepthook(type(error), error, error.__traceback__)
    finally:
        logs.restore_hooks(hooks)
    assert sys.last_traceback is None and error.__traceback__ is None
    assert "referentie" in capsys.readouterr().err
    assert "Unexpected RuntimeError in the main thread" in path.read_text(encoding="utf-8")
