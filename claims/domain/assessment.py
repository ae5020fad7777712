"""What eligibility.assess() returns: the outcome, its reasons and citations, deadlines,
channels, and the Findings the rules fill in before it is frozen."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

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
