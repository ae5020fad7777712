"""A claim's facts, read from its stored answers: kept while they stay the same, only then."""

from collections import Counter
from decimal import Decimal

import pytest
from django import forms

from claims.models import Claim
from claims.wizard.facts import facts_for_claim, forms_of
from tests.journey import fill_in, start_claim, step_url, walk_to

pytestmark = pytest.mark.django_db


def test_the_facts_follow_the_answers_of_the_same_claim_instance(client):
    token = start_claim(client)
    walk_to(client, token, "review")
    claim = Claim.objects.get(token=token)
    facts = facts_for_claim(claim)
    assert facts_for_claim(claim) is facts

    claim.answers = {**claim.answers, "order": {**claim.answers["order"], "amount": ["88.00"]}}

    assert facts_for_claim(claim).amount == Decimal("88.00")
    assert facts.amount != Decimal("88.00")


def test_a_claims_forms_are_validated_once_and_bound_again_after_a_change(client):
    """forms_of: the facts, the signed content and the plan read the same validated forms
    while the answers stay the same; a changed answer binds them again."""
    token = start_claim(client)
    walk_to(client, token, "review")
    claim = Claim.objects.get(token=token)
    bind = forms_of(claim)
    order = bind("order")
    assert forms_of(claim)("order") is order and order.is_valid()

    claim.answers = {**claim.answers, "order": {**claim.answers["order"], "amount": ["x"]}}

    assert forms_of(claim)("order") is not order
    assert not forms_of(claim)("order").is_valid()
    assert facts_for_claim(claim) is None


@pytest.fixture
def validated(monkeypatch) -> Counter:
    """How many times each step's form (by prefix) was validated."""
    counts = Counter()
    full_clean = forms.BaseForm.full_clean

    def counted(form):
        counts[form.prefix] += 1
        return full_clean(form)

    monkeypatch.setattr(forms.BaseForm, "full_clean", counted)
    return counts


def test_a_page_validates_each_steps_stored_answers_once(client, validated):
    """The step guard, the facts, the drafts and the review's sections share one validated
    form per step (the wizard's stored_form), not one each."""
    token = start_claim(client)
    walk_to(client, token, "review")
    validated.clear()
    assert client.get(step_url(token, "review")).status_code == 200
    assert validated["order"] == 1
    assert validated["contact"] == 1


def test_signing_validates_each_other_steps_answers_once(client, validated):
    """The declaration's post checks every step before it signs, as its guard just did: the
    declaration changed, nothing else, so the forms, the drafts and the assessment checked
    once serve both (and the signature's own check of the claim)."""
    token = start_claim(client)
    walk_to(client, token, "review")
    validated.clear()
    assert fill_in(client, token, "declaration").url == f"/c/{token}/done/"
    assert Claim.objects.get(token=token).signed_digest
    assert validated["order"] == validated["contact"] == 1
    assert validated["messages"] == validated["assessment"] == 1
