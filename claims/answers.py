"""From the raw answers a claim stores to the Facts the pure modules reason about.

Stored answers are re-validated through the step forms every time, so a value that a
later rule change makes invalid can never reach the assessment unnoticed.
"""

from collections.abc import Mapping

from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from .eligibility import Facts
from .forms import (
    AssessmentForm,
    ContactForm,
    DeclarationForm,
    EvidenceStepForm,
    MessagesForm,
    OrderForm,
    PolicyForm,
    ProblemForm,
    ReviewForm,
)

STEP_FORMS = [
    ("order", OrderForm),
    ("problem", ProblemForm),
    ("contact", ContactForm),
    ("policy", PolicyForm),
    ("assessment", AssessmentForm),
    ("evidence", EvidenceStepForm),
    ("messages", MessagesForm),
    ("review", ReviewForm),
    ("declaration", DeclarationForm),
]
FACT_STEPS = ("order", "problem", "contact", "policy")
STEP_LABELS = {
    "order": _("Order"),
    "problem": _("Problem"),
    "contact": _("Seller contact"),
    "policy": _("Refund rules"),
    "assessment": _("Your result"),
    "evidence": _("Evidence"),
    "messages": _("Message"),
    "review": _("Check answers"),
    "declaration": _("Sign"),
}
FORMS = dict(STEP_FORMS)


def prefixed_step_data(answers: Mapping[str, Mapping]) -> dict[str, MultiValueDict]:
    """Claim.answers ({"order": {"amount": ["50"]}}) in the shape a prefixed form binds to."""
    return {
        step: MultiValueDict({f"{step}-{name}": list(values) for name, values in fields.items()})
        for step, fields in answers.items()
    }


def cleaned_fact_steps(step_data: Mapping[str, Mapping | None]) -> dict[str, dict] | None:
    """The cleaned data of every fact step, or None while one is missing or invalid."""
    cleaned = {}
    for step in FACT_STEPS:
        data = step_data.get(step)
        if data is None:
            return None
        form = FORMS[step](data=data, prefix=step)
        if not form.is_valid():
            return None
        cleaned[step] = form.cleaned_data
    return cleaned


def facts_from(step_data: Mapping[str, Mapping | None], today=None) -> Facts | None:
    cleaned = cleaned_fact_steps(step_data)
    if cleaned is None:
        return None
    order, problem, contact, policy = (cleaned[step] for step in FACT_STEPS)
    return Facts(
        product_type=order["product_type"],
        product_name=order["product_name"],
        platform_name=order["platform_name"],
        shop_name=order["shop_name"],
        order_number=order["order_number"],
        amount=order["amount"],
        purchased_at=timezone.localtime(order["purchased_at"]),
        payment_method=order["payment_method"],
        transaction_number=order["transaction_number"],
        problem=problem["problem"],
        delivery_overdue=_yes_no(problem.get("delivery_overdue")),
        redeemed=problem["redeemed"] == "yes",
        discovered_on=problem["discovered_on"],
        description=problem["description"],
        contacted=contact["contacted"] == "yes",
        contacted_on=contact["contacted_on"],
        merchant_response=contact["merchant_response"] or "",
        merchant_response_text=contact["merchant_response_text"],
        refund_promise=policy["refund_promise"],
        promise_text=policy["promise_text"],
        promise_conditions_met=policy["promise_conditions_met"] or "",
        no_refund_clause=policy["no_refund_clause"] == "yes",
        clause_text=policy["clause_text"],
        purchase_confirmation=policy["purchase_confirmation"],
        today=today or timezone.localdate(),
    )


def facts_for_claim(claim, today=None) -> Facts | None:
    return facts_from(prefixed_step_data(claim.answers), today=today)


def _yes_no(value: str | None) -> bool | None:
    if value == "yes":
        return True
    if value == "no":
        return False
    return None
