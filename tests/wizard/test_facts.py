"""A claim's facts, read from its stored answers: kept while they stay the same, only then."""

from decimal import Decimal

import pytest

from claims.models import Claim
from claims.wizard.facts import facts_for_claim
from tests.journey import start_claim, walk_to

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
