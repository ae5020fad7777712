"""PDF and video exhibits reach the reader: a PDF's pages and a recording's key frames."""

import io
import re

import pytest
from pypdf import PdfReader

from claims import tasks
from claims.dossier.cache import content_digest
from claims.dossier.render import render_dossier
from claims.evidence import exhibit_images
from claims.evidence.pipeline import store_upload
from claims.wizard.signature import sign
from tests.dossier_worker import download
from tests.evidence.samples import mp4_bytes, statement_pdf, upload_of
from tests.factories import add_evidence, make_claim

pytestmark = pytest.mark.django_db
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
IMAGE_DRAWN = re.compile(rb"/(\w+) Do\b")


def attach(claim, data: bytes, name: str, caption: str, *, queue=True):
    kind = "application/pdf" if name.endswith(".pdf") else "video/mp4"
    item = store_upload(
        claim, upload_of(data, name, kind), category="merchant_breach", caption=caption
    )
    sign(claim, claim.signed_name)  # a file added after signing is signed again
    if queue:
        tasks.request_exhibit_images([item])
    return item


def flat(text: str) -> str:
    return re.sub(r"\s", "", text)


def pages_of(pdf: bytes) -> list[tuple[str, int]]:
    """(text without whitespace, number of images drawn) of every page."""
    reader = PdfReader(io.BytesIO(pdf))
    return [
        (flat(page.extract_text()), len(IMAGE_DRAWN.findall(page.get_contents().get_data())))
        for page in reader.pages
    ]


def image_xobjects(pdf: bytes) -> int:
    """How many distinct images the pages draw."""
    reader = PdfReader(io.BytesIO(pdf))
    found = set()
    for page in reader.pages:
        xobjects = page["/Resources"].get("/XObject") or {}
        for name in xobjects:
            if xobjects[name]["/Subtype"] == "/Image":
                found.add(xobjects.raw_get(name).idnum)
    return len(found)


def exhibit_pages(pages, number: int) -> list[tuple[str, int]]:
    """The pages of exhibit `number`: its own page and the pages continuing it."""
    found = [
        index for index, (text, _drawn) in enumerate(pages) if text.startswith(f"证据{number}：")
    ]
    start = found[0]
    end = start + 1
    while end < len(pages) and f"证据{number}（续）" in pages[end][0]:
        end += 1
    return pages[start:end]


@pytest.fixture(autouse=True)
def tasks_run_at_once(settings):
    settings.TASKS = IMMEDIATE
    settings.EXHIBIT_PDF_MAX_PAGES = 10


def test_a_pdf_exhibit_prints_its_first_pages_and_says_what_was_left_out():
    claim = make_claim(signed_name="李明")
    attach(claim, statement_pdf(12), "聊天记录导出.pdf", "与商家的聊天记录")

    pages = pages_of(render_dossier(claim))

    printed = exhibit_pages(pages, 1)
    assert [drawn for _text, drawn in printed] == [1] * 10  # one page of the PDF a sheet
    assert "本文件共12页，此处列出第1–10页；其余页面见原件。" in printed[0][0]
    assert [f"第{n}页" in text for n, (text, _drawn) in enumerate(printed, start=1)] == [True] * 10


def test_a_pdf_within_the_limit_prints_every_page_without_a_note():
    claim = make_claim(signed_name="李明")
    attach(claim, statement_pdf(3), "账单.pdf", "银行流水")

    printed = exhibit_pages(pages_of(render_dossier(claim)), 1)

    assert [drawn for _text, drawn in printed] == [1, 1, 1]
    assert "其余页面见原件" not in printed[0][0]


def test_a_recording_prints_its_key_frames_with_their_times():
    claim = make_claim(signed_name="李明")
    attach(claim, mp4_bytes(duration=5_000, size=(180, 320), fps=10), "录屏.mp4", "兑换报错")

    printed = exhibit_pages(pages_of(render_dossier(claim)), 1)

    text, drawn = printed[0]
    assert drawn == 6
    assert "时长0:05" in text
    assert "0:000:010:020:030:040:04" in text  # each frame's time under it, in order


def test_the_eight_frames_of_a_phone_recording_fit_on_the_exhibits_own_page():
    claim = make_claim(signed_name="李明")
    attach(claim, mp4_bytes(duration=8_000, size=(1170, 2532), fps=2), "录屏.mp4", "兑换报错")

    printed = exhibit_pages(pages_of(render_dossier(claim)), 1)

    assert printed[0][1] == 8


def test_the_dossier_holds_one_image_per_page_and_frame_beside_the_photos():
    claim = make_claim(signed_name="李明")
    add_evidence(claim)
    attach(claim, statement_pdf(12), "chat.pdf", "")
    attach(claim, mp4_bytes(duration=5_000, size=(180, 320), fps=10), "rec.mp4", "")

    assert image_xobjects(render_dossier(claim)) == 1 + 10 + 6


def test_pictures_not_made_yet_are_said_to_be_on_their_way(settings):
    settings.TASKS = DATABASE  # queued, not run
    claim = make_claim(signed_name="李明")
    attach(claim, statement_pdf(2), "chat.pdf", "")

    text, drawn = exhibit_pages(pages_of(render_dossier(claim)), 1)[0]

    assert drawn == 0
    assert "此PDF文件的页面图像尚在生成中，因此未在此列出" in text


def test_pictures_that_could_not_be_made_are_said_to_be_missing():
    claim = make_claim(signed_name="李明")
    # Unreadable uploads are refused at the door; this one is damaged on the storage since.
    item = attach(claim, statement_pdf(1), "statement.pdf", "", queue=False)
    with item.original.storage.open(item.original.name, "wb") as handle:
        handle.write(b"%PDF-1.7\n" + bytes(200) + b"\n%%EOF\n")
    tasks.request_exhibit_images([item])

    text, drawn = exhibit_pages(pages_of(render_dossier(claim)), 1)[0]

    assert drawn == 0
    assert "无法从此PDF文件生成页面图像" in text


def test_the_cached_dossier_is_not_served_once_the_pictures_are_ready(settings):
    settings.TASKS = DATABASE
    claim = make_claim(signed_name="李明")
    item = attach(claim, statement_pdf(2), "chat.pdf", "")
    before = content_digest(claim)

    exhibit_images.make_images(item.pk)

    assert exhibit_images.state_of(type(item).objects.get(pk=item.pk)).ready
    assert content_digest(claim) != before


def test_the_download_asks_for_pictures_an_older_upload_never_had(client):
    claim = make_claim(signed_name="李明")
    attach(claim, statement_pdf(2), "chat.pdf", "", queue=False)  # as before pictures existed

    response = download(client, f"/c/{claim.token}/dossier.pdf")

    printed = exhibit_pages(pages_of(response.content), 1)
    assert [drawn for _text, drawn in printed] == [1, 1]
