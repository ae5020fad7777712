"""Evidence images: open with an allowlist, check the pixel limit, derive clean copies.

What the app shows and prints is re-encoded here from a fresh pixel buffer: no EXIF, XMP,
GPS, ICC profile or comment survives, and neither does anything appended to the file
(polyglots). The user's rotation and opaque boxes are painted into these copies only. An
animated picture (APNG, GIF, animated WebP: screenshots are sometimes saved so) is printed by
its first frame; its original keeps every frame.
"""

import io
import warnings
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

from claims.evidence import capture_time
from claims.evidence.redaction import Box

# HEIC/HEIF from phones; thumbnails, depth maps and auxiliary images inside them are skipped.
register_heif_opener(thumbnails=False, depth_images=False, aux_images=False)

IMAGE_FORMATS = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
    "HEIF": ("image/heic", "heic"),
    "GIF": ("image/gif", "gif"),
}
# A JPEG with more pictures after the main one (a phone's HDR gain map, a depth map): Pillow
# calls it MPO. The main picture is the photo.
SAME_AS = {"MPO": "JPEG"}
ANIMATED_FORMATS = {"PNG", "GIF", "WEBP"}
IMAGE_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a")
PRINT_MAX_SIDE = 1600
THUMB_MAX_SIDE = 480
# The evidence list shows each picture cropped to a 6rem (96 px) square: this copy is that
# square at twice the pixels (most screens); the thumbnail serves screens denser still.
SMALL_THUMB_SIDE = 192
PRINT_QUALITY = 88
THUMB_QUALITY = 78
# Image.transpose methods for a clockwise turn of 90, 180 and 270 degrees.
CLOCKWISE = {
    90: Image.Transpose.ROTATE_270,
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_90,
}
DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError)


class EvidenceRejected(Exception):
    """A file we will not keep; the message is translated and shown to the user."""


@dataclass
class DerivedImage:
    format: str
    width: int
    height: int
    taken_at: datetime | None
    print_jpeg: bytes
    thumbnail_jpeg: bytes
    animated: bool = False

    @property
    def content_type(self) -> str:
        return IMAGE_FORMATS[self.format][0]

    @property
    def extension(self) -> str:
        return IMAGE_FORMATS[self.format][1]


def is_image(head: bytes) -> bool:
    """Whether the first bytes announce a picture format we take; Pillow has the last word."""
    return head.startswith(IMAGE_SIGNATURES) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")


def not_supported_message() -> str:
    return _(
        "This type of file is not accepted. Upload photos or screenshots (JPEG, PNG, GIF, "
        "WebP, HEIC), PDF documents, or MP4/MOV screen recordings."
    )


def damaged_message() -> str:
    return _("This image is damaged or incomplete.")


def derive_image(data: bytes, *, rotation: int = 0, boxes: tuple[Box, ...] = ()) -> DerivedImage:
    """Decode once (an animation's first frame), turn upright (EXIF, then the user's
    rotation), cover boxes, re-encode."""
    image = _open_checked(data)
    image_format = SAME_AS.get(image.format, image.format)
    try:
        animated = image_format in ANIMATED_FORMATS and bool(getattr(image, "is_animated", False))
        taken_at = capture_time.from_image(image)
        image.load()
        ImageOps.exif_transpose(image, in_place=True)
    except DECODE_ERRORS as exc:
        raise EvidenceRejected(damaged_message()) from exc
    if rotation:
        image = image.transpose(CLOCKWISE[rotation])
    rgb = _flatten_to_rgb(image)
    if boxes:
        _cover(rgb, boxes)
    width, height = rgb.size
    # The full-size pixels are ours alone and not needed again: shrink them in place.
    rgb.thumbnail((PRINT_MAX_SIDE, PRINT_MAX_SIDE), Image.Resampling.LANCZOS)
    print_jpeg = clean_jpeg(rgb, PRINT_QUALITY)
    rgb.thumbnail((THUMB_MAX_SIDE, THUMB_MAX_SIDE), Image.Resampling.LANCZOS)
    return DerivedImage(
        format=image_format,
        width=width,
        height=height,
        taken_at=taken_at,
        print_jpeg=print_jpeg,
        thumbnail_jpeg=clean_jpeg(rgb, THUMB_QUALITY),
        animated=animated,
    )


def small_square(thumbnail_jpeg: bytes) -> bytes:
    """The thumbnail's middle square, as the list's `object-fit: cover` shows it, at the
    pixels most screens need (~5 ms: it starts from our own small JPEG)."""
    with Image.open(io.BytesIO(thumbnail_jpeg), formats=["JPEG"]) as thumbnail:
        square = ImageOps.fit(thumbnail, (SMALL_THUMB_SIDE,) * 2, Image.Resampling.LANCZOS)
    return clean_jpeg(square, THUMB_QUALITY)


def _open_checked(data: bytes) -> Image.Image:
    """Open (header only) with the allowlist; refuse pixel bombs before decoding."""
    limit = settings.EVIDENCE_MAX_PIXELS
    # The warning becomes an error; our own limit below is lower than Pillow's anyway.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=list(IMAGE_FORMATS))
        except UnidentifiedImageError as exc:
            raise EvidenceRejected(not_supported_message()) from exc
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
            raise EvidenceRejected(_("This image has too many pixels.")) from exc
        except DECODE_ERRORS as exc:
            raise EvidenceRejected(damaged_message()) from exc
    if image.width * image.height > limit:
        image.close()
        raise EvidenceRejected(
            _("This image has too many pixels (at most %(megapixels)d million).")
            % {"megapixels": limit // 1_000_000}
        )
    return image


def _flatten_to_rgb(image: Image.Image) -> Image.Image:
    if image.mode == "RGB":
        return image
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _cover(image: Image.Image, boxes) -> None:
    """Paint fully opaque black boxes, at full resolution, before any downscaling."""
    draw = ImageDraw.Draw(image)
    for box in boxes:
        x0, y0, x1, y1 = box.to_pixels(image.size)
        draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=(0, 0, 0))


def clean_jpeg(image: Image.Image, quality: int) -> bytes:
    """JPEG bytes from a fresh buffer: no info dict, so no EXIF, XMP, ICC or comment."""
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    buffer = io.BytesIO()
    clean.save(buffer, format="JPEG", quality=quality, optimize=True, progressive=True)
    return buffer.getvalue()
