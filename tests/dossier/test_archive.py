"""The archive copy, the cache of rendered dossiers and the records the verify page reads."""

import hashlib
import io
import json
import os
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from claims.dossier.cache import cached_dossier
from claims.dossier.manifest import new_manifest, numbered_exhibits
from claims.dossier.render import render_archive
from claims.evidence.pipeline import rotate, store_upload
from claims.models import DossierRecord
from tests.dossier_worker import download as get_dossier
from tests.factories import add_evidence, files_in, make_claim


def originals_of(claim) -> dict[str, bytes]:
    found = {}
    for exhibit in numbered_exhibits(claim):
        with exhibit.item.original.open("rb") as handle:
            found[f"exhibit-{exhibit.number:02d}-original.png"] = handle.read()
    return found


def download(client, claim, path="dossier.pdf") -> bytes:
    response = get_dossier(client, f"/c/{claim.token}/{path}")
    assert response.status_code == 200
    if not response.streaming:
        return response.content
    # Reading to the end closes the response as a server would; closing it again would send
    # request_finished, which drops the test's PostgreSQL connection mid-transaction.
    return b"".join(response.streaming_content)


@pytest.mark.django_db
def test_the_archive_embeds_the_originals_and_the_manifest():
    claim = make_claim(signed_name="李明")
    add_evidence(claim, caption="账单")
    add_evidence(claim, color=(200, 30, 30), category="product_state", caption="兑换失败")
    manifest = new_manifest(claim, numbered_exhibits(claim))

    reader = PdfReader(io.BytesIO(render_archive(claim, manifest=manifest)))

    attached = {name: contents[0] for name, contents in reader.attachments.items()}
    assert attached.pop("manifest.json") == manifest.canonical_json()
    assert attached == originals_of(claim)
    assert [hashlib.sha256(data).hexdigest() for data in attached.values()] == [
        sha for _number, sha in manifest.exhibits
    ]


@pytest.mark.django_db
def test_the_archive_marks_its_originals_as_private_and_names_them_by_number_only():
    claim = make_claim(signed_name="李明")
    add_evidence(claim, caption="我的家", name="北京市朝阳区某小区.png")
    manifest = new_manifest(claim, numbered_exhibits(claim))

    reader = PdfReader(io.BytesIO(render_archive(claim, manifest=manifest)))

    root = reader.trailer["/Root"]
    specs = [spec.get_object() for spec in root["/AF"]]
    original = next(spec for spec in specs if spec["/UF"].startswith("exhibit-01"))
    assert original["/AFRelationship"] == "/Source"
    assert "私密" in original["/Desc"] and "请勿外发" in original["/Desc"]
    assert all("朝阳" not in str(spec) and "我的家" not in str(spec) for spec in specs)
    text = "".join("".join(page.extract_text().split()) for page in reader.pages[:1])
    assert "存档版" in text and "请勿外发" in text


@pytest.mark.django_db
def test_originals_that_would_break_the_size_cap_are_left_out(settings):
    claim = make_claim(signed_name="李明")
    small = add_evidence(claim)
    noise = Image.frombytes("RGB", (700, 700), os.urandom(700 * 700 * 3))
    buffer = io.BytesIO()
    noise.save(buffer, format="PNG")
    large = SimpleUploadedFile("photo.png", buffer.getvalue())
    store_upload(claim, large, category="product_state", caption="大图")
    cap = 1_000_000
    settings.DOSSIER_ARCHIVE_MAX_BYTES = cap
    manifest = new_manifest(claim, numbered_exhibits(claim))

    pdf = render_archive(claim, manifest=manifest)

    reader = PdfReader(io.BytesIO(pdf))
    assert len(pdf) <= cap
    assert set(reader.attachments) == {"manifest.json", "exhibit-01-original.png"}
    assert (
        small.sha256 in json.loads(reader.attachments["manifest.json"][0])["exhibits"][0].values()
    )
    text = "".join("".join(page.extract_text().split()) for page in reader.pages)
    assert "未内嵌（超出大小上限）" in text


@pytest.mark.django_db
def test_dossier_and_archive_share_one_fingerprint_and_one_record(client):
    claim = make_claim(signed_name="李明")
    add_evidence(claim)

    dossier = PdfReader(io.BytesIO(download(client, claim)))
    archive = PdfReader(io.BytesIO(download(client, claim, "dossier-archive.pdf")))

    record = DossierRecord.objects.get()
    assert f"sha256:{record.fingerprint}" in dossier.metadata["/Keywords"]
    assert f"sha256:{record.fingerprint}" in archive.metadata["/Keywords"]
    manifest = archive.attachments["manifest.json"][0]
    assert hashlib.sha256(manifest).hexdigest() == record.fingerprint


@pytest.mark.django_db
def test_the_archive_download_is_named_for_what_it_is(client):
    claim = make_claim(signed_name="李明")

    response = get_dossier(client, f"/c/{claim.token}/dossier-archive.pdf")
    response.close()

    assert response["Content-Disposition"] == (
        f'attachment; filename="{claim.reference}-archive.pdf"'
    )
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_record_holds_no_personal_data_and_no_link_to_the_claim(client):
    claim = make_claim(signed_name="张三丰")
    item = add_evidence(claim, caption="张三丰的账单")

    download(client, claim)

    record = DossierRecord.objects.get()
    fields = {field.name for field in DossierRecord._meta.get_fields()}
    assert fields == {"id", "fingerprint", "generated_at", "exhibit_hashes"}
    assert record.exhibit_hashes == [{"number": 1, "sha256": item.sha256}]
    claim.delete_with_files()
    assert DossierRecord.objects.filter(pk=record.pk).exists()


@pytest.mark.django_db
def test_records_past_their_retention_are_dropped_when_a_new_one_is_made(client, settings):
    settings.DOSSIER_RECORD_RETENTION_YEARS = 3
    old = DossierRecord.objects.create(
        fingerprint="0" * 64, generated_at=timezone.now() - timedelta(days=3 * 366)
    )
    recent = DossierRecord.objects.create(
        fingerprint="1" * 64, generated_at=timezone.now() - timedelta(days=3 * 364)
    )

    download(client, make_claim(signed_name="李明"))

    assert not DossierRecord.objects.filter(pk=old.pk).exists()
    assert DossierRecord.objects.filter(pk=recent.pk).exists()


@pytest.mark.django_db
def test_repeated_downloads_of_an_unchanged_claim_render_once(client, renders):
    claim = make_claim(signed_name="李明")
    add_evidence(claim)

    first = download(client, claim)
    second = download(client, claim)
    download(client, claim, "dossier-archive.pdf")
    download(client, claim, "dossier-archive.pdf")

    assert first == second
    assert len(renders) == 2  # the dossier once, the archive once
    assert DossierRecord.objects.count() == 1


@pytest.mark.django_db
def test_a_change_renders_again_and_deletes_the_stale_files(client, renders, private_storage):
    claim = make_claim(signed_name="李明")
    item = add_evidence(claim)
    download(client, claim)
    download(client, claim, "dossier-archive.pdf")
    before = {path.name for path in files_in(private_storage) if "dossiers" in path.parts}

    claim.events.create(kind="sent", happened_on=timezone.localdate(), note="已发送")
    download(client, claim)

    after = {path.name for path in files_in(private_storage) if "dossiers" in path.parts}
    assert len(renders) == 3
    assert len(before) == 3 and len(after) == 2  # manifest and dossier of the new generation
    assert not before & after
    # Within the same second the manifest, and so the fingerprint, can be the same.
    assert item.sha256 in json.dumps(list(DossierRecord.objects.values("exhibit_hashes")))


@pytest.mark.django_db(transaction=True)
def test_editing_evidence_drops_the_cached_dossiers_at_once(client, private_storage):
    claim = make_claim(signed_name="李明")
    item = add_evidence(claim)
    download(client, claim)
    assert [path for path in files_in(private_storage) if "dossiers" in path.parts]

    rotate(item, 1)

    assert not [path for path in files_in(private_storage) if "dossiers" in path.parts]


@pytest.mark.django_db
def test_an_english_ui_gets_its_own_cached_copy(client, renders):
    claim = make_claim(signed_name="李明")
    name = cached_dossier(claim)

    assert cached_dossier(claim) == name
    assert cached_dossier(claim, english_headings=True) != name
    assert len(renders) == 2


@pytest.mark.django_db
def test_deleting_the_claim_deletes_its_cached_dossiers(client, private_storage):
    claim = make_claim(signed_name="李明")
    add_evidence(claim)
    download(client, claim)
    download(client, claim, "dossier-archive.pdf")

    claim.delete_with_files()

    assert files_in(private_storage) == []
