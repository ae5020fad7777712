"""Slow evidence work racing a removal: the removed stays removed, and nothing is left behind.

Each race is made deterministic by deleting the row inside the slow step (deriving the copies,
examining the new file), between the request loading the row and saving it.
"""

import pytest

from claims.evidence import pipeline
from claims.models import Claim, Evidence, RowGone
from tests.evidence.samples import image_bytes, mp4_bytes, upload_of
from tests.factories import files_in
from tests.journey import start_claim, upload, walk_to

# Real transactions, as in production: foreign keys are checked, a failed save ends its own.
pytestmark = pytest.mark.django_db(transaction=True)

NOT_FOUND = "This link does not open anything."


@pytest.fixture
def token(client):
    token = start_claim(client)
    walk_to(client, token, "assessment")
    client.cookies["rh_language"] = "en"
    return token


def stored_names(storage) -> list[str]:
    return [str(path) for path in files_in(storage)]


def the_item(token) -> Evidence:
    return Claim.objects.get(token=token).evidence.get()


def url(token, item, action) -> str:
    return f"/c/{token}/evidence/{item.pk}/{action}/"


def after(delete, slow_step):
    """slow_step, with `delete` run first: what another tab does while this request works."""

    def racing(*args, **kwargs):
        delete()
        return slow_step(*args, **kwargs)

    return racing


def remove(item):
    return lambda: Evidence.objects.get(pk=item.pk).delete_with_files()


def delete_claim(token):
    return lambda: Claim.objects.get(token=token).delete_with_files()


def is_claim_not_found(response) -> bool:
    return response.status_code == 404 and NOT_FOUND in response.content.decode()


# -- item 5: Remove racing rotate, cover, replace, caption --


def test_it_keeps_an_item_removed_while_rotating_removed(
    client, token, private_storage, monkeypatch
):
    upload(client, token, upload_of(image_bytes(), "bill.png"))
    item = the_item(token)
    monkeypatch.setattr(pipeline, "derive_image", after(remove(item), pipeline.derive_image))

    response = client.post(url(token, item, "rotate"), {"direction": "right"})

    assert is_claim_not_found(response)
    assert not Evidence.objects.filter(pk=item.pk).exists()
    assert stored_names(private_storage) == []  # the copies made for the rotation went too


def test_it_keeps_an_item_removed_while_covering_removed(
    client, token, private_storage, monkeypatch
):
    upload(client, token, upload_of(image_bytes(), "bill.png"))
    item = the_item(token)
    monkeypatch.setattr(pipeline, "derive_image", after(remove(item), pipeline.derive_image))

    response = client.post(url(token, item, "cover"), {"boxes": "10,10,20,20"})

    assert is_claim_not_found(response)
    assert not Evidence.objects.filter(pk=item.pk).exists()
    assert stored_names(private_storage) == []


def test_it_keeps_an_item_removed_while_replacing_removed(
    client, token, private_storage, monkeypatch
):
    upload(client, token, upload_of(image_bytes(), "old.png"))
    item = the_item(token)
    monkeypatch.setattr(pipeline, "examine", after(remove(item), pipeline.examine))

    response = client.post(
        url(token, item, "replace"), {"file": upload_of(mp4_bytes(), "new.mp4", "video/mp4")}
    )

    assert is_claim_not_found(response)
    assert not Evidence.objects.filter(pk=item.pk).exists()
    assert stored_names(private_storage) == []  # neither the old file nor the new one


def test_it_ends_a_rotation_whose_original_went_with_the_item(client, token, private_storage):
    upload(client, token, upload_of(image_bytes(), "bill.png"))
    item = the_item(token)
    Evidence.objects.get(pk=item.pk).delete_with_files()

    with pytest.raises(RowGone):
        pipeline.rotate(item, 1)

    assert not Evidence.objects.filter(pk=item.pk).exists()
    assert stored_names(private_storage) == []


def test_it_does_not_bring_back_a_caption_of_a_removed_item(client, token):
    upload(client, token, upload_of(image_bytes(), "bill.png"))
    item = the_item(token)
    Evidence.objects.filter(pk=item.pk).delete()

    with pytest.raises(RowGone):
        item.caption = "新的说明"
        item.save()

    assert not Evidence.objects.filter(pk=item.pk).exists()


# -- item 6: an upload or a rotation racing "delete this claim" --


def test_an_upload_racing_the_claims_deletion_gets_the_claim_not_found_page(
    client, token, private_storage, monkeypatch
):
    claim = Claim.objects.get(token=token)
    monkeypatch.setattr(pipeline, "derive_image", after(delete_claim(token), pipeline.derive_image))

    response = upload(client, token, upload_of(image_bytes(), "bill.png"))

    assert is_claim_not_found(response)
    assert not Claim.objects.filter(pk=claim.pk).exists()
    assert not Evidence.objects.filter(claim_id=claim.pk).exists()
    assert stored_names(private_storage) == []  # the upload's files are not left behind


def test_a_video_upload_racing_the_claims_deletion_leaves_no_file(
    client, token, private_storage, monkeypatch
):
    monkeypatch.setattr(pipeline, "examine", after(delete_claim(token), pipeline.examine))

    response = upload(client, token, upload_of(mp4_bytes(), "录屏.mp4", "video/mp4"))

    assert is_claim_not_found(response)
    assert not Evidence.objects.exists()
    assert stored_names(private_storage) == []


def test_a_rotation_racing_the_claims_deletion_gets_the_claim_not_found_page(
    client, token, private_storage, monkeypatch
):
    upload(client, token, upload_of(image_bytes(), "bill.png"))
    item = the_item(token)
    monkeypatch.setattr(pipeline, "derive_image", after(delete_claim(token), pipeline.derive_image))

    response = client.post(url(token, item, "rotate"), {"direction": "left"})

    assert is_claim_not_found(response)
    assert not Claim.objects.filter(token=token).exists()
    assert not Evidence.objects.filter(pk=item.pk).exists()
    assert stored_names(private_storage) == []


def test_removing_a_file_of_a_deleted_claim_gets_the_claim_not_found_page(
    client, token, monkeypatch
):
    upload(client, token, upload_of(image_bytes(), "bill.png"))
    item = the_item(token)
    monkeypatch.setattr(
        Evidence, "delete_with_files", after(delete_claim(token), Evidence.delete_with_files)
    )

    response = client.post(url(token, item, "remove"))

    assert is_claim_not_found(response)
    assert not Claim.objects.filter(token=token).exists()
