"""The wizard view's own rules: what it derives from the answers follows every change."""

from decimal import Decimal

import pytest
from django.test import RequestFactory
from formtools.wizard.views import StepsHelper

from claims.models import Claim
from claims.wizard.storage import ClaimStorage
from claims.wizard.views import ClaimWizard
from tests.journey import ANSWERS, form_data, start_claim, walk_to

pytestmark = pytest.mark.django_db


def wizard_for(token: str) -> ClaimWizard:
    """The view as one request sets it up, without running the request."""
    request = RequestFactory().get("/")
    request.claim = Claim.objects.get(token=token)
    wizard = ClaimWizard(**ClaimWizard.get_initkwargs(url_name="claims:step"))
    wizard.setup(request, token=token)
    wizard.claim = request.claim
    wizard.storage = ClaimStorage(wizard.get_prefix(request), request)
    wizard.steps = StepsHelper(wizard)
    return wizard


def test_facts_assessment_and_drafts_follow_an_answer_changed_in_the_same_request(client):
    token = start_claim(client)
    walk_to(client, token, "review")
    wizard = wizard_for(token)
    facts, assessment, drafts = wizard.facts(), wizard.assessment(), wizard.drafts()
    assert wizard.facts() is facts  # read once while nothing changes

    order = form_data(token, "order", {**ANSWERS["order"], "amount": "88.00"})
    wizard.storage.set_step_data("order", order)

    assert facts.amount != Decimal("88.00")
    assert wizard.facts().amount == Decimal("88.00")
    assert wizard.assessment() is not assessment
    assert any("88" in draft.text for draft in wizard.drafts())
    assert not any("88" in draft.text for draft in drafts)


def test_a_step_found_valid_is_judged_again_once_its_answers_change(client):
    token = start_claim(client)
    walk_to(client, token, "review")
    wizard = wizard_for(token)
    assert wizard.first_incomplete_step() == "declaration"  # walked up to it

    wizard.storage.set_step_data(
        "order", form_data(token, "order", {**ANSWERS["order"], "amount": ""})
    )

    assert wizard.first_incomplete_step() == "order"
