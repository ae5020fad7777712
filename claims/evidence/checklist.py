"""The evidence checklist: which kinds of evidence the assessment asks for, which are there."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy

from claims.evidence.forms import EvidenceUploadForm, PaymentConsentForm
from claims.models import Evidence
from claims.screenshots.readings import awaiting_consent

# What good evidence of each kind looks like (shared/domain/LEGAL_BASIS.md §3.2).
GOOD_EVIDENCE = {
    "transaction": gettext_lazy(
        "The bill detail page in Alipay or WeChat Pay showing the payee's full name, the "
        "transaction number, the amount, the time and the status; and the order page on the "
        "site with the order number, the item, the price, the status and the card key exactly "
        "as shown. Keep the page address and your phone's clock in the picture if you can."
    ),
    "product_state": gettext_lazy(
        "One uncut screen recording: start on the order page showing the key, copy it, paste "
        "it on the official redeem page or in the game, and keep recording until the error "
        "appears. Even better: the game's official top-up history, or a support reply saying "
        "the key was already used or is invalid."
    ),
    "merchant_breach": gettext_lazy(
        "The product page with its promise ('instant delivery', 'refund if unused', '7-day "
        "warranty') or its 'no refund' notice, and your chat with the seller: your request, "
        "their replies, the times and their account ID all visible."
    ),
    "operator_identity": gettext_lazy(
        "The licence details at the bottom of the home page, the ICP record holder, the "
        "support QQ or WeChat ID, and the payee name on your payment record."
    ),
}


@dataclass
class ChecklistItem:
    category: str
    label: str
    description: object
    example: object
    done: bool


@dataclass
class Checklist:
    items: list[ChecklistItem] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(item.done for item in self.items)

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def next_category(self) -> str | None:
        """The category of the first item still missing: a good default for the next upload."""
        return next((item.category for item in self.items if not item.done), None)

    def __bool__(self) -> bool:
        return bool(self.items)


def evidence_checklist(assessment, items) -> Checklist:
    """The evidence the assessment asks for, in its order, ticked as files of its kind arrive.

    Needs of one category are ticked in order: the n-th is met once n files of that category
    exist (the assessment gives needs no identity a file could point to).
    """
    if assessment is None:
        return Checklist()
    files = Counter(item.category for item in items)
    seen = Counter()
    labels = dict(Evidence.Category.choices)
    checklist = Checklist()
    for need in assessment.evidence_needed:
        seen[need.category] += 1
        checklist.items.append(
            ChecklistItem(
                category=need.category,
                label=labels.get(need.category, need.category),
                description=need.description,
                # One example per category is enough; repeated it would only be noise.
                example=GOOD_EVIDENCE.get(need.category) if seen[need.category] == 1 else None,
                done=files[need.category] >= seen[need.category],
            )
        )
    return checklist


def step_context(wizard, form, context) -> dict:
    """The evidence step: the files so far, the checklist, and the upload form (the one the
    user just sent, with its errors, when an upload was refused), and the payment records
    notice beside each payment record the reader found without the claim's consent."""
    items = list(wizard.claim.evidence.all())
    checklist = evidence_checklist(context["assessment"], items)
    upload_form = context.get("upload_form") or EvidenceUploadForm(
        prefix="upload", claim=wizard.claim, initial={"category": checklist.next_category}
    )
    return {
        "evidence_items": items,
        "checklist": checklist,
        "upload_form": upload_form,
        "awaiting_consent": awaiting_consent(items),
        "consent_form": PaymentConsentForm(),
    }
