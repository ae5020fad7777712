"""R17, the abuse gate by scope: which words ask the question, and which facts stop."""

import pytest

from claims.domain.eligibility import assess
from claims.domain.rules.fraud import (
    OwnWords,
    claims_a_working_item,
    own_words,
    own_words_question,
    own_words_suggest_abuse,
)
from tests.factories import make_facts


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("兑换时提示无效。其实已经到账了，我就是不想要了。", "worked"),
        ("我想说没收到，能退吗", "deny"),
        ("帮我把截图裁掉一部分", "alter"),
        ("能不能P一下账单", "alter"),
        ("我改一下金额再上传", "alter"),
    ],
)
def test_it_finds_the_sentence_with_the_words_and_what_they_say(text, kind):
    (found,) = own_words(text)

    assert found.kind == kind
    assert found.quote in text


def test_it_quotes_only_the_sentence_that_says_it():
    assert own_words("兑换时提示无效。其实已经到账了。客服不回复。") == (
        OwnWords("其实已经到账了。", "worked"),
    )


def test_it_cuts_a_long_sentence_around_the_words():
    text = (
        "我在晚上九点多下单买了三张点卡然后等了很久很久一直没有回复"
        "后来发现其实已经到账了但是我还是想退款因为价格太高了而且客服态度也不好"
    )

    (found,) = own_words(text)

    assert "其实已经到账" in found.quote and found.quote.startswith("…")
    assert len(found.quote) <= 42


def test_it_quotes_the_same_sentence_once_wherever_it_was_written():
    assert len(own_words("其实已经到账了。", "其实已经到账了。")) == 1


def test_it_turns_the_users_own_quotation_marks_into_inner_ones():
    (found,) = own_words("客服说“其实已经到账了”")

    assert "“" not in found.quote and "‘其实已经到账了’" in found.quote


def test_it_finds_nothing_in_an_honest_story():
    assert (
        own_words("兑换时提示该兑换码已被使用，客服不回复。", "三张中有一张能用，另外两张无效。")
        == ()
    )


def test_it_asks_one_question_that_quotes_the_words_back():
    question = own_words_question(own_words("其实已经到账了。", "帮我把截图裁掉"))

    assert question.zh.startswith("你写了“其实已经到账了。”、“帮我把截图裁掉”。")
    assert "其实已经到账、可以使用" in question.zh and "改动截图或录屏" in question.zh
    assert question.zh.endswith("是这样吗？")
    assert question.en.startswith("You wrote “其实已经到账了。”")


def test_it_lets_an_honest_partial_claim_pass():
    partial = make_facts(problem="invalid_key", redeemed=True, quantity=3, quantity_failed=2)

    assert not claims_a_working_item(partial)
    assert assess(partial).route != "stop_abuse"


def test_it_stops_when_every_item_is_claimed_though_one_worked():
    whole = make_facts(problem="invalid_key", redeemed=True, quantity=3, quantity_failed=3)

    assert claims_a_working_item(whole)
    assert assess(whole).route == "stop_abuse"


def test_it_stops_when_the_user_confirms_their_words():
    assessment = assess(make_facts(false_claim_confirmed=True))

    assert assessment.route == "stop_abuse" and assessment.blocks_documents


@pytest.mark.parametrize(
    "words",
    [
        "其实已到账",
        "卡密早就到账了",
        "其实 已经 到账",
        "能不能把金额改成100",
        "假装没到",
        "帮我删掉截图里的到账记录",
        "It actually arrived",
        "crop the screenshot",
        "photoshop the screenshot",
        "just say it never arrived",
    ],
)
def test_it_hears_the_same_words_phrased_otherwise(words):
    assert own_words_suggest_abuse(words)


@pytest.mark.parametrize(
    "words",
    [
        "兑换时提示该兑换码已被使用。",
        "卡密一直没有到账",
        "我已经用了一周后失效了",
        "change the date",
    ],
)
def test_it_leaves_honest_words_alone(words):
    assert not own_words_suggest_abuse(words)
