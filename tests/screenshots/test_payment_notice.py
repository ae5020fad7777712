"""A payment record filed under another category gets the payment notice (issue 15 item 3).

Payment records need their own consent (PIPL art. 29). The reader reads every picture; one it
finds to be a payment bill, in a claim that has not given that consent, keeps nothing read
from it and the evidence page asks for the consent. The OCR engine is replaced, as in
test_views.py: it answers with the boxes of the screen named.
"""

import itertools

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from claims.demo.screenshots import alipay_bill
from claims.models import Claim, Evidence
from claims.screenshots import reader, readings
from tests.journey import start_claim, step_url, upload, walk_to
from tests.screenshots.samples import ALIPAY, SHOP, WECHAT

pytestmark = pytest.mark.django_db

NOTICE = "This looks like a payment record."


class FakeEngine:
    """Answers like RapidOCR ([[corner points, text, score], ...]) with the boxes it holds."""

    def __init__(self, boxes):
        self.boxes, self.calls = boxes, 0

    def __call__(self, image):
        self.calls += 1
        return [
            [
                [[b.left, b.top], [b.right, b.top], [b.right, b.bottom], [b.left, b.bottom]],
                b.text,
                0.9,
            ]
            for b in self.boxes
        ], [0.1]


@pytest.fixture
def engine(monkeypatch):
    fake = FakeEngine(ALIPAY)
    monkeypatch.setattr(reader, "engine", lambda: fake)
    return fake


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def token(client):
    token = start_claim(client)
    client.cookies["rh_language"] = "en"
    walk_to(client, token, "evidence")
    return token


_heights = itertools.count(1170)


def bill(name="chat.png") -> SimpleUploadedFile:
    """Each call a file of its own: the same bytes twice in a claim are one exhibit."""
    data = alipay_bill(size=(540, next(_heights)))
    return SimpleUploadedFile(name, data, content_type="image/png")


def file_under(client, token, category, name="chat.png") -> Evidence:
    consent = category == Evidence.Category.TRANSACTION
    response = upload(client, token, bill(name), category=category, payment_consent=consent)
    assert response.status_code == 302
    return Evidence.objects.get(original_name=name)


def evidence_page(client, token) -> str:
    return client.get(step_url(token, "evidence")).content.decode()


def order_initial(client, token) -> dict:
    return client.get(step_url(token, "order")).context["wizard"]["form"].initial


def agree(client, token, item, consent=True):
    data = {"payment_consent": "on"} if consent else {}
    return client.post(f"/c/{token}/evidence/{item.pk}/payment-consent/", data, follow=True)


def test_a_payment_bill_filed_elsewhere_asks_for_the_notice_and_is_not_used(client, token, engine):
    item = file_under(client, token, "merchant_breach")

    item.refresh_from_db()
    assert engine.calls == 1
    assert item.category == "merchant_breach"
    assert item.reading["status"] == readings.NEEDS_CONSENT
    assert "fields" not in item.reading  # nothing read from it is kept
    page = evidence_page(client, token)
    assert NOTICE in page
    assert "I agree that RefundHelper keeps my payment records for this claim." in page
    assert f'action="/c/{token}/evidence/{item.pk}/payment-consent/"' in page
    assert order_initial(client, token) == {}  # nothing pre-filled from it
    assert readings.states_for(Claim.objects.get(token=token)) == []


def test_the_notice_agreed_files_it_as_a_payment_record_and_reads_it_again(client, token, engine):
    item = file_under(client, token, "other")

    response = agree(client, token, item)

    assert response.status_code == 200
    assert "The file is now filed as a payment record." in response.content.decode()
    item.refresh_from_db()
    assert item.category == Evidence.Category.TRANSACTION
    assert readings.state_of(item).done and engine.calls == 2
    assert NOTICE not in evidence_page(client, token)
    assert order_initial(client, token)["amount"] == "648.00"


def test_the_notice_without_the_tick_changes_nothing(client, token, engine):
    item = file_under(client, token, "other")

    response = agree(client, token, item, consent=False)

    assert "Tick the box to agree before this file is used as a payment record" in (
        response.content.decode()
    )
    item.refresh_from_db()
    assert item.category == "other"
    assert readings.state_of(item).needs_consent
    assert engine.calls == 1


def test_a_claim_that_gave_the_consent_uses_a_bill_filed_elsewhere_without_asking(
    client, token, engine
):
    file_under(client, token, Evidence.Category.TRANSACTION, name="alipay.png")
    engine.boxes = WECHAT
    item = file_under(client, token, "product_state", name="wechat.png")

    item.refresh_from_db()
    assert readings.state_of(item).done
    assert NOTICE not in evidence_page(client, token)
    assert order_initial(client, token)["transaction_number"] == "4200002345202611051234567890"


def test_a_picture_that_is_no_payment_record_keeps_only_that_verdict(client, token, engine):
    engine.boxes = SHOP
    item = file_under(client, token, "merchant_breach")

    item.refresh_from_db()
    assert item.reading["status"] == readings.OTHER
    assert "fields" not in item.reading
    assert NOTICE not in evidence_page(client, token)
    assert order_initial(client, token) == {}


def test_another_claims_token_cannot_give_the_consent(client, token, engine):
    item = file_under(client, token, "other")
    other = start_claim(client)

    response = client.post(
        f"/c/{other}/evidence/{item.pk}/payment-consent/", {"payment_consent": "on"}
    )

    assert response.status_code == 404
    item.refresh_from_db()
    assert item.category == "other"
