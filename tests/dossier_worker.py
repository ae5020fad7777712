"""The task worker's part for tests that download dossiers: downloads never render, the
worker does (claims/dossier/queue.py)."""

from django_tasks_db.models import DBTaskResult

from claims.tasks import render_dossier_copy


def run_dossier_renders() -> list:
    """Run every waiting dossier render as the worker would; their outcomes (or exceptions)."""
    outcomes = []
    ready = DBTaskResult.objects.ready().filter(task_path=render_dossier_copy.module_path)
    for job in ready.order_by("enqueued_at"):
        job.claim("test")
        try:
            value = job.task.call(*job.args_kwargs["args"], **job.args_kwargs["kwargs"])
        except Exception as error:
            job.set_failed(error)
            outcomes.append(error)
        else:
            job.set_successful(value)
            outcomes.append(value)
    return outcomes


def download(client, url: str, **extra):
    """GET a dossier URL; while it is being prepared (202), let the worker render, then again."""
    response = client.get(url, **extra)
    if response.status_code == 202:
        run_dossier_renders()
        response = client.get(url, **extra)
    return response
