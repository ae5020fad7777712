"""The declaration page previews the dossier's first page: the statement and the exhibit
list the PDF prints, built from the current answers, as HTML."""

import html

import pytest

from claims.dossier.render import prepare
from claims.models import Claim
from tests.evidence.samples import image_bytes, upload_of
from tests.journey import start_claim, step_url, upload, walk_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(client):
    token = start_claim(client)
    walk_to(client, token, "evidence")
    upload(client, token, upload_of(image_bytes(), "bill.png"), caption="支付宝账单详情")
    walk_to(client, token, "review")
    return token


def test_it_shows_the_statement_and_the_exhibits_before_signing(client, token):
    response = client.get(step_url(token, "declaration"))
    page = response.content.decode()
    statement = response.context["preview"]["statement"]

    assert response["Content-Type"].startswith("text/html")
    assert not Claim.objects.get(token=token).completed_at
    assert "请求事项" in page and html.escape(statement.demand) in page
    assert "事实与理由" in page
    assert html.escape(statement.facts[0]) in page
    assert "证据1 付款和订单：支付宝账单详情" in page


def test_it_previews_what_the_signed_pdf_says(client, token):
    preview = client.get(step_url(token, "declaration")).context["preview"]["statement"]
    walk_to(client, token, "declaration")

    dossier = prepare(Claim.objects.get(token=token)).html

    assert html.escape(preview.demand) in dossier
    for line in preview.facts:
        assert html.escape(line) in dossier
    assert preview.deadline in dossier


def test_it_shows_the_exhibit_list_in_chinese_whatever_the_page_language(client, token):
    client.cookies["rh_language"] = "en"
    page = client.get(step_url(token, "declaration")).content.decode()

    assert "What you are signing: the first page of your dossier" in page
    assert "证据1 付款和订单" in page and "Payment and order" not in page.split("证据目录")[1][:300]
