"""The check-answers page says which evidence is still missing, before signing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.evidence.samples import image_bytes, upload_of
from tests.journey import start_claim, step_url, upload, walk_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(client):
    token = start_claim(client)
    walk_to(client, token, "review")
    client.cookies["rh_language"] = "en"
    return token


def test_it_lists_the_missing_evidence_with_a_link_to_upload_each(client, token):
    response = client.get(step_url(token, "review"))
    page = response.content.decode()

    missing = response.context["missing_evidence"]
    assert [need.key for need in missing][:2] == ["payment_record", "order_page"]
    assert f"{len(missing)} pieces of evidence are still missing" in page
    assert f"{step_url(token, 'evidence')}?return=review#need-payment_record" in page


def test_it_stops_listing_a_need_once_its_file_is_there(client, token):
    upload(client, token, upload_of(image_bytes(), "bill.png"), category="transaction")

    missing = client.get(step_url(token, "review")).context["missing_evidence"]

    assert "payment_record" not in [need.key for need in missing]
    assert "order_page" in [need.key for need in missing]


def test_it_reads_the_files_once_for_their_numbers_list_and_checklist(client, token):
    """Each read is a round trip to PostgreSQL; the page has three readers of the files."""
    upload(client, token, upload_of(image_bytes(), "bill.png"), category="transaction")

    with CaptureQueriesContext(connection) as queries:
        page = client.get(step_url(token, "review"))

    reads = [q for q in queries.captured_queries if 'FROM "claims_evidence"' in q["sql"]]
    assert len(reads) == 1
    assert "payment_record" not in [need.key for need in page.context["missing_evidence"]]
    assert len(page.context["evidence_items"]) == 1
