"""The English reading of the statement: the user's own download, never part of the dossier,
saying what the Chinese statement says to the same reader (issue 16, item 5)."""

import io
import re

import pytest
from pypdf import PdfReader

from claims.domain.eligibility import assess
from claims.dossier.statement import offered_recipients
from claims.wizard.facts import facts_for_claim
from tests.dossier.stories import CLAIMS, non_delivery, private_transfer, signed_claim
from tests.dossier_worker import download

ASKS = {
    "seller": "Ask the shop",
    "alipay": "You ask Alipay to help refund this transaction of ¥648.00",
    "12315": "You ask them to accept this complaint and mediate",
}
ARTICLE_COUNT = re.compile(r"第[一二三四五六七八九十百零]+条")


def words(pdf: bytes) -> str:
    """The text with runs of whitespace as one space (English keeps its spaces)."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def chinese_first_page(pdf: bytes) -> str:
    return re.sub(r"\s", "", PdfReader(io.BytesIO(pdf)).pages[0].extract_text())


def iso_date(chinese: str) -> str:
    year, month, day = re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", chinese).groups()
    return f"{year}-{int(month):02d}-{int(day):02d}"


@pytest.mark.django_db
@pytest.mark.parametrize("story", CLAIMS)
@pytest.mark.parametrize("reader", ASKS)
def test_the_english_reading_says_what_the_statement_says(client, story, reader):
    claim = signed_claim(CLAIMS[story]())
    facts = facts_for_claim(claim)
    url = f"/c/{claim.token}/statement-english.pdf?for={reader}"
    if reader not in offered_recipients(facts, assess(facts)):
        assert client.get(url).status_code == 404
        return

    response = client.get(url)
    statement = chinese_first_page(
        download(client, f"/c/{claim.token}/dossier.pdf?for={reader}").content
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "-english-reading.pdf" in response["Content-Disposition"]
    pdf = PdfReader(io.BytesIO(response.content))
    assert len(pdf.pages) == 1
    text = words(response.content)
    assert "For you to read. Do not send this page." in text
    assert ASKS[reader] in text and "¥648.00" in text
    for number in (1, 2, 3):
        assert f"Exhibit {number} (证据{number})" in text
    # The same deadline and as many articles as the Chinese statement's one line of basis.
    deadline = statement.split("期限：", 1)[1]
    assert iso_date(deadline) in text.split("Deadline", 1)[1]
    basis = statement.split("法律依据：", 1)[1].split("期限：", 1)[0]
    assert text.count("Art.") == len(ARTICLE_COUNT.findall(basis))
    if story == "private transfer":
        assert "because the seller's staff asked you to" in text
        assert "no order number" in text


@pytest.mark.django_db
def test_the_english_reading_is_never_part_of_the_dossier(client):
    claim = signed_claim(non_delivery())

    dossier = words(download(client, f"/c/{claim.token}/dossier.pdf").content)
    streamed = download(client, f"/c/{claim.token}/dossier-archive.pdf")
    archive = words(b"".join(streamed.streaming_content))
    streamed.close()

    for text in (dossier, archive):
        assert "Do not send this page" not in text
        assert "English reading" not in text


@pytest.mark.django_db
def test_the_english_reading_of_a_reader_not_offered_or_an_unsigned_claim_is_refused(client):
    claim = signed_claim(private_transfer())
    claim.completed_at = None
    claim.save()

    assert client.get(f"/c/{claim.token}/statement-english.pdf").status_code == 302
    claim = signed_claim(private_transfer())
    assert client.get(f"/c/{claim.token}/statement-english.pdf?for=alipay").status_code == 404
    assert client.get(f"/c/{claim.token}/statement-english.pdf?for=court").status_code == 404


@pytest.mark.django_db
def test_the_done_page_offers_the_english_reading_beside_each_reader(client):
    claim = signed_claim(non_delivery())
    client.cookies["rh_language"] = "en"

    page = client.get(f"/c/{claim.token}/done/").content.decode()

    for reader in ("seller", "alipay", "12315"):
        assert f"/c/{claim.token}/statement-english.pdf?for={reader}" in page
    assert "Never send it" in page
