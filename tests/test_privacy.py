"""Payment records need their own notice and consent (PIPL art. 28-29), checked by the server."""

import pytest

from claims.models import Claim
from tests.journey import image_file, start_claim, step_url, upload, walk_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(client):
    client.cookies["rh_language"] = "en"
    token = start_claim(client)
    walk_to(client, token, "assessment")
    return token


def test_payment_records_are_refused_without_the_separate_consent(client, token):
    response = upload(client, token, image_file("bill.png"), payment_consent=False)

    assert response.status_code == 400
    page = response.content.decode()
    assert "Tick the box to agree before uploading payment records" in page
    assert not Claim.objects.get(token=token).evidence.exists()


def test_payment_records_are_accepted_with_it(client, token):
    assert upload(client, token, image_file("bill.png")).status_code == 302

    assert Claim.objects.get(token=token).evidence.get().category == "transaction"


def test_other_evidence_needs_no_such_consent(client, token):
    response = upload(
        client, token, image_file("chat.png"), category="merchant_breach", payment_consent=False
    )

    assert response.status_code == 302


def test_the_evidence_page_gives_the_notice_beside_an_unticked_box(client, token):
    page = client.get(step_url(token, "evidence")).content.decode()

    assert "Payment records are sensitive personal information" in page
    assert "I agree that RefundHelper keeps my payment records for this claim." in page
    # The general upload form (the payment record's own form asks without a category).
    general = page.split("data-evidence-upload", 1)[1]
    box = general.split('name="upload-payment_consent"', 1)[1].split(">", 1)[0]
    assert "checked" not in box
    assert 'data-show-if="upload-category=transaction"' in box
    for need_box in page.split('name="upload-payment_consent"')[1:]:
        assert "checked" not in need_box.split(">", 1)[0]
