"""True stories: claims told as a user tells them, with what the reference says must come out.

A data module for issue 13's table (pytest collects nothing here). The expectations are read
from ../shared/domain/LEGAL_BASIS.md, never from what the app answers today; the runner that
turns the semantic facts into wizard answers is written once the fact questions exist.

Facts (``Story.facts``, a dict; ``facts()`` fills the keys a story does not set from DEFAULTS):
  product_type        "card_key" | "top_up" (代充) | "membership" | "site_balance" (a deposit into
                      the site's own balance) | "game_currency" | "account" | "physical_card"
                      (a mailed, sealed scratch card)
  product_name        what the listing calls it
  quantity_bought     items in the order (keys, top-ups, months, deposits)
  quantity_failed     items the user says failed (never arrived / invalid / used before delivery);
                      for "child_bought" and "changed_mind" the items the user wants undone
  quantity_worked     items the user says worked or redeemed (an honest claim keeps
                      quantity_failed + quantity_worked <= quantity_bought)
  unit_price          Decimal when every item costs the same, else None
  amount_paid         Decimal, the whole order
  amount_claimed      Decimal when prices differ (else unit_price * quantity_failed), else None
  paid_via            "platform" (a marketplace checkout) | "alipay" | "wechat" | "private_transfer"
  has_order_number / has_transaction_number   bools; a private transfer has no order number
  platform            name of the marketplace the seller sits on, or None for a self-built site
  purpose             "personal" | "resale"
  problem             "not_delivered" | "not_credited" | "invalid" | "already_used" |
                      "balance_unusable" | "changed_mind" | "child_bought"
  purchased_on, received_on, discovered_on, first_contact_on, demand_on
                      dates (None where the event did not happen); demand_on is the day the user
                      asked for a refund, replacement or repair, not a question about delivery
  delivery_promise_days   "24小时内到账" -> 1, "自动发货" -> 0; None when nothing was promised
  seller_said         "nothing" | "will_check" | "refused" | "no_refund_notice" |
                      "digital_no_seven_day" | "site_credit_only" | "admitted_no_stock"
  seller_words        the seller's words, quoted whole
  promise_window_days / promise_condition     the seller's refund promise (R7), e.g. 7 / "未使用"
  confirmation_at_purchase  for a physical card: was a no-return confirmation shown (bool)
  buyer_age           the child's age 0-17, or None when an adult bought it
  out_of_proportion   8-17 only: spending out of proportion to the child's age (else None)
  guardian_consented  bool
  operator_name_known / operator_address_known / icp_known    what the user found (R11)
  staff_asked_private_transfer   the seller's staff told the user to pay off the checkout (R15)
  fraud_signs         subset of "no_intent_to_deliver", "sold_used_keys", "false_statements"
  description / draft_edit / event_note       the user's own words in the wizard, a draft they
                      edited and an event they recorded

Expectations (``Story.expect``): route ("claim", "no_claim", "wait", "stop", or None where the
reference leaves it open); dossier (None = open); the demand's count and sum; citations the
result must show (``cite``; an article without 款 matches any paragraph of it) and must not show
(``forbid``, plus ALWAYS_FORBIDDEN everywhere); deadlines with the fact that starts each; channels
the result offers, in this relative order (others may appear unless in ``not_channels``); the
abuse gate; warnings; phrases the drafts must contain; questions never asked; open points.
Channels: "seller" (customer service + written 催告), "platform", "payment" (Alipay or WeChat Pay
complaint), "12315", "report" (举报), "consumer_association" (消协), "court", "police",
"goodwill" (a polite request when there is no claim).

Day counting: an N-day limit from an event ends N days after it (day 1 is the next day,
七日办法 10); a year limit ends on the same date N years later; "passed" means today is later.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")

# §1.12 / R17: "Require an attestation checkbox: "以上内容真实，证据未经篡改"."
ATTESTATION = "以上内容真实，证据未经篡改"

CIVIL_CODE = "《中华人民共和国民法典》"
CPL = "《中华人民共和国消费者权益保护法》"
CPL_REGULATIONS = "《中华人民共和国消费者权益保护法实施条例》"
SEVEN_DAY_MEASURES = "《网络购买商品七日无理由退货暂行办法》"
PENALTY_MEASURES = "《侵害消费者权益行为处罚办法》"
SPC_ONLINE = "《最高人民法院关于审理网络消费纠纷案件适用法律若干问题的规定（一）》"
REPEALED_12315_RULE = "《市场监督管理投诉举报处理暂行办法》"
PUBLIC_SECURITY_LAW = "《中华人民共和国治安管理处罚法》"

UNITS = {
    "card_key": "张",
    "physical_card": "张",
    "top_up": "次",
    "membership": "个月",
    "site_balance": "笔",
    "game_currency": "笔",
    "account": "个",
}
CHANNELS = (
    "seller",
    "platform",
    "payment",
    "12315",
    "report",
    "consumer_association",
    "court",
    "police",
    "goodwill",
)
DEADLINE_KINDS = {
    # kind: (days, years) counted from the starting fact
    "quality_return_7d": (7, 0),  # §1.14 "7 days (quality return...) | From receipt." CPL 24
    "no_reason_7d": (7, 0),  # §1.14 "Counting starts the day after receipt." 七日办法 10
    "stall_15d": (15, 0),  # R9 "within **15 days** of the refund demand" 处罚办法 10 款2 / 8
    "rescission_1y": (0, 1),  # §1.14 "rescission right when no deadline is set" 民法典 564
    "fraud_revocation_1y": (0, 1),  # R16 "Fraud revocation: 1 year. [民法典 152]"
    "lawsuit_3y": (0, 3),  # R16 "Lawsuit: 3 years. [民法典 188]"
    "promise_window": (None, 0),  # R7: the seller's own window, facts["promise_window_days"]
    "delivery_promise": (None, 0),  # R1 "the promised time has passed": delivery_promise_days
}
WARNINGS = {
    "time_limit_passed:quality_return_7d",
    "time_limit_passed:no_reason_7d",
    "time_limit_passed:rescission_1y",
    "time_limit_passed:fraud_revocation_1y",
    "time_limit_passed:lawsuit_3y",
    "time_limit_passed:promise_window",
    # R16: "the repealed rule refused complaints more than 3 years after ... (advice only)"
    "twelve315_three_year_bar_past_practice",
    # R11: "warn that 12315 may refuse the complaint"
    "twelve315_may_refuse_unknown_operator",
    # R15: "payment-platform merchant complaints may not be available for personal transfers"
    "personal_transfer_complaint_may_be_unavailable",
    # issue 13 item 4 / R7: do not reveal or redeem the key while claiming under the promise
    "do_not_redeem_while_promise",
    # R12: "fraud must be proven"; "12315 mediation cannot force the award, so it usually needs
    # a court"
    "fraud_must_be_proven",
    "punitive_award_usually_needs_court",
}


@dataclass(frozen=True)
class Cite:
    """An article as the result prints it (full instrument name, §4), with the reference's words."""

    law: str
    article: str
    ref: str  # verbatim words of LEGAL_BASIS.md that name this article

    @property
    def text(self) -> str:
        return f"{self.law}{self.article}"


@dataclass(frozen=True)
class Demand:
    count: int
    unit: str
    total: Decimal

    @property
    def text(self) -> str:
        return f"{self.count} {self.unit}, ¥{self.total:.2f}"


@dataclass(frozen=True)
class Deadline:
    kind: str
    starts: str  # the fact whose date starts it
    last_day: date
    passed: bool


@dataclass(frozen=True)
class Expect:
    rules: tuple[str, ...]
    route: str | None
    dossier: bool | None
    demand: Demand | None = None
    cite: tuple[Cite, ...] = ()
    forbid: tuple[Cite, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    channels: tuple[str, ...] = ()
    not_channels: tuple[str, ...] = ()
    gate_stops: bool = False
    warnings: tuple[str, ...] = ()
    drafts_say: tuple[str, ...] = ()
    not_asked: tuple[str, ...] = ()  # "did_it_work", "out_of_proportion"
    asks_proportion: bool | None = None
    open_points: tuple[str, ...] = ()


@dataclass(frozen=True)
class Story:
    id: str
    story: str
    today: datetime
    facts: dict = field(hash=False)
    expect: Expect = field(hash=False)


# Citations. Each names the LEGAL_BASIS words it follows from (checked verbatim by the table test).
CC_19 = Cite(CIVIL_CODE, "第十九条", "cite 民法典 19 and 145 (para 1) as the basis and 157")
CC_145 = Cite(CIVIL_CODE, "第一百四十五条", "cite 民法典 19 and 145 (para 1) as the basis and 157")
CC_20 = Cite(CIVIL_CODE, "第二十条", "cite 民法典 20 and 144 (the purchase is void) and 157")
CC_144 = Cite(CIVIL_CODE, "第一百四十四条", "cite 民法典 20 and 144 (the purchase is void) and 157")
CC_157 = Cite(CIVIL_CODE, "第一百五十七条", "cite 民法典 20 and 144 (the purchase is void) and 157")
CC_152 = Cite(CIVIL_CODE, "第一百五十二条", "民法典 152, 564")
CC_188 = Cite(CIVIL_CODE, "第一百八十八条", "[民法典 188]")
CC_497 = Cite(CIVIL_CODE, "第四百九十七条", "民法典 497")
CC_563 = Cite(CIVIL_CODE, "第五百六十三条", "民法典 563(3), 565, 566")
CC_565 = Cite(CIVIL_CODE, "第五百六十五条", "民法典 563(3), 565, 566")
CC_566 = Cite(CIVIL_CODE, "第五百六十六条", "CPL 53 and 民法典 566")
CC_577 = Cite(CIVIL_CODE, "第五百七十七条", "民法典 577]")
CC_582 = Cite(CIVIL_CODE, "第五百八十二条", "[CPL 24; 民法典 582; 七日办法 35]")
CC_617 = Cite(CIVIL_CODE, "第六百一十七条", "民法典 617")
CPL_ANY = Cite(CPL, "", "CPL 2 (scope")
CPL_24 = Cite(CPL, "第二十四条", "[CPL 24; 民法典 582; 七日办法 35]")
CPL_25 = Cite(CPL, "第二十五条", "[CPL 25 款1 项3; 七日办法 6(3)]")
CPL_26 = Cite(CPL, "第二十六条", "CPL 26 款3")
CPL_44 = Cite(CPL, "第四十四条", "CPL 44")
CPL_53 = Cite(CPL, "第五十三条", "CPL 53 and 民法典 566")
CPL_55 = Cite(CPL, "第五十五条", "CPL 55;")
CPL_56 = Cite(CPL, "第五十六条", "CPL 56(8)")
REG_12 = Cite(CPL_REGULATIONS, "第十二条", "[实施条例 12; SPC 网络消费规定(一) Art. 2")
REG_19 = Cite(CPL_REGULATIONS, "第十九条", "实施条例 19;")
REG_22_2 = Cite(CPL_REGULATIONS, "第二十二条第二款", "实施条例 22 款2")
REG_22_3 = Cite(CPL_REGULATIONS, "第二十二条第三款", "实施条例 22 款3")
REG_46 = Cite(CPL_REGULATIONS, "第四十六条", "实施条例 46 款1")
REG_49_2 = Cite(CPL_REGULATIONS, "第四十九条第二款", "实施条例 第49条第2款")
SEVEN_20 = Cite(SEVEN_DAY_MEASURES, "第二十条", "七日办法 7, 20 款2")
SEVEN_35 = Cite(SEVEN_DAY_MEASURES, "第三十五条", "CPL 25 vs 24; 七日办法 35")
PENALTY_10 = Cite(PENALTY_MEASURES, "第十条", "处罚办法 10 款2")
PENALTY_8 = Cite(PENALTY_MEASURES, "第八条", "[处罚办法 8]")
SPC_1 = Cite(SPC_ONLINE, "第一条", "网络消费规定(一) Art. 1]")
SPC_2 = Cite(SPC_ONLINE, "第二条", "[实施条例 12; SPC 网络消费规定(一) Art. 2")
SPC_5 = Cite(SPC_ONLINE, "第五条", "网络消费规定(一) Art. 5")
SPC_10 = Cite(SPC_ONLINE, "第十条", "网络消费规定(一) Art. 10")
OLD_12315_ANY = Cite(REPEALED_12315_RULE, "", "投诉举报办法(已废止)")
PUBLIC_SECURITY_58 = Cite(
    PUBLIC_SECURITY_LAW, "第五十八条", "治安管理处罚法 (2012) 49 / (2025) 58 [1S]"
)

ALWAYS_FORBIDDEN = (
    # §4: "The repealed rule may explain practice but is **never printed as a citation**."
    OLD_12315_ANY,
    # R4: "(民法典 617 is not quoted in §1: do not cite it.)"
    CC_617,
    # §1.12: 治安管理处罚法 2025 第58条 is "[1S] ... Verify on flk.npc.gov.cn before printing."
    PUBLIC_SECURITY_58,
)
# R14: under 8 -> 20/144/157; 8-17 out of proportion -> 19/145/157.
UNDER_EIGHT_CITES = (CC_20, CC_144, CC_157)
LIMITED_CAPACITY_CITES = (CC_19, CC_145, CC_157)

STOPPED = ("seller", "platform", "payment", "12315", "report", "consumer_association", "court")
NO_CLAIM = ("payment", "12315", "report", "consumer_association", "court")

DEFAULTS = {
    "product_type": "card_key",
    "product_name": "",
    "quantity_bought": 1,
    "quantity_failed": 1,
    "quantity_worked": 0,
    "unit_price": None,
    "amount_paid": None,
    "amount_claimed": None,
    "paid_via": "alipay",
    "has_order_number": True,
    "has_transaction_number": True,
    "platform": None,
    "purpose": "personal",
    "problem": "invalid",
    "purchased_on": None,
    "received_on": None,
    "discovered_on": None,
    "first_contact_on": None,
    "demand_on": None,
    "delivery_promise_days": None,
    "seller_said": "nothing",
    "seller_words": "",
    "promise_window_days": None,
    "promise_condition": "",
    "confirmation_at_purchase": None,
    "buyer_age": None,
    "out_of_proportion": None,
    "guardian_consented": False,
    "operator_name_known": True,
    "operator_address_known": True,
    "icp_known": True,
    "staff_asked_private_transfer": False,
    "fraud_signs": (),
    "description": "",
    "draft_edit": "",
    "event_note": "",
}


def facts(**given) -> dict:
    unknown = set(given) - set(DEFAULTS)
    assert not unknown, unknown
    return {**DEFAULTS, **given}


def d(iso: str) -> date:
    return date.fromisoformat(iso)


def at(iso: str) -> datetime:
    """The frozen "today": 10:00 in Shanghai on that day."""
    return datetime.combine(d(iso), time(10), tzinfo=SHANGHAI)


def yuan(amount: str) -> Decimal:
    return Decimal(amount)


def deadline(kind: str, starts: str, last_day: str, passed: bool) -> Deadline:
    return Deadline(kind, starts, d(last_day), passed)


STORIES: list[Story] = []


def story(id: str, text: str, today: datetime, fact: dict, expect: Expect) -> None:
    STORIES.append(Story(id, " ".join(text.split()), today, fact, expect))


# --- R0: consumer status

story(
    "resale-studio-five-of-twenty-invalid",
    """I run a small game studio and bought 20 Steam keys at ¥9.50 each on a 卡盟 site to resell to
    my customers. Five of them say the key is invalid. I asked the site for five new keys the next
    day and got no answer.""",
    at("2026-11-20"),
    facts(
        product_name="Steam 游戏激活码",
        quantity_bought=20,
        quantity_failed=5,
        quantity_worked=15,
        unit_price=yuan("9.50"),
        amount_paid=yuan("190.00"),
        purpose="resale",
        purchased_on=d("2026-11-16"),
        received_on=d("2026-11-16"),
        discovered_on=d("2026-11-17"),
        first_contact_on=d("2026-11-17"),
        demand_on=d("2026-11-17"),
    ),
    Expect(
        rules=("R0", "R4"),
        # R0: "Offer only the contract route (民法典 577/563) and the courts."
        route="claim",
        dossier=None,
        demand=Demand(5, "张", yuan("47.50")),
        cite=(CC_577,),
        # R0: "the consumer-law route and 12315 complaints do not apply"
        forbid=(CPL_ANY, REG_46),
        deadlines=(deadline("lawsuit_3y", "discovered_on", "2029-11-17", False),),
        channels=("seller", "court"),
        # Corrected: R0 says "the consumer-law route and 12315 complaints do not apply" and
        # "Offer only the contract route (民法典 577/563) and the courts"; a payment platform's
        # merchant complaint is neither a legal route nor consumer law, and R0 is silent on it,
        # so it is left open rather than forbidden.
        not_channels=("12315", "consumer_association"),
        open_points=(
            "R0 says neither whether a dossier is offered for the contract route nor whether a "
            "payment-platform complaint stays open; 'offer only' is read as no payment complaint.",
        ),
    ),
)

# --- R1, R2, R13: non-delivery

story(
    "key-never-shown-alipay",
    """I paid ¥30 by Alipay for one Genshin top-up card key on a 卡盟 site that says 自动发货. The
    order page has said "发货中" for two days and no key was ever shown or emailed. Yesterday I
    asked the site's QQ support for the key or my money back.""",
    at("2026-11-20"),
    facts(
        product_name="原神 月卡 卡密",
        unit_price=yuan("30.00"),
        amount_paid=yuan("30.00"),
        problem="not_delivered",
        purchased_on=d("2026-11-18"),
        discovered_on=d("2026-11-18"),
        first_contact_on=d("2026-11-19"),
        demand_on=d("2026-11-19"),
        delivery_promise_days=0,
    ),
    Expect(
        rules=("R1", "R13"),
        # R1: "THEN this is breach. Demand delivery or a refund. The consumer chooses."
        route="claim",
        dossier=True,
        demand=Demand(1, "张", yuan("30.00")),
        # R1: "[CPL 53; 实施条例 22 para 2; 电子商务法 20, 74; 民法典 577]"
        cite=(CC_577, REG_22_2),
        deadlines=(
            deadline("delivery_promise", "purchased_on", "2026-11-18", True),
            # R9: "not refunded within **15 days** of the refund demand"
            deadline("stall_15d", "demand_on", "2026-12-04", False),
            deadline("lawsuit_3y", "discovered_on", "2029-11-18", False),
        ),
        # R13: "1. Seller ... 3. Payment-platform complaint ... 4. 12315 ... 6. Court"
        channels=("seller", "payment", "12315", "court"),
        # R9: the 举报 comes only after 15 days
        not_channels=("report",),
    ),
)

story(
    "top-up-within-delivery-promise",
    """This morning I paid ¥50 by WeChat for a mobile-game top-up (代充). The listing says
    "24小时内到账". Nothing has arrived yet and I want to know what I can do.""",
    at("2026-11-20"),
    facts(
        product_type="top_up",
        product_name="王者荣耀 点券代充",
        unit_price=yuan("50.00"),
        amount_paid=yuan("50.00"),
        paid_via="wechat",
        problem="not_credited",
        purchased_on=d("2026-11-20"),
        discovered_on=d("2026-11-20"),
        delivery_promise_days=1,
    ),
    Expect(
        rules=("R1",),
        # R1: "AND the promised time has passed" -> not yet: wait
        route="wait",
        dossier=False,
        deadlines=(deadline("delivery_promise", "purchased_on", "2026-11-21", False),),
        not_channels=NO_CLAIM,
    ),
)

story(
    "top-up-demand-deadline-passed-then-rescind",
    """On 1 November I paid ¥100 by Alipay for a 代充 that promised "24小时内到账". It never
    arrived. On 3 November I sent the seller a written demand to complete it within 48 hours. A
    week later still nothing; I want out of the deal and my money back.""",
    at("2026-11-10"),
    facts(
        product_type="top_up",
        product_name="和平精英 UC 代充",
        unit_price=yuan("100.00"),
        amount_paid=yuan("100.00"),
        problem="not_credited",
        purchased_on=d("2026-11-01"),
        discovered_on=d("2026-11-02"),
        first_contact_on=d("2026-11-03"),
        demand_on=d("2026-11-03"),
        delivery_promise_days=1,
    ),
    Expect(
        rules=("R1", "R2"),
        route="claim",
        dossier=True,
        demand=Demand(1, "次", yuan("100.00")),
        # R2: "send a **rescission notice**; it takes effect on arrival."
        # [民法典 563(3), 565, 566]
        cite=(CC_563, CC_565, CC_566),
        deadlines=(
            deadline("delivery_promise", "purchased_on", "2026-11-02", True),
            deadline("stall_15d", "demand_on", "2026-11-18", False),
        ),
        channels=("seller", "payment", "12315"),
        drafts_say=("解除",),
    ),
)

story(
    "six-of-ten-top-ups-not-credited",
    """I bought ten ¥10 top-ups for a game account in one order, paid ¥100 by Alipay. Four arrived
    in my account, six never did. I asked the seller on 5 November to credit the six or refund
    them.""",
    at("2026-11-12"),
    facts(
        product_type="top_up",
        product_name="迷你世界 迷你币 10元充值",
        quantity_bought=10,
        quantity_failed=6,
        quantity_worked=4,
        unit_price=yuan("10.00"),
        amount_paid=yuan("100.00"),
        problem="not_credited",
        purchased_on=d("2026-11-04"),
        discovered_on=d("2026-11-05"),
        first_contact_on=d("2026-11-05"),
        demand_on=d("2026-11-05"),
        delivery_promise_days=0,
        description="10次充值里4次到账了，另外6次一直没到账。",
    ),
    Expect(
        rules=("R1", "R17"),
        route="claim",
        dossier=True,
        # issue 13 item 1: "never the whole order price when only part failed"
        demand=Demand(6, "次", yuan("60.00")),
        cite=(CC_577,),
        deadlines=(deadline("stall_15d", "demand_on", "2026-11-20", False),),
        channels=("seller", "payment", "12315"),
        # R17 scope: "honest when the claim covers only the items that failed ... no trigger"
        gate_stops=False,
    ),
)

story(
    "membership-two-of-three-months-missing",
    """I paid ¥45 by WeChat for a 3-month video membership (¥15 a month). Only the first month
    was activated; the seller keeps saying the other two will come. I asked for the two months or
    ¥30 back on 2 November.""",
    at("2026-11-10"),
    facts(
        product_type="membership",
        product_name="视频会员 3个月",
        quantity_bought=3,
        quantity_failed=2,
        quantity_worked=1,
        unit_price=yuan("15.00"),
        amount_paid=yuan("45.00"),
        paid_via="wechat",
        problem="not_credited",
        purchased_on=d("2026-10-30"),
        received_on=d("2026-10-30"),
        discovered_on=d("2026-11-01"),
        first_contact_on=d("2026-11-01"),
        demand_on=d("2026-11-02"),
    ),
    Expect(
        rules=("R1",),
        route="claim",
        dossier=True,
        demand=Demand(2, "个月", yuan("30.00")),
        cite=(CC_577,),
        deadlines=(deadline("stall_15d", "demand_on", "2026-11-17", False),),
        channels=("seller", "payment", "12315"),
        open_points=(
            "§5.11: whether a membership is a service outside CPL 25; it does not matter for "
            "non-delivery (R1), so nothing is expected about CPL 25.",
        ),
    ),
)

# --- R3: site balance

story(
    "site-balance-deposit-unusable",
    """I deposited ¥200 into my balance on a 卡盟 site by WeChat. Since then every product I try
    to buy is "缺货", and the site says "余额不支持提现". I asked for my ¥200 back on 8 October;
    they never refunded.""",
    at("2026-11-02"),
    facts(
        product_type="site_balance",
        product_name="站内余额充值",
        unit_price=yuan("200.00"),
        amount_paid=yuan("200.00"),
        paid_via="wechat",
        problem="balance_unusable",
        purchased_on=d("2026-10-05"),
        received_on=d("2026-10-05"),
        discovered_on=d("2026-10-06"),
        first_contact_on=d("2026-10-08"),
        demand_on=d("2026-10-08"),
        seller_said="refused",
        seller_words="余额不支持提现",
    ),
    Expect(
        rules=("R3", "R9"),
        # R3: "claim performance or refund of the prepayment"
        route="claim",
        dossier=True,
        demand=Demand(1, "笔", yuan("200.00")),
        # R3: "[实施条例 22 款2 ...]"; R9 prepayment: "[处罚办法 10 款2]"
        cite=(REG_22_2, PENALTY_10),
        # R3: "Do **not** present 实施条例 22 款3 as an unconditional right to cash out a balance"
        forbid=(REG_22_3,),
        deadlines=(deadline("stall_15d", "demand_on", "2026-10-23", True),),
        # R9: "Then add a 举报 to the complaint."
        channels=("seller", "payment", "12315", "report"),
        # issue 13 item 3: "did it ever work?" is not asked for a balance deposit
        not_asked=("did_it_work",),
        open_points=("R3: 预付式消费解释 9, 14, 23 optional, scope arguable (§5.13).",),
    ),
)

# --- R4, R5, R16: defective keys

story(
    "invalid-key-day-three",
    """I bought one ¥100 Steam wallet key by Alipay on 10 November and it showed at once. When I
    redeemed it Steam said the code is invalid. I asked the seller for a new key or a refund the
    next day; they said they would check.""",
    at("2026-11-13"),
    facts(
        product_name="Steam 钱包充值卡 100元",
        unit_price=yuan("100.00"),
        amount_paid=yuan("100.00"),
        purchased_on=d("2026-11-10"),
        received_on=d("2026-11-10"),
        discovered_on=d("2026-11-10"),
        first_contact_on=d("2026-11-11"),
        demand_on=d("2026-11-11"),
        seller_said="will_check",
    ),
    Expect(
        rules=("R4", "R16"),
        route="claim",
        dossier=True,
        demand=Demand(1, "张", yuan("100.00")),
        # R4: "Demand replacement or refund. [CPL 24; 民法典 582; 七日办法 35]"
        cite=(CPL_24, CC_582),
        # R12: "Offer the **optional** CPL 55 claim ... IF" indicators exist: none here
        forbid=(CPL_55,),
        deadlines=(
            # R4: "Before 7 days from delivery: return or refund on defect grounds."
            deadline("quality_return_7d", "received_on", "2026-11-17", False),
            deadline("rescission_1y", "discovered_on", "2027-11-10", False),
            deadline("lawsuit_3y", "discovered_on", "2029-11-10", False),
        ),
        channels=("seller", "payment", "12315"),
    ),
)

story(
    "invalid-key-found-day-twenty",
    """I bought a ¥88 PlayStation card key on 1 October but only tried it on 21 October: it says
    the code is invalid. I asked the seller for a refund that day.""",
    at("2026-10-23"),
    facts(
        product_name="PSN 点卡 港服",
        unit_price=yuan("88.00"),
        amount_paid=yuan("88.00"),
        purchased_on=d("2026-10-01"),
        received_on=d("2026-10-01"),
        discovered_on=d("2026-10-21"),
        first_contact_on=d("2026-10-21"),
        demand_on=d("2026-10-21"),
    ),
    Expect(
        rules=("R4", "R16"),
        route="claim",
        dossier=True,
        demand=Demand(1, "张", yuan("88.00")),
        # R4: "After 7 days: a refund is still possible where the defect defeats the contract's
        # purpose. [民法典 563(4)]"
        cite=(CPL_24, CC_563),
        deadlines=(
            deadline("quality_return_7d", "received_on", "2026-10-08", True),
            deadline("rescission_1y", "discovered_on", "2027-10-21", False),
        ),
        channels=("seller", "payment", "12315"),
        warnings=("time_limit_passed:quality_return_7d",),
    ),
)

story(
    "three-keys-one-invalid",
    """I bought three ¥32 game card keys in one order (¥96 by Alipay). Two redeemed fine; the third
    says "卡密无效". I asked the seller to replace that one.""",
    at("2026-11-15"),
    facts(
        product_name="网易一卡通 30元",
        quantity_bought=3,
        quantity_failed=1,
        quantity_worked=2,
        unit_price=yuan("32.00"),
        amount_paid=yuan("96.00"),
        purchased_on=d("2026-11-12"),
        received_on=d("2026-11-12"),
        discovered_on=d("2026-11-12"),
        first_contact_on=d("2026-11-13"),
        demand_on=d("2026-11-13"),
        description="三张卡密里两张已经兑换成功，第三张提示卡密无效。",
    ),
    Expect(
        rules=("R4", "R17"),
        route="claim",
        dossier=True,
        # issue 13 item 1: "其中 N 张…合计 ¥X", never the whole order price
        demand=Demand(1, "张", yuan("32.00")),
        cite=(CPL_24, CC_582),
        deadlines=(deadline("quality_return_7d", "received_on", "2026-11-19", False),),
        channels=("seller", "payment", "12315"),
        # R17 scope: "An order of several items where some worked is honest ... no trigger."
        gate_stops=False,
    ),
)

story(
    "mixed-prices-two-invalid",
    """One order, ¥98 by WeChat: a ¥50 month card, a ¥30 gift card and an ¥18 skin code. The month
    card works; the gift card and the skin code both say they were already used.""",
    at("2026-11-15"),
    facts(
        product_name="月卡 + 礼品卡 + 皮肤兑换码",
        quantity_bought=3,
        quantity_failed=2,
        quantity_worked=1,
        amount_paid=yuan("98.00"),
        amount_claimed=yuan("48.00"),
        paid_via="wechat",
        problem="already_used",
        purchased_on=d("2026-11-13"),
        received_on=d("2026-11-13"),
        discovered_on=d("2026-11-13"),
        first_contact_on=d("2026-11-14"),
        demand_on=d("2026-11-14"),
    ),
    Expect(
        rules=("R4", "R17"),
        route="claim",
        dossier=True,
        # issue 13 item 1: "where prices differ, the amount claimed"
        demand=Demand(2, "张", yuan("48.00")),
        cite=(CPL_24, CC_582),
        deadlines=(deadline("quality_return_7d", "received_on", "2026-11-20", False),),
        channels=("seller", "payment", "12315"),
        gate_stops=False,
    ),
)

story(
    "key-already-used-official-reply",
    """I bought a ¥60 Xbox card key. Xbox support wrote to me that the code was redeemed two days
    before I even bought it. The seller says that is not their problem.""",
    at("2026-11-18"),
    facts(
        product_name="Xbox 礼品卡",
        unit_price=yuan("60.00"),
        amount_paid=yuan("60.00"),
        problem="already_used",
        purchased_on=d("2026-11-14"),
        received_on=d("2026-11-14"),
        discovered_on=d("2026-11-15"),
        first_contact_on=d("2026-11-16"),
        demand_on=d("2026-11-16"),
        seller_said="refused",
        seller_words="这不是我们的问题。",
    ),
    Expect(
        rules=("R4",),
        route="claim",
        dossier=True,
        demand=Demand(1, "张", yuan("60.00")),
        cite=(CPL_24, CC_582),
        deadlines=(
            deadline("quality_return_7d", "received_on", "2026-11-21", False),
            deadline("stall_15d", "demand_on", "2026-12-01", False),
        ),
        channels=("seller", "payment", "12315"),
        # R9 defect: "an outright refusal alone is not yet stalling"
        not_channels=("report",),
        open_points=(
            "R12 needs a seller who 'knowingly sold used or invalid keys'; whether a key used "
            "before the sale shows knowledge is not said, so CPL 55 is neither required nor "
            "forbidden.",
        ),
    ),
)

story(
    "seller-cites-digital-exclusion",
    """My ¥45 card key is invalid. The seller answered "数字商品不适用七天无理由退货，不退".""",
    at("2026-11-18"),
    facts(
        product_name="腾讯 Q币卡 45元",
        unit_price=yuan("45.00"),
        amount_paid=yuan("45.00"),
        purchased_on=d("2026-11-16"),
        received_on=d("2026-11-16"),
        discovered_on=d("2026-11-16"),
        first_contact_on=d("2026-11-17"),
        demand_on=d("2026-11-17"),
        seller_said="digital_no_seven_day",
        seller_words="数字商品不适用七天无理由退货，不退",
    ),
    Expect(
        rules=("R4", "R5"),
        route="claim",
        dossier=True,
        demand=Demand(1, "张", yuan("45.00")),
        # R5: "reply that the exclusion applies only to **no-reason** returns ... [CPL 25 vs 24;
        # 七日办法 35]"
        cite=(CPL_24, SEVEN_35),
        deadlines=(deadline("quality_return_7d", "received_on", "2026-11-23", False),),
        channels=("seller", "payment", "12315"),
    ),
)

# --- R6, R7: no-reason returns and seller promises

story(
    "change-of-mind-working-key",
    """I bought a ¥68 key for a game, it shows fine and I have not redeemed it, but I no longer
    want the game. Can I get my money back?""",
    at("2026-11-15"),
    facts(
        product_name="游戏激活码",
        unit_price=yuan("68.00"),
        amount_paid=yuan("68.00"),
        problem="changed_mind",
        purchased_on=d("2026-11-14"),
        received_on=d("2026-11-14"),
        discovered_on=d("2026-11-15"),
    ),
    Expect(
        rules=("R6",),
        # R6: "7-day no-reason return **generally does not apply** to delivered digital goods"
        route="no_claim",
        # issue 13 item 6: "no claim dossier, no payment-platform or 12315 complaint"
        dossier=False,
        cite=(CPL_25,),
        forbid=(CPL_55,),
        channels=("goodwill",),
        not_channels=NO_CLAIM,
    ),
)

story(
    "sealed-scratch-card-no-confirmation",
    """I ordered a physical ¥50 game scratch card; it came by post on 15 November, still sealed.
    The shop never asked me to confirm anything about returns. I changed my mind and want to send
    it back.""",
    at("2026-11-19"),
    facts(
        product_type="physical_card",
        product_name="游戏点卡 实体卡 50元",
        unit_price=yuan("50.00"),
        amount_paid=yuan("50.00"),
        problem="changed_mind",
        purchased_on=d("2026-11-12"),
        received_on=d("2026-11-15"),
        discovered_on=d("2026-11-16"),
        confirmation_at_purchase=False,
    ),
    Expect(
        rules=("R6", "R16"),
        # R6 EXCEPTION B: "IF there was no confirmation, THEN the seller may not refuse a
        # no-reason return. [实施条例 19; 七日办法 7, 20 款2; 处罚办法 9(2)]"
        route="claim",
        dossier=True,
        demand=Demand(1, "张", yuan("50.00")),
        cite=(REG_19, SEVEN_20),
        # R16: "notice within 7 days, counting from the day after receipt. [七日办法 10]"
        deadlines=(deadline("no_reason_7d", "received_on", "2026-11-22", False),),
        channels=("seller",),
        open_points=("R6 B does not say whether a dossier suits a no-reason return.",),
    ),
)

story(
    "sealed-scratch-card-day-ten",
    """Same sealed ¥50 scratch card, no confirmation at purchase, but it arrived on 5 November and
    I only decided to return it today.""",
    at("2026-11-15"),
    facts(
        product_type="physical_card",
        product_name="游戏点卡 实体卡 50元",
        unit_price=yuan("50.00"),
        amount_paid=yuan("50.00"),
        problem="changed_mind",
        purchased_on=d("2026-11-02"),
        received_on=d("2026-11-05"),
        discovered_on=d("2026-11-15"),
        confirmation_at_purchase=False,
    ),
    Expect(
        rules=("R6", "R16"),
        # R16 "Warn if the order is older than these"; no other claim ground in the story
        route="no_claim",
        dossier=False,
        deadlines=(deadline("no_reason_7d", "received_on", "2026-11-12", True),),
        channels=("goodwill",),
        not_channels=NO_CLAIM,
        warnings=("time_limit_passed:no_reason_7d",),
    ),
)

story(
    "promise-unused-refund-within-window",
    """The listing said "购买后7天内未使用可退". I bought a ¥38 key on 10 November, have not
    redeemed it, and would like the refund they promised.""",
    at("2026-11-13"),
    facts(
        product_name="会员兑换码",
        unit_price=yuan("38.00"),
        amount_paid=yuan("38.00"),
        problem="changed_mind",
        purchased_on=d("2026-11-10"),
        received_on=d("2026-11-10"),
        discovered_on=d("2026-11-12"),
        promise_window_days=7,
        promise_condition="未使用",
        seller_words="购买后7天内未使用可退",
    ),
    Expect(
        rules=("R7", "R6"),
        # R7: "THEN enforce the promise. [实施条例 12; SPC 网络消费规定(一) Art. 2 ...]"
        route="claim",
        dossier=True,
        demand=Demand(1, "张", yuan("38.00")),
        cite=(REG_12, SPC_2),
        # R7: "网络消费规定(一) Art. 10 ... do not cite it for refund promises"
        forbid=(SPC_10,),
        deadlines=(deadline("promise_window", "purchased_on", "2026-11-17", False),),
        channels=("seller",),
        warnings=("do_not_redeem_while_promise",),
        open_points=(
            "Whether '购买后7天内' ends 7 days after the purchase day (chosen) or includes it.",
        ),
    ),
)

story(
    "promise-window-passed",
    """The listing said "购买后7天内未使用可退". I bought the ¥38 key on 10 November, never used
    it, and only asked for the refund today.""",
    at("2026-11-20"),
    facts(
        product_name="会员兑换码",
        unit_price=yuan("38.00"),
        amount_paid=yuan("38.00"),
        problem="changed_mind",
        purchased_on=d("2026-11-10"),
        received_on=d("2026-11-10"),
        discovered_on=d("2026-11-20"),
        promise_window_days=7,
        promise_condition="未使用",
        seller_words="购买后7天内未使用可退",
    ),
    Expect(
        rules=("R7", "R6"),
        # R7 needs "the user's case meets the promise's conditions"; outside it R6 applies
        route="no_claim",
        dossier=False,
        forbid=(SPC_10,),
        deadlines=(deadline("promise_window", "purchased_on", "2026-11-17", True),),
        channels=("goodwill",),
        not_channels=NO_CLAIM,
        warnings=("time_limit_passed:promise_window",),
    ),
)

# --- R8, R9, R10: notices, stalling, refund method

story(
    "no-refund-notice-non-delivery",
    """I paid ¥25 for a key that was never delivered. The site's support pasted their notice:
    "虚拟商品一经售出概不退换".""",
    at("2026-11-18"),
    facts(
        product_name="游戏周卡 卡密",
        unit_price=yuan("25.00"),
        amount_paid=yuan("25.00"),
        problem="not_delivered",
        purchased_on=d("2026-11-15"),
        discovered_on=d("2026-11-15"),
        first_contact_on=d("2026-11-16"),
        demand_on=d("2026-11-16"),
        delivery_promise_days=0,
        seller_said="no_refund_notice",
        seller_words="虚拟商品一经售出概不退换",
    ),
    Expect(
        rules=("R8", "R1"),
        route="claim",
        dossier=True,
        demand=Demand(1, "张", yuan("25.00")),
        # R8: "**Void** (civil effect): [CPL 26 款3 "其内容无效"; 民法典 497;
        # SPC 网络消费规定(一) Art. 1]"
        cite=(CPL_26, CC_497, SPC_1),
        deadlines=(deadline("stall_15d", "demand_on", "2026-12-01", False),),
        channels=("seller", "payment", "12315"),
    ),
)

story(
    "defect-refused-five-days-ago",
    """My ¥120 key was invalid. I demanded a replacement on 10 November; the next day the seller
    flatly refused. The site's name and address are in its footer.""",
    at("2026-11-15"),
    facts(
        product_name="游戏点卡 120元",
        unit_price=yuan("120.00"),
        amount_paid=yuan("120.00"),
        purchased_on=d("2026-11-09"),
        received_on=d("2026-11-09"),
        discovered_on=d("2026-11-10"),
        first_contact_on=d("2026-11-10"),
        demand_on=d("2026-11-10"),
        seller_said="refused",
        seller_words="不退不换。",
    ),
    Expect(
        rules=("R4", "R9"),
        route="claim",
        dossier=True,
        demand=Demand(1, "张", yuan("120.00")),
        cite=(CPL_24,),
        deadlines=(deadline("stall_15d", "demand_on", "2026-11-25", False),),
        channels=("seller", "payment", "12315"),
        # R9: "Defect claims: only after **15 days** ... an outright refusal alone is not yet
        # stalling"
        not_channels=("report",),
    ),
)

story(
    "defect-unanswered-sixteen-days",
    """My ¥120 key was invalid. I demanded a replacement or refund on 10 October; the seller has
    neither replaced nor refunded it since.""",
    at("2026-10-27"),
    facts(
        product_name="游戏点卡 120元",
        unit_price=yuan("120.00"),
        amount_paid=yuan("120.00"),
        purchased_on=d("2026-10-09"),
        received_on=d("2026-10-09"),
        discovered_on=d("2026-10-10"),
        first_contact_on=d("2026-10-10"),
        demand_on=d("2026-10-10"),
    ),
    Expect(
        rules=("R4", "R9"),
        route="claim",
        dossier=True,
        demand=Demand(1, "张", yuan("120.00")),
        # R9: "经营者有下列情形之一并超过十五日的，视为故意拖延或者无理拒绝" [处罚办法 8]
        # ... "Then add a 举报 to the complaint. [CPL 56(8)]"
        cite=(CPL_24, PENALTY_8, CPL_56),
        deadlines=(deadline("stall_15d", "demand_on", "2026-10-25", True),),
        channels=("seller", "payment", "12315", "report"),
    ),
)

story(
    "non-delivery-demand-twenty-days-ago",
    """I paid ¥150 for five keys that never came. I asked for my money back on 20 October. Nothing
    since then: no keys, no refund.""",
    at("2026-11-09"),
    facts(
        product_name="游戏激活码 ×5",
        quantity_bought=5,
        quantity_failed=5,
        unit_price=yuan("30.00"),
        amount_paid=yuan("150.00"),
        problem="not_delivered",
        purchased_on=d("2026-10-19"),
        discovered_on=d("2026-10-19"),
        first_contact_on=d("2026-10-20"),
        demand_on=d("2026-10-20"),
        delivery_promise_days=0,
    ),
    Expect(
        rules=("R1", "R9"),
        route="claim",
        dossier=True,
        demand=Demand(5, "张", yuan("150.00")),
        # R9: "Prepayment ... has not refunded within **15 days** ... [处罚办法 10 款2]"
        cite=(PENALTY_10, CPL_56),
        deadlines=(deadline("stall_15d", "demand_on", "2026-11-04", True),),
        channels=("seller", "payment", "12315", "report"),
    ),
)

story(
    "delivery-question-then-demand",
    """I paid ¥40 for a key on 19 October. On 20 October I only asked support "什么时候发货？".
    On 30 October I asked for a refund. Still nothing.""",
    at("2026-11-10"),
    facts(
        product_name="游戏月卡 卡密",
        unit_price=yuan("40.00"),
        amount_paid=yuan("40.00"),
        problem="not_delivered",
        purchased_on=d("2026-10-19"),
        discovered_on=d("2026-10-19"),
        first_contact_on=d("2026-10-20"),
        demand_on=d("2026-10-30"),
        delivery_promise_days=0,
    ),
    Expect(
        rules=("R1", "R9"),
        route="claim",
        dossier=True,
        demand=Demand(1, "张", yuan("40.00")),
        # issue 13 item 5 / R9: the 15 days run "from the refund demand", not the first contact
        # (counted from 20 October they would have ended on 4 November)
        deadlines=(deadline("stall_15d", "demand_on", "2026-11-14", False),),
        channels=("seller", "payment", "12315"),
        not_channels=("report",),
    ),
)

story(
    "refund-only-as-site-credit",
    """My ¥80 order was never delivered. The seller offers only "退到站内余额"; I want my money back
    to Alipay.""",
    at("2026-11-18"),
    facts(
        product_name="游戏充值卡 80元",
        unit_price=yuan("80.00"),
        amount_paid=yuan("80.00"),
        problem="not_delivered",
        purchased_on=d("2026-11-14"),
        discovered_on=d("2026-11-14"),
        first_contact_on=d("2026-11-15"),
        demand_on=d("2026-11-15"),
        delivery_promise_days=0,
        seller_said="site_credit_only",
        seller_words="只能退到站内余额",
    ),
    Expect(
        rules=("R10", "R1"),
        route="claim",
        dossier=True,
        demand=Demand(1, "张", yuan("80.00")),
        # R10: "For non-delivery, a monetary refund follows from CPL 53 and 民法典 566."
        cite=(CPL_53, CC_566),
        deadlines=(deadline("stall_15d", "demand_on", "2026-11-30", False),),
        channels=("seller", "payment", "12315"),
    ),
)

# --- R11, R13, R15: who is the respondent, which channel

story(
    "unknown-operator-wechat",
    """I paid ¥66 by WeChat on a 卡盟 site for a key that never came. The site shows no company
    name, no address, no licence and no ICP number; the WeChat bill shows a payee I don't know.""",
    at("2026-11-18"),
    facts(
        product_name="游戏卡密",
        unit_price=yuan("66.00"),
        amount_paid=yuan("66.00"),
        paid_via="wechat",
        problem="not_delivered",
        purchased_on=d("2026-11-15"),
        discovered_on=d("2026-11-15"),
        first_contact_on=d("2026-11-16"),
        demand_on=d("2026-11-16"),
        delivery_promise_days=0,
        operator_name_known=False,
        operator_address_known=False,
        icp_known=False,
    ),
    Expect(
        rules=("R11", "R1", "R13"),
        route="claim",
        dossier=True,
        demand=Demand(1, "张", yuan("66.00")),
        # R11: "warn that 12315 may refuse ... [实施条例 46 款1; ...]"
        cite=(REG_46,),
        # R11: "Recommend the payment-platform complaint first. Add a 举报 for missing identity"
        channels=("payment", "12315", "report"),
        warnings=("twelve315_may_refuse_unknown_operator",),
        open_points=(
            "R11 'payment-platform complaint first' vs R13 'seller first': whether the seller's "
            "催告 comes before it is open; only payment before 12315 is expected.",
        ),
    ),
)

story(
    "name-and-icp-but-no-address",
    """The site's footer gives a company name and an ICP number, but no address, and I could not
    find one. My ¥55 key never arrived; I paid by Alipay.""",
    at("2026-11-18"),
    facts(
        product_name="游戏卡密",
        unit_price=yuan("55.00"),
        amount_paid=yuan("55.00"),
        problem="not_delivered",
        purchased_on=d("2026-11-15"),
        discovered_on=d("2026-11-15"),
        first_contact_on=d("2026-11-16"),
        demand_on=d("2026-11-16"),
        delivery_promise_days=0,
        operator_name_known=True,
        operator_address_known=False,
        icp_known=True,
    ),
    Expect(
        rules=("R11", "R1"),
        route="claim",
        dossier=True,
        demand=Demand(1, "张", yuan("55.00")),
        # R11: "IF the operator's legal name and address cannot be found" (both are needed)
        cite=(REG_46,),
        channels=("payment", "12315"),
        warnings=("twelve315_may_refuse_unknown_operator",),
        open_points=(
            "issue 13 item 11: no draft may say the site publishes no operator name (the user "
            "entered it); the reference gives no exact wording to test.",
        ),
    ),
)

story(
    "platform-shop-anonymous-seller",
    """I bought a ¥72 key from a shop on a bigger card platform (主站 with many 分站) and paid
    at the platform's checkout. The key is invalid and the shop shows no name or address; the
    platform itself is a known company.""",
    at("2026-11-18"),
    facts(
        product_name="游戏卡密",
        unit_price=yuan("72.00"),
        amount_paid=yuan("72.00"),
        paid_via="platform",
        platform="某卡盟主站",
        purchased_on=d("2026-11-15"),
        received_on=d("2026-11-15"),
        discovered_on=d("2026-11-15"),
        first_contact_on=d("2026-11-16"),
        demand_on=d("2026-11-16"),
        operator_name_known=False,
        operator_address_known=False,
        icp_known=False,
    ),
    Expect(
        rules=("R11", "R13", "R4"),
        route="claim",
        dossier=True,
        demand=Demand(1, "张", yuan("72.00")),
        # R11: "IF it is a platform whose seller cannot be identified, THEN claim against the
        # platform. [CPL 44]"
        cite=(CPL_44, CPL_24),
        # R13: "1. Seller ... 2. Platform (if any) ... 4. 12315"
        channels=("seller", "platform", "12315"),
        warnings=("twelve315_may_refuse_unknown_operator",),
    ),
)

story(
    "private-transfer-no-order-number",
    """The site's QQ support told me to pay ¥120 for four keys by WeChat personal transfer (转账)
    instead of the checkout, so I have no order number, only the transfer's transaction number.
    The keys never came.""",
    at("2026-11-18"),
    facts(
        product_name="游戏卡密 ×4",
        quantity_bought=4,
        quantity_failed=4,
        unit_price=yuan("30.00"),
        amount_paid=yuan("120.00"),
        paid_via="private_transfer",
        has_order_number=False,
        has_transaction_number=True,
        problem="not_delivered",
        purchased_on=d("2026-11-14"),
        discovered_on=d("2026-11-14"),
        first_contact_on=d("2026-11-15"),
        demand_on=d("2026-11-15"),
        delivery_promise_days=0,
        staff_asked_private_transfer=True,
    ),
    Expect(
        rules=("R15", "R1"),
        route="claim",
        dossier=True,
        demand=Demand(4, "张", yuan("120.00")),
        # R15: "for a self-built site the operator is the contracting party anyway: 民法典 577"
        cite=(CC_577,),
        # R15: "SPC 网络消费规定(一) Art. 5, which covers **platform sellers only**"
        forbid=(SPC_5,),
        # issue 13 item 10: "leads with the seller's 催告 and mentions the payment platform only
        # with R15's warning". Corrected: R15 says only "Warn the user that payment-platform
        # merchant complaints may not be available for personal transfers", so the payment
        # platform is mentioned in that warning, not offered as a channel of its own.
        channels=("seller",),
        warnings=("personal_transfer_complaint_may_be_unavailable",),
    ),
)

story(
    "platform-seller-asked-private-transfer",
    """A shop on a card platform told me in chat to pay ¥90 straight to their Alipay by 转账
    instead of through the platform. I did; the three keys never arrived and the shop now says I
    did not buy through the platform so it is not their business.""",
    at("2026-11-18"),
    facts(
        product_name="游戏卡密 ×3",
        quantity_bought=3,
        quantity_failed=3,
        unit_price=yuan("30.00"),
        amount_paid=yuan("90.00"),
        paid_via="private_transfer",
        has_order_number=False,
        platform="某卡盟平台",
        problem="not_delivered",
        purchased_on=d("2026-11-14"),
        discovered_on=d("2026-11-14"),
        first_contact_on=d("2026-11-15"),
        demand_on=d("2026-11-15"),
        delivery_promise_days=0,
        staff_asked_private_transfer=True,
        seller_said="refused",
        seller_words="你没走平台付款，跟我们无关。",
    ),
    Expect(
        rules=("R15", "R1", "R13"),
        route="claim",
        dossier=True,
        demand=Demand(3, "张", yuan("90.00")),
        # R15: "the seller cannot escape liability on that ground."
        # [SPC 网络消费规定(一) Art. 5 ...]
        cite=(SPC_5,),
        # Corrected as in private-transfer-no-order-number: R15 mentions the payment platform
        # only in its warning ("may not be available for personal transfers").
        channels=("seller", "platform"),
        warnings=("personal_transfer_complaint_may_be_unavailable",),
    ),
)

# --- R12, R16: fraud and time bars

story(
    "fake-stock-took-money",
    """The listing said "现货秒发，官方直充". I paid ¥300 for ten keys. Nothing came; when I asked,
    the seller admitted they never had stock, then blocked me.""",
    at("2026-11-20"),
    facts(
        product_name="官方直充卡密 ×10",
        quantity_bought=10,
        quantity_failed=10,
        unit_price=yuan("30.00"),
        amount_paid=yuan("300.00"),
        problem="not_delivered",
        purchased_on=d("2026-11-10"),
        discovered_on=d("2026-11-11"),
        first_contact_on=d("2026-11-11"),
        demand_on=d("2026-11-11"),
        delivery_promise_days=0,
        seller_said="admitted_no_stock",
        seller_words="我们没有货。",
        fraud_signs=("no_intent_to_deliver", "false_statements"),
    ),
    Expect(
        rules=("R12", "R1", "R13"),
        route="claim",
        dossier=True,
        demand=Demand(10, "张", yuan("300.00")),
        # R12: "Offer the **optional** CPL 55 claim ... IF the seller took payment with no intent
        # or ability to deliver ... OR made material false statements"
        cite=(CPL_55, CC_152),
        deadlines=(
            deadline("fraud_revocation_1y", "discovered_on", "2027-11-11", False),
            deadline("lawsuit_3y", "discovered_on", "2029-11-11", False),
        ),
        # R13: "6. Court ... 7. Police if it is a scam"
        channels=("seller", "payment", "12315", "court", "police"),
        warnings=("fraud_must_be_proven", "punitive_award_usually_needs_court"),
    ),
)

story(
    "fraud-found-fourteen-months-ago",
    """In September 2025 I paid ¥200 for a "官方直充" top-up that never came; the seller
    admitted the same month that they had no stock. I only now want to act.""",
    at("2026-11-15"),
    facts(
        product_type="top_up",
        product_name="官方直充",
        unit_price=yuan("200.00"),
        amount_paid=yuan("200.00"),
        problem="not_credited",
        purchased_on=d("2025-09-08"),
        discovered_on=d("2025-09-10"),
        first_contact_on=d("2025-09-10"),
        demand_on=d("2025-09-10"),
        delivery_promise_days=0,
        seller_said="admitted_no_stock",
        fraud_signs=("no_intent_to_deliver",),
    ),
    Expect(
        rules=("R12", "R16"),
        route=None,
        dossier=None,
        deadlines=(
            deadline("fraud_revocation_1y", "discovered_on", "2026-09-10", True),
            deadline("rescission_1y", "discovered_on", "2026-09-10", True),
            deadline("lawsuit_3y", "discovered_on", "2028-09-10", False),
        ),
        warnings=(
            "time_limit_passed:fraud_revocation_1y",
            "time_limit_passed:rescission_1y",
        ),
        open_points=(
            "R16 only says 'Warn if the order is older than these'; issue 13 item 7: no route is "
            "presented as open when its limit has passed. Revocation (152) and rescission (564) "
            "must not be offered; whether a breach claim (577) is still presented is open.",
        ),
    ),
)

story(
    "rescission-year-passed-defect",
    """In October 2025 a ¥150 key turned out invalid; I asked the seller for a refund then and was
    ignored. I forgot about it until today.""",
    at("2026-11-20"),
    facts(
        product_name="游戏点卡 150元",
        unit_price=yuan("150.00"),
        amount_paid=yuan("150.00"),
        purchased_on=d("2025-10-01"),
        received_on=d("2025-10-01"),
        discovered_on=d("2025-10-01"),
        first_contact_on=d("2025-10-02"),
        demand_on=d("2025-10-02"),
    ),
    Expect(
        rules=("R4", "R16"),
        route=None,
        dossier=None,
        deadlines=(
            deadline("quality_return_7d", "received_on", "2025-10-08", True),
            deadline("rescission_1y", "discovered_on", "2026-10-01", True),
            deadline("lawsuit_3y", "discovered_on", "2028-10-01", False),
        ),
        warnings=(
            "time_limit_passed:quality_return_7d",
            "time_limit_passed:rescission_1y",
        ),
        open_points=(
            "§0.3(4): 564's one year applies only where no law or agreement sets a term; "
            "whether 582 remedies survive its lapse is not said. Expected: the warnings, and "
            "neither the 7-day return nor rescission presented as open.",
        ),
    ),
)

story(
    "four-year-old-order",
    """In June 2022 I paid ¥500 for an account that was taken back a day later. I never got my
    money back and want to complain now.""",
    at("2026-11-20"),
    facts(
        product_type="account",
        product_name="游戏账号",
        unit_price=yuan("500.00"),
        amount_paid=yuan("500.00"),
        purchased_on=d("2022-06-01"),
        received_on=d("2022-06-01"),
        discovered_on=d("2022-06-02"),
        first_contact_on=d("2022-06-02"),
        demand_on=d("2022-06-02"),
    ),
    Expect(
        rules=("R16",),
        route=None,
        dossier=None,
        deadlines=(
            deadline("rescission_1y", "discovered_on", "2023-06-02", True),
            deadline("lawsuit_3y", "discovered_on", "2025-06-02", True),
        ),
        # issue 13 item 7: "no route is presented as open when its limit has passed"
        not_channels=("court",),
        warnings=(
            "time_limit_passed:rescission_1y",
            "time_limit_passed:lawsuit_3y",
            "twelve315_three_year_bar_past_practice",
        ),
        open_points=(
            "R16: the 12315 three-year bar is past practice under the repealed rule and "
            "UNVERIFIED under 121号令: a warning, never law; whether 12315 is still offered is "
            "open.",
        ),
    ),
)

# --- R17: the abuse gate

story(
    "own-words-it-did-arrive",
    """I bought a ¥30 key and told the wizard it never arrived, but in the description I wrote that
    it actually did arrive and I just want the money back.""",
    at("2026-11-18"),
    facts(
        product_name="游戏卡密",
        unit_price=yuan("30.00"),
        amount_paid=yuan("30.00"),
        problem="not_delivered",
        purchased_on=d("2026-11-15"),
        discovered_on=d("2026-11-15"),
        delivery_promise_days=0,
        description="其实已经到账了，但是我不想要了，想退款。",
    ),
    Expect(
        rules=("R17",),
        # R17: "the user indicates that the key worked or was redeemed ... in their own words"
        route="stop",
        dossier=False,
        # §1.12: "A fixed warning screen quoting 实施条例 第49条第2款"
        cite=(REG_49_2,),
        not_channels=STOPPED,
        gate_stops=True,
    ),
)

story(
    "own-words-want-to-say-not-received",
    """My ¥45 key worked, but I answered that it never arrived. While editing the seller draft I
    typed that I want to say I didn't receive it.""",
    at("2026-11-18"),
    facts(
        product_name="游戏卡密",
        unit_price=yuan("45.00"),
        amount_paid=yuan("45.00"),
        problem="not_delivered",
        purchased_on=d("2026-11-15"),
        discovered_on=d("2026-11-16"),
        delivery_promise_days=0,
        draft_edit="我想说没收到，这样能退吗",
    ),
    Expect(
        rules=("R17",),
        # R17: "wants to "say it didn't arrive""
        route="stop",
        dossier=False,
        cite=(REG_49_2,),
        not_channels=STOPPED,
        gate_stops=True,
    ),
)

story(
    "own-words-fix-the-screenshot",
    """My ¥58 key is invalid, but in an event note I asked the app to touch up my screenshot.""",
    at("2026-11-18"),
    facts(
        product_name="游戏卡密",
        unit_price=yuan("58.00"),
        amount_paid=yuan("58.00"),
        purchased_on=d("2026-11-15"),
        received_on=d("2026-11-15"),
        discovered_on=d("2026-11-15"),
        event_note="帮我把截图P一下，看起来更像无效",
    ),
    Expect(
        rules=("R17",),
        # R17: "or asks to edit screenshots"
        route="stop",
        dossier=False,
        cite=(REG_49_2,),
        not_channels=STOPPED,
        gate_stops=True,
    ),
)

story(
    "own-words-change-the-amount",
    """I paid ¥20 for a key that was invalid. In the description I asked to change the amount on my
    payment screenshot to ¥200.""",
    at("2026-11-18"),
    facts(
        product_name="游戏卡密",
        unit_price=yuan("20.00"),
        amount_paid=yuan("20.00"),
        purchased_on=d("2026-11-15"),
        received_on=d("2026-11-15"),
        discovered_on=d("2026-11-15"),
        description="卡密无效。帮我把截图改一下金额，改成200元。",
    ),
    Expect(
        rules=("R17",),
        # R17: "asks how to alter, crop or fake evidence"
        route="stop",
        dossier=False,
        cite=(REG_49_2,),
        not_channels=STOPPED,
        gate_stops=True,
    ),
)

story(
    "redeemed-key-claimed-as-invalid",
    """I bought two ¥35 keys. Both redeemed fine, but my account was banned later, so I answered
    that both keys are invalid.""",
    at("2026-11-18"),
    facts(
        product_name="游戏卡密 ×2",
        quantity_bought=2,
        quantity_failed=2,
        quantity_worked=2,
        unit_price=yuan("35.00"),
        amount_paid=yuan("70.00"),
        purchased_on=d("2026-11-10"),
        received_on=d("2026-11-10"),
        discovered_on=d("2026-11-16"),
    ),
    Expect(
        rules=("R17",),
        # R17 scope: "The stop fires when an item that worked or was redeemed is claimed as
        # undelivered or invalid"
        route="stop",
        dossier=False,
        cite=(REG_49_2,),
        not_channels=STOPPED,
        gate_stops=True,
    ),
)

story(
    "honest-partial-with-arrived-words",
    """Five ¥20 keys in one order. I wrote: three of them did arrive and work, the other two show
    "已被使用". I claim only the two.""",
    at("2026-11-18"),
    facts(
        product_name="游戏卡密 ×5",
        quantity_bought=5,
        quantity_failed=2,
        quantity_worked=3,
        unit_price=yuan("20.00"),
        amount_paid=yuan("100.00"),
        problem="already_used",
        purchased_on=d("2026-11-15"),
        received_on=d("2026-11-15"),
        discovered_on=d("2026-11-15"),
        first_contact_on=d("2026-11-16"),
        demand_on=d("2026-11-16"),
        description="5张里有3张已经到账了，可以正常使用；另外2张显示已被使用。",
    ),
    Expect(
        rules=("R17", "R4"),
        route="claim",
        dossier=True,
        demand=Demand(2, "张", yuan("40.00")),
        cite=(CPL_24,),
        forbid=(REG_49_2,),
        channels=("seller", "payment", "12315"),
        # R17 scope: honest "when the claim covers only the items that failed and names the ones
        # that worked as working"
        gate_stops=False,
        open_points=(
            "Own-words detection must not stop on '已经到账了' when the user names working items "
            "as working; the reference gives the scope, not a phrase list.",
        ),
    ),
)

# --- R14: minors


def minor(age: int, proportion: bool | None, **given) -> dict:
    return facts(
        problem="child_bought",
        buyer_age=age,
        out_of_proportion=proportion,
        paid_via="wechat",
        **given,
    )


def under_eight(amount: Decimal, quantity: int, unit: str) -> Expect:
    return Expect(
        rules=("R14",),
        route="claim",
        dossier=True,
        demand=Demand(quantity, unit, amount),
        # R14: "Child under 8: cite 民法典 20 and 144 (the purchase is void) and 157; no "out of
        # proportion" test is needed."
        cite=UNDER_EIGHT_CITES,
        forbid=(CC_19, CC_145, CPL_55),
        channels=("seller", "payment"),
        asks_proportion=False,
        not_asked=("did_it_work", "out_of_proportion"),
    )


def out_of_proportion(amount: Decimal, quantity: int, unit: str) -> Expect:
    return Expect(
        rules=("R14",),
        route="claim",
        dossier=True,
        demand=Demand(quantity, unit, amount),
        # R14: "Child aged 8–17: cite 民法典 19 and 145 (para 1) as the basis and 157 for the
        # return; the guardian's letter states that they do not consent and do not ratify
        # (不同意、不予追认)."
        cite=LIMITED_CAPACITY_CITES,
        forbid=(CC_20, CC_144, CPL_55),
        channels=("seller", "payment"),
        drafts_say=("不同意", "不予追认"),
        asks_proportion=True,
        not_asked=("did_it_work",),
    )


def suited_to_age() -> Expect:
    return Expect(
        rules=("R14",),
        # 民法典 19: "可以独立实施……与其年龄、智力相适应的民事法律行为" -> valid, no claim
        route="no_claim",
        dossier=False,
        cite=(CC_19,),
        forbid=(CC_20, CC_144, CC_145),
        channels=("goodwill",),
        not_channels=NO_CLAIM,
        asks_proportion=True,
        not_asked=("did_it_work",),
        open_points=(
            "R14 does not say what the result shows for a purchase suited to the age; "
            "issue 13 item 8: 'a purchase suited to the age is valid, 民法典 19'.",
        ),
    )


story(
    "child-age-0-tapped-pay",
    """My ten-month-old grabbed my phone while a game shop was open and tapped a ¥98 diamond pack;
    password-free WeChat payment went through.""",
    at("2026-11-18"),
    minor(
        0,
        None,
        product_type="game_currency",
        product_name="钻石礼包",
        unit_price=yuan("98.00"),
        amount_paid=yuan("98.00"),
        purchased_on=d("2026-11-17"),
        received_on=d("2026-11-17"),
        discovered_on=d("2026-11-17"),
    ),
    under_eight(yuan("98.00"), 1, "笔"),
)

story(
    "child-age-3-bought-skins",
    """My three-year-old pressed "buy" three times in a card shop on my tablet: three ¥30 skin
    codes, ¥90 in all.""",
    at("2026-11-18"),
    minor(
        3,
        None,
        product_name="皮肤兑换码 ×3",
        quantity_bought=3,
        quantity_failed=3,
        unit_price=yuan("30.00"),
        amount_paid=yuan("90.00"),
        purchased_on=d("2026-11-16"),
        received_on=d("2026-11-16"),
        discovered_on=d("2026-11-17"),
    ),
    under_eight(yuan("90.00"), 3, "张"),
)

story(
    "child-age-7-bought-game-card",
    """My seven-year-old used my phone to buy a ¥648 game card key on a 卡盟 site.""",
    at("2026-11-18"),
    minor(
        7,
        None,
        product_name="游戏充值卡 648元",
        unit_price=yuan("648.00"),
        amount_paid=yuan("648.00"),
        purchased_on=d("2026-11-15"),
        received_on=d("2026-11-15"),
        discovered_on=d("2026-11-16"),
    ),
    under_eight(yuan("648.00"), 1, "张"),
)

story(
    "child-age-8-six-yuan-card",
    """My eight-year-old bought a ¥6 monthly card for a kids' game with the pocket money on my
    phone. Can I get it back?""",
    at("2026-11-18"),
    minor(
        8,
        False,
        product_name="月卡 6元",
        unit_price=yuan("6.00"),
        amount_paid=yuan("6.00"),
        purchased_on=d("2026-11-15"),
        received_on=d("2026-11-15"),
        discovered_on=d("2026-11-16"),
    ),
    suited_to_age(),
)

story(
    "child-age-13-thirty-yuan-card",
    """My thirteen-year-old bought one ¥30 game card with her own pocket money.""",
    at("2026-11-18"),
    minor(
        13,
        False,
        product_name="游戏点卡 30元",
        unit_price=yuan("30.00"),
        amount_paid=yuan("30.00"),
        purchased_on=d("2026-11-14"),
        received_on=d("2026-11-14"),
        discovered_on=d("2026-11-16"),
    ),
    suited_to_age(),
)

story(
    "child-age-9-spent-648",
    """My nine-year-old spent ¥648 on one top-up card key with my WeChat, without asking.""",
    at("2026-11-18"),
    minor(
        9,
        True,
        product_name="游戏充值卡 648元",
        unit_price=yuan("648.00"),
        amount_paid=yuan("648.00"),
        purchased_on=d("2026-11-14"),
        received_on=d("2026-11-14"),
        discovered_on=d("2026-11-15"),
    ),
    out_of_proportion(yuan("648.00"), 1, "张"),
)

story(
    "child-age-12-four-keys",
    """My twelve-year-old bought four ¥320 keys (¥1,280) over one evening without my consent.""",
    at("2026-11-18"),
    minor(
        12,
        True,
        product_name="游戏卡密 ×4",
        quantity_bought=4,
        quantity_failed=4,
        unit_price=yuan("320.00"),
        amount_paid=yuan("1280.00"),
        purchased_on=d("2026-11-12"),
        received_on=d("2026-11-12"),
        discovered_on=d("2026-11-14"),
    ),
    out_of_proportion(yuan("1280.00"), 4, "张"),
)

story(
    "child-age-15-twenty-keys",
    """My fifteen-year-old bought twenty ¥150 keys (¥3,000) on a 卡盟 site with my phone.""",
    at("2026-11-18"),
    minor(
        15,
        True,
        product_name="游戏卡密 ×20",
        quantity_bought=20,
        quantity_failed=20,
        unit_price=yuan("150.00"),
        amount_paid=yuan("3000.00"),
        purchased_on=d("2026-11-10"),
        received_on=d("2026-11-10"),
        discovered_on=d("2026-11-12"),
    ),
    out_of_proportion(yuan("3000.00"), 20, "张"),
)

story(
    "child-age-17-bought-account",
    """My seventeen-year-old bought a ¥2,000 game account without telling me.""",
    at("2026-11-18"),
    minor(
        17,
        True,
        product_type="account",
        product_name="游戏账号",
        unit_price=yuan("2000.00"),
        amount_paid=yuan("2000.00"),
        purchased_on=d("2026-11-08"),
        received_on=d("2026-11-08"),
        discovered_on=d("2026-11-11"),
    ),
    out_of_proportion(yuan("2000.00"), 1, "个"),
)

BY_ID = {story.id: story for story in STORIES}
