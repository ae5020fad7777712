"""The legal articles RefundHelper may cite, as data, in one place.

Every text is copied from shared/domain/LEGAL_BASIS.md, and only from entries marked [FT] for
instruments in force; "……" marks where a quote is cut. Keys are stable: templates use them.
Explanations are impersonal in Chinese (the dossier prints them for a shop or an officer).
"""

from dataclasses import dataclass

from claims.domain.text import Text

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
PENALTY_MEASURES = (
    "《侵害消费者权益行为处罚办法》",
    "Measures on Penalties for Infringing Consumer Rights",
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
SPC_GENERAL_PART = (
    "《最高人民法院关于适用〈中华人民共和国民法典〉总则编若干问题的解释》",
    "Supreme People's Court Interpretation on the General Part of the Civil Code",
)
PAYMENT_REGULATIONS = (
    "《非银行支付机构监督管理条例》",
    "Regulations on the Supervision of Non-Bank Payment Institutions",
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


# 《消费者权益保护法》 (LEGAL_BASIS §1.1)
CPL_24 = _article(
    "cpl_24",
    CPL,
    "第二十四条",
    "Art. 24",
    "经营者提供的商品或者服务不符合质量要求的，消费者可以依照国家规定、当事人约定退货，或者要求经营者履行更换、修理等义务。没有国家规定和当事人约定的，消费者可以自收到商品之日起七日内退货；七日后符合法定解除合同条件的，消费者可以及时退货……",
    "商品不符合质量要求的，消费者可以退货或要求更换；收到后七日内可以直接退货。",
    "If what you got does not work, you can return it or ask for a replacement. Within 7 "
    "days of getting it, you can simply return it.",
)
CPL_25_1_III = _article(
    "cpl_25_1_iii",
    CPL,
    "第二十五条第一款第（三）项",
    "Art. 25(1)(iii)",
    "经营者采用网络、电视、电话、邮购等方式销售商品，消费者有权自收到商品之日起七日内退货，且无需说明理由，但下列商品除外：……（三）在线下载或者消费者拆封的音像制品、计算机软件等数字化商品；……",
    "网购商品一般可以七日无理由退货，但在线下载或者已拆封的数字化商品除外。",
    "Online purchases can usually be returned within 7 days for any reason, but digital "
    "items already delivered online usually cannot.",
)
CPL_26_2_3 = _article(
    "cpl_26_2_3",
    CPL,
    "第二十六条第二款、第三款",
    "Art. 26(2)-(3)",
    "经营者不得以格式条款、通知、声明、店堂告示等方式，作出排除或者限制消费者权利、减轻或者免除经营者责任、加重消费者责任等对消费者不公平、不合理的规定……格式条款、通知、声明、店堂告示等含有前款所列内容的，其内容无效。",
    "经营者以告示、格式条款排除消费者权利或者免除自身责任的，该部分内容无效。",
    "A shop notice or term that takes away your rights or excuses the shop does not count.",
)
CPL_39 = _article(
    "cpl_39",
    CPL,
    "第三十九条",
    "Art. 39",
    "消费者和经营者发生消费者权益争议的，可以通过下列途径解决：（一）与经营者协商和解；（二）请求消费者协会或者依法成立的其他调解组织调解；（三）向有关行政部门投诉；（四）……仲裁；（五）向人民法院提起诉讼。",
    "消费争议可以协商和解、请求消协调解、向行政部门投诉、仲裁或者起诉。",
    "A consumer dispute can be settled with the shop, mediated by a consumer association, "
    "complained about to the authorities, arbitrated, or taken to court.",
)
CPL_44_1 = _article(
    "cpl_44_1",
    CPL,
    "第四十四条第一款",
    "Art. 44(1)",
    "消费者通过网络交易平台购买商品或者接受服务……网络交易平台提供者不能提供销售者或者服务者的真实名称、地址和有效联系方式的，消费者也可以向网络交易平台提供者要求赔偿……",
    "平台不能提供店铺经营者的真实名称、地址和联系方式的，消费者可以直接向平台索赔。",
    "If the platform cannot name the seller and give its address and contact details, you "
    "can claim against the platform itself.",
)
CPL_46 = _article(
    "cpl_46",
    CPL,
    "第四十六条",
    "Art. 46",
    "消费者向有关行政部门投诉的，该部门应当自收到投诉之日起七个工作日内，予以处理并告知消费者。",
    "行政部门收到投诉后，应当在七个工作日内处理并告知消费者。",
    "The authority must act on a complaint within 7 working days and tell you.",
)
CPL_53 = _article(
    "cpl_53",
    CPL,
    "第五十三条",
    "Art. 53",
    "经营者以预收款方式提供商品或者服务的，应当按照约定提供。未按照约定提供的，应当按照消费者的要求履行约定或者退回预付款；并应当承担预付款的利息、消费者必须支付的合理费用。",
    "先收款后提供的，经营者必须按约定提供；未提供的，由消费者选择要求履行或者退款。",
    "A shop that takes your money first must deliver as agreed. If it does not, you choose:"
    " delivery or your money back.",
)
CPL_55_1 = _article(
    "cpl_55_1",
    CPL,
    "第五十五条第一款",
    "Art. 55(1)",
    "经营者提供商品或者服务有欺诈行为的，应当按照消费者的要求增加赔偿其受到的损失，增加赔偿的金额为消费者购买商品的价款或者接受服务的费用的三倍；增加赔偿的金额不足五百元的，为五百元。法律另有规定的，依照其规定。",
    "经营者有欺诈行为的，消费者可以要求价款三倍的增加赔偿，不足五百元的按五百元计。",
    "If the shop committed fraud, you can ask for extra compensation of 3 times the price, "
    "at least ¥500.",
)
CPL_56_1_VIII = _article(
    "cpl_56_1_viii",
    CPL,
    "第五十六条第一款第（八）项",
    "Art. 56(1)(viii)",
    "……处以违法所得一倍以上十倍以下的罚款，没有违法所得的，处以五十万元以下的罚款……",
    "对退款要求故意拖延或者无理拒绝的，市场监管部门可以处以罚款；这是举报的依据。",
    "Deliberately delaying or refusing a refund can be fined by the regulator; this is what "
    "a report (举报) rests on.",
)

# 《消费者权益保护法实施条例》 (§1.2)
CPL_REG_12 = _article(
    "cpl_reg_12",
    CPL_REGULATIONS,
    "第十二条",
    "Art. 12",
    "经营者以商业宣传、产品推荐、实物展示或者通知、声明、店堂告示等方式提供商品或者服务，对商品或者服务的数量、质量、价格、售后服务、责任承担等作出承诺的，应当向购买商品或者接受服务的消费者履行其所承诺的内容。",
    "经营者在页面、公告、聊天中作出的承诺（如“未使用包退”“质保7天”），必须兑现。",
    'What the shop promised on its page, in a notice or in chat (like "refund if unused" '
    'or "7-day warranty") it must honour.',
)
CPL_REG_13_2 = _article(
    "cpl_reg_13_2",
    CPL_REGULATIONS,
    "第十三条第二款",
    "Art. 13(2)",
    "经营者通过网络……提供商品或者服务的，应当在其首页……以显著方式标明或者说明其真实名称和标记。由其他经营者实际提供商品或者服务的，还应当向消费者提供该经营者的名称、经营地址、联系方式等信息。",
    "网络经营者必须在首页显著标明真实名称；由他人实际供货的，还要告知实际供货者的名称、地址和联系方式。",
    "An online seller must show its real name on its home page, and name the actual "
    "supplier if someone else provides the goods.",
)
CPL_REG_17 = _article(
    "cpl_reg_17",
    CPL_REGULATIONS,
    "第十七条",
    "Art. 17",
    "经营者不得利用格式条款不合理地免除或者减轻其责任、加重消费者的责任或者限制消费者依法变更或者解除合同、选择诉讼或者仲裁解决消费争议、选择其他经营者的商品或者服务等权利。",
    "经营者不得用格式条款不合理地免除自身责任或者限制消费者解除合同；违反的可以举报。",
    "A shop may not use standard terms to unfairly excuse itself or stop you cancelling; "
    "breaking this rule can be reported.",
)
CPL_REG_18_2 = _article(
    "cpl_reg_18_2",
    CPL_REGULATIONS,
    "第十八条第二款",
    "Art. 18(2)",
    "经营者依照国家有关规定或者与消费者约定履行退货义务的，应当按照发票等购货凭证或者服务单据上显示的价格一次性退清相关款项……",
    "退款应当按付款凭证上的价格一次性退清，不能分期退、扣手续费或者只给站内余额。",
    "A refund must be paid in full, in one go, at the price on the receipt.",
)
CPL_REG_19 = _article(
    "cpl_reg_19",
    CPL_REGULATIONS,
    "第十九条",
    "Art. 19",
    "经营者通过网络、电视、电话、邮购等方式销售商品的，应当遵守消费者权益保护法第二十五条规定，不得擅自扩大不适用无理由退货的商品范围。经营者应当以显著方式对不适用无理由退货的商品进行标注，提示消费者在购买时进行确认，不得将不适用无理由退货作为消费者默认同意的选项。未经消费者确认，经营者不得拒绝无理由退货。……消费者无理由退货应当遵循诚实信用原则，不得利用无理由退货规则损害经营者和其他消费者的合法权益。",
    "经营者要拒绝无理由退货，必须在购买时让消费者明确确认，不得默认勾选；消费者退货也应当诚实守信。",
    "To refuse a no-reason return, the shop must have asked you to confirm it at checkout, "
    "not pre-ticked it. You must also return in good faith.",
)
CPL_REG_22_2 = _article(
    "cpl_reg_22_2",
    CPL_REGULATIONS,
    "第二十二条第二款",
    "Art. 22(2)",
    "经营者收取预付款后，应当按照与消费者的约定提供商品或者服务，不得降低商品或者服务质量，不得任意加价。经营者未按照约定提供商品或者服务的，应当按照消费者的要求履行约定或者退还预付款。",
    "经营者收取预付款后未按约定提供的，应当按消费者的要求履行或者退还预付款。",
    "If the shop took your money and did not deliver as agreed, it must deliver or refund, "
    "as you ask.",
)
CPL_REG_22_3 = _article(
    "cpl_reg_22_3",
    CPL_REGULATIONS,
    "第二十二条第三款",
    "Art. 22(3)",
    "……消费者依照国家有关规定或者合同约定，有权要求经营者继续履行提供商品或者服务的义务，或者要求退还未消费的预付款余额。",
    "经营者出现重大经营风险或者停业时，消费者可以依照国家规定或者合同约定，要求继续履行或者退还未消费的余额；这不是无条件提现的权利。",
    "When a business is in serious trouble or closing, you can ask, as the rules or your "
    "contract allow, for the service to continue or the unused balance back. It is not an "
    "unconditional right to cash out.",
)
CPL_REG_26_1 = _article(
    "cpl_reg_26_1",
    CPL_REGULATIONS,
    "第二十六条第一款",
    "Art. 26(1)",
    "消费者与经营者发生消费者权益争议的，可以向市场监督管理部门或者其他有关行政部门投诉。",
    "消费争议可以向市场监督管理部门投诉。",
    "You can complain about a consumer dispute to the market regulator.",
)
CPL_REG_27_2 = _article(
    "cpl_reg_27_2",
    CPL_REGULATIONS,
    "第二十七条第二款",
    "Art. 27(2)",
    "投诉、举报应当遵守法律、法规和有关规定，不得利用投诉、举报牟取不正当利益，侵害经营者的合法权益，扰乱市场经济秩序。",
    "不得利用投诉、举报牟取不正当利益。",
    "You may not use complaints or reports to get money you are not owed.",
)
CPL_REG_45 = _article(
    "cpl_reg_45",
    CPL_REGULATIONS,
    "第四十五条",
    "Art. 45",
    "消费者和经营者发生消费争议，请求消费者协会或者依法成立的其他调解组织进行调解的，相关组织应当及时处理。",
    "消费者请求消费者协会调解的，消协应当及时处理。",
    "A consumer association must deal promptly with a request to mediate.",
)
CPL_REG_46 = _article(
    "cpl_reg_46",
    CPL_REGULATIONS,
    "第四十六条",
    "Art. 46",
    "消费者和经营者发生消费争议向市场监督管理部门或者其他有关行政部门投诉的，应当提供真实身份信息，有明确的被投诉人、具体的投诉请求和事实依据。有关行政部门应当自收到投诉之日起7个工作日内，予以处理并告知消费者。对不符合规定的投诉决定不予受理的，应当告知消费者不予受理的理由和其他解决争议的途径。有关行政部门受理投诉后，消费者和经营者同意调解的，有关行政部门应当依据职责及时调解，并在受理之日起60日内调解完毕；调解不成的应当终止调解。调解过程中需要鉴定、检测的，鉴定、检测时间不计算在60日内。……",
    "投诉需要真实身份、明确的被投诉人、具体请求和事实；部门7个工作日内处理，双方同意调解的60日内调解完毕。",
    "A complaint needs your real identity, a named respondent, a clear request and the "
    "facts. The authority acts within 7 working days; mediation, if both sides agree, ends "
    "within 60 days.",
)
CPL_REG_49_1 = _article(
    "cpl_reg_49_1",
    CPL_REGULATIONS,
    "第四十九条第一款",
    "Art. 49(1)",
    "经营者提供商品或者服务有欺诈行为的，消费者有权根据消费者权益保护法第五十五条第一款的规定要求经营者予以赔偿。但是，商品或者服务的标签标识、说明书、宣传材料等存在不影响商品或者服务质量且不会对消费者造成误导的瑕疵的除外。",
    "经营者欺诈的，消费者可以主张三倍赔偿；不影响质量、不会误导的标签瑕疵除外。",
    "Fraud lets you claim the 3x compensation, but not for harmless label flaws that "
    "mislead no one.",
)
CPL_REG_49_2 = _article(
    "cpl_reg_49_2",
    CPL_REGULATIONS,
    "第四十九条第二款",
    "Art. 49(2)",
    "通过夹带、掉包、造假、篡改商品生产日期、捏造事实等方式骗取经营者的赔偿或者对经营者进行敲诈勒索的，不适用消费者权益保护法第五十五条第一款的规定，依照《中华人民共和国治安管理处罚法》等有关法律、法规处理；构成犯罪的，依法追究刑事责任。",
    "捏造事实、伪造证据向经营者索赔的，依照治安管理处罚法等处理，构成犯罪的追究刑事责任。",
    "Making up facts or faking evidence to get money from a shop can be punished by the "
    "police, and can be a crime.",
)

# 《电子商务法》 (§1.3)
ECL_15 = _article(
    "ecl_15",
    E_COMMERCE_LAW,
    "第十五条",
    "Art. 15",
    "电子商务经营者应当在其首页显著位置，持续公示营业执照信息……或者上述信息的链接标识。",
    "网店应当在首页显著位置持续公示营业执照信息；未公示的可以举报。",
    "An online shop must keep its business licence details on its home page; if it does "
    "not, you can report it.",
)
ECL_20 = _article(
    "ecl_20",
    E_COMMERCE_LAW,
    "第二十条",
    "Art. 20",
    "电子商务经营者应当按照承诺或者与消费者约定的方式、时限向消费者交付商品或者服务……",
    "经营者必须按承诺的方式和时限交付。",
    "The shop must deliver the way and by the time it promised.",
)
ECL_51_2 = _article(
    "ecl_51_2",
    E_COMMERCE_LAW,
    "第五十一条第二款",
    "Art. 51(2)",
    "合同标的为采用在线传输方式交付的，合同标的进入对方当事人指定的特定系统并且能够检索识别的时间为交付时间。",
    "在线交付的商品，进入买方指定系统并且能够检索识别时才算交付。",
    "Something sent online only counts as delivered once you can actually find and read it.",
)
ECL_59 = _article(
    "ecl_59",
    E_COMMERCE_LAW,
    "第五十九条",
    "Art. 59",
    "电子商务经营者应当建立便捷、有效的投诉、举报机制，公开投诉、举报方式等信息，及时受理并处理投诉、举报。",
    "网店必须设有投诉渠道，并及时处理投诉。",
    "An online shop must have a working complaints channel and deal with complaints promptly.",
)
ECL_60 = _article(
    "ecl_60",
    E_COMMERCE_LAW,
    "第六十条",
    "Art. 60",
    "电子商务争议可以通过协商和解，请求消费者组织、行业协会或者其他依法成立的调解组织调解，向有关部门投诉，提请仲裁，或者提起诉讼等方式解决。",
    "电子商务争议可以协商、调解、投诉、仲裁或者起诉。",
    "An online-shopping dispute can be settled, mediated, complained about, arbitrated or "
    "taken to court.",
)
ECL_61 = _article(
    "ecl_61",
    E_COMMERCE_LAW,
    "第六十一条",
    "Art. 61",
    "……电子商务平台经营者应当积极协助消费者维护合法权益。",
    "平台应当积极协助消费者维权。",
    "A platform must actively help you enforce your rights.",
)
ECL_62 = _article(
    "ecl_62",
    E_COMMERCE_LAW,
    "第六十二条",
    "Art. 62",
    "在电子商务争议处理中，电子商务经营者应当提供原始合同和交易记录。因电子商务经营者丢失、伪造、篡改、销毁、隐匿或者拒绝提供前述资料，致使人民法院、仲裁机构或者有关机关无法查明事实的，电子商务经营者应当承担相应的法律责任。",
    "争议中经营者应当提供原始合同和交易记录（如发卡记录）；拒不提供的，承担相应法律责任。",
    "In a dispute the shop must produce the original order and its records (such as its "
    "key-delivery log); if it refuses, that counts against it.",
)
ECL_74 = _article(
    "ecl_74",
    E_COMMERCE_LAW,
    "第七十四条",
    "Art. 74",
    "电子商务经营者销售商品或者提供服务，不履行合同义务或者履行合同义务不符合约定，或者造成他人损害的，依法承担民事责任。",
    "网店不履行或者不按约定履行合同的，依法承担民事责任。",
    "An online shop that does not do what it agreed is responsible for it.",
)

# 《网络购买商品七日无理由退货暂行办法》 (§1.4)
SEVEN_DAY_6_III = _article(
    "seven_day_6_iii",
    SEVEN_DAY_MEASURES,
    "第六条第（三）项",
    "Art. 6(iii)",
    "下列商品不适用七日无理由退货规定：……（三）在线下载或者消费者拆封的音像制品、计算机软件等数字化商品；……",
    "在线下载的数字化商品不适用七日无理由退货。",
    "Digital items downloaded online are not covered by the 7-day no-reason return.",
)
SEVEN_DAY_7 = _article(
    "seven_day_7",
    SEVEN_DAY_MEASURES,
    "第七条",
    "Art. 7",
    "下列性质的商品经消费者在购买时确认，可以不适用七日无理由退货规定：（一）拆封后易影响人身安全或者生命健康的商品……（二）一经激活或者试用后价值贬损较大的商品；（三）销售时已明示的临近保质期的商品、有瑕疵的商品。",
    "激活后价值贬损较大的商品，只有经消费者在购买时确认，才可以不适用无理由退货。",
    "Items that lose value once activated can be made non-returnable only if you confirmed "
    "it when buying.",
)
SEVEN_DAY_10 = _article(
    "seven_day_10",
    SEVEN_DAY_MEASURES,
    "第十条",
    "Art. 10",
    "选择无理由退货的消费者应当自收到商品之日起七日内向网络商品销售者发出退货通知。七日期间自消费者签收商品的次日开始起算。",
    "七日自签收商品的次日起算，消费者应当在七日内发出退货通知。",
    "The 7 days start the day after you receive the item. Tell the shop within them.",
)
SEVEN_DAY_13 = _article(
    "seven_day_13",
    SEVEN_DAY_MEASURES,
    "第十三条",
    "Art. 13",
    "消费者退回的商品完好的，网络商品销售者应当在收到退回商品之日起七日内向消费者返还已支付的商品价款。",
    "销售者收到完好的退货后，七日内应当退款。",
    "Once the shop gets the item back in good condition, it must refund you within 7 days.",
)
SEVEN_DAY_14 = _article(
    "seven_day_14",
    SEVEN_DAY_MEASURES,
    "第十四条",
    "Art. 14",
    "退款方式比照购买商品的支付方式……除征得消费者明确表示同意的以外，网络商品销售者不应当自行指定其他退款方式。",
    "退款应当按原支付方式退回；未经消费者明确同意，不得改为站内余额等其他方式。",
    "A refund goes back the way you paid; the shop may not switch to site credit unless you "
    "clearly agree.",
)
SEVEN_DAY_20_2 = _article(
    "seven_day_20_2",
    SEVEN_DAY_MEASURES,
    "第二十条第二款",
    "Art. 20(2)",
    "符合本办法第七条规定的商品，网络商品销售者应当在商品销售必经流程中设置显著的确认程序，供消费者对单次购买行为进行确认。如无确认，网络商品销售者不得拒绝七日无理由退货。",
    "购买流程中没有显著的“不退货”确认步骤的，销售者不得拒绝七日无理由退货。",
    'If checkout never asked you to confirm "no returns", the shop cannot refuse a 7-day return.',
)
SEVEN_DAY_35 = _article(
    "seven_day_35",
    SEVEN_DAY_MEASURES,
    "第三十五条",
    "Art. 35",
    "网络商品销售者提供的商品不符合质量要求，消费者要求退货的，适用《消费者权益保护法》第二十四条以及其他相关规定。",
    "质量问题退货适用消费者权益保护法第二十四条，不受无理由退货除外规定的限制。",
    'Returns for faulty items follow the quality rules, not the "no returns on digital '
    'items" rule.',
)

# 《侵害消费者权益行为处罚办法》 (§1.6)
PENALTY_5_X = _article(
    "penalty_5_x",
    PENALTY_MEASURES,
    "第五条第（十）项",
    "Art. 5(x)",
    "骗取消费者价款或者费用而不提供或者不按照约定提供商品或者服务",
    "收款后不提供或者不按约定提供商品，属于该办法列明的违法行为。",
    "Taking payment and then not delivering, or not as agreed, is listed as an offence.",
)
PENALTY_6_VIII = _article(
    "penalty_6_viii",
    PENALTY_MEASURES,
    "第六条第（八）项",
    "Art. 6(viii)",
    "（八）夸大或隐瞒所提供的商品或者服务的数量、质量、性能等与消费者有重大利害关系的信息误导消费者",
    "夸大或者隐瞒商品的重要信息误导消费者，属于虚假宣传。",
    "Exaggerating or hiding key facts about the goods to mislead you is false advertising.",
)
PENALTY_8 = _article(
    "penalty_8",
    PENALTY_MEASURES,
    "第八条",
    "Art. 8",
    "……经营者有下列情形之一并超过十五日的，视为故意拖延或者无理拒绝……",
    "对质量问题的退换要求，经营者超过十五日不处理的，视为故意拖延或者无理拒绝。",
    "If the shop leaves a refund request for a faulty item unhandled for over 15 days, that"
    " counts as deliberate delay.",
)
PENALTY_9 = _article(
    "penalty_9",
    PENALTY_MEASURES,
    "第九条",
    "Art. 9",
    "……（二）未经消费者确认，以自行规定该商品不适用无理由退货为由拒绝退货；（三）以消费者已拆封、查验影响商品完好为由拒绝退货；（四）自收到退回商品之日起无正当理由超过十五日未向消费者返还已支付的商品价款。",
    "未经消费者确认就以“不适用无理由退货”为由拒绝退货，视为故意拖延或者无理拒绝。",
    'Refusing a return as "not returnable" without your confirmation at checkout counts as '
    "deliberately refusing.",
)
PENALTY_10_2 = _article(
    "penalty_10_2",
    PENALTY_MEASURES,
    "第十条第二款",
    "Art. 10(2)",
    "经营者对消费者提出的合理退款要求，明确表示不予退款，或者自约定期满之日起、无约定期限的自消费者提出退款要求之日起超过十五日未退款的，视为故意拖延或者无理拒绝。",
    "对合理的退款要求明确拒绝，或者超过十五日未退款的，视为故意拖延或者无理拒绝。",
    "A shop that flatly refuses a fair refund, or has not refunded 15 days after you asked,"
    " counts as deliberately delaying.",
)
PENALTY_16_2 = _article(
    "penalty_16_2",
    PENALTY_MEASURES,
    "第十六条第二款",
    "Art. 16(2)",
    "经营者有本办法第五条第（七）项至第（十）项、第六条和第十三条规定行为之一的，属于欺诈行为。",
    "收款不发货、不按约定提供商品、虚假宣传等行为，属于欺诈行为。",
    "Taking payment without delivering, and false advertising, count as fraud.",
)

# 《民法典》 and its interpretations (§1.8)
CIVIL_19 = _article(
    "civil_19",
    CIVIL_CODE,
    "第十九条",
    "Art. 19",
    "八周岁以上的未成年人为限制民事行为能力人，实施民事法律行为由其法定代理人代理或者经其法定代理人同意、追认；但是，可以独立实施纯获利益的民事法律行为或者与其年龄、智力相适应的民事法律行为。",
    "八周岁以上的未成年人只能独立实施与其年龄、智力相适应的民事法律行为，其他行为须经监护人同意或者追认。",
    "A child of 8 to 17 may make only purchases that suit their age and understanding on "
    "their own; anything else needs the guardian's consent or later approval.",
)
CIVIL_20 = _article(
    "civil_20",
    CIVIL_CODE,
    "第二十条",
    "Art. 20",
    "不满八周岁的未成年人为无民事行为能力人，由其法定代理人代理实施民事法律行为。",
    "不满八周岁的未成年人没有民事行为能力，由监护人代为实施民事法律行为。",
    "A child under 8 cannot make a purchase in law; the guardian acts for them.",
)
CIVIL_144 = _article(
    "civil_144",
    CIVIL_CODE,
    "第一百四十四条",
    "Art. 144",
    "无民事行为能力人实施的民事法律行为无效。",
    "无民事行为能力人实施的民事法律行为无效。",
    "A purchase made by a child under 8 is void.",
)
CIVIL_145_1 = _article(
    "civil_145_1",
    CIVIL_CODE,
    "第一百四十五条第一款",
    "Art. 145(1)",
    "限制民事行为能力人实施的纯获利益的民事法律行为或者与其年龄、智力、精神健康状况相适应的民事法律行为有效；实施的其他民事法律行为经法定代理人同意或者追认后有效。",
    "限制民事行为能力人超出其年龄、智力的交易，经监护人同意或者追认后才有效。",
    "A purchase beyond the child's age and understanding is valid only if the guardian "
    "consents or later approves it.",
)
CIVIL_148 = _article(
    "civil_148",
    CIVIL_CODE,
    "第一百四十八条",
    "Art. 148",
    "一方以欺诈手段，使对方在违背真实意思的情况下实施的民事法律行为，受欺诈方有权请求人民法院或者仲裁机构予以撤销。",
    "因欺诈而下单的，受欺诈方可以请求法院或者仲裁机构撤销该交易。",
    "If fraud made you buy, you can ask a court or arbitrator to undo the purchase.",
)
CIVIL_152_1_I = _article(
    "civil_152_1_i",
    CIVIL_CODE,
    "第一百五十二条第一款第（一）项",
    "Art. 152(1)(i)",
    "……自知道或者应当知道撤销事由之日起一年内……",
    "因欺诈请求撤销，应当在知道或者应当知道欺诈之日起一年内提出。",
    "Undoing a purchase for fraud must be asked for within 1 year of finding out.",
)
CIVIL_157 = _article(
    "civil_157",
    CIVIL_CODE,
    "第一百五十七条",
    "Art. 157",
    "……行为人因该行为取得的财产，应当予以返还……",
    "交易无效、被撤销或者确定不发生效力的，因此取得的财产应当返还。",
    "When a purchase is void, undone or never takes effect, the money must be given back.",
)
CIVIL_188 = _article(
    "civil_188",
    CIVIL_CODE,
    "第一百八十八条",
    "Art. 188",
    "向人民法院请求保护民事权利的诉讼时效期间为三年。……自权利人知道或者应当知道权利受到损害以及义务人之日起计算。……",
    "向法院起诉的诉讼时效一般为三年，自知道权利受损之日起算。",
    "You generally have 3 years to go to court, counted from when you found out.",
)
CIVIL_497 = _article(
    "civil_497",
    CIVIL_CODE,
    "第四百九十七条",
    "Art. 497",
    "有下列情形之一的，该格式条款无效：……（二）提供格式条款一方不合理地免除或者减轻其责任、加重对方责任、限制对方主要权利；（三）提供格式条款一方排除对方主要权利。",
    "格式条款不合理地免除提供方责任或者排除对方主要权利的，无效。",
    "Shop terms that unfairly excuse the shop or take away your main rights do not count.",
)
CIVIL_512_2 = _article(
    "civil_512_2",
    CIVIL_CODE,
    "第五百一十二条第二款",
    "Art. 512(2)",
    "电子合同的标的物为采用在线传输方式交付的，合同标的物进入对方当事人指定的特定系统且能够检索识别的时间为交付时间。",
    "在线交付的标的物，进入买方指定系统且能够检索识别时才算交付。",
    "Something sent online is delivered only when you can find and read it.",
)
CIVIL_563_1_III = _article(
    "civil_563_1_iii",
    CIVIL_CODE,
    "第五百六十三条第一款第（三）项",
    "Art. 563(1)(iii)",
    "有下列情形之一的，当事人可以解除合同：……（三）当事人一方迟延履行主要债务，经催告后在合理期限内仍未履行；……",
    "经书面催告后在合理期限内仍不交付的，买方可以解除合同。",
    "If you gave the shop a fair deadline in writing and it still did not deliver, you can "
    "cancel the order.",
)
CIVIL_563_1_IV = _article(
    "civil_563_1_iv",
    CIVIL_CODE,
    "第五百六十三条第一款第（四）项",
    "Art. 563(1)(iv)",
    "有下列情形之一的，当事人可以解除合同：……（四）当事人一方迟延履行债务或者有其他违约行为致使不能实现合同目的；……",
    "违约致使合同目的无法实现的，买方可以解除合同。",
    "If the item is useless for what you bought it for, you can cancel the order.",
)
# §0.3(4): the one year of 564(2) applies only where no law or agreement sets a term.
CIVIL_564_2 = _article(
    "civil_564_2",
    CIVIL_CODE,
    "第五百六十四条第二款",
    "Art. 564(2)",
    "……自解除权人知道或者应当知道解除事由之日起一年内不行使，或者经对方催告后在合理期限内不行使的，该权利消灭。",
    "法律没有规定、当事人也没有约定解除权行使期限的，自知道或者应当知道解除事由之日起一年内不行使，解除权消灭。",
    "Where no law or agreement sets a time, the right to cancel ends one year after you knew "
    "of the reason to cancel.",
)
CIVIL_565_1 = _article(
    "civil_565_1",
    CIVIL_CODE,
    "第五百六十五条第一款",
    "Art. 565(1)",
    "当事人一方依法主张解除合同的，应当通知对方。合同自通知到达对方时解除……",
    "解除合同应当通知对方，合同自通知到达对方时解除。",
    "To cancel, you notify the shop; the contract ends when your notice reaches it.",
)
CIVIL_566_1 = _article(
    "civil_566_1",
    CIVIL_CODE,
    "第五百六十六条第一款",
    "Art. 566(1)",
    "合同解除后，尚未履行的，终止履行；已经履行的，根据履行情况和合同性质，当事人可以请求恢复原状或者采取其他补救措施，并有权请求赔偿损失。",
    "合同解除后，买方可以要求返还价款并赔偿损失。",
    "Once the contract is cancelled, you can ask for your money back and for your losses.",
)
CIVIL_577 = _article(
    "civil_577",
    CIVIL_CODE,
    "第五百七十七条",
    "Art. 577",
    "当事人一方不履行合同义务或者履行合同义务不符合约定的，应当承担继续履行、采取补救措施或者赔偿损失等违约责任。",
    "不履行或者不按约定履行合同的一方，应当继续履行、补救或者赔偿。",
    "A shop that does not keep the deal must put it right or pay for it.",
)
CIVIL_582 = _article(
    "civil_582",
    CIVIL_CODE,
    "第五百八十二条",
    "Art. 582",
    "……修理、重作、更换、退货、减少价款或者报酬等违约责任。",
    "交付的标的物不合格的，买方可以要求更换、退货或者减少价款。",
    "If what you got is not as agreed, you can ask for a replacement or a refund.",
)
SPC_GENERAL_21 = _article(
    "spc_general_21",
    SPC_GENERAL_PART,
    "第二十一条",
    "Art. 21",
    "故意告知虚假情况，或者负有告知义务的人故意隐瞒真实情况，致使当事人基于错误认识作出意思表示的，人民法院可以认定为民法典第一百四十八条、第一百四十九条规定的欺诈。",
    "故意告知虚假情况或者故意隐瞒真实情况，使对方因此下单的，构成欺诈。",
    "Knowingly stating something false, or hiding the truth, so that you buy, is fraud.",
)
SPC_CONTRACT_10_3 = _article(
    "spc_contract_10_3",
    SPC_CONTRACT_GENERAL,
    "第十条第三款",
    "Art. 10(3)",
    "对于通过互联网等信息网络订立的电子合同，提供格式条款的一方仅以采取了设置勾选、弹窗等方式为由主张其已经履行提示义务或者说明义务的，人民法院不予支持，但是其举证符合前两款规定的除外。",
    "仅凭勾选框或者弹窗，不足以证明经营者已经提示、说明不退款条款。",
    "A tick box or pop-up alone does not prove the shop properly told you about its no-"
    "refund terms.",
)

# SPC 网络消费规定（一） (§1.9)
SPC_ONLINE_1 = _article(
    "spc_online_1",
    SPC_ONLINE_CONSUMPTION,
    "第一条",
    "Art. 1",
    "……（一）收货人签收商品即视为认可商品质量符合约定……（三）电子商务经营者享有单方解释权或者最终解释权……（四）排除或者限制消费者依法投诉、举报、请求调解、申请仲裁、提起诉讼的权利……（五）其他排除或者限制消费者权利……",
    "“收货即验收”“最终解释权归本站”等限制消费者权利的格式条款，法院认定无效。",
    'Courts reject terms like "delivered means accepted" or "we have the final say" '
    "that limit your rights.",
)
SPC_ONLINE_2 = _article(
    "spc_online_2",
    SPC_ONLINE_CONSUMPTION,
    "第二条",
    "Art. 2",
    "电子商务经营者就消费者权益保护法第二十五条第一款规定的四项除外商品做出七日内无理由退货承诺，消费者主张电子商务经营者应当遵守其承诺的，人民法院应予支持。",
    "即使是数字化商品，经营者承诺过七日无理由退货的，应当遵守承诺。",
    "Even for digital items, if the shop promised refunds, a court will hold it to that.",
)
SPC_ONLINE_5 = _article(
    "spc_online_5",
    SPC_ONLINE_CONSUMPTION,
    "第五条",
    "Art. 5",
    "平台内经营者出售商品或者提供服务过程中，其工作人员引导消费者通过交易平台提供的支付方式以外的方式进行支付，消费者主张平台内经营者承担商品销售者或者服务提供者责任，平台内经营者以未经过交易平台支付为由抗辩的，人民法院不予支持。",
    "平台内经营者的工作人员引导私下付款的，经营者不能以“未经平台支付”为由免责。",
    "A platform seller whose staff told you to pay privately cannot escape liability because"
    ' "it wasn\'t paid through the platform".',
)

# Payment institutions (§1.13) and criminal law (§1.12)
PAYMENT_35 = _article(
    "payment_35",
    PAYMENT_REGULATIONS,
    "第三十五条",
    "Art. 35",
    "非银行支付机构应当及时妥善处理与用户的争议，履行投诉处理主体责任，切实保护用户合法权益。",
    "支付宝、微信支付等支付机构应当及时妥善处理用户投诉。",
    "Payment companies such as Alipay and WeChat Pay must deal properly with your complaints.",
)
CRIMINAL_266 = _article(
    "criminal_266",
    CRIMINAL_LAW,
    "第二百六十六条",
    "Art. 266",
    "诈骗公私财物，数额较大的，处三年以下有期徒刑、拘役或者管制，并处或者单处罚金；数额巨大或者有其他严重情节的，处三年以上十年以下有期徒刑，并处罚金；数额特别巨大或者有其他特别严重情节的，处十年以上有期徒刑或者无期徒刑，并处罚金或者没收财产。本法另有规定的，依照规定。",
    "诈骗公私财物数额较大的，构成诈骗罪。",
    "Getting money by deceit is the crime of fraud; larger amounts mean prison.",
)

ARTICLES: dict[str, Article] = {
    article.key: article
    for article in (
        CPL_24, CPL_25_1_III, CPL_26_2_3, CPL_39, CPL_44_1, CPL_46, CPL_53, CPL_55_1,
        CPL_56_1_VIII,
        CPL_REG_12, CPL_REG_13_2, CPL_REG_17, CPL_REG_18_2, CPL_REG_19, CPL_REG_22_2,
        CPL_REG_22_3, CPL_REG_26_1, CPL_REG_27_2, CPL_REG_45, CPL_REG_46, CPL_REG_49_1,
        CPL_REG_49_2,
        ECL_15, ECL_20, ECL_51_2, ECL_59, ECL_60, ECL_61, ECL_62, ECL_74,
        SEVEN_DAY_6_III, SEVEN_DAY_7, SEVEN_DAY_10, SEVEN_DAY_13, SEVEN_DAY_14, SEVEN_DAY_20_2,
        SEVEN_DAY_35,
        PENALTY_5_X, PENALTY_6_VIII, PENALTY_8, PENALTY_9, PENALTY_10_2, PENALTY_16_2,
        CIVIL_19, CIVIL_20, CIVIL_144, CIVIL_145_1,
        CIVIL_148, CIVIL_152_1_I, CIVIL_157, CIVIL_188, CIVIL_497, CIVIL_512_2,
        CIVIL_563_1_III, CIVIL_563_1_IV, CIVIL_564_2, CIVIL_565_1, CIVIL_566_1, CIVIL_577,
        CIVIL_582,
        SPC_GENERAL_21, SPC_CONTRACT_10_3, SPC_ONLINE_1, SPC_ONLINE_2, SPC_ONLINE_5,
        PAYMENT_35,
        CRIMINAL_266,
    )
}  # fmt: skip
