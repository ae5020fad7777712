"""The form <-> domain seam: every product type and problem the forms offer, for an adult
and for a child of each age band, reaches the drafts, the review and a signed claim."""

import pytest

from claims.domain.facts import PROBLEMS, PRODUCT_TYPES
from claims.models import Claim
from claims.wizard.signature import is_complete
from tests.journey import start_claim, step_url, walk_to

BUYERS = {
    "adult": {"buyer": {"buyer_age": "adult"}},
    "child_5": {
        "buyer": {"buyer_age": "minor"},
        "minor": {"minor_age": "5", "spending_out_of_proportion": ""},
    },
    "child_12": {
        "buyer": {"buyer_age": "minor"},
        "minor": {"minor_age": "12", "spending_out_of_proportion": "yes"},
    },
}


@pytest.mark.django_db
@pytest.mark.parametrize("buyer", sorted(BUYERS))
@pytest.mark.parametrize("problem", PROBLEMS)
@pytest.mark.parametrize("product_type", PRODUCT_TYPES)
def test_every_answer_the_forms_take_reaches_a_signed_claim(client, product_type, problem, buyer):
    token = start_claim(client)
    answers = {
        "order": {"product_type": product_type},
        "problem": {"problem": problem},
        **BUYERS[buyer],
    }
    assert walk_to(client, token, "declaration", **answers).url == f"/c/{token}/done/"
    assert is_complete(Claim.objects.get(token=token))
    assert client.get(f"/c/{token}/done/").status_code == 200
    for step in ("messages", "review"):
        assert client.get(step_url(token, step)).status_code == 200, step
