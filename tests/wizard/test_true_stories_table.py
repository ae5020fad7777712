"""The true-stories table checks itself against the reference before any wizard walks it."""

import re
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from tests.wizard import true_stories as table
from tests.wizard.true_stories import STORIES

PROJECT = Path(__file__).resolve().parents[2]
LEGAL_BASIS = PROJECT.parent / "shared" / "domain" / "LEGAL_BASIS.md"
RULES = tuple(f"R{number}" for number in range(18))
ROUTES = {"claim", "no_claim", "wait", "stop", None}
# The short labels LEGAL_BASIS §4 uses for each instrument.
SHORT_NAMES = {
    table.CIVIL_CODE: "民法典",
    table.CPL: "CPL",
    table.CPL_REGULATIONS: "实施条例",
    table.SEVEN_DAY_MEASURES: "七日办法",
    table.PENALTY_MEASURES: "处罚办法",
    table.SPC_ONLINE: "网络消费规定(一)",
    table.REPEALED_12315_RULE: "投诉举报办法(已废止)",
    table.PUBLIC_SECURITY_LAW: "治安管理处罚法",
}
DIGITS = dict(zip("零一二三四五六七八九", range(10), strict=True))
DATES = ("purchased_on", "received_on", "discovered_on", "first_contact_on", "demand_on")
ids = [story.id for story in STORIES]


def reference_text() -> str:
    # Bold marks are layout, not words of the reference.
    return LEGAL_BASIS.read_text(encoding="utf-8").replace("**", "")


def article_number(article: str) -> int:
    """第一百四十五条 -> 145: enough Chinese numerals for article numbers."""
    total = current = 0
    for char in re.match(r"第([零一二三四五六七八九十百]+)条", article).group(1):
        if char in DIGITS:
            current = DIGITS[char]
        else:
            total += (current or 1) * (10 if char == "十" else 100)
            current = 0
    return total + current


def all_cites(story):
    return story.expect.cite + story.expect.forbid


def test_it_holds_at_least_forty_stories_with_unique_ids():
    assert len(STORIES) >= 44
    assert len(set(ids)) == len(ids)
    assert all(story.id == story.id.lower() and " " not in story.id for story in STORIES)


@pytest.mark.parametrize("rule", RULES)
def test_it_covers_every_rule(rule):
    assert any(rule in story.expect.rules for story in STORIES)


@pytest.mark.parametrize(
    ("band", "ages", "proportion"),
    [
        ("under 8", range(8), None),
        ("8-17 suited", range(8, 18), False),
        ("8-17 out of proportion", range(8, 18), True),
    ],
)
def test_it_covers_every_age_band(band, ages, proportion):
    stories = [s for s in STORIES if s.facts["buyer_age"] in ages]

    assert any(s.facts["out_of_proportion"] is proportion for s in stories), band


def test_it_has_the_under_eight_ages_the_issue_names():
    assert {0, 3, 7} <= {story.facts["buyer_age"] for story in STORIES}


@pytest.mark.parametrize("age", range(18))
def test_it_knows_which_articles_each_age_needs(age):
    """民法典 20/144 under 8, 19/145 from 8 (R14): any minor story of that age must follow it."""
    for story in STORIES:
        if story.facts["buyer_age"] != age or story.expect.route != "claim":
            continue
        under_eight = age < 8
        assert (table.CC_20 in story.expect.cite) is under_eight, story.id
        assert (table.CC_145 in story.expect.cite) is not under_eight, story.id
        assert story.expect.asks_proportion is not under_eight, story.id
        assert (story.facts["out_of_proportion"] is None) is under_eight, story.id


@pytest.mark.parametrize(
    "kind",
    [
        "quality_return_7d",
        "no_reason_7d",
        "rescission_1y",
        "fraud_revocation_1y",
        "lawsuit_3y",
        "stall_15d",
        "promise_window",
    ],
)
def test_it_has_every_time_limit_before_and_after_it_passes(kind):
    passed = {dl.passed for s in STORIES for dl in s.expect.deadlines if dl.kind == kind}

    assert passed == {True, False}


def test_it_has_single_multi_and_partial_orders_and_a_private_transfer_and_a_deposit():
    facts = [story.facts for story in STORIES]

    assert any(f["quantity_bought"] == 1 for f in facts)
    assert any(f["quantity_bought"] == 3 and f["quantity_failed"] == 1 for f in facts)
    assert any(f["paid_via"] == "private_transfer" and not f["has_order_number"] for f in facts)
    assert any(f["product_type"] == "site_balance" for f in facts)
    assert any(f["amount_claimed"] is not None for f in facts)


def test_it_has_own_words_that_stop_and_a_partial_claim_that_passes():
    stopped = " ".join(
        s.facts["description"] + s.facts["draft_edit"] + s.facts["event_note"]
        for s in STORIES
        if s.expect.gate_stops
    )
    for words in ("其实已经到账了", "想说没收到", "帮我把截图P一下"):
        assert words in stopped
    assert any(
        not s.expect.gate_stops and s.facts["quantity_worked"] and s.expect.route == "claim"
        for s in STORIES
    )


@pytest.mark.parametrize("story", STORIES, ids=ids)
def test_it_uses_only_known_words(story):
    expect = story.expect

    assert story.story and story.today.tzinfo is table.SHANGHAI
    assert set(expect.rules) <= set(RULES)
    assert expect.route in ROUTES
    assert set(expect.channels + expect.not_channels) <= set(table.CHANNELS)
    assert not set(expect.channels) & set(expect.not_channels)
    assert set(expect.warnings) <= table.WARNINGS
    assert set(story.facts) == set(table.DEFAULTS)


@pytest.mark.parametrize("story", STORIES, ids=ids)
def test_it_dates_the_events_in_order_up_to_today(story):
    days = [story.facts[key] for key in DATES if story.facts[key] is not None]

    assert story.facts["purchased_on"] is not None and story.facts["discovered_on"] is not None
    assert days == sorted(days)
    assert days[-1] <= story.today.date()


@pytest.mark.parametrize("story", STORIES, ids=ids)
def test_it_counts_each_deadline_from_its_starting_fact(story):
    for dl in story.expect.deadlines:
        start = story.facts[dl.starts]
        days, years = table.DEADLINE_KINDS[dl.kind]
        if dl.kind == "promise_window":
            days = story.facts["promise_window_days"]
        elif dl.kind == "delivery_promise":
            days = story.facts["delivery_promise_days"]
        expected = start + timedelta(days=days) if days is not None else start
        if years:
            expected = expected.replace(year=expected.year + years)

        assert dl.last_day == expected, (dl.kind, story.id)
        assert dl.passed is (story.today.date() > dl.last_day), (dl.kind, story.id)
        if dl.passed and dl.kind not in ("stall_15d", "delivery_promise"):
            assert f"time_limit_passed:{dl.kind}" in story.expect.warnings, (dl.kind, story.id)


@pytest.mark.parametrize("story", STORIES, ids=ids)
def test_it_names_the_count_and_sum_claimed(story):
    demand, facts = story.expect.demand, story.facts
    if demand is None:
        assert story.expect.route != "claim" or story.expect.dossier is None, story.id
        return

    assert demand.unit == table.UNITS[facts["product_type"]]
    assert demand.count == facts["quantity_failed"]
    expected = facts["amount_claimed"] or facts["unit_price"] * demand.count
    assert demand.total == expected and isinstance(demand.total, Decimal)
    assert demand.total <= facts["amount_paid"]


@pytest.mark.parametrize("story", STORIES, ids=ids)
def test_it_offers_no_document_without_a_claim(story):
    expect = story.expect
    if expect.route in ("stop", "no_claim", "wait"):
        assert expect.dossier is False and expect.demand is None
    assert expect.gate_stops is (expect.route == "stop")


@pytest.mark.parametrize("story", STORIES, ids=ids)
def test_it_never_requires_and_forbids_the_same_citation(story):
    required = {cite.text for cite in story.expect.cite}
    forbidden = {c.text for c in story.expect.forbid + table.ALWAYS_FORBIDDEN}

    assert not required & forbidden
    assert not any(text.startswith(f) for text in required for f in forbidden if f)


def test_it_finds_the_reference_beside_the_project():
    assert LEGAL_BASIS.exists(), f"{LEGAL_BASIS} is missing: check out shared/ beside the project"


CITES = sorted(
    {c for s in STORIES for c in all_cites(s)} | set(table.ALWAYS_FORBIDDEN),
    key=lambda cite: (cite.law, cite.article),
)


@pytest.mark.parametrize("cite", CITES, ids=[c.text for c in CITES])
def test_it_names_every_citation_verbatim_from_the_reference(cite):
    reference = reference_text()

    assert cite.law in reference
    assert cite.ref in reference
    assert SHORT_NAMES[cite.law] in cite.ref
    if cite.article:
        assert re.search(rf"(?<!\d){article_number(cite.article)}(?!\d)", cite.ref), cite.ref


def test_it_reads_chinese_article_numbers():
    assert [article_number(a) for a in ("第十条", "第二十二条第二款", "第一百四十五条")] == [
        10,
        22,
        145,
    ]
