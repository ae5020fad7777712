"""Location metadata removed losslessly: no place left, every pixel, frame and capture time kept."""

import ast
import io
import struct
import tempfile
from pathlib import Path

import pytest
from PIL import ExifTags, Image

from claims.evidence.frames import inspect_video
from claims.evidence.location_fields import clean_exif, clean_xmp
from claims.evidence.metadata import strip_location_in_place, without_location
from tests.evidence.located import (
    PLACE,
    PLACE_WORDS,
    TAKEN,
    iptc_of,
    jpeg_with_iptc,
    located_photo,
    located_recording,
    scan_data,
)
from tests.evidence.samples import image_bytes, mp4_bytes, phone_exif

PHOTO_FORMATS = ["JPEG", "PNG", "WEBP", "HEIF"]


def camera_only_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Xiaomi"
    return exif


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def xmp_of(image: Image.Image) -> bytes:
    xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    return xmp.encode() if isinstance(xmp, str) else xmp


@pytest.mark.parametrize("fmt", PHOTO_FORMATS)
def test_it_removes_the_gps_ifd_and_keeps_the_rest_of_exif(fmt):
    data = located_photo(fmt)
    assert opened(data).getexif().get_ifd(ExifTags.IFD.GPSInfo)

    exif = opened(without_location(data)).getexif()

    assert exif.get_ifd(ExifTags.IFD.GPSInfo) == {}
    assert ExifTags.IFD.GPSInfo not in exif
    assert exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] == TAKEN
    assert exif[ExifTags.Base.Make] == "Xiaomi"


@pytest.mark.parametrize("fmt", PHOTO_FORMATS)
def test_it_zeroes_the_coordinates_themselves(fmt):
    latitude = struct.pack("<II", 39, 1)  # GPSLatitude's degrees, a rational, as Pillow writes it
    data = located_photo(fmt)
    assert latitude in data

    cleaned = without_location(data)

    assert latitude not in cleaned


@pytest.mark.parametrize("fmt", PHOTO_FORMATS)
def test_it_removes_xmp_location_and_keeps_the_other_properties(fmt):
    data = located_photo(fmt)
    assert all(word in xmp_of(opened(data)) for word in PLACE_WORDS)

    xmp = xmp_of(opened(without_location(data)))

    assert [word for word in PLACE_WORDS if word in xmp] == []
    assert b"City" not in xmp and b"LocationShown" not in xmp
    assert b'CreateDate="2026-11-20T21:14:05+08:00"' in xmp


@pytest.mark.parametrize("fmt", PHOTO_FORMATS)
def test_it_leaves_every_pixel_as_it_was(fmt):
    data = located_photo(fmt)

    cleaned = without_location(data)

    assert cleaned != data
    assert opened(cleaned).tobytes() == opened(data).tobytes()
    assert opened(cleaned).size == opened(data).size


def test_it_keeps_the_jpeg_scan_data_byte_identical():
    data = located_photo("JPEG")

    assert scan_data(without_location(data)) == scan_data(data)


def test_it_rewrites_heic_metadata_in_place_so_every_offset_stays_valid():
    data = located_photo("HEIF")

    cleaned = without_location(data)

    assert len(cleaned) == len(data)
    changed = [i for i, (a, b) in enumerate(zip(data, cleaned, strict=True)) if a != b]
    # Only the EXIF and XMP items changed: the coded image (the bulk of the file) did not.
    assert len(changed) < len(data) // 2
    assert not any(word in cleaned for word in PLACE_WORDS)


def test_it_removes_iptc_location_datasets_and_keeps_the_caption():
    data = jpeg_with_iptc()
    assert (2, 90) in iptc_of(data)

    cleaned = without_location(data)

    assert iptc_of(cleaned) == {(2, 120): b"bill page"}
    assert scan_data(cleaned) == scan_data(data)


@pytest.mark.parametrize(
    "data",
    [
        image_bytes(fmt="JPEG"),
        image_bytes(fmt="PNG"),
        image_bytes(fmt="WEBP"),
        image_bytes(fmt="JPEG", exif=camera_only_exif()),
        mp4_bytes(),
        b"%PDF-1.4 not ours",
    ],
    ids=["jpeg", "png", "webp", "jpeg-exif-without-gps", "mp4", "pdf"],
)
def test_it_returns_a_file_without_location_untouched(data):
    assert without_location(data) is data


@pytest.mark.parametrize("brand", [b"qt  ", b"isom"], ids=["mov", "mp4"])
def test_it_turns_the_location_atoms_of_a_recording_into_free_atoms(brand):
    data = located_recording(brand)
    assert data.count(PLACE) == 3

    cleaned = without_location(data)

    assert PLACE not in cleaned
    assert len(cleaned) == len(data)
    assert b"Apple" in cleaned  # the other metadata keys stay
    moov = data.rindex(b"moov")
    assert cleaned[:moov] == data[:moov]  # every sample, byte for byte
    # Still a whole, playable recording of the same length and size.
    assert inspect_video(io.BytesIO(cleaned), len(cleaned)) == inspect_video(
        io.BytesIO(data), len(data)
    )
    for atom in (b"\xa9xyz", b"loci"):
        at = data.index(atom)
        assert cleaned[at : at + 4] == b"free"


def test_it_cleans_a_large_recording_in_place_on_disk():
    data = located_recording()
    with tempfile.TemporaryFile() as handle:
        handle.write(data)

        assert strip_location_in_place(handle) is True

        handle.seek(0)
        assert handle.read() == without_location(data)
        assert strip_location_in_place(handle) is False


def test_it_does_not_write_into_a_file_that_is_not_a_media_container():
    with tempfile.TemporaryFile() as handle:
        handle.write(located_photo("JPEG"))

        assert strip_location_in_place(handle) is False


def test_it_replaces_an_exif_block_it_cannot_walk_with_an_empty_one():
    block = phone_exif().tobytes()
    garbled = block[:14] + b"\xff\xff" + block[16:]  # IFD0 claims 65,535 entries

    cleaned = clean_exif(garbled)

    assert len(cleaned) == len(garbled)
    assert struct.pack("<II", 39, 1) not in cleaned
    exif = Image.Exif()
    exif.load(cleaned)
    assert dict(exif) == {}


def test_it_survives_hostile_xmp():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "GPSGPSGPSGPS">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/">&b;</x:xmpmeta>'
    )
    assert len(clean_xmp(bomb, same_length=True)) == len(bomb)
    assert clean_xmp(b"<x:GPS unclosed", same_length=True) == b" " * 15
    assert b"GPS" not in clean_xmp(b"<x:GPS unclosed")


def test_it_keeps_xmp_the_same_length_when_asked():
    packet = located_photo("JPEG")  # any bytes with a packet in them would do
    xmp = xmp_of(opened(packet))

    cleaned = clean_xmp(xmp, same_length=True)

    assert len(cleaned) == len(xmp)
    assert cleaned.rstrip().endswith(b'<?xpacket end="w"?>')


def test_the_metadata_modules_import_nothing_of_django():
    folder = Path(__file__).resolve().parents[2] / "claims" / "evidence"
    for name in ("metadata.py", "location_fields.py", "location_boxes.py"):
        tree = ast.parse((folder / name).read_text(encoding="utf-8"))
        modules = [
            node.module if isinstance(node, ast.ImportFrom) else alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        ]
        assert not [module for module in modules if module.split(".")[0] == "django"], name
        assert "claims.models" not in modules, name
