"""The declared journey: the steps in order, their forms and labels, and the predicates
that decide which conditional steps apply (the wizard and wizard.facts use the same ones)."""

from collections.abc import Callable, Mapping

from django.utils.translation import gettext_lazy as _

from claims.domain.rules.fraud import OwnWords, own_words
from claims.wizard.forms import (
    AssessmentForm,
    BalanceForm,
    BuyerForm,
    ContactForm,
    DeclarationForm,
    DefectForm,
    DeliveryForm,
    EvidenceStepForm,
    IdentityForm,
    MessagesForm,
    MinorForm,
    OrderForm,
    PolicyForm,
    ProblemForm,
    PromiseForm,
    ReceiptForm,
    ReviewForm,
    SellerForm,
)
from claims.wizard.forms.gate import GateForm
from claims.wizard.forms.messages import draft_digest
from claims.wizard.forms.purchase import ItemsForm
from claims.wizard.parts import Part

STEP_FORMS = [
    ("order", OrderForm),
    ("buyer", BuyerForm),
    ("problem", ProblemForm),
    ("minor", MinorForm),
    ("items", ItemsForm),
    ("delivery", DeliveryForm),
    ("defect", DefectForm),
    ("receipt", ReceiptForm),
    ("balance", BalanceForm),
    ("contact", ContactForm),
    ("policy", PolicyForm),
    ("promise", PromiseForm),
    ("seller", SellerForm),
    ("gate", GateForm),
    ("assessment", AssessmentForm),
    ("evidence", EvidenceStepForm),
    ("identity", IdentityForm),
    ("messages", MessagesForm),
    ("review", ReviewForm),
    ("declaration", DeclarationForm),
]
FORMS = dict(STEP_FORMS)
# The declaration is the signature itself: it is asked again after every change, and nothing
# derived from the answers (facts, drafts, what a signature covers) reads it.
SIGNING_STEP = "declaration"
FACT_STEPS = (
    "order", "buyer", "problem", "minor", "items", "delivery", "defect", "receipt", "balance",
    "contact", "policy", "promise", "seller", "gate",
)  # fmt: skip
# The review page is where a change of answer returns to (`?return=review` on the link).
RETURN_TO_REVIEW = "review"
STEP_LABELS = {
    "order": _("Order"),
    "buyer": _("Buyer"),
    "minor": _("Child's purchase"),
    "items": _("Items"),
    "problem": _("Problem"),
    "delivery": _("Delivery"),
    "defect": _("What is wrong"),
    "receipt": _("Delivery of the card"),
    "balance": _("Site balance"),
    "contact": _("Seller contact"),
    "policy": _("Refund rules"),
    "promise": _("Seller's promise"),
    "seller": _("Who runs the site"),
    "gate": _("What you wrote"),
    "assessment": _("Your result"),
    "evidence": _("Evidence"),
    "identity": _("Your contact for 12315"),
    "messages": _("Messages"),
    "review": _("Check answers"),
    "declaration": _("Sign"),
}
# Steps shown over several pages, one topic each (claims.wizard.parts); stored as one step.
STEP_PARTS = {
    "order": (
        Part(
            _("Your order"),
            (
                "amount", "purchased_at", "payment_method", "transfer_requested_by_seller",
                "order_number", "no_order_number", "transaction_number",
            ),
        ),
        Part(
            _("What you bought, and where"),
            ("product_name", "product_type", "items", "platform_name", "site_address", "shop_name"),
        ),
    ),
}  # fmt: skip
# The journey in sections whose number never changes, whatever the answers (GOV.UK's advice
# where conditional steps would make "step 5 of 12" jump to "of 13").
SECTIONS = (
    (_("Your purchase"), ("order", "buyer")),
    (
        _("What went wrong"),
        ("problem", "minor", "items", "delivery", "defect", "receipt", "balance"),
    ),
    (_("The seller"), ("contact", "policy", "promise", "seller", "gate")),
    (_("Your result"), ("assessment",)),
    (_("Evidence and messages"), ("evidence", "identity", "messages")),
    (_("Check and sign"), ("review", "declaration")),
)
DEFECT_PROBLEMS = ("invalid_key", "wrong_item", "stopped_working")

StepData = Mapping[str, Mapping | None]


def raw_answer(step_data: StepData, step: str, field: str) -> str | None:
    data = step_data.get(step)
    return data.get(f"{step}-{field}") if data else None


def buyer_is_a_child(step_data: StepData) -> bool:
    """R14: a child paid, said on the buyer step or chosen as the problem."""
    return (
        raw_answer(step_data, "buyer", "buyer_age") == "minor"
        or raw_answer(step_data, "problem", "problem") == "child_bought"
    )


def several_items_claimed(step_data: StepData) -> bool:
    """A several-item order, unless the whole balance is at stake: a child's several keys are
    named by count in the guardian's demand too (issue 13 item 1)."""
    return (
        raw_answer(step_data, "order", "items") == "several"
        and raw_answer(step_data, "problem", "problem") != "balance_stuck"
    )


def goods_never_arrived(step_data: StepData) -> bool:
    return raw_answer(step_data, "problem", "problem") == "not_delivered"


def goods_arrived_faulty(step_data: StepData) -> bool:
    return raw_answer(step_data, "problem", "problem") in DEFECT_PROBLEMS


def card_to_send_back(step_data: StepData) -> bool:
    """R6 B: a mailed card returned without a reason; its 7 days run from receipt."""
    return (
        raw_answer(step_data, "order", "product_type") == "physical_card"
        and raw_answer(step_data, "problem", "problem") == "changed_mind"
    )


def money_held_as_balance(step_data: StepData) -> bool:
    return raw_answer(step_data, "problem", "problem") == "balance_stuck"


def seller_promised_refunds(step_data: StepData) -> bool:
    return raw_answer(step_data, "policy", "refund_promise") == "yes"


def bought_as_a_consumer(step_data: StepData) -> bool:
    """12315 takes consumer complaints only (R0): its identity step is skipped otherwise."""
    return raw_answer(step_data, "buyer", "purpose") != "resale"


def _values(data, key: str) -> list:
    if not data:
        return []
    return list(data.getlist(key)) if hasattr(data, "getlist") else list(data.get(key) or [])


def own_words_of(step_data: StepData) -> tuple[OwnWords, ...]:
    """R17 reads the user's own words: the description, the drafts they edited (a draft left
    as generated is ours, not theirs) and the event notes that sent them to the question."""
    texts = [raw_answer(step_data, "problem", "description") or ""]
    messages = step_data.get("messages") or {}
    for key in messages:
        name = key.removeprefix("messages-")
        if name.startswith("basis_") or name == key:
            continue
        text = (_values(messages, key) or [""])[-1]
        basis = (_values(messages, f"messages-basis_{name}") or [""])[-1]
        if text and draft_digest(text) != basis:
            texts.append(text)
    texts.extend(_values(step_data.get("gate"), "gate-event_notes"))
    return own_words(*texts)


def own_words_suggest_abuse(step_data: StepData) -> bool:
    return bool(own_words_of(step_data))


# What a step's form needs besides its data, from the raw answers (the wizard and
# wizard.facts bind the forms the same way).
STEP_FORM_KWARGS: dict[str, Callable[[StepData], dict]] = {
    "gate": lambda step_data: {"own_words": own_words_of(step_data)},
}


def form_kwargs(step: str, step_data: StepData) -> dict:
    return STEP_FORM_KWARGS[step](step_data) if step in STEP_FORM_KWARGS else {}


# Steps that apply only to some claims; every other step always applies.
STEP_CONDITIONS: dict[str, Callable[[StepData], bool]] = {
    "minor": buyer_is_a_child,
    "items": several_items_claimed,
    "delivery": goods_never_arrived,
    "defect": goods_arrived_faulty,
    "receipt": card_to_send_back,
    "balance": money_held_as_balance,
    "promise": seller_promised_refunds,
    "identity": bought_as_a_consumer,
    "gate": own_words_suggest_abuse,
}


def active_steps(step_data: StepData) -> list[str]:
    return [
        step
        for step, _form in STEP_FORMS
        if step not in STEP_CONDITIONS or STEP_CONDITIONS[step](step_data)
    ]
