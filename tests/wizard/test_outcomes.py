"""Outcomes as a user meets them in the wizard: documents only for claims (issue 13, item 6)."""

import pytest

from claims.models import Claim
from claims.wizard.drafts import drafts_from_answers
from claims.wizard.facts import prefixed_step_data
from tests.journey import done_plan, start_claim, walk_to

CHANGED_MIND = {"problem": "changed_mind", "redeemed": "no"}


def finish(client, **answers) -> str:
    token = start_claim(client)
    walk_to(client, token, "declaration", **answers)
    return token


@pytest.mark.django_db
def test_it_offers_only_a_goodwill_request_for_a_change_of_mind(client):
    token = finish(client, problem=CHANGED_MIND)

    claim = Claim.objects.get(token=token)
    drafts = drafts_from_answers(prefixed_step_data(claim.answers))

    assert [draft.key for draft in drafts] == ["merchant_chat"]


@pytest.mark.django_db
def test_it_makes_no_dossier_for_a_change_of_mind(client):
    token = finish(client, problem=CHANGED_MIND)

    page = client.get(f"/c/{token}/done/")
    done = page.content.decode()

    assert f"/c/{token}/dossier" not in done
    assert [step.key for step, *_ in done_plan(page)] == ["merchant_chat"]
    assert client.get(f"/c/{token}/dossier.pdf").status_code == 404
    assert client.get(f"/c/{token}/dossier-archive.pdf").status_code == 404


@pytest.mark.django_db
def test_it_never_calls_a_file_the_one_to_send_to_every_channel(client):
    token = finish(client)

    done = client.get(f"/c/{token}/done/").content.decode()

    assert "payment platform or 12315" not in done
    assert f"/c/{token}/dossier" in done
