"""Evidence files made in memory: photos, screenshots, HEIC, MP4/MOV recordings, PDFs, hostiles."""

import functools
import io
import struct
import tempfile
import zipfile
import zlib
from pathlib import Path

import av
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

import claims.evidence.images  # noqa: F401  registers the HEIF opener used below
from tests.evidence.crafted_pdfs import SHOWN_TEXT, document, pages

GPS = {
    ExifTags.GPS.GPSLatitudeRef: "N",
    ExifTags.GPS.GPSLatitude: (39.0, 54.0, 27.0),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (116.0, 23.0, 29.0),
}


def image_bytes(size=(200, 100), fmt="PNG", mode="RGB", color=(40, 120, 220), **save_args):
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, format=fmt, **save_args)
    return buffer.getvalue()


def phone_exif(orientation=6, taken="2026:11:20 21:14:05") -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "Xiaomi"
    exif[ExifTags.IFD.GPSInfo] = GPS
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = taken
    return exif


def phone_photo(orientation=6, taken="2026:11:20 21:14:05") -> bytes:
    """A 200x100 JPEG as a phone writes it: rotation flag, capture time, GPS and XMP."""
    xmp = b"<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF/></x:xmpmeta>"
    return image_bytes(fmt="JPEG", exif=phone_exif(orientation, taken), xmp=xmp)


def two_tone(size=(200, 100)) -> Image.Image:
    """Blue on the left fifth, red elsewhere: shows which way a picture was turned."""
    image = Image.new("RGB", size, (200, 0, 0))
    image.paste((0, 0, 255), (0, 0, size[0] // 4, size[1]))
    return image


def heic_photo(orientation=6, taken="2026:11:20 21:14:05") -> bytes:
    """An iPhone-like HEIC: the rotation becomes the container's own transform, GPS in EXIF."""
    buffer = io.BytesIO()
    exif = phone_exif(orientation, taken)
    two_tone().save(buffer, format="HEIF", exif=exif.tobytes(), quality=80)
    return buffer.getvalue()


def animated(fmt="PNG") -> bytes:
    frames = [Image.new("RGB", (40, 40), color) for color in ("red", "blue", "green")]
    buffer = io.BytesIO()
    frames[0].save(buffer, format=fmt, save_all=True, append_images=frames[1:], duration=100)
    return buffer.getvalue()


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_header(width: int, height: int) -> bytes:
    """A PNG that says how big it is and holds almost no pixel data (a pixel flood)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + png_chunk(b"IDAT", zlib.compress(bytes(64)))
        + png_chunk(b"IEND", b"")
    )


def png_zip_polyglot() -> bytes:
    """A valid PNG with a ZIP archive appended: opens as either."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("payload.html", "<script>alert(1)</script>")
    return image_bytes() + archive.getvalue()


HTML_AS_PNG = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"


def box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def boxes_only(duration=83_500, brand=b"isom") -> bytes:
    """ftyp, mdat of zeros, moov with an mvhd: the boxes of an MP4 with no picture inside."""
    ftyp = box(b"ftyp", brand + b"\0\0\2\0" + brand + b"mp41")
    mvhd = box(b"mvhd", bytes(4) + struct.pack(">IIII", 0, 0, 1000, duration) + bytes(80))
    return ftyp + box(b"mdat", bytes(512)) + box(b"moov", mvhd)


# One colour a second, so that each key frame shows which second it was taken from.
COLOURS = [(220, 30, 30), (30, 160, 60), (30, 60, 220), (240, 200, 20), (20, 200, 220)]


@functools.lru_cache(maxsize=16)
def mp4_bytes(duration=83_500, brand=b"isom", size=(1170, 2532), fps=2, faststart=False):
    """A real H.264 recording made by PyAV (FFmpeg): `duration` ms of frames, one colour a
    second; `brand` b"qt  " makes a QuickTime MOV. The index (moov) comes last, as phones
    write it, unless `faststart`."""
    container = "mov" if brand == b"qt  " else "mp4"
    options = {"movflags": "+faststart"} if faststart else {}
    with tempfile.TemporaryDirectory() as folder:
        path = f"{folder}/recording.{container}"
        with av.open(path, "w", format=container, options=options) as output:
            stream = output.add_stream("libx264", rate=fps, options={"preset": "ultrafast"})
            stream.width, stream.height = size
            stream.pix_fmt = "yuv420p"
            pictures = [
                av.VideoFrame.from_image(Image.new("RGB", size, colour)).reformat(format="yuv420p")
                for colour in COLOURS
            ]
            for index in range(round(duration * fps / 1000)):
                frame = pictures[index // fps % len(COLOURS)]
                frame.pts = index
                output.mux(stream.encode(frame))
            output.mux(stream.encode())
        return Path(path).read_bytes()


def pdf_bytes() -> bytes:
    """A plain one-page PDF, with nothing in it that acts: kept byte for byte."""
    return document(pages([SHOWN_TEXT]))


def upload_of(data: bytes, name="bill.png", content_type="image/png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def statement_pdf(pages: int = 12) -> bytes:
    """A bank statement of `pages` A4 pages, each saying which page it is, in large type."""
    from weasyprint import HTML

    body = "".join(
        f'<section style="break-after: page"><h1>Page {n}</h1>'
        f'<div style="height: 80mm; background: #000"></div></section>'
        for n in range(1, pages + 1)
    )
    style = "<style>@page { size: A4 } h1 { font-size: 60pt }</style>"
    return HTML(string=style + body).write_pdf()
