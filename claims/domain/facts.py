"""What the user told the wizard, as plain types, and the vocabularies of its answers.

Every rule module reads a Facts; the wizard's forms offer exactly these vocabularies.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from claims.domain.formatting import SHANGHAI

PRODUCT_TYPES = ("card_key", "membership", "topup", "service", "physical_card", "site_balance")

PROBLEMS = (
    "not_delivered",
    "invalid_key",
    "wrong_item",
    "stopped_working",
    "balance_stuck",
    "changed_mind",
    "child_bought",
)

# Problems whose story has no "did it ever work?" question: the money or the buyer is the issue.
NO_USE_QUESTION = ("balance_stuck", "child_bought")

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

# R14: every age under 18 gives a result. From 8 a child has limited capacity (民法典 19/145);
# under 8 none, so the purchase is void (民法典 20/144).
MINOR_AGES = range(0, 18)
LIMITED_CAPACITY_AGE = 8

FRAUD_SIGNS = ("vanished", "false_claims")

# R7: what a refund promise asks of the buyer besides its window.
PROMISE_CONDITIONS = ("unused", "none", "other", "")


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
    quantity: int = 1
    quantity_failed: int = 1
    amount_claimed: Decimal | None = None  # None: the share of the price the failed items cost
    no_order_number: bool = False
    promise_days: int | None = None
    promise_condition: str = ""
    demanded_on: date | None = None  # None: the first contact already asked for the money back
    demand_made: bool = True
    # R14, ages 8-17: True when the spending is beyond what suits the child's age, None unsure.
    minor_out_of_proportion: bool | None = None
    # R17: the user confirmed that their own words (an item worked, fake evidence) are true.
    false_claim_confirmed: bool = False
    # R1: the day the shop promised to deliver by, when the user knows it.
    promised_by: date | None = None

    @property
    def purchase_date(self) -> date:
        """The order day in China, which is also the delivery day for instant-delivery goods."""
        return self.purchased_at.astimezone(SHANGHAI).date()

    @property
    def receipt_date(self) -> date:
        """The day the key or top-up arrived; the order day when the user did not say."""
        return self.delivered_on or self.purchase_date

    @property
    def partial(self) -> bool:
        """Some items of the order worked: the claim covers only the ones that failed."""
        return self.quantity_failed < self.quantity

    @property
    def claimed_amount(self) -> Decimal:
        """The sum claimed: what the user entered, else the failed items' share of the price."""
        if self.amount_claimed is not None:
            return min(self.amount_claimed, self.amount)
        if not self.partial:
            return self.amount
        share = self.amount * self.quantity_failed / self.quantity
        return share.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    @property
    def order_reference(self) -> str:
        """R15: a private transfer has no order number; its transaction number names it."""
        return self.order_number or self.transaction_number

    @property
    def demand_date(self) -> date | None:
        """R9: the day the user asked for a refund, replacement or repair; None before that."""
        if not self.contacted or not self.demand_made:
            return None
        return self.demanded_on or self.contacted_on

    @property
    def operator_known(self) -> bool:
        """R11: 12315 needs a named respondent with an address, not a site nickname."""
        return bool(self.operator_name.strip() and self.operator_address.strip())
