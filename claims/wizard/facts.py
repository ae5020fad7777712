"""From the raw answers a claim stores to the Facts the pure modules reason about.

Stored answers are re-validated through the step forms every time, so a value that a
later rule change makes invalid can never reach the assessment unnoticed.
"""

import json
from collections.abc import Mapping

from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from claims.domain.facts import Facts
from claims.wizard.steps import (
    FACT_STEPS,
    FORMS,
    SIGNING_STEP,
    StepData,
    active_steps,
    form_kwargs,
)


def prefixed_step_data(answers: Mapping[str, Mapping]) -> dict[str, MultiValueDict]:
    """Claim.answers ({"order": {"amount": ["50"]}}) in the shape a prefixed form binds to."""
    return {
        step: MultiValueDict({f"{step}-{name}": list(values) for name, values in fields.items()})
        for step, fields in answers.items()
    }


def bound_form(step: str, data, step_data: StepData):
    """A step's form bound to its stored answers, as every reader of the answers binds it."""
    return FORMS[step](data=data, prefix=step, **form_kwargs(step, step_data))


def cleaned_fact_steps(step_data: StepData, bind=None) -> dict[str, dict] | None:
    """Cleaned data of every fact step that applies, or None while one is missing or invalid.
    `bind(step)` gives the step's form bound to its answers in `step_data` (bound_form by
    default): a caller that validates the same forms for other reasons passes the ones it
    keeps."""
    cleaned = {}
    for step in active_steps(step_data):
        if step not in FACT_STEPS:
            continue
        data = step_data.get(step)
        if data is None:
            return None
        form = bind(step) if bind else bound_form(step, data, step_data)
        if not form.is_valid():
            return None
        cleaned[step] = form.cleaned_data
    return cleaned


def facts_from(step_data: StepData, today=None, bind=None) -> Facts | None:
    cleaned = cleaned_fact_steps(step_data, bind)
    if cleaned is None:
        return None
    order, buyer, problem = cleaned["order"], cleaned["buyer"], cleaned["problem"]
    contact, policy, seller = cleaned["contact"], cleaned["policy"], cleaned["seller"]
    minor = cleaned.get("minor", {})
    delivery = cleaned.get("delivery", {})
    defect = cleaned.get("defect", {})
    receipt = cleaned.get("receipt", {})
    balance = cleaned.get("balance", {})
    promise = cleaned.get("promise", {})
    items = cleaned.get("items", {})
    gate = cleaned.get("gate", {})
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
        delivery_overdue=_yes_no(delivery.get("delivery_overdue")),
        redeemed=problem["redeemed"] == "yes",
        discovered_on=problem["discovered_on"],
        description=problem["description"],
        contacted=contact["contacted"] == "yes",
        contacted_on=contact["contacted_on"],
        merchant_response=contact["merchant_response"] or "",
        merchant_response_text=contact["merchant_response_text"],
        refund_promise=policy["refund_promise"],
        promise_text=promise.get("promise_text", ""),
        promise_conditions_met=promise.get("promise_conditions_met", ""),
        no_refund_clause=policy["no_refund_clause"] == "yes",
        clause_text=policy["clause_text"],
        purchase_confirmation=policy["purchase_confirmation"],
        today=today or timezone.localdate(),
        purpose=buyer["purpose"],
        buyer_is_minor=buyer["buyer_age"] == "minor" or problem["problem"] == "child_bought",
        minor_age=minor.get("minor_age"),
        guardian_consented=_yes_no(minor.get("guardian_consented")),
        transfer_requested_by_seller=order["transfer_requested_by_seller"] == "yes",
        promised_delivery=delivery.get("promised_delivery", ""),
        promised_by=delivery.get("promised_by"),
        key_shown=delivery.get("key_shown", ""),
        delivered_on=defect.get("delivered_on") or receipt.get("delivered_on"),
        defect_kind=defect.get("defect_kind", ""),
        used_before_confirmed=defect.get("used_before_confirmed") == "yes",
        balance_amount=balance.get("balance_amount"),
        balance_blocked=balance.get("balance_blocked", ""),
        site_closed=balance.get("site_closed") == "yes",
        deadline_given=contact["deadline_given"] == "yes",
        deadline_on=contact["deadline_on"],
        operator_name=seller["operator_name"],
        operator_address=seller["operator_address"],
        icp_number=seller["icp_number"],
        payee_name=seller["payee_name"],
        sold_on_platform=seller["sold_on_platform"],
        fraud_signs=tuple(seller["fraud_signs"]),
        quantity=items.get("quantity", 1),
        quantity_failed=items.get("quantity_failed", 1),
        amount_claimed=items.get("amount_claimed"),
        no_order_number=order["no_order_number"],
        promise_days=promise.get("promise_days"),
        promise_condition=promise.get("promise_condition", ""),
        demanded_on=contact["demanded_on"] if contact["demand"] == "later" else None,
        demand_made=contact["demand"] != "not_yet",
        minor_out_of_proportion=_yes_no(minor.get("spending_out_of_proportion")),
        false_claim_confirmed=gate.get("confirmed") == "yes",
    )


def facts_for_claim(claim, today=None) -> Facts | None:
    """The claim's facts, kept on the instance while its answers stay the same: one page
    (the done page, a dossier's status) asks for them many times, each a dozen validations."""
    return kept_on(
        claim,
        "_facts",
        (answers_key(claim), today or timezone.localdate()),
        lambda: facts_from(prefixed_step_data(claim.answers), today=today, bind=forms_of(claim)),
    )


def forms_of(claim):
    """`bind` for the claim's stored answers (see cleaned_fact_steps): each step's form bound
    and validated once while the answers stay the same, for the facts, the drafts, the plan
    and the signature's check of every step. The forms are read, never changed."""

    def binder():
        step_data = prefixed_step_data(claim.answers)
        forms = {}

        def bind(step):
            if step == SIGNING_STEP:  # not in the key: bound to the answers as they are now
                signed = {step: claim.answers[step]} if step in claim.answers else {}
                return bound_form(step, prefixed_step_data(signed).get(step), step_data)
            if step not in forms:
                forms[step] = bound_form(step, step_data.get(step), step_data)
            return forms[step]

        return bind

    return kept_on(claim, "_forms", answers_key(claim), binder)


def kept_on(claim, name: str, key, compute):
    """compute(), kept on the claim instance under `name` while `key` stays the same. Only
    the latest value is kept: the instance never holds a history of the answers."""
    kept = claim.__dict__.get(name)
    if kept is None or kept[0] != key:
        kept = claim.__dict__[name] = (key, compute())
    return kept[1]


def answers_key(claim) -> str:
    """The claim's answers as one comparable string, the declaration aside: no fact, draft or
    covered text reads it, so clearing it at the signature keeps what was computed for the
    same answers."""
    return key_of_answers(claim.answers)


def key_of_answers(answers: Mapping) -> str:
    """answers_key for answers as stored."""
    if SIGNING_STEP in answers:
        answers = {step: values for step, values in answers.items() if step != SIGNING_STEP}
    return json.dumps(answers, sort_keys=True)


def _yes_no(value: str | None) -> bool | None:
    if value == "yes":
        return True
    if value == "no":
        return False
    return None
