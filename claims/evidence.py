"""Evidence images: sniff, validate, hash, and derive clean copies to show and print.

The original bytes are kept exactly as uploaded (with their SHA-256) and only ever offered
as a download. What the app shows and prints is a re-encoded copy made here, once, at upload:
re-encoding drops EXIF, XMP and GPS and destroys polyglot files.
"""

import hashlib
import io
import uuid
import warnings
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from .models import Claim, Evidence

ALLOWED_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
PRINT_MAX_SIDE = 1600
THUMB_MAX_SIDE = 480
EXIF_IFD = 0x8769
EXIF_DATETIME_ORIGINAL = 0x9003
EXIF_DATETIME = 0x0132


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


@dataclass
class UploadResult:
    saved: list[Evidence] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)


def max_megabytes() -> int:
    return settings.EVIDENCE_MAX_FILE_BYTES // (1024 * 1024)


def derive_image(data: bytes) -> DerivedImage:
    """Open with an allowlist, check the pixel limit before decoding, re-encode clean copies."""
    limit = settings.EVIDENCE_MAX_PIXELS
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=list(ALLOWED_FORMATS))
        except UnidentifiedImageError as exc:
            raise EvidenceRejected(_("This is not a JPEG, PNG or WebP image.")) from exc
        except (Image.DecompressionBombWarning, Image.DecompressionBombError) as exc:
            raise EvidenceRejected(_("This image has too many pixels.")) from exc
        except (OSError, SyntaxError, ValueError) as exc:
            raise EvidenceRejected(_("This image is damaged or incomplete.")) from exc
        with image:
            if image.width * image.height > limit:
                raise EvidenceRejected(
                    _("This image has too many pixels (at most %(megapixels)d million).")
                    % {"megapixels": limit // 1_000_000}
                )
            image_format = image.format
            try:
                image.load()
                taken_at = _capture_time(image)
                upright = ImageOps.exif_transpose(image)
            except (OSError, SyntaxError, ValueError) as exc:
                raise EvidenceRejected(_("This image is damaged or incomplete.")) from exc
            rgb = _flatten_to_rgb(upright)
    return DerivedImage(
        format=image_format,
        width=rgb.width,
        height=rgb.height,
        taken_at=taken_at,
        print_jpeg=_jpeg(rgb, PRINT_MAX_SIDE, quality=88),
        thumbnail_jpeg=_jpeg(rgb, THUMB_MAX_SIDE, quality=78),
    )


def accept_uploads(claim: Claim, files, *, category: str, caption: str) -> UploadResult:
    """Keep every good file; give each bad one its own message. One bad file spoils nothing."""
    result = UploadResult()
    room = settings.EVIDENCE_MAX_FILES_PER_CLAIM - claim.evidence.count()
    for uploaded in files:
        name = uploaded.name or _("file")
        if room <= 0:
            result.errors.append(
                (
                    name,
                    _("A claim can hold at most %(count)d files.")
                    % {"count": settings.EVIDENCE_MAX_FILES_PER_CLAIM},
                )
            )
            continue
        try:
            result.saved.append(store_upload(claim, uploaded, category=category, caption=caption))
            room -= 1
        except EvidenceRejected as exc:
            result.errors.append((name, str(exc)))
    return result


def store_upload(claim: Claim, uploaded, *, category: str, caption: str) -> Evidence:
    if uploaded.size > settings.EVIDENCE_MAX_FILE_BYTES:
        raise EvidenceRejected(
            _("This file is larger than %(size)d MB.") % {"size": max_megabytes()}
        )
    data = uploaded.read()
    derived = derive_image(data)
    stem = uuid.uuid4().hex
    item = Evidence(
        claim=claim,
        category=category,
        caption=caption,
        original_name=(uploaded.name or "")[-255:],
        content_type=ALLOWED_FORMATS[derived.format],
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        width=derived.width,
        height=derived.height,
        taken_at=derived.taken_at,
    )
    item.original.save(f"{stem}.{EXTENSIONS[derived.format]}", ContentFile(data), save=False)
    item.print_image.save(f"{stem}.jpg", ContentFile(derived.print_jpeg), save=False)
    item.thumbnail.save(f"{stem}.jpg", ContentFile(derived.thumbnail_jpeg), save=False)
    try:
        with transaction.atomic():
            item.save()
    except Exception:
        for stored in item.stored_files():
            stored.storage.delete(stored.name)
        raise
    return item


def _capture_time(image: Image.Image) -> datetime | None:
    """EXIF capture time, read as China time (EXIF has no zone); None when absent or garbled."""
    exif = image.getexif()
    raw = exif.get_ifd(EXIF_IFD).get(EXIF_DATETIME_ORIGINAL) or exif.get(EXIF_DATETIME)
    if not isinstance(raw, str):
        return None
    try:
        naive = datetime.strptime(raw.strip("\x00 "), "%Y:%m:%d %H:%M:%S")  # noqa: DTZ007
    except ValueError:
        return None
    return timezone.make_aware(naive, timezone.get_default_timezone())


def _flatten_to_rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _jpeg(image: Image.Image, max_side: int, *, quality: int) -> bytes:
    copy = image.copy()
    copy.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    # A fresh RGB image carries no info dict: no EXIF, XMP, ICC or comments are written.
    clean = Image.new("RGB", copy.size)
    clean.paste(copy)
    clean.save(buffer, format="JPEG", quality=quality, optimize=True, progressive=True)
    return buffer.getvalue()
