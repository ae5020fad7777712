"""A claim deleted while a request works on it: the claim-not-found page, never the 500 page.

The race is made deterministic by deleting the claim right after the view looked it up.
Uploads and rotations racing the deletion are in tests/evidence/test_races.py.
"""

import pytest
from django.test import Client

from claims import access
from claims.models import Claim
from claims.wizard import views as wizard_views
from tests.journey import fill_in, start_claim, walk_to

# Real transactions, as in production: foreign keys are checked at once.
pytestmark = pytest.mark.django_db(transaction=True)

NOT_FOUND = "This link does not open anything."


def deleted_once_found(lookup):
    """lookup, but the claim it finds is deleted (by another tab) before the view goes on."""

    def racing(token):
        claim = lookup(token)
        Claim.objects.filter(pk=claim.pk).delete()
        return claim

    return racing


def english_client(**kwargs) -> Client:
    client = Client(**kwargs)
    client.cookies["rh_language"] = "en"
    return client


def templates(response) -> list[str]:
    return [template.name for template in response.templates]


def is_claim_not_found(response) -> bool:
    return response.status_code == 404 and NOT_FOUND in response.content.decode()


def test_a_step_post_racing_the_claims_deletion_gets_the_claim_not_found_page(monkeypatch):
    client = english_client()
    token = start_claim(client)
    walk_to(client, token, "order")
    monkeypatch.setattr(
        wizard_views, "get_claim_or_404", deleted_once_found(wizard_views.get_claim_or_404)
    )

    response = fill_in(client, token, "buyer")

    assert is_claim_not_found(response)
    assert not Claim.objects.exists()  # the answers did not bring the claim back


def test_the_claim_not_found_page_after_a_race_is_the_page_an_unknown_link_gets(monkeypatch):
    client = english_client()
    token = start_claim(client)
    unknown = client.get(f"/c/{'x' * 43}/order/")
    monkeypatch.setattr(
        wizard_views, "get_claim_or_404", deleted_once_found(wizard_views.get_claim_or_404)
    )

    raced = fill_in(client, token, "order")

    assert raced.status_code == unknown.status_code == 404
    assert templates(raced) == templates(unknown) and templates(raced)[0] == "404.html"


def test_an_event_recorded_while_the_claim_is_deleted_gets_the_claim_not_found_page(
    monkeypatch,
):
    client = english_client()
    token = start_claim(client)
    assert walk_to(client, token, "declaration").url == f"/c/{token}/done/"
    monkeypatch.setattr(access, "get_claim_or_404", deleted_once_found(access.get_claim_or_404))

    response = client.post(
        f"/c/{token}/done/",
        {"event-kind": "refused", "event-happened_on": "2026-11-22", "event-note": "客服拒绝"},
    )

    assert is_claim_not_found(response)
    assert not Claim.objects.exists()


def test_a_new_link_asked_for_a_deleted_claim_gets_the_claim_not_found_page(monkeypatch):
    client = english_client()
    token = start_claim(client)
    monkeypatch.setattr(
        "claims.views.get_claim_or_404", deleted_once_found(access.get_claim_or_404)
    )

    response = client.post(f"/c/{token}/new-link/")

    assert is_claim_not_found(response)
    assert not Claim.objects.exists()


# -- the 500 page promises nothing it cannot know --


def broken(token):
    raise RuntimeError("a bug on our side")


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_error_page_does_not_claim_this_pages_input_was_saved(monkeypatch, language):
    client = english_client(raise_request_exception=False)
    client.cookies["rh_language"] = language
    token = start_claim(client)
    monkeypatch.setattr(wizard_views, "get_claim_or_404", broken)

    response = client.post(f"/c/{token}/order/", {"order-amount": "50"})

    page = response.content.decode()
    assert response.status_code == 500
    assert "已保存，请稍后" not in page and "What you entered is saved" not in page
    assert "这是我们这边出了问题" in page and "went wrong on our side" in page
    assert "返回上一页，再试一次" in page and "go back and try again" in page
    assert "这一页刚填写的内容可能没有保存" in page
    assert "what you entered on this page may not have been saved" in page
