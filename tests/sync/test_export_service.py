"""The file export: an encrypted archive of valid resources, incremental and idempotent."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import pyzipper

from tests.sync.conftest import PASSPHRASE, Cases
from tests.sync.official import request_errors
from wijkteam.clock import FixedClock
from wijkteam.domain.enums import ClosingReason
from wijkteam.domain.sync import BatchState
from wijkteam.errors import ValidationError
from wijkteam.services.inputs import VisitInput
from wijkteam.store.models import Report
from wijkteam.sync.export.archive import ArchiveReader
from wijkteam.sync.export.errors import ArchiveUnreadable, ExportNotConfigured, ReceiptInvalid
from wijkteam.sync.export.receipt import receipt_json
from wijkteam.sync.export.service import NothingToExport
from wijkteam.sync.zgw.resources import KIND_ORDER, ResourceKind
from wijkteam.wiring import Services


def export(services: Services, target: Path, include_all: bool = False):  # type: ignore[no-untyped-def]
    return services.export.exports.export(target, PASSPHRASE, include_all=include_all)


def urls(reader: ArchiveReader, kind: ResourceKind) -> set[str]:
    """What identifies a resource in an archive: its zaak, plus what makes it unique."""
    return {json.dumps(body, sort_keys=True) for body in reader.bodies(kind)}


def acknowledge(services: Services, result, out: Path) -> None:  # type: ignore[no-untyped-def]
    receipt = out / f"ontvangst-{result.batch.uuid}.json"
    receipt.write_text(
        receipt_json(result.batch.uuid, "2026-11-18T12:00:00Z", dict(result.batch.counts))
    )
    services.export.batches.acknowledge_receipt(receipt)


def test_nothing_leaves_before_the_link_is_configured(services: Services, out: Path) -> None:
    with pytest.raises(ExportNotConfigured):
        services.export.exports.preview()
    with pytest.raises(ExportNotConfigured):
        export(services, out / "uit.zip")
    assert not list(out.iterdir())


def test_archive_round_trip(configured: Services, cases: Cases, out: Path) -> None:
    target = out / "export.zip"
    result = export(configured, target)
    assert result.path == target and sorted(p.name for p in out.iterdir()) == ["export.zip"]

    with pyzipper.AESZipFile(target) as archive:
        archive.setpassword(PASSPHRASE.encode())
        names = archive.namelist()
        assert names == [f"{k.value}.json" for k in KIND_ORDER] + ["manifest.json"]
        for info in archive.infolist():
            assert info.flag_bits & 0x1  # encrypted
            assert b"\x01\x99" in info.extra  # the WinZip AES extra field
            assert info.extra[info.extra.index(b"\x01\x99") + 8] == 3  # AES-256
        manifest = json.loads(archive.read("manifest.json"))

    assert manifest["format"] == "wijkteam-zgw-export" and manifest["format_version"] == 1
    assert manifest["batch"] == str(result.batch.uuid)
    assert manifest["counts"] == {
        "zaak": 3,
        "rol": 5,  # three residents, two assigned members
        "klantcontact": 0,
        "enkelvoudiginformatieobject": 0,
        "zaakinformatieobject": 0,
        "resultaat": 0,
        "status": 3,
    }
    assert [e["resource"] for e in manifest["entries"]] == [k.value for k in KIND_ORDER]
    reader = ArchiveReader(target, PASSPHRASE)
    for kind in KIND_ORDER:
        for body in reader.bodies(kind):  # checks each entry's sha256 too
            assert request_errors(kind, body) == []
    assert result.batch.state is BatchState.CREATED and result.batch.cases == 3


def test_the_archive_is_unreadable_without_the_passphrase(
    configured: Services, cases: Cases, out: Path
) -> None:
    target = out / "export.zip"
    export(configured, target)
    raw = target.read_bytes()
    for secret in (b"Verzonnen", b"Bedacht", b"999000019", b"inpBsn", b"zaaktype"):
        assert secret not in raw
    with pytest.raises(ArchiveUnreadable):
        ArchiveReader(target, "een verkeerde wachtzin").manifest()
    with pyzipper.AESZipFile(target) as archive, pytest.raises(RuntimeError):
        archive.read("zaak.json")
    with zipfile.ZipFile(target) as plain, pytest.raises(NotImplementedError):
        plain.read("zaak.json", pwd=PASSPHRASE.encode())  # no ZipCrypto: stdlib cannot read it


def test_no_personal_data_in_any_name(configured: Services, cases: Cases, out: Path) -> None:
    target = out / "export.zip"
    export(configured, target)
    with pyzipper.AESZipFile(target) as archive:
        names = " ".join(archive.namelist()).lower()
        assert archive.comment == b""
    for personal in ("verzonnen", "bedacht", "fictief", "999000019", "999000032", "zoë"):
        assert personal not in names
    assert set(archive.namelist()) <= {f"{k.value}.json" for k in ResourceKind} | {"manifest.json"}


def test_a_short_passphrase_is_refused_and_nothing_is_written(
    configured: Services, cases: Cases, out: Path
) -> None:
    with pytest.raises(ValidationError) as raised:
        configured.export.exports.export(out / "x.zip", "kort")
    assert raised.value.code == "passphrase_too_short"
    assert not list(out.iterdir())
    assert configured.export.batches.list() == []


def test_incremental_and_idempotent_across_batches(
    configured: Services, cases: Cases, out: Path, clock: FixedClock
) -> None:
    first = export(configured, out / "1.zip")
    # Not acknowledged: the next export carries the same resources under the same URLs.
    second = export(configured, out / "2.zip")
    one, two = ArchiveReader(out / "1.zip", PASSPHRASE), ArchiveReader(out / "2.zip", PASSPHRASE)
    for kind in KIND_ORDER:
        assert urls(one, kind) == urls(two, kind)
    assert first.batch.uuid != second.batch.uuid

    acknowledge(configured, second, out)
    assert configured.export.exports.preview().total == 0
    with pytest.raises(NothingToExport):
        export(configured, out / "leeg.zip")
    assert not (out / "leeg.zip").exists()

    # Work goes on: a visit is planned, a melding closed, a resident's name corrected.
    clock.advance(hours=1)
    configured.visits.plan(cases.with_bsn.id, VisitInput(date="20-11-2026", time="10:00"))
    configured.reports.close(cases.other.id, ClosingReason.SOLVED_VOORVELD)
    resident = configured.reports.resident_of(cases.without_bsn.id)
    from tests import factories

    configured.residents.update(
        resident.id, factories.resident(surname="Bedachter", first_names="Jan Willem")
    )
    clock.advance(minutes=5)
    third = export(configured, out / "3.zip")
    reader = ArchiveReader(out / "3.zip", PASSPHRASE)
    assert third.batch.counts == {
        "zaak": 2,  # the two meldingen that changed
        "rol": 5,  # their resident and member rollen, and the renamed resident's rol
        "klantcontact": 0,
        "enkelvoudiginformatieobject": 0,
        "zaakinformatieobject": 0,
        "resultaat": 1,
        "status": 2,  # only the new statuses
    }
    statuses = {b["statustype"].rsplit("/", 1)[1] for b in reader.bodies(ResourceKind.STATUS)}
    assert statuses == {"visit_planned", "closed"}
    renamed = [
        b["betrokkeneIdentificatie"].get("geslachtsnaam") for b in reader.bodies(ResourceKind.ROL)
    ]
    assert "Bedachter" in renamed
    # The unchanged resources keep the URLs they had in the first batch.
    assert {b["zaak"] for b in reader.bodies(ResourceKind.STATUS)} <= {
        b["zaak"] for b in one.bodies(ResourceKind.ROL)
    }

    acknowledge(configured, third, out)
    assert configured.export.exports.preview().total == 0
    # A late receipt for an older batch does not move the start back.
    acknowledge(configured, first, out)
    assert configured.export.exports.preview().total == 0

    everything = export(configured, out / "alles.zip", include_all=True)
    assert everything.batch.include_all and everything.batch.counts["zaak"] == 3
    assert everything.batch.counts["status"] == 5
    states = [b.state for b in configured.export.batches.list()]
    assert states == [BatchState.CREATED] + [BatchState.ACKNOWLEDGED] * 3  # newest first


def test_an_acknowledgement_stamps_the_meldingen_without_changing_them(
    configured: Services, cases: Cases, out: Path, clock: FixedClock
) -> None:
    result = export(configured, out / "1.zip")
    clock.advance(minutes=10)
    with configured.store.transaction() as session:
        before = {r.id: r.updated_at for r in session.query(Report)}
    acknowledge(configured, result, out)
    with configured.store.transaction() as session:
        rows = list(session.query(Report))
        assert {r.id: r.updated_at for r in rows} == before
        assert {r.sync_acknowledged_at for r in rows} == {clock.utcnow()}
    record = configured.export.batches.get(result.batch.uuid)
    assert record.state is BatchState.ACKNOWLEDGED and record.acknowledged_at == clock.utcnow()


def test_receipts_that_cannot_acknowledge_are_refused(
    configured: Services, cases: Cases, out: Path
) -> None:
    import uuid

    result = export(configured, out / "1.zip")
    bad = out / "bon.json"
    for content, reason in [
        ("niet eens json", "not_a_receipt"),
        ('{"format": "iets anders", "format_version": 1, "batch": "x"}', "not_a_receipt"),
        (receipt_json(uuid.uuid4(), "2026-11-18T12:00:00Z", None), "unknown_batch"),
        (receipt_json(result.batch.uuid, "2026-11-18T12:00:00Z", {"zaak": 99}), "counts_differ"),
        ("[" * 100_000, "not_a_receipt"),
    ]:
        bad.write_text(content)
        with pytest.raises(ReceiptInvalid) as raised:
            configured.export.batches.acknowledge_receipt(bad)
        assert raised.value.reason == reason
    assert configured.export.batches.get(result.batch.uuid).state is BatchState.CREATED
    bad.write_text(receipt_json(result.batch.uuid, "2026-11-18T12:00:00Z", None))
    assert configured.export.batches.acknowledge_receipt(bad).state is BatchState.ACKNOWLEDGED


SEVEN_ZIP = shutil.which("7zz") or shutil.which("7z")


@pytest.mark.skipif(SEVEN_ZIP is None, reason="7-Zip is not installed (apt-get install 7zip)")
def test_7zip_opens_the_archive_with_the_passphrase(
    configured: Services, cases: Cases, out: Path
) -> None:
    """What the back office does on a municipal PC."""
    target = out / "export.zip"
    export(configured, target)
    assert SEVEN_ZIP is not None
    listing = subprocess.run(
        [SEVEN_ZIP, "l", "-slt", str(target)], capture_output=True, text=True, timeout=60
    )
    assert "Method = AES-256 Deflate" in listing.stdout
    unpacked = out / "uitgepakt"
    opened = subprocess.run(
        [SEVEN_ZIP, "x", "-y", f"-p{PASSPHRASE}", f"-o{unpacked}", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert opened.returncode == 0, opened.stdout
    assert json.loads((unpacked / "zaak.json").read_text()) == ArchiveReader(
        target, PASSPHRASE
    ).bodies(ResourceKind.ZAAK)
    wrong = subprocess.run(
        [SEVEN_ZIP, "t", "-pverkeerd", str(target)], capture_output=True, text=True, timeout=60
    )
    assert wrong.returncode != 0


def test_an_unwritable_target_is_reported_and_leaves_no_batch(
    configured: Services, cases: Cases, out: Path
) -> None:
    from wijkteam.sync.export.errors import ExportTargetUnwritable

    with pytest.raises(ExportTargetUnwritable):
        export(configured, out / "bestaat-niet" / "export.zip")
    assert configured.export.batches.list() == []


def test_contact_moments_leave_as_klantcontact_without_what_was_said(
    configured: Services, cases: Cases, out: Path
) -> None:
    from wijkteam.domain.contacts import ContactKind, Theme
    from wijkteam.services.contact_records import ContactInput

    melding = cases.with_bsn
    contact = configured.contacts.record(
        melding.resident_id,
        ContactInput(
            kind=ContactKind.PHONE,
            date="17-11-2026",
            time="14:30",
            duration="20",
            report_id=melding.id,
            themes={Theme.SITUATION: "Zorgen over de schulden van de zoon"},
            notes="Geheime notitie over de buren",
        ),
    )
    target = out / "export.zip"
    export(configured, target)
    reader = ArchiveReader(target, PASSPHRASE)
    (body,) = reader.bodies(ResourceKind.KLANTCONTACT)
    assert request_errors(ResourceKind.KLANTCONTACT, body) == []
    assert body["kanaal"] == "telefoon"
    assert body["datumtijd"].startswith("2026-11-17T14:30")
    assert body["identificatie"] == f"WT{contact.uuid.hex[:12]}"
    assert str(melding.uuid) in body["zaak"]
    sent = json.dumps(body)
    assert "schulden" not in sent and "Geheime" not in sent


def test_documents_leave_with_their_pdf_and_a_link_to_the_zaak(
    configured: Services, cases: Cases, out: Path
) -> None:
    import base64

    from wijkteam.domain.documents import DocumentKind
    from wijkteam.domain.enums import Language

    melding = cases.with_bsn
    pdf = b"%PDF-1.4\n% een verslag\n%%EOF\n"
    document = configured.documents.record(
        melding.resident_id,
        DocumentKind.VISIT_SUMMARY,
        Language.GERMAN,
        pdf,
        report_id=melding.id,
    )
    target = out / "export.zip"
    export(configured, target)
    reader = ArchiveReader(target, PASSPHRASE)
    (eio,) = reader.bodies(ResourceKind.ENKELVOUDIGINFORMATIEOBJECT)
    (link,) = reader.bodies(ResourceKind.ZAAKINFORMATIEOBJECT)
    assert request_errors(ResourceKind.ENKELVOUDIGINFORMATIEOBJECT, eio) == []
    assert request_errors(ResourceKind.ZAAKINFORMATIEOBJECT, link) == []
    assert base64.b64decode(eio["inhoud"]) == pdf
    assert eio["formaat"] == "application/pdf" and eio["taal"] == "ger"  # ISO 639-2/B, as ZGW asks
    assert str(document.uuid) in link["informatieobject"]
    assert str(melding.uuid) in link["zaak"]
