"""The pictures the dossier prints for PDF and video exhibits: pages and key frames.

Made by the task worker (claims.tasks), never in a request. The drawing runs in a child
process with a time budget: PDFium and FFmpeg are C code that no check of ours can interrupt,
and a hostile file may make them spin or crash. The state is kept on the row like a reading,
stamped with the SHA-256 of the file it was made from, so a replaced file has no pictures
until it is drawn again; the files live in the evidence storage under exhibits/.
"""

import logging
import multiprocessing
import shutil
import tempfile
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from claims.dossier.stored import dossier_cache_storage
from claims.evidence import frames, pdfpages
from claims.models import Evidence, picture_names

logger = logging.getLogger(__name__)

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
PENDING = (QUEUED, RUNNING)
FOLDER = "exhibits"
# What the child may take beyond the budget to start (a fresh interpreter imports PDFium or
# FFmpeg) and to send its pictures back.
GRACE_SECONDS = 10


@dataclass(frozen=True)
class Picture:
    name: str  # in the evidence storage
    width: int
    height: int
    page: int | None = None  # PDFs: the page it shows, counted from 1
    at_ms: int | None = None  # videos: when the frame is shown


@dataclass(frozen=True)
class ExhibitImages:
    """The pictures of an item's current file, or where making them stands."""

    status: str
    pictures: list[Picture]
    total_pages: int | None = None

    @property
    def pending(self) -> bool:
        return self.status in PENDING

    @property
    def ready(self) -> bool:
        return self.status == DONE and bool(self.pictures)


def wants_images(item: Evidence) -> bool:
    return item.kind in (Evidence.Kind.PDF, Evidence.Kind.VIDEO)


def state_of(item: Evidence) -> ExhibitImages | None:
    """The state for the file the item holds now; None when nothing was asked for it."""
    stored = item.exhibit_images or {}
    if stored.get("sha256") != item.sha256 or "status" not in stored:
        return None
    return ExhibitImages(
        status=stored["status"],
        pictures=[Picture(**picture) for picture in stored.get("pictures", [])],
        total_pages=stored.get("total_pages"),
    )


def ready_names(item: Evidence) -> list[str]:
    """The names of the pictures of the current file, in print order ([] until ready)."""
    state = state_of(item)
    return [picture.name for picture in state.pictures] if state and state.ready else []


def unready(items) -> list[Evidence]:
    """The PDFs and videos with no pictures of their current file, or some never finished."""
    missing = []
    for item in items:
        state = state_of(item)
        if wants_images(item) and (state is None or state.pending):
            missing.append(item)
    return missing


def mark_queued(item: Evidence) -> None:
    """Stamp the row before its task is queued, keeping the pictures it had until replaced."""
    kept = item.exhibit_images or {}
    item.exhibit_images = {
        "status": QUEUED,
        "sha256": item.sha256,
        "requested_at": _now(),
        "pictures": kept.get("pictures", []),
    }
    Evidence.objects.filter(pk=item.pk).update(exhibit_images=item.exhibit_images)


def make_images(evidence_id: int) -> str:
    """The task's body: draw the pictures of the stored file and keep them. Never raises."""
    item = Evidence.objects.filter(pk=evidence_id).first()
    if item is None or not wants_images(item):
        return "gone"
    kept = (item.exhibit_images or {}).get("pictures", [])
    old = picture_names(item.exhibit_images)
    base = {"sha256": item.sha256, "requested_at": (item.exhibit_images or {}).get("requested_at")}
    # The pictures of the previous file stay listed until new ones replace them, so that
    # whatever deletes the row meanwhile deletes them too.
    if not _save(item, {**base, "status": RUNNING, "started_at": _now(), "pictures": kept}):
        return "gone"
    started = time.monotonic()
    try:
        drawn = _draw(item)
    except Exception as exc:  # the dossier says so; the log names no data
        logger.warning("Exhibit images of evidence %s failed: %s", item.pk, type(exc).__name__)
        _save(item, {**base, "status": FAILED, "finished_at": _now(), "pictures": []})
        _delete(old)
        return FAILED
    pictures, total_pages = drawn
    seconds = round(time.monotonic() - started, 2)
    state = {
        **base,
        "status": DONE,
        "finished_at": _now(),
        "seconds": seconds,
        "total_pages": total_pages,
        "pictures": [vars(picture) for picture in pictures],
    }
    if not _save(item, state):  # removed or replaced meanwhile: keep nothing of this file
        _delete([picture.name for picture in pictures])
        return "gone"
    _delete(old)
    logger.info("Exhibit images of evidence %s: %d in %.2f s", item.pk, len(pictures), seconds)
    return DONE


def _draw(item: Evidence) -> tuple[list[Picture], int | None]:
    """Copy the original to a private temporary file and draw it in a child process."""
    with tempfile.NamedTemporaryFile(suffix=f".{item.kind}") as copy:
        with item.original.open("rb") as handle:
            shutil.copyfileobj(handle, copy)
        copy.flush()
        if item.kind == Evidence.Kind.PDF:
            pages = _in_child(
                pdfpages.render_pages,
                copy.name,
                max_pages=settings.EXHIBIT_PDF_MAX_PAGES,
                dpi=settings.EXHIBIT_PDF_DPI,
                max_pixels=settings.EXHIBIT_MAX_PIXELS,
            )
            names = _store([page.jpeg for page in pages.images])
            pictures = [
                Picture(name, page.width, page.height, page=page.number)
                for name, page in zip(names, pages.images, strict=True)
            ]
            return pictures, pages.total
        shots = _in_child(
            frames.key_frames,
            copy.name,
            count=settings.EXHIBIT_VIDEO_FRAMES,
            max_side=settings.EXHIBIT_FRAME_MAX_SIDE,
            max_pixels=settings.EVIDENCE_MAX_PIXELS,  # as for photos: the frame is decoded whole
        )
        names = _store([shot.jpeg for shot in shots])
        pictures = [
            Picture(name, shot.width, shot.height, at_ms=shot.at_ms)
            for name, shot in zip(names, shots, strict=True)
        ]
        return pictures, None


def _in_child(function, path: str, **limits):
    """Run `function(path, seconds=…, **limits)` in a fresh process, stopped when time is up.

    A fresh interpreter (spawn), not a fork: the worker's database connections and threads
    stay out of it. TimeoutError when the budget is spent; the child is killed either way.
    """
    seconds = settings.EXHIBIT_SECONDS
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:  # leaving the block kills the child
        # The child checks the budget between pages and frames; the parent waits a little
        # longer (the child's start-up), then stops it whatever it is doing.
        result = pool.apply_async(function, (path,), {**limits, "seconds": seconds})
        try:
            return result.get(timeout=seconds + GRACE_SECONDS)
        except multiprocessing.TimeoutError as exc:
            raise TimeoutError(f"over {seconds} s") from exc


def _store(jpegs: list[bytes]) -> list[str]:
    """Save the pictures under one random stem; all of them, or none when saving fails."""
    storage, stem, names = dossier_cache_storage(), uuid.uuid4().hex, []
    try:
        for number, jpeg in enumerate(jpegs, start=1):
            names.append(storage.save(f"{FOLDER}/{stem}-{number:02d}.jpg", ContentFile(jpeg)))
    except BaseException:
        _delete(names)
        raise
    return names


def _save(item: Evidence, state: dict) -> bool:
    """An update of a row that still holds the same file; False when it is gone or replaced."""
    return bool(
        Evidence.objects.filter(pk=item.pk, sha256=item.sha256).update(exhibit_images=state)
    )


def _delete(names) -> None:
    storage = dossier_cache_storage()
    for name in names:
        storage.delete(name)


def _now() -> str:
    return timezone.now().isoformat()
