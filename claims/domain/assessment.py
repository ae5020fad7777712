"""What eligibility.assess() returns: the outcome, its reasons and citations, deadlines,
channels, and the Findings the rules fill in before it is frozen."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from claims.domain.formatting import format_date
from claims.domain.law import Article
from claims.domain.text import Text

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
class Reason:
    text: Text
    citations: tuple[Article, ...]


@dataclass(frozen=True)
class Deadline:
    """A real date; `key` names the limit (e.g. "lawsuit_3y"), `passed` is true after it."""

    label: Text
    due: date
    note: Text
    approximate: bool = False
    key: str = ""
    passed: bool = False


@dataclass(frozen=True)
class Term:
    """How long a demand gives the shop: days or hours from the day it is sent, or a fixed day.

    It lives on the demand (Findings.term, Assessment.demand_term) so the demand's words, the
    drafts' dates and the plan's dates come from one value.
    """

    days: int = 0
    hours: int = 0
    until: date | None = None

    @property
    def words(self) -> Text:
        """The term as a demand states it: 在3日内 / within 3 days."""
        if self.until is not None:
            day = format_date(self.until)
            return Text(f"在{day.zh}前", f"by {day.en}")
        if self.hours:
            return Text(f"在{self.hours}小时内", f"within {self.hours} hours")
        return Text(f"在{self.days}日内", f"within {self.days} days")

    def due(self, sent: date) -> date:
        """The shop's last day when the demand goes out on `sent` (hours round up to days)."""
        if self.until is not None:
            return self.until
        return sent + timedelta(days=self.days - (-self.hours // 24))


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
    # Stable across answers and releases: an uploaded file names the need it was sent for.
    key: str = ""


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
    demand_term: Term | None = None  # None: the demand gives no term (a favour, "not yet")


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
    term: Term | None = None  # the term the demand's words state; set with the demand

    def because(self, zh: str, en: str, *citations: Article) -> None:
        """Add a reason: Chinese impersonal (it is printed for the shop), English to the user."""
        self.reasons.append(Reason(Text(zh, en), citations))

    def warn(self, zh: str, en: str) -> None:
        self.warnings.append(Text(zh, en))

    def instead(self, zh: str, en: str) -> None:
        self.alternatives.append(Text(zh, en))
