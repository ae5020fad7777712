"""What the wizard stores on the claim: the step's own fields, bounded, merged per step."""

import json

import pytest
from django import forms
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from claims.domain.drafting import DRAFT_KEYS
from claims.models import Claim
from claims.wizard.forms.messages import UNLIMITED_DRAFT
from claims.wizard.steps import FORMS
from claims.wizard.storage import (
    MAX_STEP_CHARS,
    MAX_VALUE_CHARS,
    MAX_VALUES_PER_FIELD,
    ClaimStorage,
    step_fields,
)
from tests.factories import make_claim
from tests.journey import ANSWERS, fill_in, form_data, go_back, start_claim, step_url, walk_to

# Under DATA_UPLOAD_MAX_MEMORY_SIZE (2 MB): what a post can carry through Django.
HUGE = "x" * 1_500_000


def stored(token: str) -> dict:
    return Claim.objects.get(token=token).answers


def back_from(client, token: str, step: str, to: str, **posted):
    """go_back() with any field name, prefixed or not, as a hostile client posts them."""
    data = form_data(token, step, {})
    data.update(posted, wizard_goto_step=to)
    return client.post(step_url(token, step), data)


# -- item 3: the step's own fields, bounded -------------------------------------------------


@pytest.mark.django_db
def test_it_keeps_what_was_typed_on_back_valid_or_not(client):
    token = start_claim(client)
    walk_to(client, token, "buyer")
    response = go_back(
        client, token, "problem", to="buyer", description="卡密无法兑换", discovered_on="昨天"
    )
    assert response.url == step_url(token, "buyer")
    assert stored(token)["problem"] == {"description": ["卡密无法兑换"], "discovered_on": ["昨天"]}


@pytest.mark.django_db
def test_it_stores_no_junk_and_no_huge_value_on_back(client):
    token = start_claim(client)
    walk_to(client, token, "buyer")
    response = back_from(
        client,
        token,
        "problem",
        to="buyer",
        **{
            "problem-description": "卡密无法兑换",
            "problem-junk": HUGE,
            "problem-junk2": ["x"] * 900,
            "problem-": "x",
            "order-product_name": "改过的名字",
            "junk": "x",
        },
    )
    assert response.status_code == 302
    answers = stored(token)
    assert answers["problem"] == {"description": ["卡密无法兑换"]}
    assert answers["order"]["product_name"] == [ANSWERS["order"]["product_name"]]
    assert len(json.dumps(answers, ensure_ascii=False)) < 10_000


@pytest.mark.django_db
def test_it_cuts_a_huge_value_of_a_real_field_and_the_form_still_refuses_it(client):
    token = start_claim(client)
    walk_to(client, token, "buyer")
    response = back_from(client, token, "problem", to="buyer", **{"problem-description": HUGE})
    assert response.status_code == 302
    assert stored(token)["problem"]["description"] == [HUGE[:MAX_VALUE_CHARS]]
    page = client.get(step_url(token, "problem"))
    assert page.status_code == 200
    assert fill_in(client, token, "problem", description=HUGE[:MAX_VALUE_CHARS]).status_code == 200


@pytest.mark.django_db
def test_it_bounds_the_values_of_one_field_and_of_one_step(client):
    token = start_claim(client)
    walk_to(client, token, "identity")
    back_from(
        client,
        token,
        "messages",
        to="identity",
        **{f"messages-{key}": [HUGE[:MAX_VALUE_CHARS]] for key in DRAFT_KEYS},
        **{f"messages-basis_{key}": [HUGE[:MAX_VALUE_CHARS]] for key in DRAFT_KEYS},
    )
    messages = stored(token)["messages"]
    assert sum(len(value) for values in messages.values() for value in values) <= MAX_STEP_CHARS
    assert messages[DRAFT_KEYS[0]] == [HUGE[:MAX_VALUE_CHARS]]
    many = ["x"] * 900
    back_from(client, token, "seller", to="policy", **{"seller-fraud_signs": many})
    signs = stored(token)["seller"]["fraud_signs"]
    assert len(signs) == MAX_VALUES_PER_FIELD


@pytest.mark.django_db
def test_it_stores_no_junk_on_a_normal_save(client):
    token = start_claim(client)
    response = fill_in(client, token, "order", junk=HUGE)
    assert response.url == step_url(token, "buyer")
    assert set(stored(token)["order"]) == set(ANSWERS["order"])


def test_it_bounds_above_every_legitimate_answer():
    for step, form in FORMS.items():
        lengths = [
            field.max_length or 0
            for field in form.base_fields.values()
            if isinstance(field, forms.CharField)
        ]
        assert max(lengths, default=0) < MAX_VALUE_CHARS, step
        assert sum(lengths) < MAX_STEP_CHARS, step
    assert UNLIMITED_DRAFT < MAX_VALUE_CHARS
    assert len(DRAFT_KEYS) * (UNLIMITED_DRAFT + 16) < MAX_STEP_CHARS
    assert step_fields("messages") >= {"merchant_chat", "basis_merchant_chat"}


# -- item 4: two requests at once write only what each changed ------------------------------


def storage_for(claim: Claim) -> ClaimStorage:
    """A storage as one request builds it: from the claim row as loaded at its start."""
    request = RequestFactory().post("/")
    request.claim = Claim.objects.get(pk=claim.pk)
    return ClaimStorage(f"claim_{claim.pk}", request)


@pytest.mark.django_db
def test_it_keeps_both_steps_when_two_requests_save_at_once():
    claim = make_claim(answers={"order": {"shop_name": ["旧店"]}, "contact": {"contacted": ["no"]}})
    first, second = storage_for(claim), storage_for(claim)
    first.set_step_data("order", {"order-shop_name": ["新店"]})
    first.current_step = "buyer"
    second.set_step_data("policy", {"policy-refund_promise": ["no"]})
    second.clear_step_data("contact")
    second.current_step = "seller"
    first.update_response(None)
    second.update_response(None)
    claim.refresh_from_db()
    assert claim.answers == {
        "order": {"shop_name": ["新店"]},
        "policy": {"refund_promise": ["no"]},
    }
    assert claim.current_step == "seller"


@pytest.mark.django_db
def test_it_writes_nothing_when_nothing_changed():
    claim = make_claim(answers={"order": {"shop_name": ["旧店"]}}, current_step="order")
    reader = storage_for(claim)
    Claim.objects.filter(pk=claim.pk).update(answers={"order": {"shop_name": ["别处改的"]}})
    reader.update_response(None)
    assert Claim.objects.get(pk=claim.pk).answers == {"order": {"shop_name": ["别处改的"]}}


@pytest.mark.django_db
def test_it_moves_keep_until_when_it_saves_in_the_same_update_as_the_answers():
    """Every statement is a round trip to PostgreSQL, on every page a user saves."""
    claim = make_claim()
    Claim.objects.filter(pk=claim.pk).update(keep_until=None)
    storage = storage_for(claim)
    storage.set_step_data("order", {"order-shop_name": ["新店"]})
    with CaptureQueriesContext(connection) as queries:
        storage.update_response(None)

    updates = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    assert len(updates) == 1 and '"keep_until"' in updates[0] and '"answers"' in updates[0]
    assert Claim.objects.get(pk=claim.pk).keep_until is not None


@pytest.mark.django_db
def test_it_answers_not_found_when_the_claim_was_deleted_meanwhile():
    claim = make_claim()
    storage = storage_for(claim)
    storage.set_step_data("order", {"order-shop_name": ["新店"]})
    Claim.objects.filter(pk=claim.pk).delete()
    with pytest.raises(Http404):
        storage.update_response(None)
    assert not Claim.objects.filter(pk=claim.pk).exists()


@pytest.mark.django_db
def test_each_change_to_the_answers_is_a_new_revision_and_a_read_is_not():
    """The wizard keeps what it derives from the answers per revision: a change that did
    not count would leave a page showing facts the answers no longer say."""
    storage = storage_for(make_claim(answers={"order": {"shop_name": ["旧店"]}}))
    start = storage.revision

    storage.get_step_data("order")
    assert storage.revision == start
    storage.set_step_data("order", {"order-shop_name": ["新店"]})
    assert storage.revision == start + 1
    storage.clear_step_data("order")
    assert storage.revision == start + 2
    storage.clear_step_data("order")  # nothing left to clear: nothing changed
    assert storage.revision == start + 2


@pytest.mark.django_db
def test_a_change_from_the_review_is_judged_on_the_new_answers(client):
    """One request reads the answers (the step's guard), changes them (the post) and reads
    them again (where to go next): what it derives must follow the change. A child buyer
    brings in the minor step, still unanswered, so the change leads there, not back."""
    token = start_claim(client)
    walk_to(client, token, "review")

    response = fill_in(
        client, token, "buyer", query="?return=review", **{**ANSWERS["buyer"], "buyer_age": "minor"}
    )

    assert response.status_code == 302
    assert response.url.split("?")[0] == step_url(token, "minor")
