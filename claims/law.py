"""The legal articles RefundHelper may cite, as data.

Every text is copied from shared/domain/LEGAL_BASIS.md, and only from entries marked [FT] for
instruments in force; "……" marks where a quote is cut. Keys are stable: templates use them.
"""

from dataclasses import dataclass

from claims.bilingual import Text

CPL = ("《中华人民共和国消费者权益保护法》", "Consumer Rights Protection Law")
CPL_REGULATIONS = (
    "《中华人民共和国消费者权益保护法实施条例》",
    "Regulations implementing the Consumer Rights Protection Law",
)
E_COMMERCE_LAW = ("《中华人民共和国电子商务法》", "E-Commerce Law")
SEVEN_DAY_MEASURES = (
    "《网络购买商品七日无理由退货暂行办法》",
    "Interim Measures on 7-Day No-Reason Returns of Goods Bought Online",
)
CIVIL_CODE = ("《中华人民共和国民法典》", "Civil Code")
SPC_ONLINE_CONSUMPTION = (
    "《最高人民法院关于审理网络消费纠纷案件适用法律若干问题的规定（一）》",
    "Supreme People's Court Provisions on Online Consumer Disputes (I)",
)
SPC_CONTRACT_GENERAL = (
    "《最高人民法院关于适用〈中华人民共和国民法典〉合同编通则若干问题的解释》",
    "Supreme People's Court Interpretation on the Contract Part of the Civil Code",
)
PENALTY_MEASURES = (
    "《侵害消费者权益行为处罚办法》",
    "Measures on Penalties for Infringing Consumer Rights",
)
CRIMINAL_LAW = ("《中华人民共和国刑法》", "Criminal Law")


@dataclass(frozen=True)
class Article:
    """One citable provision: where it is, its key words, and what it means for the user."""

    key: str
    law: str
    law_en: str
    article: str
    article_en: str
    text: str
    explanation: Text

    @property
    def citation_zh(self) -> str:
        return f"{self.law}{self.article}"

    @property
    def citation_en(self) -> str:
        return f"{self.law_en}, {self.article_en}"


def _article(key, law, article, article_en, text, zh, en) -> Article:
    return Article(key, law[0], law[1], article, article_en, text, Text(zh, en))


CPL_24 = _article(
    "cpl_24",
    CPL,
    "第二十四条",
    "Art. 24",
    "经营者提供的商品或者服务不符合质量要求的，消费者可以依照国家规定、当事人约定退货，或者要求经营者履行更换、修理等义务。没有国家规定和当事人约定的，消费者可以自收到商品之日起七日内退货；七日后符合法定解除合同条件的，消费者可以及时退货……",
    "商品有质量问题，你可以退货或要求更换；收到后7天内可以直接退货。",
    "If what you got does not work, you can return it or ask for a replacement. Within 7 "
    "days of getting it, you can simply return it.",
)
CPL_25_1_III = _article(
    "cpl_25_1_iii",
    CPL,
    "第二十五条第一款第（三）项",
    "Art. 25(1)(iii)",
    "经营者采用网络、电视、电话、邮购等方式销售商品，消费者有权自收到商品之日起七日内退货，且无需说明理由，但下列商品除外：……（三）在线下载或者消费者拆封的音像制品、计算机软件等数字化商品；……",
    "网购一般可以7天无理由退货，但已在线发出的数字商品通常除外。",
    "Online purchases can usually be returned within 7 days for any reason, but digital "
    "items already delivered online usually cannot.",
)
CPL_26_2_3 = _article(
    "cpl_26_2_3",
    CPL,
    "第二十六条第二款、第三款",
    "Art. 26(2)-(3)",
    "经营者不得以格式条款、通知、声明、店堂告示等方式，作出排除或者限制消费者权利、减轻或者免除经营者责任、加重消费者责任等对消费者不公平、不合理的规定……格式条款、通知、声明、店堂告示等含有前款所列内容的，其内容无效。",
    "店家用告示或条款免除自己的责任，这部分内容无效。",
    "A shop notice or term that takes away your rights or excuses the shop does not count.",
)
CPL_53 = _article(
    "cpl_53",
    CPL,
    "第五十三条",
    "Art. 53",
    "经营者以预收款方式提供商品或者服务的，应当按照约定提供。未按照约定提供的，应当按照消费者的要求履行约定或者退回预付款；并应当承担预付款的利息、消费者必须支付的合理费用。",
    "先收钱后发货的，店家必须按约定发货；没发货，你可以选择要货还是退款。",
    "A shop that takes your money first must deliver as agreed. If it does not, you choose:"
    " delivery or your money back.",
)
CPL_REG_12 = _article(
    "cpl_reg_12",
    CPL_REGULATIONS,
    "第十二条",
    "Art. 12",
    "经营者以商业宣传、产品推荐、实物展示或者通知、声明、店堂告示等方式提供商品或者服务，对商品或者服务的数量、质量、价格、售后服务、责任承担等作出承诺的，应当向购买商品或者接受服务的消费者履行其所承诺的内容。",
    "店家在页面、公告里作出的承诺（如“未使用包退”），必须兑现。",
    'What the shop promised on its page or in a notice (like "refund if unused") it must honour.',
)
CPL_REG_19 = _article(
    "cpl_reg_19",
    CPL_REGULATIONS,
    "第十九条",
    "Art. 19",
    "经营者通过网络、电视、电话、邮购等方式销售商品的，应当遵守消费者权益保护法第二十五条规定，不得擅自扩大不适用无理由退货的商品范围。经营者应当以显著方式对不适用无理由退货的商品进行标注，提示消费者在购买时进行确认，不得将不适用无理由退货作为消费者默认同意的选项。未经消费者确认，经营者不得拒绝无理由退货。……消费者无理由退货应当遵循诚实信用原则，不得利用无理由退货规则损害经营者和其他消费者的合法权益。",
    "店家要拒绝无理由退货，必须在购买时让你明确确认，不能默认勾选；你退货也要诚实。",
    "To refuse a no-reason return, the shop must have asked you to confirm it at checkout, "
    "not pre-ticked it. You must also return in good faith.",
)
CPL_REG_22_2 = _article(
    "cpl_reg_22_2",
    CPL_REGULATIONS,
    "第二十二条第二款",
    "Art. 22(2)",
    "经营者收取预付款后，应当按照与消费者的约定提供商品或者服务，不得降低商品或者服务质量，不得任意加价。经营者未按照约定提供商品或者服务的，应当按照消费者的要求履行约定或者退还预付款。",
    "收了钱没按约定提供，店家要按你的要求发货或退款。",
    "If the shop took your money and did not deliver as agreed, it must deliver or refund, "
    "as you ask.",
)
CPL_REG_27_2 = _article(
    "cpl_reg_27_2",
    CPL_REGULATIONS,
    "第二十七条第二款",
    "Art. 27(2)",
    "投诉、举报应当遵守法律、法规和有关规定，不得利用投诉、举报牟取不正当利益，侵害经营者的合法权益，扰乱市场经济秩序。",
    "不能借投诉、举报谋取不该得的钱。",
    "You may not use complaints or reports to get money you are not owed.",
)
CPL_REG_49_2 = _article(
    "cpl_reg_49_2",
    CPL_REGULATIONS,
    "第四十九条第二款",
    "Art. 49(2)",
    "通过夹带、掉包、造假、篡改商品生产日期、捏造事实等方式骗取经营者的赔偿或者对经营者进行敲诈勒索的，不适用消费者权益保护法第五十五条第一款的规定，依照《中华人民共和国治安管理处罚法》等有关法律、法规处理；构成犯罪的，依法追究刑事责任。",
    "编造事实或伪造证据向店家要钱，会被公安处罚，严重的要坐牢。",
    "Making up facts or faking evidence to get money from a shop can be punished by the "
    "police, and can be a crime.",
)
ECL_20 = _article(
    "ecl_20",
    E_COMMERCE_LAW,
    "第二十条",
    "Art. 20",
    "电子商务经营者应当按照承诺或者与消费者约定的方式、时限向消费者交付商品或者服务……",
    "店家必须按承诺的方式和时间发货。",
    "The shop must deliver the way and by the time it promised.",
)
ECL_51_2 = _article(
    "ecl_51_2",
    E_COMMERCE_LAW,
    "第五十一条第二款",
    "Art. 51(2)",
    "合同标的为采用在线传输方式交付的，合同标的进入对方当事人指定的特定系统并且能够检索识别的时间为交付时间。",
    "在线发货的东西，要你能在指定地方看到、能识别，才算发货。",
    "Something sent online only counts as delivered once you can actually find and read it.",
)
ECL_74 = _article(
    "ecl_74",
    E_COMMERCE_LAW,
    "第七十四条",
    "Art. 74",
    "电子商务经营者销售商品或者提供服务，不履行合同义务或者履行合同义务不符合约定，或者造成他人损害的，依法承担民事责任。",
    "网店不履行或没按约定履行，要承担责任。",
    "An online shop that does not do what it agreed is responsible for it.",
)
SEVEN_DAY_6_III = _article(
    "seven_day_6_iii",
    SEVEN_DAY_MEASURES,
    "第六条第（三）项",
    "Art. 6(iii)",
    "下列商品不适用七日无理由退货规定：……（三）在线下载或者消费者拆封的音像制品、计算机软件等数字化商品；……",
    "在线下载的数字商品，不适用7天无理由退货。",
    "Digital items downloaded online are not covered by the 7-day no-reason return.",
)
SEVEN_DAY_7 = _article(
    "seven_day_7",
    SEVEN_DAY_MEASURES,
    "第七条",
    "Art. 7",
    "下列性质的商品经消费者在购买时确认，可以不适用七日无理由退货规定：（一）拆封后易影响人身安全或者生命健康的商品……（二）一经激活或者试用后价值贬损较大的商品；（三）销售时已明示的临近保质期的商品、有瑕疵的商品。",
    "激活后会贬值的商品，只有你购买时确认过，才能不退。",
    "Items that lose value once activated can be made non-returnable only if you confirmed "
    "it when buying.",
)
SEVEN_DAY_10 = _article(
    "seven_day_10",
    SEVEN_DAY_MEASURES,
    "第十条",
    "Art. 10",
    "选择无理由退货的消费者应当自收到商品之日起七日内向网络商品销售者发出退货通知。七日期间自消费者签收商品的次日开始起算。",
    "7天从收到商品的第二天算起，要在7天内通知店家退货。",
    "The 7 days start the day after you receive the item. Tell the shop within them.",
)
SEVEN_DAY_13 = _article(
    "seven_day_13",
    SEVEN_DAY_MEASURES,
    "第十三条",
    "Art. 13",
    "消费者退回的商品完好的，网络商品销售者应当在收到退回商品之日起七日内向消费者返还已支付的商品价款。",
    "店家收到完好的退货后，7天内要退款。",
    "Once the shop gets the item back in good condition, it must refund you within 7 days.",
)
SEVEN_DAY_20_2 = _article(
    "seven_day_20_2",
    SEVEN_DAY_MEASURES,
    "第二十条第二款",
    "Art. 20(2)",
    "符合本办法第七条规定的商品，网络商品销售者应当在商品销售必经流程中设置显著的确认程序，供消费者对单次购买行为进行确认。如无确认，网络商品销售者不得拒绝七日无理由退货。",
    "购买流程里没有让你确认“不退货”，店家就不能拒绝7天无理由退货。",
    'If checkout never asked you to confirm "no returns", the shop cannot refuse a 7-day return.',
)
SEVEN_DAY_35 = _article(
    "seven_day_35",
    SEVEN_DAY_MEASURES,
    "第三十五条",
    "Art. 35",
    "网络商品销售者提供的商品不符合质量要求，消费者要求退货的，适用《消费者权益保护法》第二十四条以及其他相关规定。",
    "质量问题退货按质量规则办，不受“数字商品不能无理由退”的限制。",
    'Returns for faulty items follow the quality rules, not the "no returns on digital '
    'items" rule.',
)
CIVIL_188 = _article(
    "civil_188",
    CIVIL_CODE,
    "第一百八十八条",
    "Art. 188",
    "向人民法院请求保护民事权利的诉讼时效期间为三年。……自权利人知道或者应当知道权利受到损害以及义务人之日起计算。……",
    "起诉的期限一般是3年，从你知道受损之日算起。",
    "You generally have 3 years to go to court, counted from when you found out.",
)
CIVIL_497 = _article(
    "civil_497",
    CIVIL_CODE,
    "第四百九十七条",
    "Art. 497",
    "有下列情形之一的，该格式条款无效：……（二）提供格式条款一方不合理地免除或者减轻其责任、加重对方责任、限制对方主要权利；（三）提供格式条款一方排除对方主要权利。",
    "店家单方写好的条款，不合理地免除自己责任或剥夺你主要权利的，无效。",
    "Shop terms that unfairly excuse the shop or take away your main rights do not count.",
)
CIVIL_512_2 = _article(
    "civil_512_2",
    CIVIL_CODE,
    "第五百一十二条第二款",
    "Art. 512(2)",
    "电子合同的标的物为采用在线传输方式交付的，合同标的物进入对方当事人指定的特定系统且能够检索识别的时间为交付时间。",
    "在线发货的东西，你能查到、能识别，才算交付。",
    "Something sent online is delivered only when you can find and read it.",
)
CIVIL_563_1_III = _article(
    "civil_563_1_iii",
    CIVIL_CODE,
    "第五百六十三条第一款第（三）项",
    "Art. 563(1)(iii)",
    "有下列情形之一的，当事人可以解除合同：……（三）当事人一方迟延履行主要债务，经催告后在合理期限内仍未履行；……",
    "你书面催过并给了合理期限，店家仍不发货，你可以取消订单。",
    "If you gave the shop a fair deadline in writing and it still did not deliver, you can "
    "cancel the order.",
)
CIVIL_563_1_IV = _article(
    "civil_563_1_iv",
    CIVIL_CODE,
    "第五百六十三条第一款第（四）项",
    "Art. 563(1)(iv)",
    "有下列情形之一的，当事人可以解除合同：……（四）当事人一方迟延履行债务或者有其他违约行为致使不能实现合同目的；……",
    "东西根本没法用、买了等于白买，你可以取消订单。",
    "If the item is useless for what you bought it for, you can cancel the order.",
)
CIVIL_577 = _article(
    "civil_577",
    CIVIL_CODE,
    "第五百七十七条",
    "Art. 577",
    "当事人一方不履行合同义务或者履行合同义务不符合约定的，应当承担继续履行、采取补救措施或者赔偿损失等违约责任。",
    "店家没做到约定的事，就要补救或赔偿。",
    "A shop that does not keep the deal must put it right or pay for it.",
)
CIVIL_582 = _article(
    "civil_582",
    CIVIL_CODE,
    "第五百八十二条",
    "Art. 582",
    "……修理、重作、更换、退货、减少价款或者报酬等违约责任。",
    "东西不合格，你可以要求更换或退货退款。",
    "If what you got is not as agreed, you can ask for a replacement or a refund.",
)
SPC_ONLINE_1 = _article(
    "spc_online_1",
    SPC_ONLINE_CONSUMPTION,
    "第一条",
    "Art. 1",
    "……（一）收货人签收商品即视为认可商品质量符合约定；……（三）电子商务经营者享有单方解释权或者最终解释权；（四）排除或者限制消费者依法投诉、举报、请求调解、申请仲裁、提起诉讼的权利；（五）其他排除或者限制消费者权利……",
    "法院不认“收货即验收”“最终解释权归本站”这类限制你权利的条款。",
    'Courts reject terms like "delivered means accepted" or "we have the final say" '
    "that limit your rights.",
)
SPC_ONLINE_2 = _article(
    "spc_online_2",
    SPC_ONLINE_CONSUMPTION,
    "第二条",
    "Art. 2",
    "电子商务经营者就消费者权益保护法第二十五条第一款规定的四项除外商品做出七日内无理由退货承诺，消费者主张电子商务经营者应当遵守其承诺的，人民法院应予支持。",
    "即使是数字商品，店家承诺过可退，法院也会让店家兑现。",
    "Even for digital items, if the shop promised refunds, a court will hold it to that.",
)
SPC_CONTRACT_10_3 = _article(
    "spc_contract_10_3",
    SPC_CONTRACT_GENERAL,
    "第十条第三款",
    "Art. 10(3)",
    "对于通过互联网等信息网络订立的电子合同，提供格式条款的一方仅以采取了设置勾选、弹窗等方式为由主张其已经履行提示义务或者说明义务的，人民法院不予支持，但是其举证符合前两款规定的除外。",
    "只靠一个勾选框或弹窗，不足以证明店家已经把不退款条款讲清楚。",
    "A tick box or pop-up alone does not prove the shop properly told you about its no-"
    "refund terms.",
)
PENALTY_8 = _article(
    "penalty_8",
    PENALTY_MEASURES,
    "第八条",
    "Art. 8",
    "……经营者有下列情形之一并超过十五日的，视为故意拖延或者无理拒绝：……",
    "质量问题的退款要求，店家超过15天不处理，算故意拖延。",
    "If the shop leaves a refund request for a faulty item unhandled for over 15 days, that"
    " counts as deliberate delay.",
)
PENALTY_10_2 = _article(
    "penalty_10_2",
    PENALTY_MEASURES,
    "第十条第二款",
    "Art. 10(2)",
    "经营者对消费者提出的合理退款要求，明确表示不予退款，或者自约定期满之日起、无约定期限的自消费者提出退款要求之日起超过十五日未退款的，视为故意拖延或者无理拒绝。",
    "店家明确拒绝合理退款，或你要求后超过15天还不退，算故意拖延或无理拒绝。",
    "A shop that flatly refuses a fair refund, or has not refunded 15 days after you asked,"
    " counts as deliberately delaying.",
)
CRIMINAL_266 = _article(
    "criminal_266",
    CRIMINAL_LAW,
    "第二百六十六条",
    "Art. 266",
    "诈骗公私财物，数额较大的，处三年以下有期徒刑、拘役或者管制，并处或者单处罚金；数额巨大或者有其他严重情节的，处三年以上十年以下有期徒刑，并处罚金；数额特别巨大或者有其他特别严重情节的，处十年以上有期徒刑或者无期徒刑，并处罚金或者没收财产。本法另有规定的，依照规定。",
    "骗取财物是诈骗罪，数额较大的要判刑。",
    "Getting money by deceit is the crime of fraud; larger amounts mean prison.",
)

ARTICLES: dict[str, Article] = {
    article.key: article
    for article in (
        CPL_24, CPL_25_1_III, CPL_26_2_3, CPL_53,
        CPL_REG_12, CPL_REG_19, CPL_REG_22_2, CPL_REG_27_2, CPL_REG_49_2,
        ECL_20, ECL_51_2, ECL_74,
        SEVEN_DAY_6_III, SEVEN_DAY_7, SEVEN_DAY_10, SEVEN_DAY_13, SEVEN_DAY_20_2, SEVEN_DAY_35,
        CIVIL_188, CIVIL_497, CIVIL_512_2, CIVIL_563_1_III, CIVIL_563_1_IV, CIVIL_577, CIVIL_582,
        SPC_ONLINE_1, SPC_ONLINE_2, SPC_CONTRACT_10_3,
        PENALTY_8, PENALTY_10_2,
        CRIMINAL_266,
    )
}  # fmt: skip
