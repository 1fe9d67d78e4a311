"""Dutch sentences for the team server and the team sync (wijkteam/teamsync, teamproto)."""

from __future__ import annotations

from ui.messages.registry import Entry, typed
from wijkteam.teamproto.errors import (
    ChainBroken,
    CodeInvalid,
    OpenFailed,
    SignatureInvalid,
    TeamError,
)
from wijkteam.teamsync.errors import (
    AlreadyConnected,
    CodeRefused,
    ConflictSettled,
    DeviceRevoked,
    EpochStale,
    InitialsMismatch,
    InviteKeyWrong,
    NotConnected,
    NotCoordinator,
    NotTeamPusher,
    OutOfOrder,
    RateLimited,
    ServerKeyMismatch,
    ServerRefused,
    ServerUnreachable,
    TokenRefused,
    UnknownDevice,
    VersionRollback,
)

_CODE_REFUSED = {
    "code_unknown": "Deze code is onbekend bij de teamserver. Controleer de code.",
    "code_used": "Deze code is al gebruikt. Vraag de coördinator om een nieuwe.",
    "code_expired": "Deze code is verlopen. Vraag de coördinator om een nieuwe.",
    "code_voided": "Deze code is ingetrokken. Vraag de coördinator om een nieuwe.",
}


def _code_refused(error: CodeRefused) -> str:
    return _CODE_REFUSED.get(
        str(error.params.get("server_code")),
        "De teamserver accepteert deze code niet (onbekend, al gebruikt of verlopen). Vraag "
        "de coördinator om een nieuwe.",
    )


def _not_pusher(error: NotTeamPusher) -> str:
    reason = error.params.get("reason")
    if reason == "revoked":
        return (
            "Deze laptop hoort niet meer bij het team en verstuurt daarom niets naar de "
            "gemeente. Neem contact op met de coördinator."
        )
    if reason == "unknown":
        return (
            "Deze laptop weet nog niet welke laptop van het team naar de gemeente verstuurt. "
            "Synchroniseer eerst met het team (F9) en probeer het dan opnieuw."
        )
    initials = error.params.get("initials") or "?"
    return (
        f"Het werk van het team gaat via één laptop naar de gemeente: laptop "
        f"{error.params.get('device')} ({initials}). Deze laptop exporteert en verstuurt "
        "daarom niet; zo komt niets twee keer bij de gemeente. Een andere laptop aanwijzen "
        "kan de coördinator (Team › Verzending naar de gemeente…)."
    )


TEAM_TEXTS: tuple[Entry, ...] = (
    typed(
        TeamError,
        "Er ging iets mis bij het samenwerken met het team. Er is niets verloren; probeer het "
        "straks opnieuw.",
    ),
    typed(
        CodeInvalid,
        "Deze code klopt niet: er is een letter of cijfer verkeerd overgenomen, of het is een "
        "ander soort code. Controleer de code.",
    ),
    typed(
        OpenFailed,
        "Een bericht van het team kon niet worden geopend met de sleutel van deze laptop. Het "
        "is niet gebruikt. Geef dit door aan de coördinator.",
    ),
    typed(
        SignatureInvalid,
        "Een bericht van het team is niet echt ondertekend en is daarom niet gebruikt. Geef "
        "dit door aan de coördinator.",
    ),
    typed(
        ChainBroken,
        "De teamserver liet werk van een laptop weg. Er is niets overgenomen; geef dit door "
        "aan de coördinator en de beheerder van de teamserver.",
    ),
    typed(
        ServerUnreachable,
        "De teamserver is nu niet te bereiken. U kunt gewoon doorwerken; Wijkteam "
        "synchroniseert zodra de verbinding er weer is.",
    ),
    typed(
        ServerKeyMismatch,
        "Deze server is niet de teamserver van uw team (de sleutel klopt niet). Er is niets "
        "verstuurd. Neem contact op met de coördinator.",
    ),
    typed(
        ServerRefused,
        "De teamserver weigerde dit verzoek. Er is niets verloren; probeer het straks opnieuw "
        "of neem contact op met de coördinator.",
    ),
    typed(
        TokenRefused,
        "De teamserver herkent deze laptop niet meer. Meld de laptop opnieuw aan bij het team.",
    ),
    typed(
        DeviceRevoked,
        "Deze laptop is uit het team gehaald. Wat hier nog niet gedeeld was, blijft op deze "
        "laptop; neem contact op met de coördinator.",
    ),
    typed(NotCoordinator, "Dit kan alleen een coördinator van het team doen."),
    typed(CodeRefused, _code_refused),
    typed(
        RateLimited,
        "Te veel pogingen achter elkaar. Wacht een paar minuten en probeer het dan opnieuw.",
    ),
    typed(
        EpochStale,
        "De sleutels van het team zijn intussen vernieuwd. Wijkteam haalt eerst de nieuwe "
        "sleutel op; probeer het daarna opnieuw.",
    ),
    typed(
        OutOfOrder,
        "De teamserver verwachtte eerst eerder werk van deze laptop. Wijkteam stuurt het "
        "opnieuw in de goede volgorde; probeer het straks nog eens.",
    ),
    typed(
        InviteKeyWrong,
        "Deze uitnodiging past niet bij de code. Controleer beide delen van de uitnodiging.",
    ),
    typed(
        NotConnected,
        "Deze opslag hoort nog niet bij een team. Sluit eerst aan bij de teamserver "
        "(coördinator) of meld deze laptop aan met een uitnodiging.",
    ),
    typed(
        AlreadyConnected,
        "Deze opslag hoort al bij een team. Er is niets veranderd.",
    ),
    typed(
        ConflictSettled,
        "Dit verschil is al opgelost (of bestaat niet meer). Er is niets veranderd.",
    ),
    typed(
        InitialsMismatch,
        "Deze uitnodiging is voor een ander teamlid dan deze initialen. Controleer de "
        "initialen of vraag de coördinator om een uitnodiging voor u.",
    ),
    typed(NotTeamPusher, _not_pusher),
    typed(
        UnknownDevice,
        "Geen laptop van het team heeft deze apparaatcode (of meer dan één begint zo). "
        "Neem de code over zoals hij in de lijst staat.",
    ),
    typed(
        VersionRollback,
        "De teamserver bood oudere gegevens aan dan deze laptop al had. Er is niets "
        "overgenomen; geef dit door aan de beheerder van de teamserver.",
    ),
)
