"""Each step refuses bad input on the same page, says why beside the field, keeps every value."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from claims.models import Claim
from claims.wizard.forms import OrderForm
from tests.journey import ANSWERS, fill_in, start_claim, step_url, walk_to


def order_form(**overrides) -> OrderForm:
    data = {**ANSWERS["order"], **overrides}
    return OrderForm(data={f"order-{k}": v for k, v in data.items()}, prefix="order")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("648", Decimal("648.00")),
        ("￥６４８.００", Decimal("648.00")),
        ("¥1,280.50", Decimal("1280.50")),
        ("1 280 元", Decimal("1280.00")),
        ("49.9块", Decimal("49.90")),
    ],
)
def test_it_reads_amounts_as_people_type_them(typed, expected):
    form = order_form(amount=typed)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["amount"] == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("2026 1122 0387", "202611220387"), ("２０２６１１２２", "20261122"), ("ab-12 34", "ab-1234")],
)
def test_it_compacts_order_numbers(typed, expected):
    form = order_form(order_number=typed)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["order_number"] == expected


@pytest.mark.parametrize("typed", ["2026年11月20日 21:14", "2026/11/20 21:14", "2026-11-20T21:14"])
def test_it_reads_purchase_times_in_china_time(typed):
    form = order_form(purchased_at=typed)
    assert form.is_valid(), form.errors
    value = form.cleaned_data["purchased_at"]
    assert value.tzinfo is not None
    assert timezone.localtime(value).strftime("%Y-%m-%d %H:%M %Z") == "2026-11-20 21:14 CST"


def future_time() -> str:
    return (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("amount", "0", "The amount must be more than 0."),
        ("amount", "-5", "The amount must be more than 0."),
        ("amount", "五十", "Enter the amount as a number"),
        ("purchased_at", "FUTURE", "The payment time cannot be in the future."),
        ("platform_name", "", "Enter the name of the website or platform, for example"),
        ("order_number", "9" * 500, "Enter the order number in 80 characters or fewer."),
        ("order_number", "订单？", "Use only letters, digits and the signs"),
    ],
)
def test_the_order_step_refuses_bad_input_and_keeps_the_values(client, field, typed, message):
    client.cookies["rh_language"] = "en"
    token = start_claim(client)
    typed = future_time() if typed == "FUTURE" else typed
    response = fill_in(client, token, "order", **{field: typed})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="error-summary"' in page
    assert message in page
    assert f'id="field-order-{field}"' in page
    # Everything typed on the page in error is still there, the bad value included (the
    # site's name is on the order step's second page, the numbers on its first).
    if field == "platform_name":
        assert 'value="www.xingchen.example"' in page
    else:
        assert 'value="2026 1122 0387"' in page or field == "order_number"
    assert not typed or f'value="{typed}"' in page
    assert Claim.objects.get(token=token).answers == {}


@pytest.mark.django_db
def test_errors_are_shown_in_chinese_by_default(client):
    token = start_claim(client)
    page = fill_in(client, token, "order", amount="0").content.decode()
    assert "金额" in page
    assert "The amount must be more than 0." not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("step", "overrides", "field"),
    [
        ("delivery", {"promised_delivery": "within", "delivery_overdue": ""}, "delivery_overdue"),
        ("problem", {"discovered_on": "2099-01-01"}, "discovered_on"),
        ("order", {"payment_method": "private_transfer"}, "transfer_requested_by_seller"),
        ("minor", {"minor_age": "30"}, "minor_age"),
        ("balance", {"balance_amount": "0"}, "balance_amount"),
        ("defect", {"delivered_on": ""}, "delivered_on"),
        ("contact", {"deadline_given": "yes", "deadline_on": ""}, "deadline_on"),
        ("problem", {"problem": ""}, "problem"),
        ("contact", {"contacted": "yes", "contacted_on": ""}, "contacted_on"),
        ("contact", {"contacted": "yes", "merchant_response": ""}, "merchant_response"),
        ("promise", {"promise_conditions_met": ""}, "promise_conditions_met"),
        ("declaration", {"confirm_true": ""}, "confirm_true"),
        ("declaration", {"full_name": " "}, "full_name"),
    ],
)
def test_each_step_refuses_bad_input_beside_the_field(client, step, overrides, field):
    token = start_claim(client)
    # Answers that make the conditional step under test appear.
    route = {
        "minor": {"buyer": {"buyer_age": "minor"}},
        "delivery": {"problem": {"problem": "not_delivered"}},
        "balance": {"problem": {"problem": "balance_stuck"}},
        "promise": {"policy": {"refund_promise": "yes"}},
    }.get(step, {})
    if step != "order":
        walk_to(client, token, "declaration", **route)
        assert client.get(step_url(token, step)).status_code == 200, step
    response = fill_in(client, token, step, **overrides)
    page = response.content.decode()
    assert response.status_code == 200
    assert f'id="field-{step}-{field}"' in page
    assert f'id="id_{step}-{field}_error"' in page or f'id="id_{step}-{field}_0_error"' in page


@pytest.mark.django_db
def test_a_valid_step_is_saved_at_once(client):
    token = start_claim(client)
    fill_in(client, token, "order")
    answers = Claim.objects.get(token=token).answers
    assert answers["order"]["amount"] == ["￥６４８.００"]
    assert "csrfmiddlewaretoken" not in answers["order"]


@pytest.mark.django_db
@pytest.mark.parametrize("age", [str(age) for age in range(18)])
def test_it_gives_every_child_age_a_result(client, age):
    """R14: ages 0-17 all reach a result (ages 1-7 used to be refused by the form)."""
    token = start_claim(client)
    minor = {"minor_age": age, "spending_out_of_proportion": "yes" if int(age) >= 8 else ""}
    walk_to(client, token, "assessment", buyer={"buyer_age": "minor"}, minor=minor)
    page = client.get(step_url(token, "assessment"))
    assert page.status_code == 200
    assert page.context["assessment"].route == "minor"


@pytest.mark.django_db
def test_it_asks_a_child_of_8_or_more_whether_the_spending_suits_their_age(client):
    token = start_claim(client)
    walk_to(client, token, "problem", buyer={"buyer_age": "minor"})
    response = fill_in(
        client,
        token,
        "minor",
        minor_age="12",
        guardian_consented="no",
        spending_out_of_proportion="",
    )
    assert response.status_code == 200
    assert "spending_out_of_proportion" in response.context["form"].errors
    assert response.context["form"]["minor_age"].value() == "12"
