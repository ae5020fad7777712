"""The evidence checklist: which kinds of evidence the assessment asks for, which are there."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy

from claims.evidence.forms import EvidenceUploadForm, Holdings, PaymentConsentForm
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
    key: str = ""
    upload_form: object = None


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
    def missing(self) -> list[ChecklistItem]:
        return [item for item in self.items if not item.done]

    @property
    def next_category(self) -> str | None:
        """The category of the first item still missing: a good default for the next upload."""
        return next((item.category for item in self.items if not item.done), None)

    def item(self, key: str) -> ChecklistItem | None:
        return next((item for item in self.items if key and item.key == key), None)

    def __bool__(self) -> bool:
        return bool(self.items)


def evidence_checklist(assessment, items) -> Checklist:
    """The evidence the assessment asks for, in its order, each ticked by the files sent for it.

    A file uploaded for a need ticks exactly that need. Files sent without one (claims from
    before needs had keys, the general upload form) tick by category: the n-th still open
    need of a category is met once n such files of that category exist.
    """
    if assessment is None:
        return Checklist()
    needs = assessment.evidence_needed
    keys = {need.key for need in needs}
    named = {item.need for item in items if item.need in keys}
    files = Counter(item.category for item in items if item.need not in keys)
    seen = Counter()
    labels = dict(Evidence.Category.choices)
    checklist = Checklist()
    for need in needs:
        seen[need.category] += 1
        if need.key in named:
            done = True
        else:
            files[need.category] -= 1
            done = files[need.category] >= 0
        checklist.items.append(
            ChecklistItem(
                category=need.category,
                label=labels.get(need.category, need.category),
                description=need.description,
                # One example per category is enough; repeated it would only be noise.
                example=GOOD_EVIDENCE.get(need.category) if seen[need.category] == 1 else None,
                done=done,
                key=need.key,
            )
        )
    return checklist


def file_under(saved, need: str) -> None:
    """Record the need the user uploaded these files for (saved: Evidence rows)."""
    if need:
        Evidence.objects.filter(pk__in=[item.pk for item in saved]).update(need=need)


def bound_upload_form(wizard) -> EvidenceUploadForm:
    """The posted upload form; sent from a need's own form, it is that need's form again."""
    request = wizard.request
    need = request.POST.get("upload-need", "")
    target = evidence_checklist(wizard.assessment(), wizard.claim.evidence.all()).item(need)
    return EvidenceUploadForm(
        request.POST, request.FILES, prefix="upload", claim=wizard.claim, for_need=target
    )


def step_context(wizard, form, context) -> dict:
    """The evidence step: the files so far, the checklist with an upload form per missing need,
    the general upload form (the one the user just sent, with its errors, when an upload was
    refused), and the payment records notice beside each payment record the reader found
    without the claim's consent."""
    items = list(wizard.claim.evidence.all())
    held = Holdings.of(items)
    checklist = evidence_checklist(context["assessment"], items)
    sent = context.get("upload_form")
    if sent is not None:
        sent.held = held  # the room left after what this very request saved
    sent_for = checklist.item(sent["need"].value() or "") if sent is not None else None
    for item in checklist.items:
        if item.done and item is not sent_for:
            continue
        item.upload_form = (
            sent
            if sent_for is item
            else EvidenceUploadForm(prefix="upload", claim=wizard.claim, for_need=item, held=held)
        )
    upload_form = (sent if sent_for is None else None) or EvidenceUploadForm(
        prefix="upload",
        claim=wizard.claim,
        initial={"category": checklist.next_category},
        held=held,
    )
    return {
        "evidence_items": items,
        "checklist": checklist,
        "upload_form": upload_form,
        "awaiting_consent": awaiting_consent(items),
        "consent_form": PaymentConsentForm(),
    }


def missing_evidence(wizard, form, context) -> dict:
    """The review page: what the checklist still lacks, said before signing."""
    items = list(wizard.claim.evidence.all())
    return {"missing_evidence": evidence_checklist(context.get("assessment"), items).missing}
