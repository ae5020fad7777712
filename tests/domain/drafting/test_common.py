import pytest

from claims.domain.drafting.quoting import OMITTED, closed, excerpt, quote

REPLY = "客服说：“卡密发出即视为交付完成。”我们不退。请等待。"


def one_pair(text: str) -> bool:
    return text.count("“") == 1 and text.count("”") == 1 and text[0] == "“" and text[-1] == "”"


@pytest.mark.parametrize(
    ("words", "quoted"),
    [
        ("虚拟商品不退", "“虚拟商品不退”"),
        ("“未使用包退”", "“未使用包退”"),
        ("「未使用包退」", "“未使用包退”"),
        ('"no refunds"', "“no refunds”"),
        ("客服说：“已完成。”", "“客服说：‘已完成。’”"),
        ("客服说：「已完成。」", "“客服说：‘已完成。’”"),
        ("客服说：『已完成。』", "“客服说：‘已完成。’”"),
        ("客服说：‘已完成。’", "“客服说：‘已完成。’”"),
        ('客服说："已完成。"', "“客服说：‘已完成。’”"),
        ("  两行\n之间  ", "“两行 之间”"),
    ],
)
def test_it_quotes_whole_words_in_exactly_one_pair_of_marks(words, quoted):
    assert quote(words, 100) == quoted


def test_it_cuts_a_long_quote_after_a_sentence_outside_the_nested_marks():
    # The first sentence ends inside the seller's own quotation: the cut keeps the inner pair.
    assert quote(REPLY, 28) == "“客服说：‘卡密发出即视为交付完成。’我们不退。" + OMITTED + "”"
    assert quote(REPLY, 23) == "“客服说：‘卡密发出即视为交付完成。’" + OMITTED + "”"


def test_it_never_cuts_inside_a_nested_quotation():
    text = "客服说：“第一句。第二句。”之后没有下文。"

    for limit in range(3, len(text) + 2):
        quoted = quote(text, limit)
        assert quoted == "" or one_pair(quoted), limit
        assert "第一句。" + OMITTED not in quoted


@pytest.mark.parametrize("limit", [0, 1, 2, 5])
def test_it_leaves_out_a_quote_when_not_one_sentence_fits(limit):
    assert quote(REPLY, limit) == ""


@pytest.mark.parametrize("limit", [20, 30, 40, 60, 100, 300])
@pytest.mark.parametrize(
    "text",
    [
        REPLY * 20,
        "「兑换码无效」。" * 50,
        "‘a’‘b’。" * 80,
        '他说"好"。' * 60,
        "没有句号的长句" * 40,
    ],
)
def test_quotes_fit_their_limit_and_keep_one_pair_at_every_length(text, limit):
    quoted = quote(text, limit)

    assert len(quoted) <= limit
    assert quoted == "" or one_pair(quoted)
    assert "。”。" not in closed(f"贵店答复：{quoted}")


def test_an_excerpt_is_whole_or_cut_after_a_sentence():
    assert excerpt("一。二。", 10) == "一。二。"
    assert excerpt("第一句。第二句。第三句。", 9) == "第一句。" + OMITTED
    assert excerpt("没有句号的一长串文字", 5) == ""


@pytest.mark.parametrize(
    ("sentence", "ended"),
    [
        ("我已联系贵店", "我已联系贵店。"),
        ("贵店答复：“好的”", "贵店答复：“好的”。"),
        ("贵店答复：“已完成。”", "贵店答复：“已完成。”"),
        ("贵店答复：“已完成……”", "贵店答复：“已完成……”"),
        ("已经结束。", "已经结束。"),
    ],
)
def test_a_sentence_ends_once(sentence, ended):
    assert closed(sentence) == ended
