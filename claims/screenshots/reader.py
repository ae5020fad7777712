"""Reading screenshots on our own server, and the readings kept on evidence rows.

The engine is RapidOCR with the PP-OCRv4 Chinese models that ship inside its wheel: it loads
once per worker process, downloads nothing, and no image leaves the server (PIPL). The
reading is stored on the Evidence row as suggestions; the user's answers stay the facts.
"""

import io
import logging
import time
import warnings
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from claims.domain.formatting import format_yuan
from claims.evidence.images import CLOCKWISE, IMAGE_FORMATS
from claims.models import Evidence
from claims.screenshots.extract import Reading, TextBox, extract

logger = logging.getLogger(__name__)

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
PENDING = (QUEUED, RUNNING)
# Past this many pixels on the long side RapidOCR shrinks the image anyway.
MAX_SIDE = 2000
# A long screenshot (长截图) shrunk whole would make its text too small to read: one taller
# than three widths (phones' own screens are about 2.2) is read in slices 2.5 widths tall,
# overlapping by a quarter width so that every line is whole in one of them.
LONG_WIDTHS = 3.0
SLICE_WIDTHS = 2.5
OVERLAP_WIDTHS = 0.25


@lru_cache(maxsize=1)
def engine():
    """The OCR engine, loaded on first use: the web process never pays for it."""
    from rapidocr_onnxruntime import RapidOCR

    threads = settings.OCR_THREADS or -1
    # Screenshots are upright: the text-direction classifier would only cost time.
    return RapidOCR(
        use_cls=False,
        max_side_len=MAX_SIDE,
        intra_op_num_threads=threads,
        inter_op_num_threads=threads,
    )


def text_boxes(image: Image.Image) -> list[TextBox]:
    """Every line of text on an RGB image, with its box, as the engine found them."""
    width, height = image.size
    if height <= width * LONG_WIDTHS:
        return _engine_boxes(image)
    tall = round(width * SLICE_WIDTHS)
    overlap = round(width * OVERLAP_WIDTHS)
    boxes = []
    for top in range(0, height - overlap, tall - overlap):
        bottom = min(top + tall, height)
        # Each line belongs to the slice whose middle part holds its centre: read once.
        own_from = 0 if top == 0 else top + overlap / 2
        own_to = height if bottom == height else bottom - overlap / 2
        for box in _engine_boxes(image.crop((0, top, width, bottom))):
            moved = TextBox(box.text, box.left, box.top + top, box.right, box.bottom + top)
            if own_from <= (moved.top + moved.bottom) / 2 < own_to:
                boxes.append(moved)
        if bottom == height:
            break
    return boxes


def _engine_boxes(image: Image.Image) -> list[TextBox]:
    result, _elapsed = engine()(image)
    return [TextBox.from_points(points, text) for points, text, _score in result or []]


def open_upright(data: bytes, rotation: int = 0) -> Image.Image:
    """The image as RGB, turned as the user sees it; only formats the evidence step accepts."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        image = Image.open(io.BytesIO(data), formats=list(IMAGE_FORMATS))
    if image.width * image.height > settings.EVIDENCE_MAX_PIXELS:
        raise ValueError("image over the pixel limit")
    image.load()
    ImageOps.exif_transpose(image, in_place=True)
    if rotation in CLOCKWISE:
        image = image.transpose(CLOCKWISE[rotation])
    if image.mode != "RGB":
        background = Image.new("RGB", image.size, "white")
        rgba = image.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    return image


def read_image(data: bytes, rotation: int = 0) -> Reading:
    return extract(text_boxes(open_upright(data, rotation)))


# -- readings kept on evidence rows -------------------------------------------------------


def can_read(item: Evidence) -> bool:
    return item.is_image


def request_reading(item: Evidence) -> None:
    """Queue an image for reading; the worker (or, in tests, the request) does the rest."""
    from claims.tasks import read_screenshot

    if not can_read(item):
        return
    item.reading = {"status": QUEUED, "sha256": item.sha256, "requested_at": _now()}
    Evidence.objects.filter(pk=item.pk).update(reading=item.reading)
    read_screenshot.enqueue(item.pk)


def request_readings(items) -> None:
    """Payment and order evidence gets read wherever it was uploaded, for the review's check."""
    for item in items:
        if item.category == Evidence.Category.TRANSACTION and can_read(item):
            request_reading(item)


def request_missing_readings(claim) -> None:
    """Read payment evidence never read, or replaced since its reading."""
    request_readings(
        item
        for item in claim.evidence.filter(category=Evidence.Category.TRANSACTION)
        if (item.reading or {}).get("sha256") != item.sha256
    )


def read_evidence(evidence_id: int) -> str:
    """The task's body: read the stored original, keep the reading. Never raises."""
    item = Evidence.objects.filter(pk=evidence_id).first()
    if item is None or not can_read(item):
        return "gone"
    started = time.monotonic()
    base = {"sha256": item.sha256, "requested_at": (item.reading or {}).get("requested_at")}
    _save(item.pk, {**base, "status": RUNNING, "started_at": _now()})
    try:
        with item.original.open("rb") as handle:
            reading = read_image(handle.read(), item.rotation)
    except Exception as exc:  # the user types the facts instead; the log names no data
        logger.warning("OCR of evidence %s failed: %s", item.pk, type(exc).__name__)
        _save(item.pk, {**base, "status": FAILED, "finished_at": _now()})
        return FAILED
    seconds = round(time.monotonic() - started, 2)
    _save(
        item.pk,
        {
            **base,
            "status": DONE,
            "finished_at": _now(),
            "seconds": seconds,
            "fields": reading.to_json(),
        },
    )
    logger.info("OCR of evidence %s: %d fields in %.2f s", item.pk, len(reading.found()), seconds)
    return DONE


def _save(pk: int, reading: dict) -> None:
    # An update, not save(): a row the user deleted meanwhile must not come back.
    Evidence.objects.filter(pk=pk).update(reading=reading)


def _now() -> str:
    return timezone.now().isoformat()


# -- what a page shows of a reading --------------------------------------------------------

APPS = {
    "alipay": _("Alipay bill"),
    "wechat": _("WeChat Pay bill"),
    "shop": _("Order page"),
}
FIELD_LABELS = {
    "amount": _("Amount"),
    "paid_at": _("Payment time"),
    "order_number": _("Order number"),
    "transaction_number": _("Payment transaction number"),
    "payee": _("Payee"),
    "product": _("Product"),
    "payment_method": _("Paid with"),
    "status": _("Status"),
}


@dataclass
class ReadingState:
    item: Evidence
    status: str
    reading: Reading | None
    slow: bool

    @property
    def pending(self) -> bool:
        return self.status in PENDING

    @property
    def done(self) -> bool:
        return self.status == DONE

    @property
    def failed(self) -> bool:
        return self.status == FAILED

    @property
    def kind(self) -> str:
        return str(APPS.get(self.reading.app, "")) if self.reading else ""

    def rows(self) -> list[tuple[str, str]]:
        """(label, value) for each fact read, as the page lists them."""
        if not self.reading:
            return []
        rows = []
        for name, value in self.reading.found().items():
            if name == "amount":
                value = format_yuan(value)
            elif name == "paid_at":
                value = date_format(timezone.localtime(value), "Y-m-d H:i:s")
            rows.append((str(FIELD_LABELS[name]), value))
        return rows


def state_of(item: Evidence, now: datetime | None = None) -> ReadingState | None:
    data = item.reading
    if not data or data.get("sha256") != item.sha256:
        return None
    status = data.get("status", QUEUED)
    slow = False
    if status in PENDING:
        requested = _parse(data.get("requested_at"))
        waited = ((now or timezone.now()) - requested).total_seconds() if requested else 0
        slow = waited > settings.OCR_SLOW_SECONDS
    reading = Reading.from_json(data.get("fields") or {}) if status == DONE else None
    return ReadingState(item=item, status=status, reading=reading, slow=slow)


def states_for(claim) -> list[ReadingState]:
    """Every reading of the claim's evidence, oldest upload first."""
    states = (state_of(item) for item in claim.evidence.filter(reading__isnull=False))
    return [state for state in states if state is not None]


def _parse(value) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
