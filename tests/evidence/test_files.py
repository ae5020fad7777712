"""The evidence pipeline beyond plain images: hostile files, HEIC, MP4/MOV, PDF, limits, names."""

import io
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.test import RequestFactory, override_settings
from django.utils import translation
from PIL import ExifTags, Image

from claims.evidence import pipeline, redaction
from claims.evidence.frames import inspect_video
from claims.evidence.pipeline import EvidenceRejected, accept_uploads, display_name, store_upload
from claims.models import Evidence
from claims.uploads import CappedTemporaryFileUploadHandler
from tests.evidence.samples import (
    HTML_AS_PNG,
    boxes_only,
    heic_photo,
    image_bytes,
    mp4_bytes,
    pdf_bytes,
    phone_photo,
    png_header,
    png_zip_polyglot,
    upload_of,
)
from tests.factories import files_in, make_claim

# Load the app as a server does: its URLconf imports WeasyPrint, which changes Pillow's globals.
import refundhelper.urls  # noqa: F401  isort: skip

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


def store(data: bytes, name="bill.png", claim=None) -> Evidence:
    upload = upload_of(data, name)
    return store_upload(claim or make_claim(), upload, category="transaction", caption="")


def rejection(data: bytes, name="bill.png", claim=None) -> str:
    with translation.override("en"), pytest.raises(EvidenceRejected) as raised:
        store(data, name, claim)
    return str(raised.value)


def stored_names(storage) -> list[str]:
    return [str(path) for path in files_in(storage)]


def read(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def opened(field) -> Image.Image:
    image = Image.open(io.BytesIO(read(field)))
    image.load()
    return image


# -- hostile and broken files: each refused with its own message, nothing kept -------------

HOSTILE = [
    pytest.param(b"", "empty.png", "This file is empty.", id="zero-byte"),
    pytest.param(HTML_AS_PNG, "cat.png", "This type of file is not accepted", id="html-as-png"),
    pytest.param(image_bytes()[:60], "cut.png", "This image is damaged", id="truncated-png"),
    pytest.param(
        png_header(50_000, 50_000), "flood.png", "This image has too many pixels", id="flood"
    ),
    pytest.param(mp4_bytes()[:-1000], "cut.mp4", "This video is damaged", id="truncated-mp4"),
    pytest.param(pdf_bytes()[:-8], "cut.pdf", "This PDF is damaged", id="truncated-pdf"),
    pytest.param(b"PK\x03\x04" + bytes(200), "chat.zip", "This type of file", id="zip"),
]


@pytest.mark.parametrize(("data", "name", "message"), HOSTILE)
def test_it_refuses_hostile_and_broken_files_and_keeps_nothing(
    data, name, message, private_storage
):
    assert rejection(data, name).startswith(message)
    assert not Evidence.objects.exists()
    assert stored_names(private_storage) == []


def test_it_refuses_a_pixel_flood_without_decoding_it():
    # 2.5 billion pixels declared in a file of a few dozen bytes: only the header is read.
    data = png_header(50_000, 50_000)
    assert len(data) < 200
    assert rejection(data) == "This image has too many pixels."


def test_it_decides_the_type_by_the_bytes_not_the_name():
    as_jpg = store(image_bytes(fmt="PNG"), name="screenshot.jpg")
    as_pdf = store(image_bytes(fmt="JPEG"), name="statement.pdf")

    assert (as_jpg.content_type, as_jpg.original.name[-4:]) == ("image/png", ".png")
    assert (as_pdf.content_type, as_pdf.original.name[-4:]) == ("image/jpeg", ".jpg")
    assert as_pdf.original_name == "statement.pdf"


def test_a_png_zip_polyglot_keeps_only_the_picture_and_prints_a_clean_copy():
    data = png_zip_polyglot()

    item = store(data, name="bill.png")

    assert read(item.original) == image_bytes()  # the appended ZIP is cut off
    for field in (item.print_image, item.thumbnail):
        copy = read(field)
        assert copy.startswith(b"\xff\xd8\xff")
        assert b"PK\x03\x04" not in copy
        assert b"<script>" not in copy


# -- HEIC ------------------------------------------------------------------------------------


def test_it_accepts_a_heic_photo_upright_without_gps_with_its_capture_time():
    data = heic_photo(orientation=6)

    item = store(data, name="IMG_0042.HEIC")

    assert (item.kind, item.content_type) == ("image", "image/heic")
    assert item.original.name.endswith(".heic")
    kept = read(item.original)
    assert len(kept) == len(data)  # the EXIF item is cleaned in place
    assert Image.open(io.BytesIO(kept)).getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}
    assert Image.open(io.BytesIO(kept)).tobytes() == Image.open(io.BytesIO(data)).tobytes()
    assert (item.width, item.height) == (100, 200)  # turned upright
    printed = opened(item.print_image)
    red, _green, blue = printed.getpixel((50, 10))
    assert blue > 200 and red < 60  # the blue left edge is now on top
    assert item.taken_at == datetime(2026, 11, 20, 21, 14, 5, tzinfo=ZoneInfo("Asia/Shanghai"))
    for field in (item.print_image, item.thumbnail):
        image = opened(field)
        assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo) == {}
        assert "exif" not in image.info


def test_no_derived_copy_of_any_format_carries_gps():
    claim = make_claim()
    for name, data in [("a.jpg", phone_photo()), ("b.heic", heic_photo())]:
        item = store(data, name=name, claim=claim)
        assert b"GPS" not in read(item.print_image) + read(item.thumbnail)
        for field in (item.print_image, item.thumbnail):
            assert dict(opened(field).getexif()) == {}


# -- MP4 / MOV screen recordings ---------------------------------------------------------------


def test_it_accepts_an_mp4_with_its_duration_frame_size_and_hash():
    data = mp4_bytes(duration=83_500)

    item = store(data, name="录屏 2026-11-20.mp4")

    item.refresh_from_db()
    assert (item.kind, item.content_type) == ("video", "video/mp4")
    assert item.original.name.endswith(".mp4")
    assert read(item.original) == data
    assert item.duration_ms == 83_500
    assert item.duration_text == "1:24"
    assert (item.width, item.height) == (1170, 2532)
    assert not item.print_image and not item.thumbnail
    assert item.sha256 == pipeline.hashlib.sha256(data).hexdigest()


def test_it_reads_a_quicktime_mov():
    data = mp4_bytes(duration=3_000, brand=b"qt  ", size=(640, 360))

    item = store(data, name="IMG_0043.MOV")

    assert (item.content_type, item.original.name[-4:]) == ("video/quicktime", ".mov")
    assert item.duration_text == "0:03"
    assert (item.width, item.height) == (640, 360)


@pytest.mark.parametrize(
    "cut",
    [
        pytest.param(lambda data: data[: len(data) * 3 // 4], id="index-at-the-end-lost"),
        pytest.param(lambda data: data[:-1000], id="index-cut-short"),
    ],
)
def test_a_recording_cut_off_during_upload_is_refused(cut):
    assert rejection(cut(mp4_bytes()), name="cut.mp4") == "This video is damaged or incomplete."


def test_a_recording_whose_media_was_cut_off_is_refused_although_its_index_is_whole():
    whole = mp4_bytes(duration=3_000, size=(320, 640), faststart=True)  # moov first

    assert store(whole, name="whole.mp4").duration_ms == 3_000
    assert rejection(whole[:-200], name="cut.mp4") == "This video is damaged or incomplete."


def test_a_file_with_the_boxes_of_an_mp4_but_no_picture_is_refused():
    # The hand-written box walk took this for an 83-second recording.
    assert rejection(boxes_only(), name="x.mp4") == "This video is damaged or incomplete."


def test_a_video_without_its_index_is_damaged():
    ftyp_only = mp4_bytes()[:32] + b"\x00\x00\x00\x10free" + bytes(8)

    assert rejection(ftyp_only, name="x.mp4") == "This video is damaged or incomplete."


def test_it_reads_a_recording_from_any_file_object():
    data = mp4_bytes()
    info = inspect_video(io.BytesIO(data), len(data))
    assert info.duration_ms == 83_500


# -- PDF -----------------------------------------------------------------------------------------


def test_it_accepts_a_pdf_as_a_listed_file_without_copies():
    data = pdf_bytes()

    item = store(data, name="支付宝账单.pdf")

    assert (item.kind, item.content_type, item.size) == ("pdf", "application/pdf", len(data))
    assert read(item.original) == data
    assert not item.print_image and item.width is None


# -- limits --


def test_the_default_limits_are_generous_enough_for_a_phone():
    limits = pipeline.limits()
    assert limits.files >= 60
    assert limits.image_bytes >= 15 * MB
    assert limits.video_bytes >= 100 * MB
    assert limits.claim_bytes >= limits.video_bytes


@pytest.mark.parametrize(
    ("setting", "data", "name"),
    [
        ("EVIDENCE_MAX_IMAGE_BYTES", image_bytes(size=(700, 700), compress_level=0), "a.png"),
        ("EVIDENCE_MAX_VIDEO_BYTES", mp4_bytes() + bytes(MB), "a.mp4"),
        ("EVIDENCE_MAX_PDF_BYTES", b"%PDF-1.4\n" + bytes(MB) + b"%%EOF\n", "a.pdf"),
    ],
)
def test_each_type_has_its_own_size_limit(setting, data, name, private_storage):
    with override_settings(**{setting: MB}):
        assert rejection(data, name) == "This file is larger than 1 MB."
    assert stored_names(private_storage) == []


@override_settings(EVIDENCE_MAX_CLAIM_BYTES=MB)
def test_a_claim_has_a_total_size_limit():
    claim = make_claim()
    files = [
        upload_of(image_bytes(size=(400, 400), color=color, compress_level=0), name)  # ~480 KB
        for name, color in (("a.png", (1, 1, 1)), ("b.png", (2, 2, 2)), ("c.png", (3, 3, 3)))
    ]

    with translation.override("en"):
        result = accept_uploads(claim, files, category="transaction", caption="")

    assert [item.original_name for item in result.saved] == ["a.png", "b.png"]
    assert result.errors[0][0] == "c.png"
    assert result.errors[0][1].startswith("This file would take your claim over 1 MB in total.")


def test_a_claim_holds_sixty_files():
    claim = make_claim()
    files = [upload_of(image_bytes(size=(8, 8), color=(n, 0, 0)), f"{n}.png") for n in range(61)]

    with translation.override("en"):
        result = accept_uploads(claim, files, category="other", caption="")

    assert len(result.saved) == 60
    assert result.errors == [("60.png", "A claim can hold at most 60 files.")]


def test_the_upload_handler_stops_writing_past_the_largest_limit():
    request = RequestFactory().post("/")
    handler = CappedTemporaryFileUploadHandler(request)
    with override_settings(
        EVIDENCE_MAX_IMAGE_BYTES=1000, EVIDENCE_MAX_PDF_BYTES=1000, EVIDENCE_MAX_VIDEO_BYTES=2000
    ):
        handler.new_file("file", "huge.mp4", "video/mp4", 10_000)
        head = mp4_bytes()[:1000]
        for start in range(0, 10_000, 1000):
            chunk = head if start == 0 else bytes(1000)
            assert handler.receive_data_chunk(chunk, start) is None
        uploaded = handler.file_complete(10_000)
        try:
            assert uploaded.size == 10_000
            assert Path(uploaded.temporary_file_path()).stat().st_size == 2000
            assert uploaded.truncated
            assert rejection_of_upload(uploaded) == "This file is larger than 1 MB."
        finally:
            uploaded.close()


def rejection_of_upload(uploaded) -> str:
    with translation.override("en"), pytest.raises(EvidenceRejected) as raised:
        pipeline.examine(uploaded, room_bytes=10**9)
    return str(raised.value)


# -- names --


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("../../etc/passwd.png", "passwd.png"),
        ("C:\\Users\\li\\账单.png", "账单.png"),
        ("invoice\u202egnp.exe", "invoicegnp.exe"),
        ("a\x00b\nc.png", "abc.png"),
        ("", "file"),
    ],
)
def test_hostile_names_become_plain_text_and_never_reach_the_file_system(name, shown):
    with translation.override("en"):
        assert display_name(name) == shown
    item = store(image_bytes(), name=name or "x")
    stored = Path(item.original.name)
    assert stored.parent.name == "originals"
    assert len(stored.stem) == 32 and all(ch in "0123456789abcdef" for ch in stored.stem)


def test_a_very_long_name_keeps_its_end():
    name = "截图" * 200 + ".png"
    shown = display_name(name)
    assert len(shown) == 200
    assert shown.endswith(".png")


# -- redaction arithmetic --


def test_boxes_turn_with_the_picture():
    box = redaction.make_box(10, 20, 30, 5)

    right = redaction.rotate_boxes([box], 1)[0]
    assert right == redaction.Box(75.0, 10.0, 5.0, 30.0)
    assert redaction.rotate_boxes([box], 4) == [box]
    assert redaction.rotate_boxes(redaction.rotate_boxes([box], 1), 3) == [box]


@pytest.mark.parametrize(
    "text", ["1,2,3", "a,b,c,d", "200,200,5,5", "10,10,0.1,0.1", "nan,1,5,5", "1,1,5,5;" * 41]
)
def test_unreadable_boxes_are_refused(text):
    with pytest.raises(redaction.BadBoxes):
        redaction.parse_boxes(text)


def test_boxes_are_clipped_to_the_picture_and_cover_whole_pixels():
    box = redaction.make_box(-5, 90, 20, 20)
    assert box == redaction.Box(0.0, 90.0, 15.0, 10.0)
    assert redaction.Box(10.1, 10.1, 10, 10).to_pixels((100, 100)) == (10, 10, 21, 21)
