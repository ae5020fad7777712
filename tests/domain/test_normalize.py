from decimal import Decimal

import pytest

from claims.domain.normalize import (
    as_seen,
    clean_text,
    compact_identifier,
    parse_amount,
    to_halfwidth,
)


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("￥１，２３４.５元", Decimal("1234.5")),
        ("1,280.00", Decimal("1280.00")),
        ("50块", Decimal("50")),
        (" 49.9 ", Decimal("49.9")),
        ("RMB 12", Decimal("12")),
        ("人民币648元整", Decimal("648")),
        ("¥ 0.99", Decimal("0.99")),
        ("１２８。５", Decimal("128.5")),
        ("-5", Decimal("-5")),
        ("abc", None),
        ("1.2.3", None),
        ("", None),
        ("元", None),
        ("12,34", None),
    ],
)
def test_it_reads_amounts_the_way_people_type_them(typed, amount):
    parsed = parse_amount(typed)

    assert parsed == amount
    if amount is not None:
        assert isinstance(parsed, Decimal)


def test_it_keeps_every_typed_decimal_place():
    assert str(parse_amount("1,280.00")) == "1280.00"


@pytest.mark.parametrize(
    ("pasted", "compact"),
    [
        ("2026 1122 2114 0387 66", "202611222114038766"),
        ("２０２６\u3000１１２２　０３８７", "202611220387"),
        ("  KM-2026\t1120\n", "KM-20261120"),
        ("ＡＢ１２３", "AB123"),
        ("", ""),
    ],
)
def test_it_compacts_identifiers_to_half_width_without_spaces(pasted, compact):
    assert compact_identifier(pasted) == compact


def test_it_turns_full_width_characters_into_ascii():
    assert to_halfwidth("１２３，ＡＢ") == "123,AB"


def test_it_folds_full_width_spaces_but_keeps_the_users_words():
    assert clean_text("\u3000小鱼　数码 ") == "小鱼 数码"


def test_it_reads_a_text_as_seen_whatever_the_line_ends():
    assert as_seen("您好！\r\n事实：…  \r\n谢谢！\r\n") == "您好！\n事实：…\n谢谢！"
    assert as_seen("a\rb") == "a\nb"
