from __future__ import annotations

import uuid

from tests.team.laptops import coordinator, member
from wijkteam.teamsync.team import invite, take_in_enrolments


def test_two_laptops_see_each_others_work(server, database) -> None:
    carla, _recovery = coordinator(server.url, database)
    code = invite(carla.session, str(uuid.uuid4()))
    mo = member(server.url, code)
    assert take_in_enrolments(carla.session) == [mo.state.device]
    case = str(uuid.uuid4())
    carla.write("melding", case, {"omschrijving": "eenzaamheid"})
    carla.sync()
    mo.sync()
    assert mo.content("melding", case) == {"omschrijving": "eenzaamheid"}
    mo.write("melding", case, {"omschrijving": "eenzaamheid en schulden"})
    mo.sync()
    carla.sync()
    assert carla.content("melding", case) == {"omschrijving": "eenzaamheid en schulden"}
    assert not carla.quarantined and not mo.quarantined
