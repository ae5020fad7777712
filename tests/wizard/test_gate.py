"""R17's one plain question in the wizard: asked for the user's own words, and a "yes" stops
every document (issue 13, item 9)."""

import pytest

from claims.models import Claim
from claims.wizard.drafts import drafts_from_answers
from claims.wizard.facts import prefixed_step_data
from claims.wizard.signature import is_complete
from tests.journey import fill_in, start_claim, step_url, walk_to

OWN_WORDS = {"description": "兑换时提示无效。其实已经到账了，但我不想要了。"}
CHANGED_MIND = {"problem": "changed_mind", "redeemed": "no"}


def landed(response) -> str:
    return response.url.split("?")[0].rstrip("/").split("/")[-1]


def finish(client, token):
    return walk_to(client, token, "declaration")


def gate_page(client, token):
    return client.get(step_url(token, "gate")).content.decode()


@pytest.mark.django_db
def test_it_asks_about_the_words_in_the_description(client):
    token = start_claim(client)

    response = walk_to(client, token, "seller", problem=OWN_WORDS)

    assert landed(response) == "gate"
    page = gate_page(client, token)
    assert "你写了“其实已经到账了，但我不想要了。”" in page
    assert "可以使用" in page


@pytest.mark.django_db
def test_it_never_asks_an_honest_partial_claim(client):
    token = start_claim(client)
    order = {"items": "several"}
    items = {"quantity": "3", "quantity_failed": "2"}
    problem = {"redeemed": "yes", "description": "三张里有一张能用，另外两张提示已被使用。"}

    response = walk_to(client, token, "seller", order=order, items=items, problem=problem)

    assert landed(response) == "assessment"
    assert landed(client.get(step_url(token, "gate"))) != "gate"


@pytest.mark.django_db
def test_it_stops_everything_when_the_user_confirms(client):
    token = start_claim(client)
    walk_to(client, token, "seller", problem=OWN_WORDS)

    response = fill_in(client, token, "gate", confirmed="yes")

    assert landed(response) == "assessment"
    result = client.get(step_url(token, "assessment")).content.decode()
    assert "通过夹带、掉包、造假、篡改商品生产日期、捏造事实等方式" in result
    assert drafts_from_answers(prefixed_step_data(Claim.objects.get(token=token).answers)) == ()
    # Nothing past the result can be reached: the wizard sends every later step back to it.
    for later in ("evidence", "messages", "review", "declaration"):
        assert landed(client.get(step_url(token, later))) == "assessment"


@pytest.mark.django_db
def test_it_lets_the_claim_go_on_after_a_no(client):
    token = start_claim(client)
    walk_to(client, token, "seller", problem=OWN_WORDS)

    response = fill_in(client, token, "gate", confirmed="no")

    assert landed(response) == "assessment"
    finish(client, token)
    assert is_complete(Claim.objects.get(token=token))
    assert client.get(f"/c/{token}/done/").status_code == 200


@pytest.mark.django_db
def test_it_keeps_the_page_and_explains_when_no_answer_is_given(client):
    token = start_claim(client)
    walk_to(client, token, "seller", problem=OWN_WORDS)

    response = fill_in(client, token, "gate", confirmed="")

    assert response.status_code == 200
    assert "回答之后才能继续办理" in response.content.decode()


@pytest.mark.django_db
def test_it_asks_again_when_new_words_appear_after_a_no(client):
    token = start_claim(client)
    walk_to(client, token, "seller", problem=OWN_WORDS)
    fill_in(client, token, "gate", confirmed="no")

    fill_in(client, token, "problem", query="?return=review", description="我想说没收到。")

    assert landed(client.get(step_url(token, "review"))) == "gate"
    assert "你写了“我想说没收到。”" in gate_page(client, token)


@pytest.mark.django_db
def test_it_lets_a_mistaken_yes_be_corrected(client):
    token = start_claim(client)
    walk_to(client, token, "seller", problem=OWN_WORDS)
    fill_in(client, token, "gate", confirmed="yes")

    response = fill_in(client, token, "gate", confirmed="no")

    assert landed(response) == "assessment"
    assert landed(fill_in(client, token, "assessment")) == "evidence"


@pytest.mark.django_db
def test_it_asks_about_words_the_user_typed_into_a_draft(client):
    token = start_claim(client)
    walk_to(client, token, "identity")
    page = client.get(step_url(token, "messages"))
    form = page.context["wizard"]["form"]
    key = next(iter(form.drafts))
    edited = {name: form[name].value() for name in form.fields}
    edited[key] += "\n截图我可以P一下金额。"

    response = fill_in(client, token, "messages", **edited)

    assert landed(client.get(response.url)) == "gate"
    assert "截图我可以P一下金额。" in gate_page(client, token)


@pytest.mark.django_db
def test_it_never_asks_about_a_draft_left_as_we_wrote_it(client):
    token = start_claim(client)

    response = walk_to(client, token, "messages")

    assert landed(response) == "review"
    assert client.get(response.url).status_code == 200


@pytest.mark.django_db
def test_an_event_note_leads_to_the_question_and_keeps_the_event(client):
    token = start_claim(client)
    finish(client, token)
    claim = Claim.objects.get(token=token)
    note = "其实已经到账了，商家不知道。"

    response = client.post(
        f"/c/{token}/done/",
        {"event-kind": "replied", "event-happened_on": "2026-11-23", "event-note": note},
    )

    assert landed(response) == "gate" and "return=review" in response.url
    claim.refresh_from_db()
    assert not is_complete(claim)
    assert claim.events.get().note == note
    assert "你写了“其实已经到账了，商家不知道。”" in gate_page(client, token)


@pytest.mark.django_db
def test_a_confirmed_event_note_stops_the_dossier_the_plan_and_the_calendar(client):
    token = start_claim(client)
    finish(client, token)
    client.post(
        f"/c/{token}/done/",
        {
            "event-kind": "replied",
            "event-happened_on": "2026-11-23",
            "event-note": "其实已经到账了",
        },
    )

    fill_in(client, token, "gate", query="?return=review", confirmed="yes")

    assert client.get(f"/c/{token}/dossier.pdf").status_code == 302  # back to the claim
    assert client.get(f"/c/{token}/done/").url == f"/c/{token}/"
    assert client.get(f"/c/{token}/plan.ics").status_code == 302
    assert landed(client.get(step_url(token, "review"))) == "assessment"


@pytest.mark.django_db
def test_a_no_to_an_event_note_asks_for_a_new_signature(client):
    token = start_claim(client)
    finish(client, token)
    client.post(
        f"/c/{token}/done/",
        {
            "event-kind": "replied",
            "event-happened_on": "2026-11-23",
            "event-note": "其实已经到账了",
        },
    )

    response = fill_in(client, token, "gate", query="?return=review", confirmed="no")

    assert landed(response) == "review"
    fill_in(client, token, "review")
    fill_in(client, token, "declaration")
    assert is_complete(Claim.objects.get(token=token))
    assert "其实已经到账了" in client.get(f"/c/{token}/done/").content.decode()


@pytest.mark.django_db
def test_a_stopped_claim_that_was_signed_gets_no_dossier_and_the_done_page_says_so(client):
    token = start_claim(client)
    finish(client, token)
    fill_in(client, token, "problem", query="?return=review", **OWN_WORDS)
    fill_in(client, token, "gate", query="?return=review", confirmed="yes")

    done = client.get(f"/c/{token}/done/", follow=True)

    assert done.redirect_chain[-1][0].split("?")[0].endswith("/assessment/")
    assert "通过夹带、掉包" in done.content.decode()
    # No longer complete: the downloads send the user back to what needs an answer.
    assert client.get(f"/c/{token}/dossier.pdf").url == f"/c/{token}/"
    assert client.get(f"/c/{token}/plan.ics").url == f"/c/{token}/"


@pytest.mark.django_db
def test_a_goodwill_request_is_signed_without_a_dossier_promise(client):
    token = start_claim(client)

    walk_to(client, token, "review", problem=CHANGED_MIND)
    page = client.get(step_url(token, "declaration")).content.decode()

    assert "签名并完成" in page
    assert "create my dossier" not in page and "签名并生成" not in page


@pytest.mark.django_db
def test_a_goodwill_request_offers_no_complaint_events(client):
    token = start_claim(client)
    walk_to(client, token, "declaration", problem=CHANGED_MIND)

    kinds = [
        value
        for value, _label in client.get(f"/c/{token}/done/")
        .context["event_form"]
        .fields["kind"]
        .choices
    ]

    assert not {"filed_12315", "filed_payment", "filed_association"} & set(kinds)
    assert "sent" in kinds


@pytest.mark.django_db
def test_a_claim_offers_every_event(client):
    token = start_claim(client)
    finish(client, token)

    kinds = [
        value
        for value, _label in client.get(f"/c/{token}/done/")
        .context["event_form"]
        .fields["kind"]
        .choices
    ]

    assert "filed_12315" in kinds and "filed_payment" in kinds
