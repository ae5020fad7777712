"""Dossiers rendered by the task worker: queued on signing, never rendered in a request."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from claims import tasks
from claims.dossier import cache, queue
from claims.dossier.cache import Copy, SettingsMismatch, ready_copy, render_copy
from claims.dossier.stored import cached_dossier_names
from claims.models import Claim, ClaimEvent
from claims.tasks import read_screenshot, render_dossier_copy
from claims.wizard.signature import sign
from tests.dossier_worker import run_dossier_renders
from tests.factories import add_evidence, make_claim
from tests.journey import fill_in, start_claim, walk_to


def jobs(claim) -> list[list]:
    rows = DBTaskResult.objects.filter(task_path=render_dossier_copy.module_path)
    return [row.args_kwargs["args"] for row in rows if row.args_kwargs["args"][0] == claim.pk]


def zh(text: str) -> str:
    with translation.override("zh-hans"):
        return gettext(text)


@pytest.mark.django_db
def test_it_queues_the_default_copy_once_the_claim_is_signed(django_capture_on_commit_callbacks):
    claim = make_claim(answers=make_claim(signed_name="李明").answers)

    with django_capture_on_commit_callbacks(execute=True):
        sign(claim, "李明")

    assert jobs(claim) == [[claim.pk, "seller", False, False]]


@pytest.mark.django_db
def test_signing_in_english_queues_the_copy_with_english_headings(
    django_capture_on_commit_callbacks,
):
    claim = make_claim(answers=make_claim(signed_name="李明").answers)

    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        sign(claim, "李明")

    assert jobs(claim) == [[claim.pk, "seller", False, True]]


@pytest.mark.django_db
def test_a_download_never_renders_in_the_request(client, renders):
    claim = make_claim(signed_name="李明")
    add_evidence(claim)

    waiting = client.get(f"/c/{claim.token}/dossier.pdf")

    assert waiting.status_code == 202
    assert renders == []
    page = waiting.content.decode()
    delay, target = waiting["Refresh"].split("; url=")
    assert int(delay) >= 2 and target == f"/c/{claim.token}/dossier.pdf"  # no #fragment kept
    assert "http-equiv" not in page  # the header reloads it: axe's meta-refresh rule
    assert zh("Your dossier is being prepared") in page
    assert "<script>" not in page  # no inline script: the meta tag reloads it
    assert "no-store" in waiting["Cache-Control"]
    assert run_dossier_renders() == ["rendered"]
    ready = client.get(f"/c/{claim.token}/dossier.pdf")
    assert ready.status_code == 200
    assert ready.content.startswith(b"%PDF-")
    assert len(renders) == 1


@pytest.mark.django_db
def test_asking_again_while_it_waits_queues_nothing_more(client):
    claim = make_claim(signed_name="李明")

    for _ in range(3):
        assert client.get(f"/c/{claim.token}/dossier.pdf").status_code == 202

    assert jobs(claim) == [[claim.pk, "seller", False, False]]


@pytest.mark.django_db
def test_the_archive_copy_and_other_readers_are_queued_when_first_asked_for(
    client, django_capture_on_commit_callbacks
):
    claim = make_claim(answers=make_claim(signed_name="李明").answers)
    with django_capture_on_commit_callbacks(execute=True):
        sign(claim, "李明")
    run_dossier_renders()
    assert jobs(claim) == [[claim.pk, "seller", False, False]]

    assert client.get(f"/c/{claim.token}/dossier.pdf").status_code == 200
    assert client.get(f"/c/{claim.token}/dossier-archive.pdf").status_code == 202

    assert [claim.pk, "seller", True, False] in jobs(claim)
    run_dossier_renders()
    response = client.get(f"/c/{claim.token}/dossier-archive.pdf")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.django_db
def test_a_file_rendered_before_a_change_is_never_served(
    client, django_capture_on_commit_callbacks
):
    claim = make_claim(signed_name="李明")
    client.get(f"/c/{claim.token}/dossier.pdf")
    run_dossier_renders()
    old = ready_copy(claim, Copy())
    assert old is not None

    # An event recorded after signing is printed in the dossier: the old file is stale.
    with django_capture_on_commit_callbacks(execute=True):
        ClaimEvent.objects.create(claim=claim, kind="refused", happened_on=timezone.localdate())

    assert ready_copy(claim, Copy()) is None
    assert client.get(f"/c/{claim.token}/dossier.pdf").status_code == 202
    assert len(jobs(claim)) == 2  # the event queued the new render
    run_dossier_renders()
    assert ready_copy(claim, Copy()) not in (None, old)
    assert old not in cached_dossier_names(claim.pk)


@pytest.mark.django_db
def test_a_render_that_the_claim_outran_is_thrown_away(monkeypatch):
    claim = make_claim(signed_name="李明")
    original = cache.render_dossier

    def render_then_change(claim, **options):
        pdf = original(claim, **options)
        ClaimEvent.objects.create(claim=claim, kind="refused", happened_on=timezone.localdate())
        return pdf

    monkeypatch.setattr(cache, "render_dossier", render_then_change)

    assert render_copy(claim, Copy()) is None
    assert not [name for name in cached_dossier_names(claim.pk) if name.endswith(".pdf")]


@pytest.mark.django_db
def test_a_failed_render_is_retried_then_reported_never_served(client, monkeypatch):
    claim = make_claim(signed_name="李明")

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(cache, "render_dossier", broken)
    url = f"/c/{claim.token}/dossier.pdf"
    assert client.get(url).status_code == 202
    [failure] = run_dossier_renders()
    assert isinstance(failure, OSError)

    retrying = client.get(url)  # queued again, and the page says the last try failed
    assert retrying.status_code == 202
    assert zh("The last attempt failed; it is being made again.") in retrying.content.decode()
    run_dossier_renders()
    client.get(url)
    run_dossier_renders()

    given_up = client.get(url)
    assert given_up.status_code == 503
    assert given_up["Retry-After"] == "600"
    page = given_up.content.decode()
    assert zh("Your dossier could not be made") in page
    assert "Refresh" not in given_up
    assert len(jobs(claim)) == queue.MAX_FAILURES

    # Ten minutes later it is tried again, and a working render is served.
    monkeypatch.undo()
    DBTaskResult.objects.update(finished_at=timezone.now() - queue.RETRY_AFTER)
    assert client.get(url).status_code == 202
    run_dossier_renders()
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_the_done_page_shows_the_queue_then_a_plain_link(client):
    claim = make_claim(signed_name="李明")
    link = f'href="/c/{claim.token}/dossier.pdf" download'

    response = client.get(f"/c/{claim.token}/done/")
    preparing = response.content.decode()

    assert "Refresh" in response
    assert zh("Your dossier is being prepared") in preparing
    assert "排队位置：第 1 位" in preparing
    assert link not in preparing
    run_dossier_renders()
    response = client.get(f"/c/{claim.token}/done/")
    assert link in response.content.decode()
    assert "Refresh" not in response


@pytest.mark.django_db
def test_the_place_in_the_queue_counts_the_tasks_before_it(client):
    first = make_claim(signed_name="甲")  # its dossier queued with the signature
    read_screenshot.enqueue(12345)
    second = make_claim(signed_name="乙")
    client.get(f"/c/{first.token}/dossier.pdf")

    status = client.get(f"/c/{second.token}/dossier-status/").json()

    assert status["state"] == "waiting"
    assert status["ahead"] == 2


@pytest.mark.django_db
def test_the_estimate_comes_from_recent_render_times(client):
    claim = make_claim(signed_name="李明")
    now = timezone.now()
    for seconds in (4, 6, 30):
        row = render_dossier_copy.enqueue(0, "seller", False, False)
        DBTaskResult.objects.filter(pk=row.id).update(
            status=TaskResultStatus.SUCCESSFUL,
            started_at=now - timedelta(seconds=seconds),
            finished_at=now,
        )

    status = client.get(f"/c/{claim.token}/dossier-status/?copy=archive").json()

    # The copy to send, queued with the signature, renders first: the median render (6 s)
    # for it, then the archive copy's own.
    assert status == {"state": "waiting", "ahead": 1, "estimate_s": 12, "failures": 0}


@pytest.mark.django_db
def test_the_calendar_and_the_plan_do_not_wait_for_the_queue(client):
    claim = make_claim(signed_name="李明")
    queued = jobs(claim)  # the copy to send, queued with the signature, not rendered yet

    assert client.get(f"/c/{claim.token}/plan.ics").status_code == 200

    assert queued and jobs(claim) == queued


@pytest.mark.django_db
def test_deleting_the_claim_drops_its_waiting_renders(client):
    claim = make_claim(signed_name="李明")
    client.get(f"/c/{claim.token}/dossier.pdf")
    assert jobs(claim)

    claim.delete_with_files()

    assert not DBTaskResult.objects.filter(task_path=render_dossier_copy.module_path).exists()


@pytest.mark.django_db
def test_the_user_can_stop_the_reloading_and_check_again_by_hand(client):
    """WCAG 2.2.1: a page that reloads itself offers to stop; the reader's choice is kept."""
    claim = make_claim(signed_name="李明")
    url = f"/c/{claim.token}/dossier.pdf?for=seller"

    reloading = client.get(url)
    stop = f'href="/c/{claim.token}/dossier.pdf?for=seller&amp;reload=off"'
    stopped = client.get(url + "&reload=off")

    assert "Refresh" in reloading and stop in reloading.content.decode()
    assert stopped.status_code == 202 and "Refresh" not in stopped
    assert f'href="/c/{claim.token}/dossier.pdf?for=seller"' in stopped.content.decode()


@pytest.mark.django_db
def test_a_worker_set_up_otherwise_fails_the_render_and_it_is_reported(client):
    """A worker that would print another address than the server asked for (or another
    stylesheet, renderer, archive cap) renders nothing: its copy would never match the
    server's digest and would be asked for forever. The page reports it like any failure."""
    claim = make_claim(signed_name="李明")
    url = f"/c/{claim.token}/dossier.pdf"
    for _attempt in range(queue.MAX_FAILURES):
        assert client.get(url).status_code == 202
        with override_settings(SITE_URL="https://elsewhere.example"):
            [failure] = run_dossier_renders()
        assert isinstance(failure, SettingsMismatch)

    assert client.get(url).status_code == 503
    assert cached_dossier_names(claim.pk) == []


@pytest.mark.django_db
def test_a_render_queued_before_the_fingerprint_was_sent_still_renders():
    claim = make_claim(signed_name="李明")

    assert render_dossier_copy.call(claim.pk, *Copy().as_args()) == "rendered"
    assert ready_copy(claim, Copy()) is not None


@pytest.mark.django_db(transaction=True)
def test_the_copy_to_send_is_queued_in_the_signatures_own_commit(client):
    """The queue is a table of the same database: the render is added in the signature's
    transaction, so it exists exactly when the signature does (one commit, not two)."""
    token = start_claim(client)
    walk_to(client, token, "review")
    claim = Claim.objects.get(token=token)
    with CaptureQueriesContext(connection) as queries:
        assert fill_in(client, token, "declaration").url == f"/c/{token}/done/"

    statements = [query["sql"].split()[0].upper() for query in queries.captured_queries]
    writes = [n for n, word in enumerate(statements) if word in ("INSERT", "UPDATE")]
    assert statements.count("COMMIT") == 1
    assert writes and writes[-1] < statements.index("COMMIT")
    assert [job.status for job in tasks.dossier_jobs(claim.pk, Copy())] == [TaskResultStatus.READY]


@pytest.mark.django_db(transaction=True)
def test_signing_reads_the_events_once_and_takes_no_savepoint(client):
    """Each statement is a round trip to PostgreSQL: the drafts, the signature and the plan
    share one read of the events, and the cleared declaration is saved in the signature's
    own transaction, not in a savepoint of it."""
    token = start_claim(client)
    walk_to(client, token, "review")
    with CaptureQueriesContext(connection) as queries:
        assert fill_in(client, token, "declaration").url == f"/c/{token}/done/"

    statements = [query["sql"] for query in queries.captured_queries]
    assert sum('FROM "claims_claimevent"' in sql for sql in statements) == 1
    assert not [sql for sql in statements if sql.upper().startswith(("SAVEPOINT", "RELEASE"))]
    assert Claim.objects.get(token=token).signed_digest


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the index is PostgreSQL's")
def test_a_claims_renders_are_found_through_their_index_not_a_scan():
    """The done page and each status poll ask for a claim's renders: with two weeks of tasks
    kept, a scan of the queue's table took 5.2 ms at 50,000 rows (migration 0014)."""
    with CaptureQueriesContext(connection) as queries:
        tasks.dossier_jobs(12345, Copy())
    (lookup,) = [query["sql"] for query in queries.captured_queries]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a test's table is tiny
        cursor.execute(f"EXPLAIN {lookup}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "claims_dossier_render_lookup" in plan
