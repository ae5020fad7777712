"""Work that runs off the request path, through Django's Tasks API.

The only module that imports the django-tasks backport: on Django 6 the import below becomes
`from django.tasks import task` and nothing else changes. Task arguments are ids only, and
results are no personal data, so the queue's table holds none.
"""

from django_tasks import task

from claims.models import Evidence
from claims.screenshots.readings import can_read, mark_queued, read_evidence, wants_reading


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
    """Queue the payment images among freshly uploaded or replaced evidence."""
    for item in items:
        if wants_reading(item):
            request_reading(item)


def request_missing_readings(claim) -> None:
    """Read payment evidence never read, or replaced since its reading."""
    request_readings(
        item
        for item in claim.evidence.filter(category=Evidence.Category.TRANSACTION)
        if (item.reading or {}).get("sha256") != item.sha256
    )
