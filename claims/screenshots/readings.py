"""The readings kept on evidence rows, and what a page shows of them.

A reading is a suggestion stamped with the sha256 of the file it read, so a replaced file has
no reading until it is read again; the user's answers stay the facts. Queueing is tasks.py's.

Every image is read, because only the reader can tell a payment record (an Alipay or WeChat
Pay bill), and a payment record needs its own consent (PIPL art. 29) wherever it was filed.
One filed elsewhere in a claim without that consent keeps no fields, only the verdict
NEEDS_CONSENT: the evidence page asks for the consent, and nothing read from it is used until
it is given (then it is filed as a payment record and read again). Any other picture filed
elsewhere keeps the verdict OTHER and nothing else: it is no payment or order evidence.
"""

import logging
import time
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from claims.domain.formatting import format_yuan
from claims.models import Evidence
from claims.screenshots.extract import Reading
from claims.screenshots.reader import read_image

logger = logging.getLogger(__name__)

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
NEEDS_CONSENT, OTHER = "needs_consent", "other"
PENDING = (QUEUED, RUNNING)
PAYMENT_APPS = ("alipay", "wechat")


def can_read(item: Evidence) -> bool:
    return item.is_image


def wants_reading(item: Evidence) -> bool:
    """Every picture, whatever its category: a payment record may be filed anywhere."""
    return can_read(item)


def is_payment_record(reading: Reading) -> bool:
    return reading.app in PAYMENT_APPS


def kept_reading(item: Evidence, reading: Reading) -> dict:
    """What a row keeps of a finished reading: the fields only where they may be used."""
    if item.category == Evidence.Category.TRANSACTION:
        return {"status": DONE, "fields": reading.to_json()}
    if not is_payment_record(reading):
        return {"status": OTHER}
    if item.claim.has_payment_consent():
        return {"status": DONE, "fields": reading.to_json()}
    return {"status": NEEDS_CONSENT, "app": reading.app}


def awaiting_consent(items) -> set[int]:
    """The items read as payment records that wait for the claim's payment consent."""
    return {item.pk for item in items if (state := state_of(item)) and state.needs_consent}


def unread(items) -> list[Evidence]:
    """The items wanting a reading that have none of their current file, or one never finished."""
    missing = []
    for item in items:
        state = state_of(item)
        if wants_reading(item) and (state is None or state.pending):
            missing.append(item)
    return missing


def mark_queued(item: Evidence) -> None:
    """Stamp the row before its task is queued: pages show the reading under way at once."""
    item.reading = {"status": QUEUED, "sha256": item.sha256, "requested_at": _now()}
    _save(item.pk, item.reading)


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
    kept = kept_reading(item, reading)
    _save(item.pk, {**base, "finished_at": _now(), "seconds": seconds, **kept})
    logger.info(
        "OCR of evidence %s: %s, %d fields in %.2f s",
        item.pk,
        kept["status"],
        len(reading.found()),
        seconds,
    )
    return kept["status"]


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
    def needs_consent(self) -> bool:
        return self.status == NEEDS_CONSENT

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
    """The readings of payment and order evidence, oldest upload first: of the files filed
    so, and of payment records filed elsewhere with the claim's consent."""
    states = (state_of(item) for item in claim.evidence.filter(reading__isnull=False))
    return [
        state
        for state in states
        if state is not None
        and (state.item.category == Evidence.Category.TRANSACTION or state.done)
    ]


def _parse(value) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
