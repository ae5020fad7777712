"""One content is one exhibit, and one upload form uploads once (issue 14 item 7)."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import timezone

from claims.evidence import pipeline
from claims.evidence.pipeline import DuplicateEvidence, store_upload
from claims.models import Claim, Evidence, FormToken
from tests.concurrent import at_once, database_on_disk
from tests.factories import files_in, make_claim, png
from tests.journey import image_file, start_claim, step_url, upload, walk_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(client):
    token = start_claim(client)
    walk_to(client, token, "assessment")
    return token


def names_of(token) -> list[str]:
    return list(Claim.objects.get(token=token).evidence.values_list("original_name", flat=True))


def page_after(client, response) -> str:
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response.url).content.decode()


def rendered_token(client, token) -> str:
    return client.get(step_url(token, "evidence")).context["upload_form"]["once"].value()


def upload_with(client, token, once, *files):
    """The journey's upload, carrying the token of a rendered form as the page would."""
    claim = Claim.objects.get(token=token)
    data = {
        f"claim_{claim.pk}-current_step": "evidence",
        "upload-category": "transaction",
        "upload-payment_consent": "on",
        "upload-caption": "",
        "upload-files": list(files),
        "upload-once": once,
        "upload": "1",
    }
    return client.post(step_url(token, "evidence"), data)


# -- the same bytes ------------------------------------------------------------------------


def test_the_same_file_uploaded_twice_is_one_exhibit_and_the_user_is_told(client, token):
    upload(client, token, image_file("付款截图.png"))

    again = upload(client, token, image_file("付款截图.png"))

    assert names_of(token) == ["付款截图.png"]
    assert "付款截图.png 已上传过（付款和订单），没有重复保存。" in page_after(client, again)


def test_the_message_names_the_earlier_file_in_both_languages(client, token):
    upload(client, token, image_file("bill.png"))
    client.cookies["rh_language"] = "en"

    again = upload(client, token, image_file("copy of bill.png"))

    assert names_of(token) == ["bill.png"]
    assert (
        "copy of bill.png has the same content as “bill.png”, already uploaded "
        "(Payment and order): it was not saved again."
    ) in page_after(client, again)


def test_a_known_file_in_a_batch_neither_counts_as_added_nor_spoils_the_rest(client, token):
    upload(client, token, image_file("bill.png"))

    batch = upload(client, token, image_file("bill.png"), image_file("order.png", color=(9, 9, 9)))

    assert names_of(token) == ["bill.png", "order.png"]
    page = page_after(client, batch)
    assert "已添加 1 个文件。" in page
    assert "bill.png 已上传过" in page


def test_different_files_are_all_stored(client, token):
    upload(client, token, image_file("a.png", color=(200, 0, 0)), image_file("b.png"))

    assert names_of(token) == ["a.png", "b.png"]


def test_the_same_file_twice_in_one_batch_is_stored_once(client, token):
    upload(client, token, image_file("a.png"), image_file("a.png"))

    assert names_of(token) == ["a.png"]


def test_a_concurrent_upload_of_the_same_bytes_loses_and_leaves_no_file(
    monkeypatch, private_storage
):
    """Request A checks (nothing there) and stores its files; request B does all of that and
    saves its row first; A's row then meets the unique constraint."""
    claim = make_claim()
    data = png()
    store_files = pipeline._store_files

    def the_other_request_finishes_first(item, examined, uploaded):
        store_files(item, examined, uploaded)
        monkeypatch.setattr(pipeline, "_store_files", store_files)
        store_upload(claim, SimpleUploadedFile("b.png", data), category="other", caption="")

    monkeypatch.setattr(pipeline, "_store_files", the_other_request_finishes_first)

    with pytest.raises(DuplicateEvidence) as refused:
        store_upload(claim, SimpleUploadedFile("a.png", data), category="other", caption="")

    assert "b.png" in str(refused.value)
    assert list(claim.evidence.values_list("original_name", flat=True)) == ["b.png"]
    assert len(files_in(private_storage)) == 4  # the winner's original, print copy, two thumbnails


@pytest.mark.django_db(transaction=True)
def test_two_uploads_of_the_same_bytes_at_the_same_moment_end_as_one_exhibit(
    client, tmp_path, private_storage
):
    with database_on_disk(tmp_path):
        token = start_claim(client)
        walk_to(client, token, "assessment")
        data = png(size=(1200, 1600))

        def send(name):
            return lambda: upload(Client(), token, SimpleUploadedFile(name, data))

        responses = at_once(send("a.png"), send("b.png"))

        assert [response.status_code for response in responses] == [302, 302]
        assert len(names_of(token)) == 1
        assert len(files_in(private_storage)) == 4


def test_a_file_cannot_be_replaced_by_another_exhibits_content(client, token):
    upload(client, token, image_file("a.png", color=(200, 0, 0)), image_file("b.png"))
    _first, second = Claim.objects.get(token=token).evidence.all()
    client.cookies["rh_language"] = "en"

    response = client.post(
        f"/c/{token}/evidence/{second.pk}/replace/",
        {"file": image_file("again.png", color=(200, 0, 0))},
    )

    assert response.status_code == 400
    assert "has the same content as “a.png”" in response.content.decode()
    second.refresh_from_db()
    assert second.original_name == "b.png"


def test_a_known_screenshot_on_the_order_step_is_announced_not_refused(client):
    token = start_claim(client)
    client.cookies["rh_language"] = "en"
    data = {"screenshot": image_file("alipay.png"), "payment_consent": "on"}
    client.post(f"/c/{token}/screenshot/", data)

    again = client.post(
        f"/c/{token}/screenshot/", {"screenshot": image_file("alipay.png"), "payment_consent": "on"}
    )

    assert "alipay.png was already uploaded" in page_after(client, again)
    assert names_of(token) == ["alipay.png"]


# -- the same form -------------------------------------------------------------------------


def test_an_upload_form_posted_twice_uploads_once(client, token):
    once = rendered_token(client, token)

    first = upload_with(client, token, once, image_file("a.png", color=(200, 0, 0)))
    second = upload_with(client, token, once, image_file("b.png"))

    assert first.url == second.url == step_url(token, "evidence")
    assert names_of(token) == ["a.png"]
    assert "这些文件已经收到，列在下方。" in page_after(client, second)


def test_a_repeat_while_the_first_upload_still_saves_says_so(client, token):
    once = rendered_token(client, token)
    FormToken.objects.create(claim=Claim.objects.get(token=token), token=once)  # no landing yet

    response = upload_with(client, token, once, image_file("a.png"))

    assert response.url == step_url(token, "evidence")
    assert names_of(token) == []
    assert "这些文件仍在保存中，请稍后刷新本页查看。" in page_after(client, response)


def test_a_page_shown_again_with_refused_files_carries_a_new_token(client, token):
    once = rendered_token(client, token)
    broken = SimpleUploadedFile("broken.png", b"not a picture")

    response = upload_with(client, token, once, image_file("a.png"), broken)
    fresh = response.context["upload_form"]["once"].value()
    retried = upload_with(client, token, fresh, image_file("b.png", color=(9, 9, 9)))

    assert response.status_code == 400
    assert fresh != once
    assert f'value="{fresh}"' in response.content.decode()
    assert retried.status_code == 302
    assert names_of(token) == ["a.png", "b.png"]


# Found by the hostile run after the fixes: a refused upload used up its token.
def test_a_token_whose_upload_saved_nothing_can_be_posted_again(client, token):
    once = rendered_token(client, token)
    broken = SimpleUploadedFile("broken.png", b"\x89PNG\r\n\x1a\n" + b"garbage" * 50)

    refused = upload_with(client, token, once, broken)
    retried = upload_with(client, token, once, image_file("good.png", color=(9, 9, 9)))

    assert refused.status_code == 400
    assert names_of(token) == ["good.png"]
    assert "这些文件已经收到，列在下方。" not in page_after(client, retried)


def test_the_upload_form_carries_its_token_hidden(client, token):
    page = client.get(step_url(token, "evidence")).content.decode()

    assert 'type="hidden" name="upload-once"' in page
    assert 'id="field-upload-once"' not in page


# -- earlier data --------------------------------------------------------------------------


@pytest.fixture
def back_to_latest_afterwards():
    """However the test ends, the database is left fully migrated for the tests after it."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_latest_afterwards")
def test_the_migration_keeps_the_first_copy_of_earlier_duplicates():
    before, after = (
        [("claims", "0007_claim_signed_digest")],
        [("claims", "0009_one_exhibit_per_content")],
    )
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    claim = old.get_model("claims", "Claim").objects.create(
        consent_version="test", consented_at=timezone.now()
    )
    rows = {}
    for name, sha256 in (("first.png", "a" * 64), ("other.png", "b" * 64), ("again.png", "a" * 64)):
        rows[name] = old.get_model("claims", "Evidence").objects.create(
            claim=claim,
            category="transaction",
            original_name=name,
            content_type="image/png",
            size=1,
            sha256=sha256,
            original=f"originals/{name}",
        )
    event = old.get_model("claims", "ClaimEvent").objects.create(
        claim=claim, kind="sent", happened_on=date(2026, 11, 21), evidence=rows["again.png"]
    )

    executor = MigrationExecutor(connection)
    executor.migrate(after)

    kept = Evidence.objects.filter(claim_id=claim.pk)
    assert list(kept.values_list("original_name", flat=True)) == ["first.png", "other.png"]
    assert (
        Claim.objects.get(pk=claim.pk).events.get(pk=event.pk).evidence_id == rows["first.png"].pk
    )
