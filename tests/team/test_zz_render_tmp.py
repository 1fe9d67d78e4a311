from pathlib import Path
import shutil
from tests.team.test_inzage_team import _closed_case_removed, pair  # noqa: F401
from tests.conftest import NOW
from tests.factories import report


def test_render(pair, tmp_path):  # type: ignore[no-untyped-def]
    carla, mo, server = pair
    rid, mo_rid, _ = _closed_case_removed(carla, mo)
    out = Path("/tmp/i14pdf"); shutil.rmtree(out, ignore_errors=True); out.mkdir()
    # a conflict on the open melding
    [open_c] = carla.services.reports.for_resident(rid)
    [open_m] = [r for r in mo.services.reports.for_resident(mo_rid) if r.status.value != "closed"]
    mo.services.reports.update(open_m.id, report(question="Buurtbus op dinsdag (Mo)"))
    carla.services.reports.update(open_c.id, report(question="Buurtbus op donderdag (Carla)"))
    mo.services.team.sync()
    import time
    for _ in range(60):
        carla.services.team.sync()
        if carla.services.team.status().conflicts:
            break
        time.sleep(0.3)
    (out / "up").mkdir(); (out / "down").mkdir()
    carla.services.privacy.write_inzage(rid, out / "up")
    server.kill()
    carla.services.privacy.write_inzage(rid, out / "down")
