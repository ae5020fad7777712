"""No file the app keeps, serves or embeds says where it was made; the pages say so."""

import hashlib
import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import TemporaryUploadedFile
from PIL import ExifTags, Image
from pypdf import PdfReader

from claims.dossier.manifest import new_manifest, numbered_exhibits
from claims.dossier.render import prepare, render_archive
from claims.evidence.pipeline import store_upload
from claims.models import Evidence
from tests.evidence.located import (
    PLACE,
    PLACE_WORDS,
    iptc_of,
    jpeg_with_iptc,
    located_photo,
    located_recording,
    scan_data,
)
from tests.evidence.samples import upload_of
from tests.factories import make_claim
from tests.journey import start_claim, step_url, upload, walk_to

pytestmark = pytest.mark.django_db

NAMES = {"JPEG": "photo.jpg", "PNG": "shot.png", "WEBP": "shot.webp", "HEIF": "IMG_0042.HEIC"}
KEPT_WITHOUT_LOCATION = "去除位置信息的原始文件"


def store(data: bytes, name: str, claim=None) -> Evidence:
    upload = upload_of(data, name)
    return store_upload(claim or make_claim(), upload, category="transaction", caption="照片")


def read(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def pixels(data: bytes) -> bytes:
    return Image.open(io.BytesIO(data)).tobytes()


def has_location(data: bytes) -> bool:
    image = Image.open(io.BytesIO(data))
    return bool(image.getexif().get_ifd(ExifTags.IFD.GPSInfo)) or any(
        word in data for word in PLACE_WORDS
    )


@pytest.mark.parametrize("fmt", list(NAMES))
def test_it_keeps_the_original_without_its_location_and_hashes_what_it_keeps(fmt):
    data = located_photo(fmt)

    item = store(data, NAMES[fmt])

    item.refresh_from_db()
    kept = read(item.original)
    assert not has_location(kept)
    assert pixels(kept) == pixels(data)
    assert item.sha256 == hashlib.sha256(kept).hexdigest()
    assert item.size == len(kept)
    assert item.taken_at == datetime(2026, 11, 20, 21, 14, 5, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_it_keeps_the_jpeg_scan_data_and_drops_iptc_places():
    data = jpeg_with_iptc()

    kept = read(store(data, "photo.jpg").original)

    assert scan_data(kept) == scan_data(data)
    assert iptc_of(kept) == {(2, 120): b"bill page"}


def test_it_keeps_a_recording_without_its_location_at_the_same_length():
    data = located_recording()

    item = store(data, "录屏.mov")

    kept = read(item.original)
    assert PLACE not in kept
    assert len(kept) == len(data) == item.size
    assert item.sha256 == hashlib.sha256(kept).hexdigest()
    assert item.duration_ms == 3000  # read from the cleaned file: it still plays whole


def test_it_cleans_a_recording_that_django_spooled_to_disk():
    data = located_recording(brand=b"isom")
    with TemporaryUploadedFile("录屏.mp4", "video/mp4", len(data), None) as spooled:
        spooled.write(data)

        item = store_upload(make_claim(), spooled, category="product_state", caption="")

    assert PLACE not in read(item.original)
    assert item.sha256 == hashlib.sha256(read(item.original)).hexdigest()


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (located_photo("HEIF"), "a.heic"),
        (located_photo("WEBP"), "b.webp"),
        (located_photo("PNG"), "c.png"),
        (jpeg_with_iptc(), "d.jpg"),
    ],
    ids=["heic", "webp", "png", "jpeg-iptc"],
)
def test_the_print_copy_and_thumbnail_carry_no_metadata_at_all(data, name):
    item = store(data, name)

    for field in (item.print_image, item.thumbnail):
        copy = read(field)
        markers = _jpeg_markers(copy)
        assert [marker for marker in markers if 0xE1 <= marker <= 0xEF] == []  # APP1..APP15
        assert 0xFE not in markers  # no comment
        for trace in (b"Exif", b"8BIM", b"xpacket", b"adobe", *PLACE_WORDS):
            assert trace not in copy
        assert dict(Image.open(io.BytesIO(copy)).getexif()) == {}


def _jpeg_markers(jpeg: bytes) -> list[int]:
    """The markers of the segments before the first scan."""
    markers, pos = [], 2
    while jpeg[pos + 1] != 0xDA:
        markers.append(jpeg[pos + 1])
        pos += 2 + int.from_bytes(jpeg[pos + 2 : pos + 4], "big")
    return markers


def test_the_download_of_the_original_has_no_location(client):
    token = start_claim(client)
    walk_to(client, token, "assessment")
    upload(client, token, upload_of(located_photo("JPEG"), "photo.jpg", "image/jpeg"))
    item = Evidence.objects.get(claim__token=token)

    response = client.get(f"/c/{token}/evidence/{item.pk}/original/")

    served = b"".join(response.streaming_content)
    assert not has_location(served)
    assert hashlib.sha256(served).hexdigest() == item.sha256


def test_the_archive_copy_embeds_the_originals_without_location():
    claim = make_claim(signed_name="李明")
    store(located_photo("JPEG"), "photo.jpg", claim=claim)
    store(located_photo("HEIF"), "IMG_0042.HEIC", claim=claim)
    manifest = new_manifest(claim, numbered_exhibits(claim))

    reader = PdfReader(io.BytesIO(render_archive(claim, manifest=manifest)))

    embedded = [contents[0] for name, contents in reader.attachments.items() if "exhibit" in name]
    assert len(embedded) == 2
    for data in embedded:
        assert not has_location(data)
    assert sorted(hashlib.sha256(data).hexdigest() for data in embedded) == sorted(
        sha for _number, sha in manifest.exhibits
    )


def test_the_upload_step_says_what_is_kept_and_to_keep_the_true_original(client):
    token = start_claim(client)
    walk_to(client, token, "assessment")
    upload(client, token, upload_of(located_photo("JPEG"), "photo.jpg", "image/jpeg"))

    page = client.get(step_url(token, "evidence")).content.decode()

    assert "我们保存的是去除位置信息的原始文件" in page
    assert "带有全部信息的原始文件请保留在你的手机上" in page
    assert "下载去除位置信息的原始文件" in page
    assert "下载原图" not in page

    client.cookies["rh_language"] = "en"
    page = client.get(step_url(token, "evidence")).content.decode()
    assert "We keep each file without its location data" in page
    assert "Keep the true originals, with all their data, on your phone." in page
    assert "Download the original without its location data" in page


def test_the_privacy_notice_says_every_kept_file_loses_its_location(client):
    page = client.get("/").content.decode()

    assert "我们保存的每个文件都会去掉拍摄地点" in page


def test_the_cover_page_of_the_covering_tool_does_not_promise_the_upload_as_is(client):
    token = start_claim(client)
    walk_to(client, token, "assessment")
    upload(client, token, upload_of(located_photo("JPEG"), "photo.jpg", "image/jpeg"))
    item = Evidence.objects.get(claim__token=token)

    page = client.get(f"/c/{token}/evidence/{item.pk}/cover/").content.decode()

    assert "我们保存的去除位置信息的原始文件不会因遮挡而改动" in page
    assert "不会有任何改动" not in page


@pytest.mark.parametrize("archive", [False, True], ids=["dossier", "archive"])
def test_the_dossier_cover_and_index_say_the_originals_are_kept_without_location(archive):
    claim = make_claim(signed_name="李明")
    store(located_photo("JPEG"), "photo.jpg", claim=claim)
    exhibits = numbered_exhibits(claim)

    html = prepare(claim, embedded=exhibits if archive else None).html

    cover, rest = html.split('<section class="toc-page">', 1)
    index = rest.split('class="evidence-index"', 1)[0]
    assert "本材料所称原始文件，均为去除位置信息的原始文件" in cover
    assert "每项证据保存的是去除位置信息的原始文件" in index
    assert "带有全部信息的原始文件由申请人在手机上留存" in index
    assert "原样" not in cover + index
    assert "可能含拍摄地点" not in cover
