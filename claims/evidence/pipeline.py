"""Evidence files: type from the bytes, limits, hash, private storage, derived copies. Kept:
the original less its location (evidence.metadata) and what acts (evidence.active), by its
SHA-256, only as a download; images get a print copy and thumbnails (evidence.images) that
carry rotation and boxes; PDF pages and video frames are drawn by the worker."""

import hashlib
import unicodedata
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from claims.evidence import active, capture_time, images, redaction
from claims.evidence.frames import DamagedVideo, inspect_video
from claims.evidence.images import EvidenceRejected, derive_image, is_image, not_supported_message
from claims.evidence.metadata import strip_location_in_place, without_location
from claims.evidence.video import is_heif, is_video
from claims.models import Claim, ClaimGone, Evidence

__all__ = [
    "DuplicateEvidence",
    "EvidenceRejected",
    "accept_uploads",
    "derive_image",
    "store_upload",
]

MEGABYTE = 1024 * 1024
HEAD_BYTES = 1024
PDF_TAIL_BYTES = 2048
MAX_NAME_LENGTH = 200
Kind = Evidence.Kind


@dataclass(frozen=True)
class Limits:
    image_bytes: int
    pdf_bytes: int
    video_bytes: int
    claim_bytes: int
    files: int

    def for_kind(self, kind: str) -> int:
        return {Kind.IMAGE: self.image_bytes, Kind.PDF: self.pdf_bytes}.get(kind, self.video_bytes)


def limits() -> Limits:
    return Limits(
        image_bytes=settings.EVIDENCE_MAX_IMAGE_BYTES,
        pdf_bytes=settings.EVIDENCE_MAX_PDF_BYTES,
        video_bytes=settings.EVIDENCE_MAX_VIDEO_BYTES,
        claim_bytes=settings.EVIDENCE_MAX_CLAIM_BYTES,
        files=settings.EVIDENCE_MAX_FILES_PER_CLAIM,
    )


def megabytes(size: int) -> int:
    return max(size // MEGABYTE, 1)


# The same sentences are shown by the page's script before sending (see evidence.forms).
def too_large_message(kind: str) -> str:
    return _("This file is larger than %(size)d MB.") % {"size": megabytes(limits().for_kind(kind))}


def claim_full_message() -> str:
    return _(
        "This file would take your claim over %(size)d MB in total. Remove files you no "
        "longer need, then try again."
    ) % {"size": megabytes(limits().claim_bytes)}


def too_many_message() -> str:
    return _("A claim can hold at most %(count)d files.") % {"count": limits().files}


def duplicate_message(name: str, existing: Evidence) -> str:
    category = existing.get_category_display()
    if name == existing.original_name:
        return _("%(name)s was already uploaded (%(category)s): it was not saved again.") % {
            "name": name,
            "category": category,
        }
    return _(
        "%(name)s has the same content as “%(earlier)s”, already uploaded (%(category)s): "
        "it was not saved again."
    ) % {"name": name, "earlier": existing.original_name, "category": category}


class DuplicateEvidence(EvidenceRejected):
    """The claim already holds these exact bytes: one content is one exhibit."""

    def __init__(self, name: str, existing: Evidence):
        self.existing = existing
        super().__init__(duplicate_message(name, existing))


@dataclass
class UploadResult:
    saved: list[Evidence] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    # Files the claim already held: neither added nor refused, each with its sentence.
    duplicates: list[str] = field(default_factory=list)


@dataclass
class Examined:
    """What a checked file becomes: the row's facts and the bytes to store."""

    kind: str
    content_type: str
    extension: str
    size: int
    sha256: str
    data: bytes | None = None  # images are read whole; other files are stored as streams
    print_jpeg: bytes | None = None
    thumbnail_jpeg: bytes | None = None
    width: int | None = None
    height: int | None = None
    duration_ms: int | None = None
    taken_at: datetime | None = None
    animated: bool = False
    active_content_removed: bool = False


def display_name(name: str | None) -> str:
    """The name the user's device gave, as safe text: no path, no control or bidi characters."""
    name = unicodedata.normalize("NFC", name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = " ".join(
        "".join(ch for ch in name if not unicodedata.category(ch).startswith("C")).split()
    )
    if len(name) > MAX_NAME_LENGTH:
        name = f"{name[: MAX_NAME_LENGTH - 41]}…{name[-40:]}"
    return name or _("file")


def sniff(head: bytes) -> str | None:
    """The kind of file the first bytes announce; the decoders have the last word."""
    if is_image(head) or is_heif(head):
        return Kind.IMAGE
    if is_video(head):
        return Kind.VIDEO
    if b"%PDF-" in head[:HEAD_BYTES]:
        return Kind.PDF
    return None


def examine(uploaded, *, room_bytes: int) -> Examined:
    """Check one uploaded file against the type allowlist and the limits; EvidenceRejected."""
    size = uploaded.size or 0
    if size == 0:
        raise EvidenceRejected(_("This file is empty."))
    uploaded.seek(0)
    kind = sniff(uploaded.read(HEAD_BYTES))
    if kind is None:
        raise EvidenceRejected(not_supported_message())
    if size > limits().for_kind(kind) or getattr(uploaded, "truncated", False):
        raise EvidenceRejected(too_large_message(kind))
    if size > room_bytes:
        raise EvidenceRejected(claim_full_message())
    if kind == Kind.IMAGE:
        uploaded.seek(0)
        # What acts goes first (a payload appended after the picture), then the location.
        data = without_location(_without_appended_data(uploaded.read()))
        derived = derive_image(data)
        return Examined(
            kind=kind,
            content_type=derived.content_type,
            extension=derived.extension,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            data=data,
            print_jpeg=derived.print_jpeg,
            thumbnail_jpeg=derived.thumbnail_jpeg,
            width=derived.width,
            height=derived.height,
            taken_at=derived.taken_at,
            animated=derived.animated,
        )
    if kind == Kind.VIDEO:
        strip_location_in_place(uploaded)  # same length: the upload's scratch file is patched
        try:
            info = inspect_video(uploaded, size)
        except DamagedVideo as exc:
            raise EvidenceRejected(_("This video is damaged or incomplete.")) from exc
        return Examined(
            kind=kind,
            content_type=info.content_type,
            extension=info.extension,
            size=size,
            sha256=_sha256(uploaded),
            width=info.width,
            height=info.height,
            duration_ms=info.duration_ms,
            taken_at=capture_time.from_container(info.creation_time),
        )
    uploaded.seek(max(size - PDF_TAIL_BYTES, 0))
    if b"%%EOF" not in uploaded.read(PDF_TAIL_BYTES):
        raise EvidenceRejected(_("This PDF is damaged or incomplete."))
    cleaned = _without_active_content(uploaded)
    return Examined(
        kind=kind,
        content_type="application/pdf",
        extension="pdf",
        size=size if cleaned is None else len(cleaned),
        sha256=_sha256(uploaded) if cleaned is None else hashlib.sha256(cleaned).hexdigest(),
        data=cleaned,
        active_content_removed=cleaned is not None,
    )


def _without_appended_data(data: bytes) -> bytes:
    """A picture cut where its image data ends: a ZIP or web page appended to it goes."""
    return active.cut_image(data)


def _without_active_content(uploaded) -> bytes | None:
    """The PDF rewritten without what acts, or None: the upload is kept byte for byte."""
    uploaded.seek(0)
    return active.clean_upload_pdf(uploaded.read())


def accept_uploads(claim: Claim, files, *, category: str, caption: str) -> UploadResult:
    """Keep every good file; give each bad one its own message. One bad file spoils nothing."""
    result = UploadResult()
    room_files = limits().files - claim.evidence.count()
    room_bytes = limits().claim_bytes - claim.evidence.total_bytes()
    for uploaded in files:
        name = display_name(uploaded.name)
        if room_files <= 0:
            result.errors.append((name, too_many_message()))
            continue
        try:
            item = store_upload(
                claim, uploaded, category=category, caption=caption, room_bytes=room_bytes
            )
        except DuplicateEvidence as exc:
            result.duplicates.append(str(exc))
            continue
        except EvidenceRejected as exc:
            result.errors.append((name, str(exc)))
            continue
        result.saved.append(item)
        room_files -= 1
        room_bytes -= item.size
    return result


def store_upload(
    claim: Claim, uploaded, *, category: str, caption: str, room_bytes: int | None = None
) -> Evidence:
    """Keep one checked file; DuplicateEvidence when the claim already holds its bytes."""
    name = display_name(uploaded.name)
    # Before the checks: a file the claim holds is neither refused nor decoded again.
    _refuse_duplicate(claim.evidence, name, _sha256(uploaded))
    if room_bytes is None:
        room_bytes = limits().claim_bytes - claim.evidence.total_bytes()
    examined = examine(uploaded, room_bytes=room_bytes)
    item = Evidence(claim=claim, category=category, caption=caption)
    _fill(item, examined, name)
    with _cleanup_on_error(item):
        _store_files(item, examined, uploaded)
        try:
            _insert(item)
        except IntegrityError:
            # The same bytes arrived in a concurrent request and won the unique constraint;
            # the files just stored go with the error (_cleanup_on_error).
            _refuse_duplicate(claim.evidence, name, examined.sha256)
            raise
    return item


def _refuse_duplicate(items, name: str, sha256: str) -> None:
    existing = items.filter(sha256=sha256).first()
    if existing is not None:
        raise DuplicateEvidence(name, existing)


def replace_file(item: Evidence, uploaded) -> Evidence:
    """Put a new file in an item's place, keeping its category and caption."""
    room_bytes = limits().claim_bytes - item.claim.evidence.total_bytes() + item.size
    examined = examine(uploaded, room_bytes=room_bytes)
    others = item.claim.evidence.exclude(pk=item.pk)
    _refuse_duplicate(others, display_name(uploaded.name), examined.sha256)
    old_files = item.stored_files()
    item.original = item.print_image = item.thumbnail = item.small_thumbnail = None
    item.exhibit_images = None  # its files are among old_files; the new file gets its own
    _fill(item, examined, display_name(uploaded.name))
    item.rotation, item.redactions = 0, []
    with _cleanup_on_error(item):
        _store_files(item, examined, uploaded)
        item.save()  # an UPDATE only: RowGone, never a new row, when it was removed meanwhile
    _delete(old_files)
    return item


def rotate(item: Evidence, quarter_turns: int) -> Evidence:
    """Turn the derived copies by 90-degree steps clockwise; the boxes turn with them."""
    boxes = redaction.rotate_boxes(redaction.from_stored(item.redactions), quarter_turns)
    return _rederive(item, rotation=(item.rotation + 90 * quarter_turns) % 360, boxes=boxes)


def set_redactions(item: Evidence, boxes) -> Evidence:
    return _rederive(item, rotation=item.rotation, boxes=list(boxes))


def _rederive(item: Evidence, *, rotation: int, boxes) -> Evidence:
    """Make the print copy and thumbnail again from the untouched original."""
    try:
        with item.original.open("rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        # Removed (with its files) since the page loaded: end as a save would.
        if not Evidence.objects.filter(pk=item.pk).exists():
            raise item.gone(f"Evidence {item.pk} no longer exists.") from None
        raise
    derived = derive_image(data, rotation=rotation, boxes=tuple(boxes))
    old_files = [item.print_image, item.thumbnail, item.small_thumbnail]
    old = [(stored.storage, stored.name) for stored in old_files if stored.name]
    item.print_image = item.thumbnail = item.small_thumbnail = None
    item.rotation, item.redactions = rotation, redaction.to_stored(boxes)
    item.width, item.height = derived.width, derived.height
    with _cleanup_on_error(item, keep_original=True):
        _store_derived(item, uuid.uuid4().hex, derived.print_jpeg, derived.thumbnail_jpeg)
        item.save()  # an UPDATE only, as in replace_file
    for storage, name in old:
        storage.delete(name)
    return item


def _insert(item: Evidence) -> None:
    """Save a new row under a claim that still exists, else ClaimGone (no orphan, no 500)."""
    with transaction.atomic():
        # The lock orders us with Claim.delete_with_files, which takes it first (SQLite: the
        # IMMEDIATE transaction's write lock does the same).
        if Claim.objects.select_for_update().filter(pk=item.claim_id).first() is None:
            raise ClaimGone(f"Claim {item.claim_id} no longer exists.")
        item.save()


def _fill(item: Evidence, examined: Examined, name: str) -> None:
    item.original_name = name
    item.kind = examined.kind
    item.content_type = examined.content_type
    item.size = examined.size
    item.sha256 = examined.sha256
    item.width, item.height = examined.width, examined.height
    item.duration_ms = examined.duration_ms
    item.taken_at = examined.taken_at
    item.animated = examined.animated
    item.active_content_removed = examined.active_content_removed


def _store_files(item: Evidence, examined: Examined, uploaded) -> None:
    stem = uuid.uuid4().hex
    name = f"{stem}.{examined.extension}"
    if examined.data is not None:
        item.original.save(name, ContentFile(examined.data), save=False)
    else:
        uploaded.seek(0)
        item.original.save(name, uploaded, save=False)
    if examined.print_jpeg is not None:
        _store_derived(item, stem, examined.print_jpeg, examined.thumbnail_jpeg)


def _store_derived(item: Evidence, stem: str, print_jpeg: bytes, thumbnail_jpeg: bytes) -> None:
    item.print_image.save(f"{stem}.jpg", ContentFile(print_jpeg), save=False)
    item.thumbnail.save(f"{stem}.jpg", ContentFile(thumbnail_jpeg), save=False)
    small = images.small_square(thumbnail_jpeg)  # the evidence list's square (issue 18)
    item.small_thumbnail.save(f"{stem}.jpg", ContentFile(small), save=False)


@contextmanager
def _cleanup_on_error(item: Evidence, *, keep_original: bool = False):
    """Delete the files stored for an item when what follows fails: nothing is left behind."""
    try:
        yield
    except BaseException:
        fields = [item.print_image, item.thumbnail, item.small_thumbnail]
        if not keep_original:
            fields.append(item.original)
        _delete([stored for stored in fields if stored.name])
        raise


def _delete(files) -> None:
    for stored in files:
        stored.storage.delete(stored.name)


def _sha256(uploaded) -> str:
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    return digest.hexdigest()
