"""Capture times read from the files themselves: EXIF, XMP, PNG text, a recording's creation
time, and the names phones give screenshots; printed in the dossier with their source."""

import io
import tempfile
from datetime import UTC, datetime, timedelta

import av
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import ExifTags, Image, PngImagePlugin

from claims.dossier.manifest import numbered_exhibits
from claims.evidence import capture_time
from claims.evidence.pipeline import store_upload
from tests.evidence.samples import image_bytes, phone_photo
from tests.factories import make_claim

CHINA = timezone.get_default_timezone()


def china(*parts) -> datetime:
    return datetime(*parts, tzinfo=CHINA)


def opened(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


def test_it_reads_exif_as_china_time_unless_the_camera_wrote_its_offset():
    plain = opened(phone_photo(taken="2026:11:20 21:14:05"))
    exif = Image.Exif()
    details = exif.get_ifd(ExifTags.IFD.Exif)
    details[ExifTags.Base.DateTimeOriginal] = "2026:11:20 21:14:05"
    details[ExifTags.Base.OffsetTimeOriginal] = "+09:00"
    abroad = opened(image_bytes(fmt="JPEG", exif=exif))

    assert capture_time.from_image(plain) == china(2026, 11, 20, 21, 14, 5)
    assert capture_time.from_image(abroad) == datetime(2026, 11, 20, 12, 14, 5, tzinfo=UTC)


def test_it_reads_an_iphone_screenshots_xmp_date():
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
        b'photoshop:DateCreated="2026-11-20T21:14:05+08:00"/></rdf:RDF></x:xmpmeta>'
    )
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", xmp.decode())

    found = capture_time.from_image(opened(image_bytes(pnginfo=info)))

    assert found == china(2026, 11, 20, 21, 14, 5)


def test_it_reads_a_png_creation_time_text_chunk():
    info = PngImagePlugin.PngInfo()
    info.add_text("Creation Time", "2026-11-20 21:14:05")

    assert capture_time.from_image(opened(image_bytes(pnginfo=info))) == china(
        2026, 11, 20, 21, 14, 5
    )


def test_a_picture_that_records_no_time_has_none():
    assert capture_time.from_image(opened(image_bytes())) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Screenshot_20261120-211405.png", china(2026, 11, 20, 21, 14, 5)),
        ("Screenshot_2026-11-20-21-14-05-123_com.tencent.mm.jpg", china(2026, 11, 20, 21, 14, 5)),
        ("IMG_20261120_211405.jpg", china(2026, 11, 20, 21, 14, 5)),
        ("Screenshot 2026-11-20 at 21.14.05.png", china(2026, 11, 20, 21, 14, 5)),
        ("微信图片_20261120211405.jpg", china(2026, 11, 20, 21, 14, 5)),
        ("mmexport1795180445000.jpg", datetime(2026, 11, 20, 13, 14, 5, tzinfo=UTC)),
    ],
)
def test_it_reads_the_time_a_phone_writes_into_a_files_name(name, expected):
    assert capture_time.from_name(name) == expected


@pytest.mark.parametrize(
    "name",
    ["bill.png", "Screenshot_20261399-211405.png", "IMG_19990101_120000.jpg", "order_12345.png"],
)
def test_a_name_without_a_plausible_time_gives_none(name):
    assert capture_time.from_name(name) is None


def test_a_time_in_a_name_later_than_tomorrow_is_none():
    later = datetime.now(tz=UTC) + timedelta(days=3)  # in the test, not its id: xdist
    assert capture_time.from_name(f"Screenshot_{later:%Y%m%d-%H%M%S}.png") is None


def test_it_reads_a_recordings_creation_time():
    with tempfile.TemporaryDirectory() as folder:
        path = f"{folder}/recording.mp4"
        with av.open(path, "w", format="mp4") as output:
            output.metadata["creation_time"] = "2026-11-20T13:14:05.000000Z"
            stream = output.add_stream("libx264", rate=2, options={"preset": "ultrafast"})
            stream.width, stream.height, stream.pix_fmt = 64, 64, "yuv420p"
            for index in range(2):
                frame = av.VideoFrame.from_image(Image.new("RGB", (64, 64), "red"))
                frame.pts = index
                output.mux(stream.encode(frame.reformat(format="yuv420p")))
            output.mux(stream.encode())
        with av.open(path) as container:
            tag = container.metadata.get("creation_time")

    assert capture_time.from_container(tag) == china(2026, 11, 20, 21, 14, 5)


@pytest.mark.django_db
def test_an_exhibit_is_dated_by_its_file_first_and_its_name_second(private_storage):
    claim = make_claim()
    photo = store_upload(
        claim,
        SimpleUploadedFile("Screenshot_20261121-090000.jpg", phone_photo(), "image/jpeg"),
        category="transaction",
        caption="",
    )
    named = store_upload(
        claim,
        SimpleUploadedFile("Screenshot_20261121-090000.png", image_bytes(), "image/png"),
        category="product_state",
        caption="",
    )
    bare = store_upload(
        claim,
        SimpleUploadedFile("bill.png", image_bytes(color=(1, 2, 3)), "image/png"),
        category="other",
        caption="",
    )

    captures = {exhibit.item.pk: exhibit.capture for exhibit in numbered_exhibits(claim)}

    assert captures[photo.pk] == capture_time.Capture(china(2026, 11, 20, 21, 14, 5), "file")
    assert captures[named.pk] == capture_time.Capture(china(2026, 11, 21, 9, 0, 0), "name")
    assert captures[bare.pk] is None
