"""Work that runs off the request path, through Django's Tasks API.

The only module that imports the django-tasks backport and its database queue: on Django 6
the first import below becomes `from django.tasks import TaskResultStatus, task` and nothing
else changes. Task arguments are ids only, and results are no personal data, so the queue's
table holds none.
"""

import itertools

from django.db.models import Q
from django_tasks import TaskResultStatus, task
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from claims.dossier.cache import (
    RENDER_ATTEMPTS,
    Copy,
    SettingsMismatch,
    StaleRender,
    ready_copy,
    render_copy,
    settings_fingerprint,
)
from claims.evidence import exhibit_images
from claims.models import Claim, Evidence
from claims.screenshots.readings import can_read, mark_queued, read_evidence, unread, wants_reading
from claims.wizard.signature import is_complete


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


@task()
def render_dossier_copy(
    claim_id: int, recipient: str, archive: bool, english: bool, fingerprint: str = ""
) -> str:
    """Render one copy of a signed claim's dossier into the cache; the outcome. `fingerprint`:
    the settings of the server that asked (settings_fingerprint); a worker set up otherwise
    fails the task, which the waiting page then reports, instead of rendering a copy that
    server would never find."""
    if fingerprint and fingerprint != settings_fingerprint():
        raise SettingsMismatch(
            "the task worker and the web server disagree on SITE_URL, the dossier stylesheet, "
            "the WeasyPrint version or DOSSIER_ARCHIVE_MAX_BYTES"
        )
    claim = Claim.objects.filter(pk=claim_id).first()
    if claim is None:
        return "gone"
    if not is_complete(claim):
        return "unsigned"  # changed since signing: the next signature asks again
    copy = Copy(recipient, archive, english)
    if ready_copy(claim, copy) is not None:
        return "ready"
    for _attempt in range(RENDER_ATTEMPTS):
        if render_copy(claim, copy) is not None:
            return "rendered"
    raise StaleRender(claim_id)  # the claim kept changing: failed, so the page retries


def queue_is_in_the_database() -> bool:
    """True when renders are queued as rows of our own database: a render queued inside a
    transaction is then seen by the worker exactly when that transaction commits."""
    return isinstance(render_dossier_copy.get_backend(), DatabaseBackend)


def request_dossier(claim: Claim, copy: Copy):
    """Queue the render of `copy` unless one waits already; the task's result (finished at
    once with the immediate backend), or None when one was waiting."""
    if any(job.status == TaskResultStatus.READY for job in dossier_jobs(claim.pk, copy)):
        return None
    return render_dossier_copy.enqueue(
        claim.pk, *copy.as_args(), fingerprint=settings_fingerprint()
    )


def dossier_jobs(claim_id: int, copy: Copy, limit: int = 10) -> list[DBTaskResult]:
    """The latest renders of one copy in the database queue, newest first."""
    args = [claim_id, *copy.as_args()]
    rows = DBTaskResult.objects.filter(
        task_path=render_dossier_copy.module_path, args_kwargs__args__0=claim_id
    ).order_by("-enqueued_at")
    # The rest compared here: a JSON list's equality is not the same on SQLite and PostgreSQL.
    # A claim has a few renders: read at once, not through iterator(), which on PostgreSQL
    # opens a server-side cursor (three round trips instead of one).
    jobs = (row for row in rows if row.args_kwargs["args"] == args)
    return list(itertools.islice(jobs, limit))


def forget_dossier_jobs(claim_id: int) -> None:
    """Drop the renders of a deleted claim that still wait: they would find nothing to do."""
    DBTaskResult.objects.filter(
        task_path=render_dossier_copy.module_path,
        args_kwargs__args__0=claim_id,
        status=TaskResultStatus.READY,
    ).delete()


def place_in_queue(job: DBTaskResult) -> tuple[int, int]:
    """(tasks ahead, busy workers). Ahead: tasks of any kind a worker takes before `job`,
    running, or waiting and first in line. Busy: workers running a task now, at least one (a
    queue with none waits for one). Two queries: the running rows serve both."""
    running = list(
        DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).values_list(
            "pk", "queue_name", "worker_ids"
        )
    )
    busy = max(1, len({tuple(ids[-1:]) for _pk, _queue, ids in running}))
    if job.status == TaskResultStatus.RUNNING:
        return 0, busy
    first = Q(priority__gt=job.priority) | Q(priority=job.priority, enqueued_at__lt=job.enqueued_at)
    rows = DBTaskResult.objects.filter(first, queue_name=job.queue_name)
    ahead = rows.filter(status=TaskResultStatus.READY).count()
    ahead += sum(1 for pk, queue, _ids in running if queue == job.queue_name and pk != job.pk)
    return ahead, busy


def recent_seconds(count: int = 20) -> dict[str, list[float]]:
    """How long the latest successful tasks took, by task path, newest first."""
    rows = DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL)
    found: dict[str, list[float]] = {}
    for path, started, finished in rows.order_by("-finished_at").values_list(
        "task_path", "started_at", "finished_at"
    )[: count * 4]:
        if started and finished and len(found.setdefault(path, [])) < count:
            found[path].append((finished - started).total_seconds())
    return found
