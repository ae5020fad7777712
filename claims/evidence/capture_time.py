"""When a picture or a recording was taken, from what the file itself says.

A reviewer dates a screenshot before reading it. Phones record the moment in different places:
a camera's JPEG or HEIC in EXIF, an iPhone screenshot (PNG) in XMP, some editors in a PNG text
chunk, a screen recording in its container's creation time, and an Android screenshot only in
the name the phone gave it (Screenshot_20261120-143200.png). Times without a zone are read as
China time, as a phone there shows them; anything that does not parse, or lies outside the
years a purchase could have happened, is no time at all.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from django.utils import timezone
from PIL import Image

EXIF_IFD = 0x8769
EXIF_DATETIME_ORIGINAL = 0x9003
EXIF_DATETIME = 0x0132
EXIF_OFFSET_TIME_ORIGINAL = 0x9011
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
# The XMP properties a capture time hides in, best first.
XMP_DATE = re.compile(
    r"(?:exif:DateTimeOriginal|photoshop:DateCreated|xmp:CreateDate)"
    r"""(?:\s*=\s*["']|>)([0-9T:+\-.Z ]{10,40})"""
)
PNG_TEXT_KEYS = ("Creation Time", "creation_time", "CreationTime", "date:create")
# 2026-11-20 14.32.00, 20261120_143200, 2026年11月20日 14时32分00秒…: a date and a time of day.
NAME_STAMP = re.compile(
    r"(?<!\d)(20\d\d)[-_.年]?(\d\d)[-_.月]?(\d\d)日?[-_ T]*(?:at[ _])?"
    r"(\d\d)[-_.:时]?(\d\d)[-_.:分]?(\d\d)(?!\d)"
)
# WeChat's saved pictures: mmexport and the milliseconds since 1970.
NAME_EPOCH_MS = re.compile(r"mmexport(\d{13})(?!\d)")
ISO_FORMATS = ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M%z", "%Y-%m-%dT%H:%M")


@dataclass(frozen=True)
class Capture:
    """A capture time and where it was read: "file" (the file's own record) or "name"."""

    at: datetime
    source: str


def from_image(image: Image.Image) -> datetime | None:
    """EXIF first (with its offset when the camera wrote one), then XMP, then PNG text."""
    return _from_exif(image) or _from_xmp(image) or _from_png_text(image)


def from_container(value: str | None) -> datetime | None:
    """A recording's creation_time tag (ISO 8601, usually UTC with a Z)."""
    return _iso(value) if value else None


def from_name(name: str) -> datetime | None:
    """The time an Android phone or WeChat writes into a file's name, or None."""
    epoch = NAME_EPOCH_MS.search(name or "")
    if epoch:
        return _plausible(datetime.fromtimestamp(int(epoch.group(1)) / 1000, tz=UTC))
    stamp = NAME_STAMP.search(name or "")
    if stamp is None:
        return None
    try:
        naive = datetime(*(int(part) for part in stamp.groups()))  # noqa: DTZ001
    except ValueError:
        return None
    return _plausible(timezone.make_aware(naive, timezone.get_default_timezone()))


def capture_of(item) -> Capture | None:
    """An evidence item's capture time: the file's own record, else the time in its name."""
    if item.taken_at:
        return Capture(item.taken_at, "file")
    named = from_name(item.original_name)
    return Capture(named, "name") if named else None


def _from_exif(image: Image.Image) -> datetime | None:
    exif = image.getexif()
    details = exif.get_ifd(EXIF_IFD)
    raw = details.get(EXIF_DATETIME_ORIGINAL) or exif.get(EXIF_DATETIME)
    if not isinstance(raw, str):
        return None
    try:
        naive = datetime.strptime(raw.strip("\x00 "), "%Y:%m:%d %H:%M:%S")  # noqa: DTZ007
    except ValueError:
        return None
    zone = _offset(details.get(EXIF_OFFSET_TIME_ORIGINAL))
    return _plausible(naive.replace(tzinfo=zone) if zone else _local(naive))


def _from_xmp(image: Image.Image) -> datetime | None:
    raw = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    for found in XMP_DATE.finditer(text):
        moment = _iso(found.group(1))
        if moment:
            return moment
    return None


def _from_png_text(image: Image.Image) -> datetime | None:
    for key in PNG_TEXT_KEYS:
        value = image.info.get(key)
        if isinstance(value, str):
            moment = _iso(value.strip().replace(" ", "T", 1))
            if moment:
                return moment
    return None


def _iso(value: str) -> datetime | None:
    """2026-11-20T14:32:00(+08:00|Z), with or without seconds and fractions."""
    value = re.sub(r"\.\d+", "", value.strip()).replace("Z", "+00:00")
    for pattern in ISO_FORMATS:
        try:
            moment = datetime.strptime(value, pattern)  # noqa: DTZ007 (zone added below)
        except ValueError:
            continue
        return _plausible(moment if moment.tzinfo else _local(moment))
    return None


def _offset(value) -> tzinfo | None:
    """EXIF OffsetTimeOriginal ("+08:00") as a zone."""
    match = re.fullmatch(r"([+-])(\d\d):(\d\d)", str(value or "").strip("\x00 "))
    if not match:
        return None
    sign = -1 if match.group(1) == "-" else 1
    return timezone.get_fixed_timezone(
        sign * int(timedelta(hours=int(match.group(2)), minutes=int(match.group(3))).seconds / 60)
    )


def _local(naive: datetime) -> datetime:
    return timezone.make_aware(naive, timezone.get_default_timezone())


def _plausible(moment: datetime) -> datetime | None:
    """Cameras without a set clock say 1970 or 2000-01-01; none of that dates a purchase."""
    latest = timezone.now() + timedelta(days=1)
    return moment if EARLIEST < moment <= latest else None
