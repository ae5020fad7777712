"""A claim opens only with its token: its pages, its files, its dossier."""

import pytest

from claims.models import Claim
from tests.journey import image_file, start_claim, step_url, upload, walk_to

OTHER_TOKEN = "x" * 43


@pytest.fixture
def claim_with_file(client):
    token = start_claim(client)
    walk_to(client, token, "assessment")
    upload(client, token, image_file())
    claim = Claim.objects.get(token=token)
    return claim, claim.evidence.get()


@pytest.mark.django_db
@pytest.mark.parametrize("variant", ["thumb", "print", "original"])
def test_it_serves_a_file_to_the_holder_of_the_token(client, claim_with_file, variant):
    claim, item = claim_with_file
    response = client.get(f"/c/{claim.token}/evidence/{item.pk}/{variant}/")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body[:3] == (b"\x89PN" if variant == "original" else b"\xff\xd8\xff")


@pytest.mark.django_db
def test_it_offers_the_original_only_as_a_download(client, claim_with_file):
    claim, item = claim_with_file
    response = client.get(f"/c/{claim.token}/evidence/{item.pk}/original/")
    response.close()
    assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.django_db
@pytest.mark.parametrize("variant", ["thumb", "print", "original"])
def test_it_refuses_files_without_the_token(client, claim_with_file, variant):
    _claim, item = claim_with_file
    response = client.get(f"/c/{OTHER_TOKEN}/evidence/{item.pk}/{variant}/")
    assert response.status_code == 404


@pytest.mark.django_db
def test_it_refuses_another_claims_file_under_a_valid_token(client, claim_with_file):
    _claim, item = claim_with_file
    other = start_claim(client)
    response = client.get(f"/c/{other}/evidence/{item.pk}/print/")
    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "",
        "order/",
        "done/",
        "dossier.pdf",
        "dossier-archive.pdf",
        "plan.ics",
        "qr.svg",
        "delete/",
        "evidence/",
    ],
)
def test_it_answers_404_for_an_unknown_token(client, path):
    assert client.get(f"/c/{OTHER_TOKEN}/{path}").status_code == 404


@pytest.mark.django_db
def test_it_keeps_two_claims_apart(client):
    first, second = start_claim(client), start_claim(client)
    next_step = walk_to(client, first, "order").url.rstrip("/").split("/")[-1]
    assert client.get(step_url(second, next_step)).url == step_url(second, "order")
    assert client.get(step_url(first, next_step)).status_code == 200


@pytest.mark.django_db
def test_a_replaced_link_stops_working(client):
    token = start_claim(client)
    response = client.post(f"/c/{token}/new-link/")
    new_token = Claim.objects.get().token
    assert new_token != token
    assert response.url == f"/c/{new_token}/"
    assert client.get(step_url(token, "order")).status_code == 404
    assert client.get(step_url(new_token, "order")).status_code == 200


@pytest.mark.django_db
def test_deleting_a_claim_removes_it_and_its_files(client, claim_with_file, private_storage):
    claim, item = claim_with_file
    names = [f.name for f in item.stored_files()]
    assert all(private_storage.exists(name) for name in names)
    response = client.post(f"/c/{claim.token}/delete/")
    assert response.url == "/"
    assert not Claim.objects.exists()
    assert not any(private_storage.exists(name) for name in names)
    assert client.get(step_url(claim.token, "order")).status_code == 404


@pytest.mark.django_db
def test_every_claim_page_offers_deletion_and_the_resume_link(client):
    token = start_claim(client)
    page = client.get(step_url(token, "order")).content.decode()
    assert f"/c/{token}/delete/" in page
    assert f"http://testserver/c/{token}/" in page
    assert f"/c/{token}/qr.svg" in page


@pytest.mark.django_db
def test_the_qr_code_is_an_svg_of_the_resume_link(client):
    token = start_claim(client)
    response = client.get(f"/c/{token}/qr.svg")
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.lstrip().startswith(b"<svg")


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["done/", "plan.ics", "dossier.pdf", "dossier-archive.pdf"])
def test_pages_of_a_finished_claim_send_an_unfinished_one_back_to_where_it_stopped(client, path):
    token = start_claim(client)
    next_step = walk_to(client, token, "problem").url
    response = client.get(f"/c/{token}/{path}")
    assert response.status_code == 302
    assert response.url == f"/c/{token}/"
    assert client.get(response.url).url == next_step
