"""Fraud on either side: the seller's (R12, the optional 3x claim) and the buyer's (R17 stop).

R17 is the only hard stop: a key that was redeemed cannot also have never arrived or been
invalid, so no document is drafted for such a claim.
"""

from decimal import Decimal

from claims.domain import law
from claims.domain.assessment import CONSUMER_ROUTES, Findings, PunitiveClaim
from claims.domain.facts import Facts
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
            "我们不能帮你申请这笔退款：你说过卡密已经兑换成功，却又说没收到或无效。",
            "We can't help with this refund: you said the key was redeemed, and also that it "
            "never arrived or was invalid.",
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
        "卡密已经兑换成功，却说“没收到”或“无效”来要求退款，这是诈骗。金额不大也可能被治安处罚。",
        "Saying a key you redeemed never arrived or didn't work, to get a refund, is fraud. "
        "Even small amounts can be punished by the police.",
    )
    findings.warn(
        "修改、拼接截图或录屏就是造假。",
        "Editing or stitching screenshots or recordings is faking evidence (造假).",
    )
    findings.warn(
        "如果你选错了，请返回上一步修改答案。",
        "If you picked the wrong answer, go back and change it.",
    )
    findings.instead(
        "如果卡密兑换成功后才失效（账号被找回、充值被撤回、会员被收回），请把问题改选为“用过一段时间后失效”。",
        "If the key worked at first and failed later (account recovered, top-up reversed, "
        'membership revoked), choose "stopped working" as the problem instead.',
    )
    findings.instead(
        "如果东西能用，只是你不想要了，可以礼貌地请店家通融，但店家没有义务退款。",
        "If it works and you simply don't want it any more, you can ask the shop politely "
        "for a goodwill refund; it doesn't have to agree.",
    )
    return findings
