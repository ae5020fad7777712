"""Fraud on either side: the seller's (R12, the optional 3x claim) and the buyer's (R17 stop).

R17 is the only hard stop: a key that was redeemed cannot also have never arrived or been
invalid, so no document is drafted for such a claim.
"""

import re
from decimal import Decimal
from typing import NamedTuple

from claims.domain import law
from claims.domain.assessment import CONSUMER_ROUTES, Findings, PunitiveClaim
from claims.domain.facts import NEVER_WORKED, Facts
from claims.domain.formatting import format_yuan
from claims.domain.text import Text

PUNITIVE_MULTIPLE = 3
PUNITIVE_MINIMUM = Decimal("500")

# Each sign names the conduct in the words the dossier prints, and the penalty item it meets.
_SIGNS = {
    "used_before": (
        Text(
            "官方客服确认卡密在交付前已被使用",
            "official support confirmed the key was used before you got it",
        ),
        law.PENALTY_5_X,
    ),
    "vanished": (
        Text(
            "收款后未按约定提供商品，并关闭网站、失去联系",
            "the site took the money, did not deliver as agreed and vanished",
        ),
        law.PENALTY_5_X,
    ),
    "false_claims": (
        Text(
            "页面对商品作了虚假或者引人误解的宣传",
            "the listing made false or misleading claims about the goods",
        ),
        law.PENALTY_6_VIII,
    ),
}


# R17 in the user's own words, by what they say: an item worked, the user means to say it did
# not arrive, or evidence would be altered. Matched loosely on purpose: a match only asks one
# plain question (quoting the words back), it never stops on its own.
_WORDS_BY_KIND = {
    "worked": re.compile(
        r"其实(已经|已|早就)?(到账|收到|到了|能用|可以用|兑换成功)|(已经|早就|早已)(到账|兑换成功)"
        r"|已到账|(?i:\b(it|they|the (key|code|top-?up))( has| have)? (actually|already) "
        r"(arrived|worked|came)\b|\bactually (arrived|worked)\b)"
    ),
    "deny": re.compile(
        r"(想|就)说(没|没有)(收到|到账)|假装没(有)?(收到|到账|到)"
        r"|(?i:\b(say|pretend) (that )?(it|they) (never|didn't|did not) (arrive|come|work))"
    ),
    "alter": re.compile(
        r"(截图|图|录屏).{0,6}(裁|剪|P|p|改|修)|(裁|剪)掉|[Pp](一下|图)|改(一下)?(金额|截图|时间|日期)"
        r"|金额改成|删(掉|除)?.{0,4}(截图|到账记录)"
        r"|(?i:\b(crop|edit|photoshop|alter|fake|change)\b.{0,12}\b(screenshot|amount)s?\b)"
    ),
}
# Spaces typed between Chinese characters ("其实 已经 到账") must not hide the words.
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
OWN_WORDS = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in _WORDS_BY_KIND.values()))
# What the question asks for each kind of words: "is it true that ...?"
_CLAUSES = {
    "worked": Text(
        "你要求退款的商品其实已经到账、可以使用",
        "the items you want refunded in fact arrived and worked",
    ),
    "deny": Text(
        "你打算把已经收到的商品说成没有收到",
        "you mean to say that items you received never arrived",
    ),
    "alter": Text(
        "你打算改动截图或录屏的内容（遮挡个人信息不算）",
        "you mean to change what a screenshot or recording shows (covering personal data "
        "does not count)",
    ),
}
_SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]?")
QUOTE_LIMIT = 40
MAX_QUOTES = 3


class OwnWords(NamedTuple):
    """One sentence of the user's that R17 asks about, and what it seems to say."""

    quote: str
    kind: str


def own_words_suggest_abuse(*texts: str) -> bool:
    """R17: the description, a draft or a note says an item worked or asks to alter evidence."""
    return any(OWN_WORDS.search(_CJK_SPACE.sub("", text or "")) for text in texts)


def own_words(*texts: str) -> tuple[OwnWords, ...]:
    """The user's sentences that suggest R17, each once, in the order they were written."""
    found: dict[str, OwnWords] = {}
    for text in texts:
        for sentence in _SENTENCE.finditer(_CJK_SPACE.sub("", " ".join((text or "").split()))):
            for kind, pattern in _WORDS_BY_KIND.items():
                match = pattern.search(sentence.group())
                if match:
                    quote = _around(sentence.group().strip(), match.start(), match.end())
                    found.setdefault(quote, OwnWords(quote, kind))
                    break
    return tuple(found.values())[:MAX_QUOTES]


def own_words_question(words: tuple[OwnWords, ...]) -> Text:
    """The one plain question: the user's words quoted back, and what they seem to say."""
    kinds = tuple(dict.fromkeys(word.kind for word in words))
    quotes = "、".join(f"“{word.quote}”" for word in words)
    quotes_en = ", ".join(f"“{word.quote}”" for word in words)
    return Text(
        f"你写了{quotes}。{'，或者'.join(_CLAUSES[k].zh for k in kinds)}，是这样吗？",
        f"You wrote {quotes_en}. Is it true that {' or '.join(_CLAUSES[k].en for k in kinds)}?",
    )


def _around(sentence: str, start: int, end: int) -> str:
    """The sentence, or the words around the match when it is long; inner marks become ‘’."""
    sentence = sentence.translate(_INNER_MARKS)
    if len(sentence) <= QUOTE_LIMIT:
        return sentence
    room = max((QUOTE_LIMIT - (end - start)) // 2, 0)
    left, right = max(start - room, 0), min(end + room, len(sentence))
    return ("…" if left else "") + sentence[left:right] + ("…" if right < len(sentence) else "")


_INNER_MARKS = str.maketrans({"“": "‘", "”": "’", '"': "'"})


def claims_a_working_item(facts: Facts) -> bool:
    """R17 by scope: a redeemed item among those claimed as undelivered or invalid.

    An honest partial claim (some items worked, only the failed ones are claimed) passes:
    the redeemed items are then the ones left out.
    """
    if not facts.redeemed or facts.problem not in NEVER_WORKED:
        return False
    return facts.quantity_failed >= facts.quantity


def fraud_signs(facts: Facts) -> tuple[str, ...]:
    """The R12 indicators present in the answers, in a fixed order."""
    present = {
        "used_before": facts.used_before_confirmed,
        "vanished": "vanished" in facts.fraud_signs or facts.site_closed,
        "false_claims": "false_claims" in facts.fraud_signs,
    }
    return tuple(sign for sign, found in present.items() if found)


def scam_suspected(facts: Facts) -> bool:
    """Police only where the site took the money and vanished (R13 step 7)."""
    return "vanished" in fraud_signs(facts)


def punitive_amount(facts: Facts) -> Decimal:
    """CPL 55(1): three times the price of what is claimed, at least ¥500."""
    return max(facts.claimed_amount * PUNITIVE_MULTIPLE, PUNITIVE_MINIMUM).quantize(Decimal("0.01"))


def punitive_claim(facts: Facts, route: str) -> PunitiveClaim | None:
    """R12: offered only on a consumer claim with a fraud indicator, never by default."""
    signs = fraud_signs(facts)
    if route not in CONSUMER_ROUTES or not signs:
        return None
    amount = format_yuan(punitive_amount(facts))
    conduct = Text(
        "；".join(_SIGNS[s][0].zh for s in signs), "; ".join(_SIGNS[s][0].en for s in signs)
    )
    penalties = tuple(dict.fromkeys(_SIGNS[s][1] for s in signs))
    return PunitiveClaim(
        amount=punitive_amount(facts),
        text=Text(
            f"可选：本案存在欺诈迹象（{conduct.zh}）。能够证明经营者欺诈的，消费者除退款外，"
            f"还可以要求增加赔偿{amount}（价款的三倍，不足五百元的按五百元计）。",
            f"Optional: there are signs of fraud ({conduct.en}). If you can prove the shop "
            f"committed fraud, you can ask for {amount} on top of your refund (3 times the "
            "price, at least ¥500).",
        ),
        caveats=(
            Text(
                "欺诈必须有证据证明，例如官方客服的书面答复、网站关闭前后的截图、虚假宣传页面的截图。",
                "Fraud must be proven: for example a written reply from official support, "
                "screenshots of the site before and after it closed, or of the false claims.",
            ),
            Text(
                "12315调解不能强制店家支付三倍赔偿；店家不同意的，通常只能向法院起诉。",
                "12315 mediation cannot force the shop to pay 3x; if it refuses, this usually "
                "needs a court.",
            ),
            Text(
                "不影响商品质量、也不会误导消费者的标签或说明瑕疵，不能要求三倍赔偿。",
                "Harmless label or description flaws that mislead no one do not qualify.",
            ),
        ),
        citations=(
            law.CPL_55_1,
            law.CPL_REG_49_1,
            *penalties,
            law.PENALTY_16_2,
            law.SPC_GENERAL_21,
            law.CIVIL_148,
            law.CIVIL_152_1_I,
        ),
    )


def punitive_sentence(facts: Facts, claim: PunitiveClaim) -> str:
    """The one deletable sentence a draft may carry (Chinese, for the shop)."""
    conduct = "，且".join(_SIGNS[s][0].zh for s in fraud_signs(facts))
    return (
        f"鉴于{conduct}，我保留依据{law.CPL_55_1.citation_zh}要求增加赔偿"
        f"{format_yuan(claim.amount)}的权利。"
    )


def stop_abuse() -> Findings:
    """R17: a redeemed key was delivered and worked; a claim saying otherwise would be false."""
    findings = Findings(
        "stop_abuse",
        "stop",
        Text(
            "我们不能帮你申请这笔退款：按你的说法，要求退款的商品其实已经到账或能用，或者需要改动证据。",
            "We can't help with this refund: by what you told us, an item you would claim for "
            "arrived or worked, or the evidence would have to be changed.",
        ),
        Text("无。已经兑换成功的商品，不能再以未收到或无效为由要求退款。", "Nothing."),
    )
    findings.because(
        "已兑换成功的卡密已经交付并且可以使用。以捏造的事实或伪造的证据向经营者索赔的，"
        "依照治安管理处罚法等处理，构成犯罪的追究刑事责任。",
        "A key that was redeemed was delivered and worked. Claiming otherwise with made-up "
        "facts or faked evidence is handled by the police, and can be a crime.",
        law.CPL_REG_49_2,
    )
    findings.because(
        "投诉、举报不得用于牟取不正当利益。",
        "Complaints and reports may not be used to get money you are not owed.",
        law.CPL_REG_27_2,
    )
    findings.because(
        "以欺骗手段骗取财物，数额较大的，构成诈骗罪。",
        "Taking money by deceit can be the crime of fraud.",
        law.CRIMINAL_266,
    )
    findings.warn(
        "如果某项事实填错了，可以回到你的回答中更正；这里不会生成任何消息、材料或投诉。",
        "If a fact you entered is wrong, you can correct it in your answers. Nothing is "
        "drafted, no dossier and no complaint, after this stop.",
    )
    findings.warn(
        "卡密已经兑换成功，却说“没收到”或“无效”来要求退款，这是诈骗。金额不大也可能被治安处罚。",
        "Saying a key you redeemed never arrived or didn't work, to get a refund, is fraud. "
        "Even small amounts can be punished by the police.",
    )
    findings.warn(
        "修改、拼接截图或录屏就是造假。",
        "Editing or stitching screenshots or recordings is faking evidence (造假).",
    )
    return findings
