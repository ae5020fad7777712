"""The types eligibility.assess() reads and returns, and the small formatters they share.

Kept apart from the rules so eligibility.py, next_steps.py and drafting.py can all use them.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from claims.domain.law import Article
from claims.domain.text import Text

SHANGHAI = ZoneInfo("Asia/Shanghai")
PRODUCT_TYPES = ("card_key", "membership", "topup", "service", "physical_card")
PROBLEMS = (
    "not_delivered",
    "invalid_key",
    "wrong_item",
    "stopped_working",
    "balance_stuck",
    "changed_mind",
)
# Problems that say the goods never arrived or never worked: with a redeemed key, R17 stops them.
NEVER_WORKED = ("not_delivered", "invalid_key", "wrong_item")
PURPOSES = ("personal", "resale")
PROMISED_DELIVERY = ("instant", "within", "none", "")
KEY_SHOWN = ("nothing", "unreadable", "")
DEFECT_KINDS = (
    "invalid",
    "used",
    "wrong_value",
    "wrong_region",
    "not_as_described",
    "recovered",
    "reversed",
    "expired_early",
    "other",
    "",
)
BALANCE_BLOCKED = ("cannot_use", "cannot_withdraw", "both", "")
SOLD_ON_PLATFORM = ("yes", "no", "unsure")
FRAUD_SIGNS = ("vanished", "false_claims")
ROUTES = (
    "non_delivery",
    "not_yet_due",
    "defect",
    "seller_promise",
    "no_reason_return",
    "no_reason_unlikely",
    "site_balance",
    "minor",
    "business_purchase",
    "stop_abuse",
)
OUTCOMES = ("strong", "good", "uncertain", "weak", "wait", "stop")
# Routes on which the user has a legal claim against the shop (not just a request).
CLAIM_ROUTES = (
    "non_delivery",
    "defect",
    "seller_promise",
    "no_reason_return",
    "site_balance",
    "minor",
    "business_purchase",
)
# Claim routes that rest on consumer law, so 12315 and the 消协 can take them (R0 excludes resale).
CONSUMER_ROUTES = tuple(route for route in CLAIM_ROUTES if route != "business_purchase")


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
    purpose: str = "personal"
    buyer_is_minor: bool = False
    minor_age: int | None = None
    guardian_consented: bool | None = None
    transfer_requested_by_seller: bool = False
    promised_delivery: str = ""
    key_shown: str = ""
    delivered_on: date | None = None
    defect_kind: str = ""
    used_before_confirmed: bool = False
    balance_amount: Decimal | None = None
    balance_blocked: str = ""
    site_closed: bool = False
    deadline_given: bool = False
    deadline_on: date | None = None
    operator_name: str = ""
    operator_address: str = ""
    icp_number: str = ""
    payee_name: str = ""
    sold_on_platform: str = "unsure"
    fraud_signs: tuple[str, ...] = ()

    @property
    def purchase_date(self) -> date:
        """The order day in China, which is also the delivery day for instant-delivery goods."""
        return self.purchased_at.astimezone(SHANGHAI).date()

    @property
    def receipt_date(self) -> date:
        """The day the key or top-up arrived; the order day when the user did not say."""
        return self.delivered_on or self.purchase_date

    @property
    def operator_known(self) -> bool:
        """R11: 12315 needs a named respondent with an address, not a site nickname."""
        return bool(self.operator_name.strip() and self.operator_address.strip())


@dataclass(frozen=True)
class Reason:
    text: Text
    citations: tuple[Article, ...]


@dataclass(frozen=True)
class Deadline:
    label: Text
    due: date
    note: Text
    approximate: bool = False


@dataclass(frozen=True)
class PunitiveClaim:
    """R12: the optional CPL 55 claim, max(3 x price, ¥500), always shown with its caveats."""

    amount: Decimal
    text: Text
    caveats: tuple[Text, ...]
    citations: tuple[Article, ...]


@dataclass(frozen=True)
class Channel:
    """One place to take the claim (R13), in the order the user should try them."""

    key: str
    name: Text
    when: Text
    citations: tuple[Article, ...]


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
    punitive: PunitiveClaim | None = None
    alternatives: tuple[Text, ...] = ()
    channels: tuple[Channel, ...] = ()


@dataclass
class Findings:
    """What the rules decide for one order, gathered before it is frozen into an Assessment."""

    route: str
    outcome: str
    headline: Text
    demand: Text
    reasons: list[Reason] = field(default_factory=list)
    warnings: list[Text] = field(default_factory=list)
    alternatives: list[Text] = field(default_factory=list)

    def because(self, zh: str, en: str, *citations: Article) -> None:
        """Add a reason: Chinese impersonal (it is printed for the shop), English to the user."""
        self.reasons.append(Reason(Text(zh, en), citations))

    def warn(self, zh: str, en: str) -> None:
        self.warnings.append(Text(zh, en))

    def instead(self, zh: str, en: str) -> None:
        self.alternatives.append(Text(zh, en))


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
