"""The evidence step over HTTP: mixed batches, 4xx refusals, edits, downloads, clean-up."""

import hashlib
import io
import os
import re
from datetime import timedelta

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.utils import timezone
from PIL import Image

from claims.dossier.render import prepare
from claims.models import Claim, Evidence
from tests.evidence.samples import (
    HTML_AS_PNG,
    heic_photo,
    image_bytes,
    mp4_bytes,
    pdf_bytes,
    phone_photo,
    png_header,
    png_zip_polyglot,
    two_tone,
    upload_of,
)
from tests.factories import files_in
from tests.journey import start_claim, step_url, upload, walk_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(client):
    token = start_claim(client)
    walk_to(client, token, "assessment")
    client.cookies["rh_language"] = "en"
    return token


def stored_names(storage) -> list[str]:
    return [str(path) for path in files_in(storage)]


def errors_on(response) -> list[str]:
    return response.context["upload_form"].errors.get("files", [])


def read(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def the_item(token) -> Evidence:
    return Claim.objects.get(token=token).evidence.get()


def url(token, item, action) -> str:
    return f"/c/{token}/evidence/{item.pk}/{action}/"


# -- the mixed batch from a phone --


def test_a_mixed_batch_keeps_the_good_files_and_explains_the_broken_one(
    client, token, private_storage
):
    batch = [
        upload_of(heic_photo(), "IMG_0042.HEIC", "image/heic"),
        upload_of(image_bytes(size=(390, 844)), "订单页.png"),
        upload_of(image_bytes(size=(390, 844), color=(9, 9, 9)), "聊天.png"),
        upload_of(mp4_bytes(), "兑换录屏.mp4", "video/mp4"),
        upload_of(image_bytes(fmt="JPEG")[:150], "broken.jpg", "image/jpeg"),
    ]

    response = upload(client, token, *batch, category="product_state", caption="")

    assert response.status_code == 400
    assert errors_on(response) == ["broken.jpg: This image is damaged or incomplete."]
    page = response.content.decode()
    assert "4 files added." in page
    items = list(Claim.objects.get(token=token).evidence.all())
    assert [item.original_name for item in items] == [
        "IMG_0042.HEIC",
        "订单页.png",
        "聊天.png",
        "兑换录屏.mp4",
    ]
    for item in items:
        assert f'id="item-{item.pk}"' in page
    assert page.count("/thumb/") == 3
    assert "1:24" in page  # the recording's duration
    # 3 images x (original, print, thumbnail) + 1 video original; the broken file left nothing
    assert len(stored_names(private_storage)) == 13


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "empty.png", "This file is empty."),
        (HTML_AS_PNG, "cat.png", "This type of file is not accepted"),
        (image_bytes()[:80], "cut.png", "This image is damaged or incomplete."),
        (png_header(50_000, 50_000), "flood.png", "This image has too many pixels"),
        (mp4_bytes()[:-1000], "cut.mp4", "This video is damaged or incomplete."),
        (pdf_bytes()[:-10], "cut.pdf", "This PDF is damaged or incomplete."),
    ],
)
def test_each_refused_upload_answers_4xx_with_its_message_and_leaves_nothing(
    client, token, private_storage, data, name, message
):
    response = upload(client, token, upload_of(data, name))

    assert response.status_code == 400
    [error] = errors_on(response)
    assert error.startswith(f"{name}: {message}")
    assert message.split(" (")[0] in response.content.decode()
    assert not Evidence.objects.exists()
    assert stored_names(private_storage) == []


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (png_zip_polyglot(), "bill.png", "image"),
        (phone_photo(), "photo.jpg", "image"),
        (heic_photo(), "photo.heic", "image"),
        (mp4_bytes(), "rec.mp4", "video"),
        (mp4_bytes(brand=b"qt  "), "rec.mov", "video"),
        (pdf_bytes(), "statement.pdf", "pdf"),
    ],
)
def test_good_files_are_accepted_with_a_redirect(client, token, data, name, kind):
    response = upload(client, token, upload_of(data, name))

    assert response.status_code == 302
    assert the_item(token).kind == kind


def test_an_upload_without_files_or_category_is_refused_with_a_message(client, token):
    claim = Claim.objects.get(token=token)
    response = client.post(
        step_url(token, "evidence"),
        {f"claim_{claim.pk}-current_step": "evidence", "upload": "1"},
    )
    assert response.status_code == 400
    assert "Choose at least one file." in response.content.decode()


# -- the page --


def test_the_page_gives_its_script_the_limits_and_the_servers_own_words(client, token):
    page = client.get(step_url(token, "evidence")).content.decode()

    assert 'data-room-files="60"' in page
    assert f'data-limit-image="{20 * 1024 * 1024}"' in page
    assert 'data-msg-image="This file is larger than 20 MB."' in page
    assert 'data-msg-video="This file is larger than 200 MB."' in page
    assert 'accept="image/jpeg,' in page
    assert "<script>" not in page and " style=" not in page


def test_the_checklist_follows_the_assessment_and_counts_what_is_covered(client, token):
    before = client.get(step_url(token, "evidence")).context["checklist"]
    assert before.total >= 3 and before.done == 0
    assert before.next_category == "transaction"
    page = client.get(step_url(token, "evidence")).content.decode()
    assert f"0 of {before.total} items covered (0%)" in page
    assert "What good evidence looks like" in page

    upload(client, token, upload_of(image_bytes(), "bill.png"), category="transaction")
    after = client.get(step_url(token, "evidence")).context["checklist"]

    assert after.done == 1
    assert after.items[0].done and not after.items[1].done  # one file ticks one need
    assert after.percent == round(100 / after.total)


def test_the_page_carries_the_authenticity_guidance(client, token):
    page = client.get(step_url(token, "evidence")).content.decode()
    assert "Never edit, crop or retouch a screenshot." in page
    assert "opaque box" in page


# -- downloads --


@pytest.mark.parametrize(
    ("data", "name", "content_type"),
    [(mp4_bytes(), "rec.mp4", "video/mp4"), (pdf_bytes(), "chat.pdf", "application/pdf")],
)
def test_videos_and_pdfs_are_only_ever_downloads(client, token, data, name, content_type):
    upload(client, token, upload_of(data, name))
    item = the_item(token)

    original = client.get(url(token, item, "original"))
    assert original["Content-Disposition"].startswith("attachment;")
    assert original["Content-Type"] == content_type
    assert b"".join(original.streaming_content) == data
    assert client.get(url(token, item, "print")).status_code == 404
    assert client.get(url(token, item, "thumb")).status_code == 404


def test_edits_of_a_file_need_its_claims_token(client, token):
    upload(client, token, upload_of(image_bytes(), "bill.png"))
    item = the_item(token)
    other = start_claim(client)
    for action in ("cover", "rotate", "replace", "caption", "remove"):
        assert client.post(url(other, item, action)).status_code == 404, action
    assert client.get(url(other, item, "cover")).status_code == 404


# -- rotate, cover, replace, caption --


def upload_two_tone(client, token) -> Evidence:
    buffer = io.BytesIO()
    two_tone((400, 200)).save(buffer, format="PNG")
    upload(client, token, upload_of(buffer.getvalue(), "two.png"))
    return the_item(token)


def printed(item) -> Image.Image:
    item.refresh_from_db()
    return Image.open(io.BytesIO(read(item.print_image)))


def test_rotating_turns_the_copies_and_not_the_original(client, token, private_storage):
    item = upload_two_tone(client, token)
    original = read(item.original)

    response = client.post(url(token, item, "rotate"), {"direction": "right"})

    assert response.status_code == 302
    image = printed(item)
    assert image.size == (200, 400)
    assert image.getpixel((100, 20))[2] > 200  # the blue left edge is now on top
    assert read(item.original) == original
    assert (item.rotation, item.width, item.height) == (90, 200, 400)
    assert len(stored_names(private_storage)) == 4  # the old copies are gone

    client.post(url(token, item, "rotate"), {"direction": "left"})
    assert printed(item).size == (400, 200) and item.rotation == 0


def test_covering_paints_opaque_boxes_on_the_copies_only(client, token, private_storage):
    item = upload_two_tone(client, token)
    original, sha = read(item.original), item.sha256

    response = client.post(url(token, item, "cover"), {"boxes": "50,25,25,50"})

    assert response.status_code == 302
    image = printed(item)
    assert image.getpixel((250, 100)) == (0, 0, 0)
    assert max(image.getpixel((350, 100))) > 150  # outside the box: untouched
    assert read(item.original) == original and item.sha256 == sha
    assert item.redactions == [[50.0, 25.0, 25.0, 50.0]]
    assert len(stored_names(private_storage)) == 4
    thumb = Image.open(io.BytesIO(read(item.thumbnail)))
    assert max(thumb.getpixel((thumb.width * 5 // 8, thumb.height // 2))) < 8


def test_boxes_can_be_typed_without_javascript_and_removed_again(client, token):
    item = upload_two_tone(client, token)
    page = client.get(url(token, item, "cover"))
    assert page.status_code == 200
    assert 'name="left"' in page.content.decode()

    client.post(
        url(token, item, "cover"),
        {"boxes": "", "left": "0", "top": "0", "width": "10", "height": "10", "add_more": "1"},
    )
    client.post(
        url(token, item, "cover"),
        {"boxes": "0,0,10,10", "left": "80", "top": "80", "width": "50", "height": "50"},
    )
    item.refresh_from_db()
    assert item.redactions == [[0.0, 0.0, 10.0, 10.0], [80.0, 80.0, 20.0, 20.0]]

    client.post(url(token, item, "cover"), {"boxes": "0,0,10,10;80,80,20,20", "remove": ["0"]})
    item.refresh_from_db()
    assert item.redactions == [[80.0, 80.0, 20.0, 20.0]]
    assert max(printed(item).getpixel((5, 5))) > 150  # uncovered again, from the original


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"boxes": "1,2,3"}, "The boxes could not be read."),
        ({"boxes": "", "left": "5"}, "Give all four numbers for the new box."),
        ({"boxes": "", "left": "99.9", "top": "0", "width": "5", "height": "5"}, "lies outside"),
    ],
)
def test_unreadable_boxes_get_a_message_not_a_500(client, token, data, message):
    item = upload_two_tone(client, token)
    response = client.post(url(token, item, "cover"), data)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_rotating_keeps_boxes_over_the_same_pixels(client, token):
    item = upload_two_tone(client, token)
    client.post(url(token, item, "cover"), {"boxes": "0,0,25,100"})  # the blue fifth

    client.post(url(token, item, "rotate"), {"direction": "right"})

    item.refresh_from_db()
    assert item.redactions == [[0.0, 0.0, 100.0, 25.0]]
    image = printed(item)
    assert max(image.getpixel((100, 20))) < 8


def test_the_dossier_index_says_which_pictures_were_covered(client, token):
    item = upload_two_tone(client, token)
    client.post(url(token, item, "cover"), {"boxes": "0,0,25,100;50,50,10,10"})
    upload(client, token, upload_of(mp4_bytes(), "录屏.mp4"))
    upload(client, token, upload_of(pdf_bytes(), "账单.pdf"))
    claim = Claim.objects.get(token=token)

    html = prepare(claim).html

    assert "已遮盖个人信息 2 处（原件未改动）" in html
    assert "黑色方块为申请人遮盖的个人信息（共 2 处）" in html
    assert "MP4 视频" in html and "时长 1:24" in html
    assert "PDF 文档" in html and "账单.pdf" in html
    video = claim.evidence.get(kind="video")
    assert html.count(video.sha256) == 2  # in the index and on its card
    assert html.count('src="evidence:') == 1  # only the image is embedded


def test_replacing_a_file_keeps_its_place_and_deletes_the_old_one(client, token, private_storage):
    upload(client, token, upload_of(image_bytes(), "old.png"), category="merchant_breach")
    item = the_item(token)
    client.post(url(token, item, "cover"), {"boxes": "0,0,10,10"})
    item.refresh_from_db()
    old_names = [f.name for f in item.stored_files()]

    response = client.post(
        url(token, item, "replace"), {"file": upload_of(mp4_bytes(), "new.mp4", "video/mp4")}
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.pk, item.category, item.caption) == (item.pk, "merchant_breach", "支付宝账单")
    assert (item.original_name, item.kind, item.redactions) == ("new.mp4", "video", [])
    assert item.sha256 == hashlib.sha256(mp4_bytes()).hexdigest()
    assert not any(private_storage.exists(name) for name in old_names)
    assert len(stored_names(private_storage)) == 1


def test_a_refused_replacement_keeps_the_old_file_and_leaves_nothing(
    client, token, private_storage
):
    upload(client, token, upload_of(image_bytes(), "old.png"))
    item = the_item(token)
    before = stored_names(private_storage)

    response = client.post(url(token, item, "replace"), {"file": upload_of(HTML_AS_PNG, "x.png")})

    assert response.status_code == 400
    assert "This type of file is not accepted" in response.content.decode()
    assert stored_names(private_storage) == before
    assert the_item(token).original_name == "old.png"


def test_the_caption_form_also_changes_the_category(client, token):
    upload(client, token, upload_of(image_bytes(), "a.png"), category="other")
    item = the_item(token)

    client.post(url(token, item, "caption"), {"caption": "客服回复", "category": "merchant_breach"})

    item.refresh_from_db()
    assert (item.caption, item.category) == ("客服回复", "merchant_breach")


# -- nothing left behind --


def test_deleting_a_claim_removes_every_kind_of_file(client, token, private_storage):
    for data, name in [(heic_photo(), "a.heic"), (mp4_bytes(), "b.mp4"), (pdf_bytes(), "c.pdf")]:
        upload(client, token, upload_of(data, name))
    assert len(stored_names(private_storage)) == 6

    client.post(f"/c/{token}/delete/")

    assert stored_names(private_storage) == []


def age(storage, name, minutes):
    """Make a stored file look minutes older: its mtime in a folder; in a bucket, whose
    server sets the time, what the storage reports for it."""
    if isinstance(storage, FileSystemStorage):
        stamp = (timezone.now() - timedelta(minutes=minutes)).timestamp()
        os.utime(storage.path(name), (stamp, stamp))
        return
    reported = storage.get_modified_time

    def get_modified_time(asked):
        return reported(asked) - timedelta(minutes=minutes if asked == name else 0)

    storage.get_modified_time = get_modified_time


def test_purge_orphan_files_finds_files_that_belong_to_no_claim(
    client, token, private_storage, capsys
):
    upload(client, token, upload_of(image_bytes(), "kept.png"))
    kept = [f.name for f in the_item(token).stored_files()]
    stray = private_storage.save("originals/stray.png", io.BytesIO(b"left by a crash"))
    fresh = private_storage.save("print/fresh.jpg", io.BytesIO(b"being saved now"))
    claim = Claim.objects.get(token=token)
    cached = private_storage.save(f"dossiers/{claim.pk}/cached.pdf", io.BytesIO(b"%PDF-"))
    gone = private_storage.save("dossiers/999999/cached.pdf", io.BytesIO(b"%PDF-"))
    for name in (stray, cached, gone):
        age(private_storage, name, minutes=120)

    call_command("purge_orphan_files", "--dry-run")
    out = capsys.readouterr().out
    assert stray in out and gone in out and "Would delete 2 orphan file(s)." in out
    assert private_storage.exists(stray)

    call_command("purge_orphan_files")

    assert not private_storage.exists(stray)
    assert not private_storage.exists(gone)  # its claim no longer exists
    assert private_storage.exists(cached)  # the live claim's cached dossier stays
    assert private_storage.exists(fresh)  # too young: an upload may be saving it
    assert all(private_storage.exists(name) for name in kept)


def test_a_bulk_delete_of_claims_leaves_files_only_until_the_purge(
    client, token, private_storage, django_capture_on_commit_callbacks
):
    upload(client, token, upload_of(image_bytes(), "a.png"))

    with django_capture_on_commit_callbacks(execute=True):
        Claim.objects.all().delete()

    assert stored_names(private_storage) == []


def test_the_evidence_page_has_no_inline_handlers(client, token):
    upload(client, token, upload_of(image_bytes(), "a.png"))
    page = client.get(step_url(token, "evidence")).content.decode()
    assert not re.search(r"\son[a-z]+=", page)


def test_a_bad_rotation_is_explained_not_a_404(client, token):
    upload(client, token, upload_of(image_bytes(), "a.png"))
    item = the_item(token)
    response = client.post(
        f"/c/{token}/evidence/{item.pk}/rotate/", {"direction": "up"}, follow=True
    )
    assert response.status_code == 200
    assert "Choose which way to turn the picture." in response.content.decode()


def test_a_file_cannot_become_a_payment_record_without_its_confirmation(client, token):
    upload(client, token, upload_of(image_bytes(), "a.png"), category="other")
    item = the_item(token)
    response = client.post(
        f"/c/{token}/evidence/{item.pk}/caption/",
        {"caption": "账单", "category": "transaction"},
        follow=True,
    )
    item.refresh_from_db()
    assert (item.caption, item.category) == ("账单", "other")
    assert "upload it again under" in response.content.decode()
