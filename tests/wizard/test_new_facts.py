"""Issue 13 items 1-5 through the wizard: the questions appear where they matter and fill Facts."""

from datetime import date
from decimal import Decimal

import pytest

from claims.models import Claim
from claims.wizard.facts import facts_for_claim
from tests.journey import fill_in, start_claim, walk_to

pytestmark = pytest.mark.django_db


def facts_of(token):
    return facts_for_claim(Claim.objects.get(token=token))


def errors(response, step, field):
    return (
        response.context["wizard"]["form"].errors.get(field)
        if response.status_code == 200
        else None
    )


def test_it_asks_for_the_transaction_number_when_there_is_no_order_number(client):
    token = start_claim(client)
    response = fill_in(
        client, token, "order", order_number="", no_order_number="on", transaction_number=""
    )
    assert response.status_code == 200
    assert errors(response, "order", "transaction_number")
    form = response.context["wizard"]["form"]
    assert form["platform_name"].value() == "星辰游戏卡盟"  # what was typed is kept


def test_it_asks_for_the_order_number_unless_the_box_is_ticked(client):
    token = start_claim(client)
    response = fill_in(client, token, "order", order_number="")
    assert errors(response, "order", "order_number")


def test_it_uses_the_transaction_number_for_a_private_transfer(client):
    token = start_claim(client)
    walk_to(
        client,
        token,
        "seller",
        order={"order_number": "", "no_order_number": "on", "payment_method": "private_transfer",
               "transfer_requested_by_seller": "yes"},
    )  # fmt: skip
    facts = facts_of(token)
    assert facts.order_number == "" and facts.no_order_number
    assert facts.order_reference == "2026112222001438500512345678"


def test_it_asks_about_several_items_only_when_the_order_had_several(client):
    token = start_claim(client)
    response = walk_to(client, token, "problem")
    assert not response.url.rstrip("/").endswith("items")
    token = start_claim(client)
    response = walk_to(client, token, "problem", order={"items": "several"})
    assert response.url.rstrip("/").endswith("items")


def test_it_refuses_more_failed_items_than_were_bought_and_keeps_the_answers(client):
    token = start_claim(client)
    walk_to(client, token, "problem", order={"items": "several"})
    response = fill_in(client, token, "items", quantity="3", quantity_failed="5")
    assert errors(response, "items", "quantity_failed")
    assert response.context["wizard"]["form"]["quantity"].value() == "3"


def test_it_asks_the_claimed_amount_where_prices_differ(client):
    token = start_claim(client)
    walk_to(client, token, "problem", order={"items": "several"})
    response = fill_in(client, token, "items", same_price="no", amount_claimed="")
    assert errors(response, "items", "amount_claimed")


def test_it_claims_the_failed_items_only(client):
    token = start_claim(client)
    walk_to(client, token, "seller", order={"items": "several"})
    facts = facts_of(token)
    assert (facts.quantity, facts.quantity_failed) == (3, 2)
    assert facts.claimed_amount == Decimal("432.00")


def test_it_offers_a_childs_purchase_as_a_problem_and_asks_about_the_child(client):
    token = start_claim(client)
    response = walk_to(
        client, token, "problem", problem={"problem": "child_bought", "redeemed": ""}
    )
    assert response.url.rstrip("/").endswith("minor")
    walk_to(client, token, "seller", problem={"problem": "child_bought", "redeemed": ""})
    facts = facts_of(token)
    assert facts.buyer_is_minor and not facts.redeemed


@pytest.mark.parametrize("problem", ["balance_stuck", "child_bought"])
def test_it_does_not_ask_whether_it_ever_worked_where_that_does_not_fit(client, problem):
    token = start_claim(client)
    walk_to(client, token, "order")
    response = fill_in(client, token, "problem", problem=problem, redeemed="")
    assert response.status_code == 302


def test_it_still_asks_whether_a_key_ever_worked(client):
    token = start_claim(client)
    walk_to(client, token, "buyer")
    response = fill_in(client, token, "problem", redeemed="")
    assert errors(response, "problem", "redeemed")


def test_it_offers_a_deposit_into_the_site_balance_as_a_product(client):
    token = start_claim(client)
    walk_to(client, token, "seller", order={"product_type": "site_balance"},
            problem={"problem": "not_delivered"})  # fmt: skip
    assert facts_of(token).product_type == "site_balance"


def test_it_asks_the_demand_date_where_it_differs_from_the_first_contact(client):
    token = start_claim(client)
    walk_to(client, token, "defect")
    response = fill_in(client, token, "contact", demand="later", demanded_on="")
    assert errors(response, "contact", "demanded_on")
    response = fill_in(client, token, "contact", demand="later", demanded_on="2026-11-10")
    assert errors(response, "contact", "demanded_on")  # before the first contact
    walk_to(client, token, "seller", contact={"demand": "later", "demanded_on": "2026-11-25"})
    facts = facts_of(token)
    assert facts.demanded_on == date(2026, 11, 25) and facts.demand_date == date(2026, 11, 25)


def test_it_records_the_promise_window_and_condition(client):
    token = start_claim(client)
    walk_to(
        client,
        token,
        "seller",
        policy={"refund_promise": "yes"},
        promise={"promise_days": "7", "promise_condition": "unused"},
    )
    facts = facts_of(token)
    assert (facts.promise_days, facts.promise_condition) == (7, "unused")


def test_it_warns_not_to_redeem_the_key_on_the_promise_page(client):
    token = start_claim(client)
    walk_to(client, token, "policy", policy={"refund_promise": "yes"})
    page = client.get(f"/c/{token}/promise/")
    assert "申请退款期间不要查看、复制或兑换卡密" in page.content.decode()
