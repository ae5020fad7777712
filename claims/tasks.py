"""Work that runs off the request path, through Django's Tasks API.

The only module that imports the django-tasks backport: on Django 6 the import below becomes
`from django.tasks import task` and nothing else changes. Task arguments are ids only, and
results are no personal data, so the queue's table holds none.
"""

from django_tasks import task


@task()
def read_screenshot(evidence_id: int) -> str:
    """Read an evidence image with OCR and keep the reading on its row; returns the outcome."""
    from claims.screenshots import reader as ocr

    return ocr.read_evidence(evidence_id)
