"""How many items an order had and which of them the claim covers, in words.

A demand names the count and the sum claimed, and says the items that worked are working:
a partial claim that asks for the whole price, or calls a working item failed, is not honest.
"""

from claims.domain.facts import Facts
from claims.domain.formatting import format_yuan
from claims.domain.text import Text

# Measure word, Chinese noun, English singular and plural, for each product type.
UNITS = {
    "card_key": ("张", "卡密", "key", "keys"),
    "membership": ("个月", "会员", "month of membership", "months of membership"),
    "topup": ("次", "充值", "top-up", "top-ups"),
    "service": ("次", "服务", "service", "services"),
    "physical_card": ("张", "点卡", "card", "cards"),
    "site_balance": ("笔", "余额充值", "deposit", "deposits"),
}
_FAILED = {
    "not_delivered": (Text("未收到", "never arrived"), Text("已收到", "arrived")),
}
_FAULTY = (Text("无法正常使用", "do not work"), Text("可正常使用", "work"))
# Problems that are not about the items working: the claim covers them without calling
# them faulty (a working key returned on a change of mind, a child's purchase, a balance).
_NO_FAULT = ("changed_mind", "child_bought", "balance_stuck")
_CLAIMED = (Text("", "claimed"), Text("", "not claimed"))


def _words(facts: Facts) -> tuple[Text, Text]:
    if facts.problem in _NO_FAULT:
        return _CLAIMED
    return _FAILED.get(facts.problem, _FAULTY)


def count(facts: Facts, n: int) -> Text:
    """ "2张卡密" / "2 keys"."""
    measure, noun, one, many = UNITS[facts.product_type]
    return Text(f"{n}{measure}{noun}", f"{n} {one if n == 1 else many}")


def claimed_sum(facts: Facts) -> Text:
    """The sum the demand asks for, naming the count on a several-item order."""
    money = format_yuan(facts.claimed_amount)
    if facts.quantity <= 1:
        return Text(money, money)
    if not facts.partial:
        items = count(facts, facts.quantity)
        return Text(f"全部{items.zh}的货款合计{money}", f"{money} for all {items.en}")
    failed, works = _words(facts)
    measure, noun, _one, _many = UNITS[facts.product_type]
    items = count(facts, facts.quantity_failed)
    rest = facts.quantity - facts.quantity_failed
    which = f"{failed.zh}的" if failed.zh else ""
    return Text(
        f"其中{which}{facts.quantity_failed}{measure}{noun}的货款合计{money}"
        f"（另{rest}{measure}{works.zh + '，' if works.zh else ''}不在本次要求之内）",
        f"{money} for the {items.en} that {failed.en} (the other {rest} {works.en} and are "
        "not part of this claim)",
    )


def order_summary(facts: Facts) -> Text:
    """One line for the dossier: what was bought and what the claim covers."""
    paid = format_yuan(facts.amount)
    if facts.quantity <= 1:
        return Text(paid, paid)
    bought = count(facts, facts.quantity)
    claimed = count(facts, facts.quantity_failed)
    money = format_yuan(facts.claimed_amount)
    failed, works = _words(facts)
    measure = UNITS[facts.product_type][0]
    rest = facts.quantity - facts.quantity_failed
    working = Text("", "")
    if rest and works.zh:
        working = Text(f"；另{rest}{measure}{works.zh}", f"; the other {rest} {works.en}")
    if not failed.zh:
        return Text(
            f"支付{paid}，共{bought.zh}；要求退还其中{facts.quantity_failed}{measure}，合计{money}",
            f"{bought.en} for {paid}; claiming {money} for {claimed.en}",
        )
    return Text(
        f"支付{paid}，共{bought.zh}；其中{facts.quantity_failed}{measure}{failed.zh}，"
        f"要求退还合计{money}{working.zh}",
        f"{bought.en} for {paid}; {claimed.en} {failed.en}, claiming {money}{working.en}",
    )
