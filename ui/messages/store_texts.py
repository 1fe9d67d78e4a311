"""Dutch sentences for what can happen to the store file itself: missing, damaged, a full
disk, a backup that did not check out (issue 17)."""

from __future__ import annotations

from datetime import UTC, datetime

from ui.formatting import long_date
from ui.messages.registry import Entry, typed
from wijkteam.errors import (
    BackupUnverified,
    KeyFileMissing,
    StoreDamaged,
    StoreDiskFull,
    StoreMissing,
)

_RESTORE_HINT = (
    "Zet die terug: meld u aan in Wijkteam, dat biedt het terugzetten aan (of Beheer › "
    "Back-up terugzetten). Wat daarna is ingevoerd, staat niet in die back-up."
)


def when_made(moment: datetime) -> str:
    local = moment.replace(tzinfo=UTC).astimezone()
    return f"{long_date(local.date())} om {local:%H:%M}"


def damaged(error: StoreDamaged) -> str:
    text = (
        "Het gegevensbestand is beschadigd. Wijkteam werkt er niet verder mee, zodat er niets "
        "bij komt of verder beschadigd raakt; het bestand is niet gewist. "
    )
    backup = error.params.get("backup")
    if isinstance(backup, datetime):
        return text + f"De laatste goede back-up is van {when_made(backup)}. {_RESTORE_HINT}"
    return text + "Er is geen goede back-up gevonden. Neem contact op met uw beheerder."


STORE_TEXTS: tuple[Entry, ...] = (
    typed(
        StoreMissing,
        "Het gegevensbestand wijkteam.db ontbreekt (of is leeg), terwijl het sleutelbestand "
        "keys.json er wel staat. Wijkteam maakt geen nieuw, leeg bestand in de plaats. Zet "
        "wijkteam.db terug uit een back-up (de map backups) of neem contact op met uw beheerder.",
    ),
    typed(
        KeyFileMissing,
        "Naast het gegevensbestand wijkteam.db ontbreekt het sleutelbestand keys.json, of het "
        "gegevensbestand is geen Wijkteam-bestand of is beschadigd. Het is niet aangeraakt. "
        "Zonder keys.json zijn versleutelde gegevens niet te lezen: zet het terug uit een "
        "back-up (de map backups) of neem contact op met uw beheerder.",
    ),
    typed(StoreDamaged, damaged),
    typed(
        StoreDiskFull,
        "De schijf is vol. Wat u net deed, is niet opgeslagen en er is niets half geschreven; "
        "wat eerder was opgeslagen, is er nog. Maak ruimte vrij en probeer het opnieuw.",
    ),
    typed(
        BackupUnverified,
        "De nieuwe back-up kwam niet door de controle en is niet bewaard. De oudere back-ups "
        "blijven staan. Probeer het later opnieuw; lukt het weer niet, neem dan contact op met "
        "uw beheerder.",
    ),
)
