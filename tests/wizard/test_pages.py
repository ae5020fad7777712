"""Shorter pages (issue 17): the order step over two pages, sections that never jump, Back at
the top, the claim tools one tap away, the name and the payment consent asked once."""

import re

import pytest

from claims.models import Claim
from tests.journey import (
    ANSWERS,
    form_data,
    image_file,
    start_claim,
    step_url,
    upload,
    walk_to,
)

FIRST_PAGE = (
    "amount", "purchased_at", "payment_method", "transfer_requested_by_seller",
    "order_number", "no_order_number", "transaction_number",
)  # fmt: skip


def order_page(client, token, part: int, **answers):
    """Post one page of the order step as a browser does: its own fields and its number."""
    data = form_data(token, "order", answers)
    data["wizard_part"] = str(part)
    query = f"?part={part}" if part > 1 else ""
    return client.post(step_url(token, "order") + query, data)


def first_page_answers() -> dict:
    return {name: ANSWERS["order"][name] for name in FIRST_PAGE if name in ANSWERS["order"]}


def second_page_answers() -> dict:
    return {k: v for k, v in ANSWERS["order"].items() if k not in FIRST_PAGE}


@pytest.mark.django_db
def test_it_asks_the_order_over_two_pages_and_keeps_it_as_one_step(client):
    token = start_claim(client)
    first = client.get(step_url(token, "order")).content.decode()
    assert 'name="order-amount"' in first and 'name="order-platform_name"' not in first

    response = order_page(client, token, 1, **first_page_answers())
    assert response.url == step_url(token, "order") + "?part=2"
    second = client.get(response.url).content.decode()
    assert 'name="order-platform_name"' in second and 'name="order-amount"' not in second
    assert "error-summary" not in second  # a page not answered yet shows no errors

    response = order_page(client, token, 2, **second_page_answers())
    assert response.url == step_url(token, "buyer")
    stored = Claim.objects.get(token=token).answers["order"]
    assert stored["amount"] == [ANSWERS["order"]["amount"]]
    assert stored["platform_name"] == [ANSWERS["order"]["platform_name"]]


@pytest.mark.django_db
def test_it_refuses_a_page_with_its_own_errors_and_stores_nothing_of_it(client):
    token = start_claim(client)
    response = order_page(client, token, 1, **{**first_page_answers(), "amount": ""})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter the amount you paid" in page or "输入实付金额" in page
    assert 'href="#id_order-platform_name"' not in page  # the other page's questions wait
    assert Claim.objects.get(token=token).answers == {}


@pytest.mark.django_db
def test_it_goes_back_between_pages_keeping_what_was_typed(client):
    token = start_claim(client)
    order_page(client, token, 1, **first_page_answers())
    data = form_data(token, "order", {"platform_name": "半途输入的网站"})
    data.update(wizard_part="2", wizard_part_goto="1")
    response = client.post(step_url(token, "order") + "?part=2", data)
    assert response.url == step_url(token, "order")
    stored = Claim.objects.get(token=token).answers["order"]
    assert stored["platform_name"] == ["半途输入的网站"]
    assert stored["amount"] == [ANSWERS["order"]["amount"]]
    page = client.get(step_url(token, "order") + "?part=2").content.decode()
    assert 'value="半途输入的网站"' in page


@pytest.mark.django_db
def test_back_from_the_next_step_opens_the_order_steps_last_page(client):
    token = start_claim(client)
    walk_to(client, token, "order")
    data = form_data(token, "buyer", {})
    data["wizard_goto_step"] = "order"
    response = client.post(step_url(token, "buyer"), data)
    assert response.url == step_url(token, "order") + "?part=2"


def section_line(page: str) -> str:
    return re.search(r'<p class="progress-count">(.*?)</p>', page, re.S).group(1).strip()


@pytest.mark.django_db
def test_it_counts_sections_that_never_change_whatever_the_answers(client):
    client.cookies["rh_language"] = "en"
    token = start_claim(client)
    walk_to(client, token, "problem", buyer={"buyer_age": "minor"})
    # A child paid: a step more ("minor") than for an adult, the same six sections.
    lines = []
    for step in ("order", "buyer", "problem", "minor"):
        page = client.get(step_url(token, step)).content.decode()
        lines.append(section_line(page))
        assert "Step " not in page
    assert lines == [
        "Section 1 of 6: Your purchase",
        "Section 1 of 6: Your purchase",
        "Section 2 of 6: What went wrong",
        "Section 2 of 6: What went wrong",
    ]


@pytest.mark.django_db
def test_it_puts_back_at_the_top_as_a_button_that_keeps_the_answers(client):
    token = start_claim(client)
    walk_to(client, token, "order")
    page = client.get(step_url(token, "buyer")).content.decode()
    back = page.index('class="back-link"')
    assert back < page.index("<h1>")
    assert 'form="step-form" name="wizard_goto_step" value="order"' in page
    assert 'id="step-form"' in page
    # Enter in a field presses Continue: a hidden Continue is the form's first submit button.
    assert page.index('form="step-form" hidden') < back
    # Not twice: no Back button under the form any more.
    assert page.count('name="wizard_goto_step"') == 1


@pytest.mark.django_db
def test_it_folds_the_claim_tools_into_one_tap(client):
    token = start_claim(client)
    page = client.get(step_url(token, "order")).content.decode()
    tools = page[page.index('class="claim-tools"') :]
    assert '<details class="claim-tools-details">' in tools
    assert tools.index("<summary>") < tools.index('id="resume-link"')


@pytest.mark.django_db
def test_it_prefills_the_signing_name_from_the_12315_step(client):
    token = start_claim(client)
    walk_to(client, token, "review")
    page = client.get(step_url(token, "declaration"))
    form = page.context["wizard"]["form"]
    assert form.initial["full_name"] == ANSWERS["identity"]["complainant_name"]
    assert f'value="{ANSWERS["identity"]["complainant_name"]}"' in page.content.decode()


@pytest.mark.django_db
def test_it_asks_the_payment_records_consent_once_per_claim(client):
    token = start_claim(client)
    walk_to(client, token, "assessment")
    page = client.get(step_url(token, "evidence")).content.decode()
    assert 'name="upload-payment_consent"' in page  # not given yet: asked

    assert upload(client, token, image_file("bill.png")).status_code == 302
    page = client.get(step_url(token, "evidence")).content.decode()
    assert 'name="upload-payment_consent"' not in page
    # A second payment record needs no second tick, on the evidence page or the reader's.
    response = upload(
        client, token, image_file("order.png", color=(1, 2, 3)), payment_consent=False
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Claim.objects.get(token=token).evidence.filter(category="transaction").count() == 2
    reader = client.get(step_url(token, "order")).content.decode()
    assert 'name="payment_consent"' not in reader


@pytest.mark.django_db
def test_it_keeps_the_consent_asked_while_the_claim_holds_no_payment_record(client):
    token = start_claim(client)
    walk_to(client, token, "assessment")
    response = upload(client, token, image_file("bill.png"), payment_consent=False)
    assert response.status_code == 400
    assert not Claim.objects.get(token=token).evidence.exists()


@pytest.mark.django_db
def test_it_wraps_the_messages_list_in_a_live_region(client):
    token = start_claim(client)
    walk_to(client, token, "assessment")
    upload(client, token, image_file("bill.png"))
    page = client.get(step_url(token, "evidence")).content.decode()
    assert re.search(r'<div class="messages" role="status">\s*<ul>\s*<li class="message', page)
    assert '<ul class="messages" role="status">' not in page


@pytest.mark.django_db
def test_it_layers_the_privacy_notice_with_the_pipl_lines_up_front(client):
    client.cookies["rh_language"] = "en"
    page = client.get("/").content.decode()
    summary = page[page.index('class="privacy-summary"') : page.index('class="privacy-notice"')]
    assert "only to assess your claim" in summary  # what and why
    assert "days after your last change" in summary  # how long
    assert "Under 14?" in summary  # a guardian
    notice = page[page.index('<details class="privacy-notice">') :]
    assert "SHA-256" in notice and "SHA-256" not in summary
    assert 'name="consent"' in page and "checked" not in page.split('name="consent"')[1][:80]
    response = client.post("/", {})
    assert response.status_code == 200 and not Claim.objects.exists()


@pytest.mark.django_db
def test_it_shows_the_verdict_and_the_next_action_first_and_folds_the_reasons(client):
    token = start_claim(client)
    walk_to(client, token, "seller")
    page = client.get(step_url(token, "assessment")).content.decode()
    verdict = page.index('id="result-headline"')
    next_action = page.index('class="next-action"')
    button = page.index('id="step-form"')
    reasons = page.index('<details class="reasons">')
    assert verdict < next_action < button < reasons
    assert page.index('class="notice notice-warning"') > button  # warnings after the action
    assert page.index('<ol class="reasons-list">') > reasons  # the reasons inside the fold


@pytest.mark.django_db
def test_it_links_each_order_answer_to_the_page_that_holds_it(client):
    token = start_claim(client)
    walk_to(client, token, "review")
    page = client.get(step_url(token, "review")).content.decode()
    order = step_url(token, "order")
    first = page.index(f'href="{order}?return=review"')
    second = page.index(f'href="{order}?return=review&amp;part=2"')
    # Each link heads its own page's answers: the platform, asked on the second page, under
    # the second link.
    assert first < second < page.index(ANSWERS["order"]["platform_name"])


@pytest.mark.django_db
def test_a_change_on_the_first_order_page_returns_to_the_review(client):
    token = start_claim(client)
    walk_to(client, token, "review")
    data = form_data(token, "order", {**first_page_answers(), "amount": "600"})
    data["wizard_part"] = "1"
    response = client.post(step_url(token, "order") + "?return=review", data)
    assert response.url == step_url(token, "review")
    assert Claim.objects.get(token=token).answers["order"]["amount"] == ["600"]


@pytest.mark.django_db
def test_it_keeps_what_the_second_page_holds_while_the_first_is_wrong(client):
    token = start_claim(client)
    # The second page opened by its address before the first was answered.
    response = order_page(client, token, 2, **second_page_answers())
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    response = order_page(client, token, 1, **first_page_answers())
    assert response.url == step_url(token, "order") + "?part=2"
    page = client.get(response.url).content.decode()
    assert f'value="{ANSWERS["order"]["platform_name"]}"' in page
    response = order_page(client, token, 2, **second_page_answers())
    assert response.url == step_url(token, "buyer")


@pytest.mark.django_db
def test_it_asks_one_tick_for_the_one_declaration(client):
    from claims.wizard.signature import is_complete

    client.cookies["rh_language"] = "en"
    token = start_claim(client)
    walk_to(client, token, "review")
    page = client.get(step_url(token, "declaration")).content.decode()
    assert page.count('type="checkbox"') == 1
    assert "true and complete, and my evidence files are unaltered" in page
    data = form_data(token, "declaration", {"confirm_true": "on", "full_name": "李明"})
    data.pop("declaration-confirm_unaltered", None)
    response = client.post(step_url(token, "declaration"), data)
    assert response.url == f"/c/{token}/done/", response.content.decode()[:1000]
    assert is_complete(Claim.objects.get(token=token))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_description_a_field_points_to_is_on_its_page(client, language):
    """aria-describedby names the hint and the errors a screen reader reads with a field: an
    id missing from the page is read as nothing (the evidence page's need forms pointed at a
    hint they never drew)."""
    client.cookies["rh_language"] = language
    token = start_claim(client)
    walk_to(client, token, "assessment")
    upload(client, token, image_file("bill.png"))
    pages = {step: client.get(step_url(token, step)) for step in ("order", "evidence")}
    pages["evidence refused"] = client.post(
        step_url(token, "evidence"), {"upload-category": "transaction", "upload": "1"}
    )
    pages["need refused"] = client.post(
        step_url(token, "evidence"),
        {"upload-category": "product_state", "upload-need": "redeem_recording", "upload": "1"},
    )
    walk_to(client, token, "review")
    pages.update({step: client.get(step_url(token, step)) for step in ("review", "declaration")})

    for name, page in pages.items():
        html = page.content.decode()
        assert page.status_code == (400 if "refused" in name else 200), name
        assert ("errorlist" in html) == ("refused" in name), name
        ids = set(re.findall(r'\sid="([^"]+)"', html))
        pointed = {
            target
            for value in re.findall(r'aria-describedby="([^"]+)"', html)
            for target in value.split()
        }
        assert pointed or name in ("review", "declaration"), name
        assert pointed <= ids, (name, sorted(pointed - ids))
