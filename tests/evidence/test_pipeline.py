import hashlib
import io
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext
from PIL import ExifTags, Image

from claims.evidence.pipeline import EvidenceRejected, accept_uploads, derive_image, store_upload
from claims.models import Evidence
from tests.evidence.samples import image_bytes, phone_photo, png_header, upload_of
from tests.factories import files_in, make_claim

# Load the app as a server does: its URLconf imports WeasyPrint, which changes Pillow's globals.
import refundhelper.urls  # noqa: F401  isort: skip

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOT_ACCEPTED = (
    "This type of file is not accepted. Upload photos or screenshots (JPEG, PNG, GIF, WebP, "
    "HEIC), PDF documents, or MP4/MOV screen recordings."
)


def store(claim, data: bytes, name="bill.png") -> Evidence:
    return store_upload(claim, upload_of(data, name), category="transaction", caption="账单")


def rejection(data: bytes, name="bill.png") -> str:
    with pytest.raises(EvidenceRejected) as raised:
        store(make_claim(), data, name)
    return str(raised.value)


def stored_image(field) -> Image.Image:
    with field.open("rb") as handle:
        image = Image.open(io.BytesIO(handle.read()))
        image.load()
    return image


def stored_names(storage) -> list[str]:
    return [str(path) for path in files_in(storage)]


@pytest.mark.parametrize(
    ("fmt", "content_type", "extension"),
    [("JPEG", "image/jpeg", ".jpg"), ("PNG", "image/png", ".png"), ("WEBP", "image/webp", ".webp")],
)
def test_it_accepts_jpeg_png_and_webp(fmt, content_type, extension):
    item = store(make_claim(), image_bytes(fmt=fmt), name=f"shot.{fmt.lower()}")

    item.refresh_from_db()
    assert item.content_type == content_type
    assert item.original.name.endswith(extension)
    assert (item.width, item.height) == (200, 100)
    assert stored_image(item.print_image).format == "JPEG"
    assert stored_image(item.thumbnail).format == "JPEG"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param("付款成功，订单号 2026".encode(), id="text"),
        pytest.param(image_bytes(fmt="BMP"), id="bmp"),
        pytest.param(image_bytes(fmt="TIFF"), id="tiff"),
        pytest.param(image_bytes(fmt="JPEG2000"), id="jpeg2000"),
        pytest.param(image_bytes(fmt="PPM"), id="ppm"),
    ],
)
def test_it_refuses_any_other_format_whatever_its_name(data, private_storage):
    with translation.override("en"):
        assert rejection(data, name="bill.png") == NOT_ACCEPTED
    assert not Evidence.objects.exists()
    assert stored_names(private_storage) == []


def test_it_refuses_in_the_users_language():
    with translation.override("zh-hans"):
        message = rejection(image_bytes()[:100], name="bill.png")
        assert message == gettext("This image is damaged or incomplete.")
    assert re.search(r"[\u4e00-\u9fff]", message), message


@override_settings(EVIDENCE_MAX_IMAGE_BYTES=1024 * 1024)
def test_it_refuses_a_file_over_the_size_limit():
    uncompressed = image_bytes(size=(700, 700), fmt="PNG", compress_level=0)
    assert len(uncompressed) > 1024 * 1024

    with translation.override("en"):
        assert rejection(uncompressed) == "This file is larger than 1 MB."


@override_settings(EVIDENCE_MAX_IMAGE_BYTES=1024 * 1024)
def test_it_accepts_a_file_of_exactly_the_size_limit():
    data = image_bytes(fmt="PNG")
    padded = data + bytes(1024 * 1024 - len(data))  # PNG readers ignore trailing bytes

    # Accepted; what is kept is the picture without the padding after its end.
    assert store(make_claim(), padded).size == len(data)


@override_settings(EVIDENCE_MAX_PIXELS=10_000)
def test_it_refuses_an_image_over_the_pixel_limit():
    with translation.override("en"):
        message = rejection(image_bytes(size=(200, 100)))

    assert message.startswith("This image has too many pixels")


def test_it_checks_the_pixel_limit_before_decoding():
    # 48 megapixels declared and no pixel data: only a check made before decoding can answer.
    with translation.override("en"):
        message = rejection(png_header(8000, 6000))

    assert message == "This image has too many pixels (at most 40 million)."


def test_it_refuses_a_decompression_bomb():
    with translation.override("en"):
        message = rejection(png_header(30_000, 30_000))

    assert message.startswith("This image has too many pixels")


# Served, the app has imported WeasyPrint, which sets PIL.ImageFile.LOAD_TRUNCATED_IMAGES;
# ClaimsConfig.ready() restores the strict default, and these cases prove it.
@pytest.mark.parametrize(
    ("fmt", "keep"),
    [
        pytest.param("JPEG", 100, id="jpeg-head-only"),
        pytest.param("WEBP", 60, id="webp-head-only"),
        pytest.param("JPEG", -10, id="jpeg-without-its-end"),
        pytest.param("PNG", 100, id="png-head-only"),
        pytest.param("PNG", -30, id="png-without-its-end"),
    ],
)
def test_it_refuses_a_truncated_image_with_a_message(fmt, keep):
    cut = image_bytes(fmt=fmt)[:keep]

    with translation.override("en"):
        assert rejection(cut) == "This image is damaged or incomplete."


def test_it_keeps_the_good_files_when_one_is_truncated():
    claim = make_claim()
    files = [
        upload_of(image_bytes(), "first.png"),
        upload_of(image_bytes(fmt="JPEG")[:100], "cut.jpg"),
        upload_of(image_bytes(color=(9, 9, 9)), "second.png"),
    ]

    with translation.override("en"):
        result = accept_uploads(claim, files, category="transaction", caption="")

    assert [item.original_name for item in result.saved] == ["first.png", "second.png"]
    assert result.errors == [("cut.jpg", "This image is damaged or incomplete.")]


def test_it_keeps_the_good_files_and_explains_each_bad_one():
    claim = make_claim()
    files = [
        upload_of(image_bytes(fmt="PNG"), "first.png"),
        upload_of(b"hello", "notes.png"),
        upload_of(image_bytes(fmt="JPEG"), "second.jpg", "image/jpeg"),
        upload_of(image_bytes(fmt="BMP"), "old.png"),
    ]

    with translation.override("en"):
        result = accept_uploads(claim, files, category="transaction", caption="账单")

    assert [item.original_name for item in result.saved] == ["first.png", "second.jpg"]
    assert result.errors == [("notes.png", NOT_ACCEPTED), ("old.png", NOT_ACCEPTED)]
    assert [item.original_name for item in claim.evidence.all()] == ["first.png", "second.jpg"]


@override_settings(EVIDENCE_MAX_FILES_PER_CLAIM=2)
def test_it_stops_at_the_file_limit_per_claim():
    claim = make_claim()
    store(claim, image_bytes(), "old.png")
    files = [
        upload_of(image_bytes(color=(1, 1, 1)), "new.png"),
        upload_of(image_bytes(color=(2, 2, 2)), "extra.png"),
    ]

    with translation.override("en"):
        result = accept_uploads(claim, files, category="transaction", caption="")

    assert [item.original_name for item in result.saved] == ["new.png"]
    assert result.errors == [("extra.png", "A claim can hold at most 2 files.")]
    assert claim.evidence.count() == 2


def test_it_strips_exif_gps_and_xmp_from_the_copies_it_shows_and_prints():
    original = Image.open(io.BytesIO(phone_photo()))
    assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert "xmp" in original.info

    item = store(make_claim(), phone_photo(), name="photo.jpg")

    for field in (item.print_image, item.thumbnail):
        image = stored_image(field)
        assert dict(image.getexif()) == {}
        assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}
        assert "exif" not in image.info
        assert "xmp" not in image.info
        assert "icc_profile" not in image.info


def test_it_turns_photos_upright_from_their_exif_orientation():
    item = store(make_claim(), phone_photo(orientation=6), name="photo.jpg")

    assert stored_image(item.print_image).size == (100, 200)
    assert (item.width, item.height) == (100, 200)


def test_it_keeps_an_original_without_location_byte_for_byte_with_its_sha256():
    data = image_bytes(fmt="JPEG", exif=Image.Exif())

    item = store(make_claim(), data, name="photo.jpg")

    item.refresh_from_db()
    with item.original.open("rb") as handle:
        assert handle.read() == data
    assert item.sha256 == hashlib.sha256(data).hexdigest()
    assert item.size == len(data)
    assert item.original_name == "photo.jpg"


def test_it_reads_the_capture_time_as_china_time():
    taken_at = derive_image(phone_photo(taken="2026:11:20 21:14:05")).taken_at

    assert taken_at == datetime(2026, 11, 20, 21, 14, 5, tzinfo=SHANGHAI)
    assert taken_at.utcoffset() == timedelta(hours=8)


def test_it_stores_the_capture_time_on_the_evidence():
    item = store(make_claim(), phone_photo(taken="2026:11:20 21:14:05"), name="photo.jpg")

    item.refresh_from_db()
    assert item.taken_at == datetime(2026, 11, 20, 13, 14, 5, tzinfo=ZoneInfo("UTC"))


@pytest.mark.parametrize("taken", ["", "garbled", "0000:00:00 00:00:00"])
def test_it_leaves_the_capture_time_empty_when_exif_has_none_that_reads(taken):
    assert derive_image(phone_photo(taken=taken)).taken_at is None


def test_it_leaves_the_capture_time_empty_without_exif():
    assert derive_image(image_bytes(fmt="JPEG")).taken_at is None


def test_it_prints_at_most_1600_pixels_on_the_long_side():
    item = store(make_claim(), image_bytes(size=(4000, 1000), fmt="JPEG"))

    assert stored_image(item.print_image).size == (1600, 400)
    assert max(stored_image(item.thumbnail).size) == 480
    assert (item.width, item.height) == (4000, 1000)


def test_it_does_not_enlarge_small_images():
    item = store(make_claim(), image_bytes(size=(300, 120)))

    assert stored_image(item.print_image).size == (300, 120)
    assert stored_image(item.thumbnail).size == (300, 120)


def test_it_flattens_transparent_png_onto_white():
    transparent = image_bytes(size=(64, 64), fmt="PNG", mode="RGBA", color=(0, 0, 0, 0))

    item = store(make_claim(), transparent)

    printed = stored_image(item.print_image)
    assert printed.mode == "RGB"
    assert all(channel >= 250 for channel in printed.getpixel((32, 32)))


def test_it_keeps_opaque_pixels_of_a_transparent_png():
    image = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    image.paste((200, 0, 0, 255), (0, 0, 32, 64))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")

    printed = stored_image(store(make_claim(), buffer.getvalue()).print_image)

    red, green, blue = printed.getpixel((8, 32))
    assert red > 180 and green < 30 and blue < 30
    assert all(channel >= 250 for channel in printed.getpixel((56, 32)))
