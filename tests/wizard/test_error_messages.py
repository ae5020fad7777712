"""Every field says what to do when it is missing or wrong (GOV.UK's error messages), in both
languages; the error summary links to the input itself."""

import re

import pytest
from django.utils import translation

from claims.wizard.steps import FORMS, STEP_PARTS, form_kwargs
from tests.journey import start_claim, step_url, walk_to

# Django's own words, which say neither which field nor what to do.
GENERIC = (
    "This field is required.",
    "Enter a valid date.",
    "Enter a valid date/time.",
    "Enter a whole number.",
    "Ensure this value has at most",
    "Select a valid choice.",
    "这个字段是必填项。",
    "输入一个有效的日期。",
)
# The fields each step requires whatever the other answers say, as seen on an empty post.
STEPS_WITH_QUESTIONS = [
    step
    for step in FORMS
    if step not in ("assessment", "evidence", "review", "messages", "identity")  # none required
]


def empty_errors(step: str, language: str) -> dict[str, list[str]]:
    form_class = FORMS[step]
    with translation.override(language):
        form = form_class(data={}, prefix=step, **form_kwargs(step, {}))
        form.is_valid()
        return {name: [str(error) for error in errors] for name, errors in form.errors.items()}


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("step", STEPS_WITH_QUESTIONS)
def test_it_gives_every_empty_field_its_own_message(step, language):
    errors = empty_errors(step, language)
    assert errors, f"{step}: an empty post is refused"
    messages = [message for field in errors.values() for message in field]
    assert not [m for m in messages if any(g in m for g in GENERIC)], (step, messages)
    # Each field's words are its own: no two fields of a step share a message.
    assert len(set(messages)) == len(messages), (step, messages)


def test_it_says_what_to_enter_in_both_languages():
    assert empty_errors("order", "en")["amount"] == ["Enter the amount you paid, for example 648."]
    assert empty_errors("order", "zh-hans")["amount"] == ["输入实付金额，例如 648。"]


@pytest.mark.django_db
def test_it_links_the_summary_to_each_input_on_an_empty_page(client):
    token = start_claim(client)
    walk_to(client, token, "buyer")
    response = client.post(
        step_url(token, "problem"), {f"claim_{client_claim_pk(token)}-current_step": "problem"}
    )
    page = response.content.decode()
    summary = page.split('id="error-summary"')[1].split("</div>")[0]
    targets = re.findall(r'href="#([^"]+)"', summary)
    assert targets == ["id_problem-problem_0", "id_problem-redeemed_0", "id_problem-discovered_on"]
    for target in targets:
        assert f'id="{target}"' in page
    assert "This field is required" not in page and "这个字段是必填项" not in page


@pytest.mark.django_db
def test_it_shows_on_a_page_of_a_long_step_only_that_pages_errors(client):
    token = start_claim(client)
    data = {f"claim_{client_claim_pk(token)}-current_step": "order", "wizard_part": "2"}
    page = client.post(step_url(token, "order") + "?part=2", data).content.decode()
    summary = page.split('id="error-summary"')[1].split("</div>")[0]
    # The order step's first page was never answered: it is the page shown, with its errors.
    assert "#id_order-amount" in summary
    assert "#id_order-platform_name" not in summary
    assert set(STEP_PARTS) == {"order"}


def client_claim_pk(token: str) -> int:
    from claims.models import Claim

    return Claim.objects.get(token=token).pk
