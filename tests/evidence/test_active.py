"""Originals keep what is evidence and lose what acts (issue 15 item 2), before hashing."""

import hashlib
import io

import pikepdf
import pytest
from django.test import override_settings
from django.utils import translation
from pypdf import PdfReader

from claims.dossier.manifest import new_manifest, numbered_exhibits
from claims.dossier.render import prepare, render_archive
from claims.evidence import active
from claims.evidence.metadata import without_location
from claims.evidence.pipeline import EvidenceRejected, replace_file, store_upload
from claims.models import Evidence
from tests.evidence.active_samples import (
    ACTIVE_PDFS,
    ALERT,
    HTML_PAYLOAD,
    PAYLOAD,
    jpeg_with_thumbnail,
    locked_pdf,
    many_objects,
    opens_at_first_page,
    picture,
    script_behind_a_bomb,
    signed_pdf,
    statement_with_a_link,
    zip_payload,
)
from tests.evidence.crafted_pdfs import SHOWN_TEXT, document, pages
from tests.evidence.samples import heic_photo, upload_of
from tests.factories import make_claim
from tests.journey import start_claim, upload, walk_to

pytestmark = pytest.mark.django_db


def store(data: bytes, name: str) -> Evidence:
    return store_upload(make_claim(), upload_of(data, name), category="other", caption="")


def read(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def rejection(data: bytes, name="statement.pdf") -> str:
    with translation.override("en"), pytest.raises(EvidenceRejected) as raised:
        store(data, name)
    return str(raised.value)


def page_count(data: bytes) -> int:
    with pikepdf.Pdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


# -- PDFs ------------------------------------------------------------------------------------


@pytest.mark.parametrize("data", ACTIVE_PDFS.values(), ids=ACTIVE_PDFS.keys())
def test_it_rewrites_a_pdf_that_acts_without_what_acts_and_marks_it(data):
    assert active.active_content(data)  # the sample does act

    item = store(data, "statement.pdf")

    kept = read(item.original)
    assert kept != data
    assert active.active_content(kept) == set()
    assert ALERT not in kept and PAYLOAD not in kept and b"phish.example" not in kept
    assert page_count(kept) == 1  # the evidence itself stays
    assert item.active_content_removed
    assert (item.size, item.sha256) == (len(kept), hashlib.sha256(kept).hexdigest())


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(document(pages([SHOWN_TEXT])), id="plain"),
        pytest.param(signed_pdf(), id="signed"),
        pytest.param(opens_at_first_page(), id="opens-at-page-1"),
        pytest.param(statement_with_a_link(), id="a-link-to-click"),
    ],
)
def test_it_keeps_a_pdf_without_active_content_byte_for_byte(data):
    item = store(data, "statement.pdf")

    assert read(item.original) == data
    assert item.sha256 == hashlib.sha256(data).hexdigest()
    assert not item.active_content_removed


def test_a_replaced_file_is_cleaned_the_same_way():
    item = store(document(pages([SHOWN_TEXT])), "statement.pdf")

    replace_file(item, upload_of(ACTIVE_PDFS["launch"], "statement.pdf"))

    item.refresh_from_db()
    assert item.active_content_removed
    assert active.active_content(read(item.original)) == set()


def test_a_pdf_qpdf_cannot_read_is_refused_as_damaged(private_storage):
    assert rejection(b"%PDF-1.7\n" + bytes(300) + b"\n%%EOF\n") == (
        "This PDF is damaged or incomplete."
    )
    assert not Evidence.objects.exists()


def test_a_pdf_locked_with_a_password_is_refused():
    assert rejection(locked_pdf()) == (
        "This PDF is locked with a password. Upload a copy without the password."
    )


def test_a_script_behind_an_object_stream_bomb_is_refused_not_passed_as_clean(monkeypatch):
    bomb = script_behind_a_bomb(8 * 1024 * 1024)
    assert len(bomb) < 64 * 1024
    assert active.active_content(bomb)  # read without limits, the script is there
    monkeypatch.setattr(active, "FLATE_MAX_BYTES", 1024 * 1024)

    assert rejection(bomb).startswith("This PDF is too complex to check.")
    assert not Evidence.objects.exists()


def test_a_pdf_that_would_take_too_long_to_check_is_refused(monkeypatch):
    data = many_objects(300)
    assert store(data, "fine.pdf").sha256 == hashlib.sha256(data).hexdigest()
    monkeypatch.setattr(active, "CPU_SECONDS", 0)

    assert rejection(data).startswith("This PDF is too complex to check.")


@override_settings(EVIDENCE_MAX_PDF_BYTES=1024)
def test_a_pdf_over_the_size_limit_is_refused_before_qpdf_reads_it(monkeypatch):
    def never(data):
        raise AssertionError("parsed")

    monkeypatch.setattr(active, "clean_pdf", never)

    assert rejection(many_objects(50)) == "This file is larger than 1 MB."


def test_qpdf_limits_are_put_back_after_a_check():
    before = pikepdf.settings.get_qpdf_limits()

    active.clean_pdf(ACTIVE_PDFS["launch"])

    assert pikepdf.settings.get_qpdf_limits() == before


# -- pictures --------------------------------------------------------------------------------

PICTURES = [
    pytest.param(picture("JPEG"), "photo.jpg", id="jpeg"),
    pytest.param(picture("JPEG", progressive=True), "photo.jpg", id="progressive-jpeg"),
    pytest.param(jpeg_with_thumbnail(), "photo.jpg", id="jpeg-with-thumbnail"),
    pytest.param(picture("PNG"), "shot.png", id="png"),
    pytest.param(picture("WEBP"), "shot.webp", id="webp"),
    pytest.param(picture("GIF"), "shot.gif", id="gif"),
    pytest.param(heic_photo(), "IMG_0001.HEIC", id="heic"),
]


@pytest.mark.parametrize("payload", [zip_payload(), HTML_PAYLOAD], ids=["zip", "html"])
@pytest.mark.parametrize(("data", "name"), PICTURES)
def test_a_picture_is_kept_without_what_was_appended_to_it(data, name, payload):
    item = store(data + payload, name)

    # What is kept is the picture less the payload, then less its location (evidence.metadata).
    expected = without_location(data)
    kept = read(item.original)
    assert kept == expected
    assert (item.size, item.sha256) == (len(expected), hashlib.sha256(expected).hexdigest())


@pytest.mark.parametrize(("data", "name"), PICTURES)
def test_a_picture_with_nothing_appended_is_kept_byte_for_byte(data, name):
    assert active.cut_image(data) == data


def test_a_jpeg_is_cut_after_its_own_end_not_after_its_thumbnails():
    data = jpeg_with_thumbnail()
    thumbnail_end = data.index(b"\xff\xd9") + 2
    assert thumbnail_end < len(data) - 100  # the thumbnail's end marker comes first

    assert active.cut_image(data + zip_payload()) == data


# -- what the dossier holds ----------------------------------------------------------------


def test_the_archive_copy_embeds_the_cleaned_originals_and_the_index_says_so():
    claim = make_claim(signed_name="李明")
    screenshot = picture("PNG")
    for data, name in [(screenshot + zip_payload(), "bill.png"), (ACTIVE_PDFS["launch"], "a.pdf")]:
        store_upload(claim, upload_of(data, name), category="other", caption="")
    claim.refresh_from_db()
    manifest = new_manifest(claim, numbered_exhibits(claim))

    archive = PdfReader(io.BytesIO(render_archive(claim, manifest=manifest)))

    attached = {name: contents[0] for name, contents in archive.attachments.items()}
    assert attached["exhibit-01-original.png"] == screenshot
    kept_pdf = attached["exhibit-02-original.pdf"]
    assert active.active_content(kept_pdf) == set()
    assert kept_pdf == read(claim.evidence.get(kind="pdf").original)
    html = prepare(claim).html
    assert html.count("已移除文件中的脚本、自动动作和内嵌文件") == 1


def test_the_evidence_page_marks_the_changed_pdf_and_refuses_a_locked_one_on_the_same_page(
    client,
):
    token = start_claim(client)
    client.cookies["rh_language"] = "en"
    walk_to(client, token, "evidence")
    changed = upload_of(ACTIVE_PDFS["document-javascript"], "statement.pdf", "application/pdf")
    untouched = upload_of(signed_pdf(), "signed.pdf", "application/pdf")

    response = upload(client, token, changed, untouched, category="other", payment_consent=False)

    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert page.count("Scripts, automatic actions and embedded files were removed") == 1
    locked = upload_of(locked_pdf(), "locked.pdf", "application/pdf")
    response = upload(client, token, locked, category="other", payment_consent=False)
    assert response.status_code == 400
    assert "locked.pdf: This PDF is locked with a password." in response.content.decode()
