"""Work that runs off the request path, through Django's Tasks API.

The only module that imports the django-tasks backport and its database queue: on Django 6
the first import below becomes `from django.tasks import TaskResultStatus, task` and nothing
else changes. Task arguments are ids only, and results are no personal data, so the queue's
table holds none.
"""

from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from claims.evidence import exhibit_images
from claims.models import Evidence
from claims.screenshots.readings import can_read, mark_queued, read_evidence, unread, wants_reading


@task()
def make_exhibit_images(evidence_id: int) -> str:
    """Draw a PDF's first pages or a recording's key frames for the dossier; the outcome."""
    return exhibit_images.make_images(evidence_id)


@task()
def read_screenshot(evidence_id: int) -> str:
    """Read an evidence image with OCR and keep the reading on its row; returns the outcome."""
    return read_evidence(evidence_id)


def request_reading(item: Evidence) -> None:
    """Queue an image for reading; the worker (or, in tests, the request) does the rest."""
    if not can_read(item):
        return
    mark_queued(item)
    read_screenshot.enqueue(item.pk)


def request_readings(items) -> None:
    """Queue the images among freshly uploaded or replaced evidence (screenshots.readings
    says why every one is read)."""
    for item in items:
        if wants_reading(item):
            request_reading(item)


def missing_readings(items=None) -> list[Evidence]:
    """Images (all, or among `items`) left unread, with no reading task waiting.

    Left unread: uploaded before readings were queued at upload, or stamped queued by a
    request whose task never reached the queue.
    """
    if items is None:
        items = Evidence.objects.filter(kind=Evidence.Kind.IMAGE)
    waiting = waiting_evidence_ids()
    return [item for item in unread(items) if item.pk not in waiting]


def request_missing_readings(items=None) -> list[Evidence]:
    """Queue the readings `missing_readings` finds; returns the items queued."""
    missing = missing_readings(items)
    request_readings(missing)
    return missing


def waiting_evidence_ids(waiting_task=read_screenshot) -> set[int]:
    """Evidence whose task (by default its reading) sits in the database queue or is running."""
    rows = DBTaskResult.objects.filter(
        task_path=waiting_task.module_path,
        status__in=(TaskResultStatus.READY, TaskResultStatus.RUNNING),
    )
    return {args_kwargs["args"][0] for args_kwargs in rows.values_list("args_kwargs", flat=True)}


def request_exhibit_images(items) -> None:
    """Queue the pages or key frames of freshly uploaded or replaced PDFs and videos."""
    for item in items:
        if exhibit_images.wants_images(item):
            exhibit_images.mark_queued(item)
            make_exhibit_images.enqueue(item.pk)


def request_missing_exhibit_images(items) -> list[Evidence]:
    """Queue the pictures of PDFs and videos among `items` that have none of their current
    file and none on the way (uploaded before pictures were made, or a task that was lost)."""
    waiting = waiting_evidence_ids(make_exhibit_images)
    missing = [item for item in exhibit_images.unready(items) if item.pk not in waiting]
    request_exhibit_images(missing)
    return missing
