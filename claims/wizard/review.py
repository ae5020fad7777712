"""What the review page and the evidence checklist show: answers as label/value rows."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims.domain.assessment import format_yuan
from claims.domain.normalize import compact_identifier
from claims.models import Evidence
from claims.screenshots.readings import state_of
from claims.wizard.steps import FACT_STEPS, STEP_LABELS

REVIEWED_STEPS = (*FACT_STEPS, "identity", "messages")
# The review lists the drafts by their opening words; they are read in full on their own step.
DRAFT_PREVIEW_CHARS = 60


def display_value(field: forms.Field, value) -> str:
    if value in (None, "", []):
        return _("Not given")
    if isinstance(field, forms.MultipleChoiceField):
        labels = dict(field.choices)
        return "; ".join(str(labels.get(item, item)) for item in value)
    if isinstance(field, forms.ChoiceField):
        return str(dict(field.choices).get(value, value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime):
        return date_format(timezone.localtime(value), "Y-m-d H:i")
    if isinstance(value, date):
        return date_format(value, "Y-m-d")
    if isinstance(value, Decimal):
        return format_yuan(value)
    return str(value)


def answer_sections(step_data, steps, form_for, change_url=None) -> list[dict]:
    """One section per answered step, each row a (field name, label, shown value).

    `form_for(step, data)` binds a step's form; `change_url(step)` gives the Change link.
    """
    sections = []
    for step in steps:
        if step not in REVIEWED_STEPS:
            continue
        form = form_for(step, step_data.get(step))
        if not form.is_valid():
            continue
        rows = [
            (name, field.label, display_value(field, form.cleaned_data.get(name)))
            for name, field in form.fields.items()
            if not field.widget.is_hidden
            and (form.cleaned_data.get(name) not in (None, "") or field.required)
        ]
        if step == "messages":
            rows = [
                (name, label, Truncator(value).chars(DRAFT_PREVIEW_CHARS))
                for name, label, value in rows
            ]
        sections.append(
            {
                "step": step,
                "label": STEP_LABELS[step],
                "rows": rows,
                "change_url": change_url(step) if change_url else None,
            }
        )
    return sections


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


# -- typed facts against what the evidence shows (OCR readings, claims.screenshots) -------------


@dataclass(frozen=True)
class Disagreement:
    number: int  # the exhibit's number in the dossier (证据N)
    title: str
    what: str  # "amount", "date", "order_number" or "transaction_number"
    typed: str
    shown: str

    @property
    def message(self) -> str:
        values = {
            "number": self.number,
            "title": self.title,
            "typed": self.typed,
            "shown": self.shown,
        }
        texts = {
            "amount": _(
                "You typed %(typed)s as the amount paid, but exhibit %(number)d (%(title)s) "
                "shows %(shown)s."
            ),
            "date": _(
                "You typed %(typed)s as the payment date, but exhibit %(number)d (%(title)s) "
                "shows %(shown)s."
            ),
            "order_number": _(
                "You typed the order number %(typed)s, but exhibit %(number)d (%(title)s) "
                "shows %(shown)s."
            ),
            "transaction_number": _(
                "You typed the payment transaction number %(typed)s, but exhibit %(number)d "
                "(%(title)s) shows %(shown)s."
            ),
        }
        text = texts[self.what]
        return text % values


@dataclass
class EvidenceCheck:
    disagreements: list[Disagreement] = field(default_factory=list)
    pending: int = 0  # payment screenshots still being read

    def __bool__(self) -> bool:
        return bool(self.disagreements or self.pending)


def evidence_check(facts, exhibits) -> EvidenceCheck:
    """Where the amount, date or numbers typed differ from what a readable exhibit shows.

    `exhibits` are (number, Evidence) pairs, numbered as in the dossier.
    """
    check = EvidenceCheck()
    if facts is None:
        return check
    for number, item in exhibits:
        state = state_of(item)
        if state is None:
            continue
        if state.pending and item.category == Evidence.Category.TRANSACTION:
            check.pending += 1
        if state.done:
            title = item.caption or item.original_name
            check.disagreements += [
                Disagreement(number, title, what, typed, shown)
                for what, typed, shown in _differences(facts, state.reading)
            ]
    return check


def _differences(facts, reading):
    if reading.amount is not None and reading.amount != facts.amount:
        yield "amount", format_yuan(facts.amount), format_yuan(reading.amount)
    if reading.paid_at is not None:
        typed_day = timezone.localdate(facts.purchased_at)
        shown_day = timezone.localdate(reading.paid_at)
        if typed_day != shown_day:
            yield "date", date_format(typed_day, "Y-m-d"), date_format(shown_day, "Y-m-d")
    on_screen = {_number(reading.order_number), _number(reading.transaction_number)} - {""}
    for what in ("order_number", "transaction_number"):
        typed, shown = getattr(facts, what), getattr(reading, what)
        if typed and shown and _number(typed) not in on_screen:
            yield what, typed, shown


def _number(text: str) -> str:
    return compact_identifier(text or "").upper()
