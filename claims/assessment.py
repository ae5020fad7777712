"""The types eligibility.assess() reads and returns, and the small formatters they share.

Kept apart from the rules so eligibility.py, next_steps.py and drafting.py can all use them.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from claims.bilingual import Text
from claims.law import Article

SHANGHAI = ZoneInfo("Asia/Shanghai")
PRODUCT_TYPES = ("card_key", "membership", "topup", "service", "physical_card")
PROBLEMS = ("not_delivered", "invalid_key", "wrong_item", "changed_mind")
ROUTES = (
    "non_delivery",
    "not_yet_due",
    "defect",
    "seller_promise",
    "no_reason_return",
    "no_reason_unlikely",
    "stop_abuse",
)
OUTCOMES = ("strong", "good", "uncertain", "weak", "wait", "stop")
# Routes on which the user has a legal claim against the shop (not just a request).
CLAIM_ROUTES = ("non_delivery", "defect", "seller_promise", "no_reason_return")


@dataclass(frozen=True)
class Facts:
    """What the user told the wizard, in plain types: money is Decimal, times are aware."""

    product_type: str
    product_name: str
    platform_name: str
    shop_name: str
    order_number: str
    amount: Decimal
    purchased_at: datetime
    payment_method: str
    transaction_number: str
    problem: str
    delivery_overdue: bool | None
    redeemed: bool
    discovered_on: date
    description: str
    contacted: bool
    contacted_on: date | None
    merchant_response: str
    merchant_response_text: str
    refund_promise: str
    promise_text: str
    promise_conditions_met: str
    no_refund_clause: bool
    clause_text: str
    purchase_confirmation: str
    today: date

    @property
    def purchase_date(self) -> date:
        """The order day in China, which is also the delivery day for instant-delivery goods."""
        return self.purchased_at.astimezone(SHANGHAI).date()


@dataclass(frozen=True)
class Reason:
    text: Text
    citations: tuple[Article, ...]


@dataclass(frozen=True)
class Deadline:
    label: Text
    due: date
    note: Text


@dataclass(frozen=True)
class EvidenceNeed:
    category: str
    description: Text


@dataclass(frozen=True)
class Assessment:
    """The answer shown to the user and printed in the dossier; citations are unique."""

    route: str
    outcome: str
    headline: Text
    reasons: tuple[Reason, ...]
    demand: Text
    citations: tuple[Article, ...]
    deadlines: tuple[Deadline, ...]
    evidence_needed: tuple[EvidenceNeed, ...]
    warnings: tuple[Text, ...]
    blocks_documents: bool


@dataclass
class Findings:
    """What the rules decide for one order, gathered before it is frozen into an Assessment."""

    route: str
    outcome: str
    headline: Text
    demand: Text
    reasons: list[Reason] = field(default_factory=list)
    warnings: list[Text] = field(default_factory=list)

    def because(self, zh: str, en: str, *citations: Article) -> None:
        self.reasons.append(Reason(Text(zh, en), citations))


def format_yuan(amount: Decimal) -> str:
    """Money the way Chinese receipts show it: ¥50.00."""
    return f"¥{amount:.2f}"


def format_date(day: date) -> Text:
    """2026年11月27日 for Chinese readers, ISO for English ones (no ambiguous 11/27)."""
    return Text(f"{day.year}年{day.month}月{day.day}日", day.isoformat())


def add_years(day: date, years: int) -> date:
    """Same day N years later; 29 February falls back to the 28th."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
