"""Start from a screenshot, over HTTP: upload, progress, pre-filled order step, review check.

The OCR engine is the one outside part replaced here (it answers with the boxes of a bill);
tests/screenshots/test_reader.py runs the real one. Tasks run at once, except where the
queue is the point.
"""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from claims import tasks
from claims.demo.screenshots import alipay_bill
from claims.evidence.pipeline import store_upload
from claims.models import Claim, Evidence
from claims.screenshots import reader, readings
from tests.factories import make_claim
from tests.journey import fill_in, start_claim, step_url, upload, walk_to
from tests.screenshots.samples import ALIPAY

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class FakeEngine:
    """Answers like RapidOCR: [[corner points, text, score], ...], for any image."""

    def __init__(self, boxes, error=None):
        self.boxes, self.error, self.calls = boxes, error, 0

    def __call__(self, image):
        self.calls += 1
        if self.error:
            raise self.error
        points = [
            [[b.left, b.top], [b.right, b.top], [b.right, b.bottom], [b.left, b.bottom]]
            for b in self.boxes
        ]
        return [[p, b.text, 0.99] for p, b in zip(points, self.boxes, strict=True)], [0.1]


@pytest.fixture
def engine(monkeypatch):
    fake = FakeEngine(ALIPAY)
    monkeypatch.setattr(reader, "engine", lambda: fake)
    return fake


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    settings.TASKS = IMMEDIATE


@pytest.fixture
def token(client):
    token = start_claim(client)
    client.cookies["rh_language"] = "en"
    return token


def screenshot(name="alipay.png"):
    return SimpleUploadedFile(name, alipay_bill(size=(540, 1170)), content_type="image/png")


def send_screenshot(client, token, file=None, consent=True, query=""):
    data = {"screenshot": file or screenshot()}
    if consent:
        data["payment_consent"] = "on"
    return client.post(f"/c/{token}/screenshot/{query}", data)


def order_page(client, token, query=""):
    page = client.get(step_url(token, "order") + query)
    assert page.status_code == 200
    return page


def test_the_order_step_offers_a_screenshot_with_the_payment_records_notice(client, token):
    page = order_page(client, token).content.decode()
    assert "Start from a screenshot" in page
    assert f'action="/c/{token}/screenshot/"' in page
    assert 'enctype="multipart/form-data"' in page
    assert "Payment records are sensitive personal information" in page
    assert 'name="payment_consent"' in page
    assert "data-show-if" not in page.split('name="payment_consent"')[0].rsplit("<", 1)[-1]


def test_without_the_separate_consent_nothing_is_stored_or_read(client, token, engine):
    response = send_screenshot(client, token, consent=False)
    assert response.status_code == 400
    assert b"Tick the box to agree before uploading a payment screenshot." in response.content
    assert not Evidence.objects.exists()
    assert engine.calls == 0


def test_a_file_that_is_not_an_image_is_refused_on_the_same_page(client, token, engine):
    pdf = SimpleUploadedFile("bill.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    response = send_screenshot(client, token, file=pdf)
    assert response.status_code == 400
    assert b"This is not a picture we can read." in response.content
    assert not Evidence.objects.exists()


def test_a_bill_screenshot_fills_in_the_order_step_for_checking(client, token, engine):
    response = send_screenshot(client, token)
    assert response.status_code == 302
    assert response.url == f"/c/{token}/order/#screenshot"

    item = Evidence.objects.get()
    assert item.category == Evidence.Category.TRANSACTION
    assert item.caption == "Screenshot used to fill in the order"
    assert engine.calls == 1

    page = order_page(client, token)
    form = page.context["wizard"]["form"]
    assert not form.is_bound  # suggestions, not answers
    assert form.initial == {
        "amount": "648.00",
        "purchased_at": "2026-11-20T21:14",
        "order_number": "KM20261120211352087",
        "transaction_number": "2026112022001438500512345678",
        "product_name": "原神创世结晶6480点卡密",
        "payment_method": "alipay",
    }
    html = page.content.decode()
    # The order step's first page: amount, time, the two numbers and the payment method; the
    # product's name is on its second page.
    assert html.count('data-read-from="screenshot"') == 4 + len(
        form.fields["payment_method"].choices
    )
    second = client.get(f"/c/{token}/order/?part=2").content.decode()
    assert second.count('data-read-from="screenshot"') == 1
    assert 'value="原神创世结晶6480点卡密"' in second
    noted = [name for name, field in form.fields.items() if "Read from" in str(field.help_text)]
    assert sorted(noted) == sorted(form.initial)
    assert 'value="648.00"' in html and 'value="2026-11-20T21:14"' in html
    assert "Alipay bill" in html and "¥648.00" in html and "交易成功" in html
    assert "order" not in Claim.objects.get(token=token).answers


def test_the_user_corrects_one_value_and_only_the_submitted_answers_count(client, token, engine):
    send_screenshot(client, token)
    response = fill_in(client, token, "order", amount="64.80")
    assert response.status_code == 302
    order = Claim.objects.get(token=token).answers["order"]
    assert order["amount"] == ["64.80"]


def test_the_payee_is_offered_on_the_seller_step(client, token, engine):
    send_screenshot(client, token)
    walk_to(client, token, "policy")
    page = client.get(step_url(token, "seller"))
    form = page.context["wizard"]["form"]
    assert form.initial["payee_name"] == "小鱼数码(个体工商户)"
    assert b"Read from your screenshot: check it." in page.content


def test_typed_answers_stay_and_a_differing_screenshot_is_noted_beside_them(client, token, engine):
    fill_in(client, token, "order", amount="64.80")
    send_screenshot(client, token)
    page = order_page(client, token)
    form = page.context["wizard"]["form"]
    assert form.is_bound and form["amount"].value() == "64.80"
    html = page.content.decode()
    assert "Your screenshot shows: 648.00" in html
    assert "Your screenshot shows: KM20261120211352087" in html
    # The same answer, however typed, gets no note: ￥６４８ and 648, 21:14 and 21:14:07.
    assert "Your screenshot shows: 2026-11-20" not in html
    assert "Your screenshot shows: Alipay" not in html


# The worker checks its connection between tasks, as in production: no test transaction.
@pytest.mark.django_db(transaction=True)
def test_the_database_queue_holds_the_reading_until_the_worker_runs_it(
    client, token, engine, settings
):
    settings.TASKS = DATABASE
    send_screenshot(client, token)
    item = Evidence.objects.get()
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "claims.tasks.read_screenshot"
    assert queued.args_kwargs == {"args": [item.pk], "kwargs": {}}
    assert engine.calls == 0

    html = order_page(client, token).content.decode()
    assert "Reading your screenshot" in html and "<progress" in html
    # A plain link to the page itself (no #fragment, which would only scroll) reloads it.
    assert f'href="/c/{token}/order/">Refresh this page to see what was read' in html
    status = client.get(f"/c/{token}/screenshot/{item.pk}/status/")
    assert status.json() == {"status": "queued", "slow": False, "fields": {}}
    assert "no-cache" in status["Cache-Control"] or "no-store" in status["Cache-Control"]

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0")
    assert engine.calls == 1
    answer = client.get(f"/c/{token}/screenshot/{item.pk}/status/").json()
    assert answer["status"] == "done"
    assert answer["fields"]["order-amount"] == "648.00"
    assert answer["fields"]["order-payment_method"] == "alipay"
    assert order_page(client, token).context["wizard"]["form"].initial["amount"] == "648.00"


def test_a_slow_reading_tells_the_user_to_type_the_details(client, token, engine, settings):
    settings.TASKS = DATABASE
    send_screenshot(client, token)
    item = Evidence.objects.get()
    item.reading["requested_at"] = (timezone.now() - timedelta(minutes=2)).isoformat()
    Evidence.objects.filter(pk=item.pk).update(reading=item.reading)
    assert b"This is taking longer than usual" in order_page(client, token).content
    assert client.get(f"/c/{token}/screenshot/{item.pk}/status/").json()["slow"] is True
    # The user is never held up: the step takes typed answers meanwhile.
    assert fill_in(client, token, "order").status_code == 302


def test_a_failed_reading_never_blocks_the_user(client, token, monkeypatch):
    monkeypatch.setattr(reader, "engine", lambda: FakeEngine([], error=RuntimeError("model")))
    assert send_screenshot(client, token).status_code == 302
    item = Evidence.objects.get()
    assert item.reading["status"] == "failed"
    page = order_page(client, token)
    assert b"We could not read this screenshot" in page.content
    assert page.context["wizard"]["form"].initial == {}
    assert fill_in(client, token, "order").status_code == 302


def test_a_screenshot_of_something_else_fills_in_nothing(client, token, monkeypatch):
    monkeypatch.setattr(reader, "engine", lambda: FakeEngine(ALIPAY[:3]))
    send_screenshot(client, token)
    page = order_page(client, token)
    assert b"We found no order details on this screenshot" in page.content
    assert b'data-read-from="screenshot"' not in page.content


def test_a_reading_of_a_file_removed_meanwhile_does_not_bring_it_back(client, token, engine):
    engine.error = RuntimeError("never reached")
    send_screenshot(client, token)
    item = Evidence.objects.get()
    item.delete_with_files()
    assert readings.read_evidence(item.pk) == "gone"
    assert not Evidence.objects.exists()


def test_the_status_of_another_claims_screenshot_is_not_found(client, token, engine):
    send_screenshot(client, token)
    item = Evidence.objects.get()
    other = start_claim(client)
    assert client.get(f"/c/{other}/screenshot/{item.pk}/status/").status_code == 404
    assert client.get(f"/c/not-a-token/screenshot/{item.pk}/status/").status_code == 404


def test_coming_from_the_review_the_upload_returns_there(client, token, engine):
    response = send_screenshot(client, token, query="?return=review")
    assert response.url == f"/c/{token}/order/?return=review#screenshot"


# -- the review compares typed facts with what the evidence shows -------------------------


def walk_to_review(client, token, **order):
    walk_to(client, token, "messages", order=order)
    page = client.get(step_url(token, "review"))
    assert page.status_code == 200
    return page


MATCHING = {
    "order_number": "KM20261120211352087",
    "transaction_number": "2026112022001438500512345678",
    "purchased_at": "2026-11-20T21:14",
}


def test_the_review_warns_when_the_typed_amount_differs_from_the_screenshot(client, token, engine):
    send_screenshot(client, token)
    page = walk_to_review(client, token, amount="64.80", **MATCHING)
    check = page.context["evidence_check"]
    assert [note.what for note in check.disagreements] == ["amount"]
    html = page.content.decode()
    assert "Your answers and your evidence disagree" in html
    assert (
        "You typed ¥64.80 as the amount paid, but exhibit 1 "
        "(Screenshot used to fill in the order) shows ¥648.00." in html
    )


def test_the_review_says_nothing_when_the_evidence_agrees(client, token, engine):
    send_screenshot(client, token)
    page = walk_to_review(client, token, **MATCHING)
    assert not page.context["evidence_check"]
    assert b"Your answers and your evidence disagree" not in page.content


def test_dates_and_numbers_are_checked_and_the_exhibit_is_named(client, token, engine):
    token_images = [screenshot("bill-1.png")]
    walk_to(client, token, "evidence", order={**MATCHING, "purchased_at": "2026-11-21T10:00"})
    upload(client, token, *token_images, category="transaction", caption="支付宝账单")
    page = walk_to_review(
        client,
        token,
        **{**MATCHING, "purchased_at": "2026-11-21T10:00", "order_number": "KM999999"},
    )
    notes = {note.what: note for note in page.context["evidence_check"].disagreements}
    assert set(notes) == {"date", "order_number"}
    with translation.override("en"):  # the message is lazy: read it in the page's language
        assert str(notes["date"].message) == (
            "You typed 2026-11-21 as the payment date, but exhibit 1 (支付宝账单) shows 2026-11-20."
        )
    assert notes["order_number"].shown == "KM20261120211352087"


def test_a_payment_screenshot_still_being_read_is_announced_on_the_review(
    client, token, engine, settings
):
    walk_to(client, token, "evidence")
    settings.TASKS = DATABASE
    upload(client, token, screenshot(), category="transaction")
    page = walk_to_review(client, token)
    assert page.context["evidence_check"].pending == 1
    assert b"We are still reading 1 payment screenshot" in page.content


def test_a_screenshot_form_posted_empty_says_what_is_missing(client, token):
    response = client.post(f"/c/{token}/screenshot/", {})
    assert response.status_code == 400
    assert "Choose a screenshot." in response.content.decode()


# -- readings are queued at upload; the review page only shows them -----------------------


def queue_rows():
    return DBTaskResult.objects.filter(task_path="claims.tasks.read_screenshot")


def test_it_queues_exactly_one_reading_for_a_payment_screenshot_on_the_evidence_step(
    client, token, engine, settings
):
    walk_to(client, token, "evidence")
    settings.TASKS = DATABASE
    assert upload(client, token, screenshot(), category="transaction").status_code == 302
    item = Evidence.objects.get()
    assert [row.args_kwargs["args"] for row in queue_rows()] == [[item.pk]]
    assert item.reading["status"] == "queued" and item.reading["sha256"] == item.sha256


def test_it_queues_a_reading_for_a_picture_filed_under_another_category(
    client, token, engine, settings
):
    # A payment record may be filed anywhere; only the reader can tell one (issue 15 item 3).
    walk_to(client, token, "evidence")
    settings.TASKS = DATABASE
    assert upload(client, token, screenshot(), category="product_state").status_code == 302
    assert [row.args_kwargs["args"] for row in queue_rows()] == [[Evidence.objects.get().pk]]


def test_it_queues_one_reading_for_the_new_file_when_a_payment_screenshot_is_replaced(
    client, token, engine, settings
):
    settings.TASKS = DATABASE
    send_screenshot(client, token)
    item = Evidence.objects.get()
    queue_rows().delete()
    new = SimpleUploadedFile("new.png", alipay_bill(size=(600, 1300)), content_type="image/png")
    response = client.post(f"/c/{token}/evidence/{item.pk}/replace/", {"file": new})
    assert response.status_code == 302
    item.refresh_from_db()
    assert [row.args_kwargs["args"] for row in queue_rows()] == [[item.pk]]
    assert readings.state_of(item).pending  # a reading of the new file, not of the old one


def test_it_queues_nothing_when_the_review_page_is_shown(client, token, engine, settings):
    walk_to(client, token, "evidence")
    settings.TASKS = DATABASE
    upload(client, token, screenshot(), category="transaction")
    # An upload left unread, as before readings were queued at upload: the page leaves it be.
    Evidence.objects.update(reading=None)
    queue_rows().delete()
    walk_to(client, token, "messages")
    before = DBTaskResult.objects.count()
    assert client.get(step_url(token, "review")).status_code == 200
    assert DBTaskResult.objects.count() == before == 0
    assert Evidence.objects.get().reading is None


def stored_screenshot(claim, category=Evidence.Category.TRANSACTION, size=(540, 1170)):
    data = SimpleUploadedFile("bill.png", alipay_bill(size=size), content_type="image/png")
    return store_upload(claim, data, category=category, caption="")


# The worker checks its connection between tasks, as in production: no test transaction.
@pytest.mark.django_db(transaction=True)
def test_it_queues_the_uploads_left_unread_before_the_worker_starts(engine, settings):
    claim = make_claim()
    left_unread = stored_screenshot(claim)  # uploaded before readings were queued at upload
    read = stored_screenshot(claim, size=(500, 1100))
    tasks.request_reading(read)  # tasks run at once here
    settings.TASKS = DATABASE
    waiting = stored_screenshot(claim, size=(560, 1200))
    tasks.request_reading(waiting)
    lost = stored_screenshot(claim, size=(580, 1250))
    tasks.request_reading(lost)
    queue_rows().filter(args_kwargs__args=[lost.pk]).delete()  # stamped, never reached the queue
    elsewhere = stored_screenshot(claim, category=Evidence.Category.PRODUCT_STATE, size=(600, 1300))
    calls = engine.calls

    out = io.StringIO()
    call_command("read_missing_screenshots", "--dry-run", stdout=out)
    assert out.getvalue().strip() == "Would queue 3 screenshot reading(s)."
    assert queue_rows().count() == 1
    call_command("read_missing_screenshots", stdout=out)
    assert out.getvalue().splitlines()[-1] == "Queued 3 screenshot reading(s)."
    queued = sorted(row.args_kwargs["args"][0] for row in queue_rows())
    assert queued == sorted([waiting.pk, left_unread.pk, lost.pk, elsewhere.pk])
    call_command("read_missing_screenshots", stdout=out)
    assert out.getvalue().splitlines()[-1] == "Queued 0 screenshot reading(s)."

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0")
    assert engine.calls == calls + 4
    for item in (left_unread, read, waiting, lost):
        item.refresh_from_db()
        assert readings.state_of(item).done
