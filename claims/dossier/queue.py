"""Dossier copies rendered by the task worker, never inside a web request (issue 18).

Signing queues the copy for the default reader; a change of what the dossier prints (an
exhibit, an event recorded after signing) queues it again; any other copy (another reader, the
archive copy) is queued when first asked for. The done page and the downloads ask `status()`:
ready (its file), waiting (place in the queue and an estimate from recent render times), or
failed. A failed render is queued again up to MAX_FAILURES times in a row, then rests for
RETRY_AFTER before the next try; a stale file (the claim changed since) is never served.
claims.apps connects the receivers.
"""

from dataclasses import dataclass
from datetime import timedelta
from statistics import median

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone, translation
from django_tasks import TaskResultStatus

from claims import tasks
from claims.dossier.cache import Copy, ready_copy
from claims.models import Claim, ClaimEvent, Evidence

MAX_FAILURES = 3
RETRY_AFTER = timedelta(minutes=10)
# Until a render has been timed on this queue: about what a 15-exhibit dossier takes.
DEFAULT_RENDER_SECONDS = 2.0


@dataclass(frozen=True)
class Status:
    """Where one copy stands. state: ready, waiting, running or failed."""

    state: str
    name: str | None = None  # the stored file, when ready
    ahead: int = 0  # tasks the worker takes first
    estimate_s: int = 0  # until ready, from recent render times
    failures: int = 0  # failed renders in a row before this one

    @property
    def ready(self) -> bool:
        return self.state == "ready"

    def as_json(self) -> dict:
        return {
            "state": self.state,
            "ahead": self.ahead,
            "estimate_s": self.estimate_s,
            "failures": self.failures,
        }


def status(claim, copy: Copy) -> Status:
    """Where `copy` stands; queues its render when it is neither ready nor on the way.

    A render on the way is answered first: the pages that wait reload themselves, and the
    queue is read more cheaply than the claim's digest is computed. Only a file that matches
    the digest is ever called ready."""
    jobs = tasks.dossier_jobs(claim.pk, copy)
    failures = _failures_in_a_row(jobs)
    waiting = next((job for job in jobs if job.status in _WAITING), None)
    if waiting is not None:
        return _waiting(waiting, failures)
    name = ready_copy(claim, copy)
    if name is not None:
        return Status("ready", name)
    if failures >= MAX_FAILURES and jobs[0].finished_at > timezone.now() - RETRY_AFTER:
        return Status("failed", failures=failures)
    result = tasks.request_dossier(claim, copy)
    if result is not None and result.status == TaskResultStatus.FAILED:
        return Status("failed", failures=failures + 1)  # run at once (immediate backend)
    name = ready_copy(claim, copy)
    if name is not None:
        return Status("ready", name)
    jobs = tasks.dossier_jobs(claim.pk, copy, limit=1)
    if jobs and jobs[0].status in _WAITING:
        return _waiting(jobs[0], failures)
    return Status("waiting", failures=failures, estimate_s=round(DEFAULT_RENDER_SECONDS))


def refresh_seconds(state: Status) -> int:
    """How soon a page waiting for `state` reloads itself: soon, but not hammering."""
    return min(max(state.estimate_s // 2, 2), 15)


def keep_reloading(request, response, state: Status) -> None:
    """While a copy is prepared its page reloads itself through the HTTP Refresh header: no
    script, and no <meta http-equiv> (axe's meta-refresh rule, WCAG 2.2.1 timing), because
    the page offers to stop it (?reload=off) and to check again by hand."""
    if state.ready or state.state == "failed" or request.GET.get("reload") == "off":
        return
    # With its own address: a bare delay reloads the URL with its #fragment (the evidence
    # page's redirect leaves one), which a browser takes as a jump within the page.
    response["Refresh"] = f"{refresh_seconds(state)}; url={request.get_full_path()}"


def request_default_copy(claim) -> None:
    """Queue the copy the done page offers first, in the language of the current request."""
    english = (translation.get_language() or "").startswith("en")
    tasks.request_dossier(claim, Copy(english=english))


_WAITING = (TaskResultStatus.READY, TaskResultStatus.RUNNING)


def _failures_in_a_row(jobs) -> int:
    count = 0
    for job in jobs:
        if job.status in _WAITING:
            continue
        if job.status != TaskResultStatus.FAILED:
            break
        count += 1
    return count


def _waiting(job, failures: int) -> Status:
    recent = tasks.recent_seconds()
    renders = recent.get(tasks.render_dossier_copy.module_path) or [DEFAULT_RENDER_SECONDS]
    every = [seconds for durations in recent.values() for seconds in durations] or renders
    own = median(renders)
    if job.status == TaskResultStatus.RUNNING:
        elapsed = (timezone.now() - job.started_at).total_seconds() if job.started_at else 0
        return Status("running", estimate_s=round(max(own - elapsed, 1)), failures=failures)
    ahead, busy = tasks.place_in_queue(job)
    estimate = (ahead * median(every)) / busy + own
    return Status("waiting", ahead=ahead, estimate_s=round(max(estimate, 1)), failures=failures)


@receiver(post_save, sender=Claim)
def _render_when_signed(sender, instance, update_fields=None, **kwargs):
    """A signature (Claim.mark_complete) queues the dossier, seen by the worker once the
    signature is saved: with the queue in the same database, in the signature's own
    transaction (one commit, not two); with any other queue, after that commit."""
    if not (update_fields and "signed_digest" in update_fields and instance.signed_digest):
        return
    if tasks.queue_is_in_the_database():
        request_default_copy(instance)
    else:
        transaction.on_commit(lambda: request_default_copy(instance))


@receiver(post_save, sender=ClaimEvent)
def _render_after_event(sender, instance, created, **kwargs):
    """An event recorded after signing goes into the dossier: a new copy is on the way."""
    _request_if_signed(instance.claim_id)


@receiver(post_save, sender=Evidence)
def _render_after_exhibit_change(sender, instance, **kwargs):
    """A changed exhibit (its pictures made by the worker, a caption) changes the dossier."""
    _request_if_signed(instance.claim_id)


@receiver(post_delete, sender=Claim)
def _forget_renders_of_deleted_claim(sender, instance, **kwargs):
    """A deleted claim's waiting renders go with it (the queue holds ids only, no content)."""
    tasks.forget_dossier_jobs(instance.pk)


def _request_if_signed(claim_pk) -> None:
    def request():
        claim = Claim.objects.filter(pk=claim_pk, completed_at__isnull=False).first()
        if claim is not None and claim.signed_digest:
            request_default_copy(claim)

    transaction.on_commit(request)
