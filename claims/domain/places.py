"""Where each draft goes and what to attach, shared by the drafts and the escalation plan.

In-app paths for Alipay, WeChat Pay and 12315 come from secondary guides (LEGAL_BASIS §2,
[2S]), so every one of them says to check the current app or site.
"""

from claims.domain.channels import PAYMENT_PLATFORMS
from claims.domain.facts import Facts
from claims.domain.text import Text

_SELLER_WRITING = Text(
    "用能留下记录的文字渠道发给店家：网站工单、客服聊天或邮件。发出后截图保存，最好看得到“已读”或送达。",
    "Send it to the shop in writing where a record stays: a site ticket, customer-service "
    "chat or email. Screenshot it once sent, ideally showing it was read or delivered.",
)
_PAYMENT_ATTACH = Text(
    "最关键的几张截图：订单页面、付款记录、没到账或报错的画面、和店家的聊天记录"
    "（图片数量上限未核实）。退款助手生成的证据PDF留着备用。",
    "The few key screenshots: the order page, the payment record, the missing delivery or "
    "the error, and your chat with the shop (the image limit is unverified). Keep the "
    "dossier PDF from RefundHelper ready in case you are asked for more.",
)
_DOSSIER = Text(
    "退款助手生成的证据PDF，以及付款记录、订单页面和聊天记录的截图。",
    "The dossier PDF from RefundHelper, plus screenshots of the payment record, the order "
    "page and your chat with the shop.",
)

WHERE = {
    "merchant_chat": Text(
        "店铺的在线客服、QQ或微信客服。",
        "The shop's customer service: the site chat, QQ or WeChat.",
    ),
    "merchant_demand": _SELLER_WRITING,
    "merchant_rescission": Text(
        _SELLER_WRITING.zh + "通知到达店家时合同解除，一定要保存送达记录。",
        _SELLER_WRITING.en + " The contract ends when the notice reaches the shop, so keep "
        "proof that it arrived.",
    ),
    "alipay": Text(
        "支付宝 → 我的 → 账单 → 这笔交易 → 投诉。路径来自网上的使用说明，请以当前App为准。",
        "Alipay → Me (我的) → Bills (账单) → this transaction → Complain (投诉). The path "
        "comes from online guides; check the current app.",
    ),
    "wechat_pay": Text(
        "微信支付账单 → 这笔交易 → “对订单有疑惑” → “投诉商家”。"
        "路径来自网上的使用说明，请以当前微信为准。",
        "Your WeChat Pay bill (账单) → this transaction → 对订单有疑惑 → 投诉商家 (complain "
        "about the merchant). The path comes from online guides; check the current app.",
    ),
    "platform": Text(
        "平台（主站）的客服或投诉入口。",
        "The platform's (main site's) customer service or complaint page.",
    ),
    "complaint_12315": Text(
        "全国12315平台（www.12315.cn）：登录并实名认证 → 我要投诉 → 搜索并选择被投诉企业 → "
        "填写内容、上传证据。流程来自网上的使用说明，请以网站当前页面为准；也可以拨打12315。",
        "The national 12315 platform (www.12315.cn): log in with your real identity → "
        "我要投诉 (complain) → find and pick the business → fill in and upload evidence. The "
        "steps come from online guides; check the current site. You can also call 12315.",
    ),
    "complaint_12315_reply": Text(
        "在全国12315平台按投诉编号查看进度，或拨打12315询问。",
        "Check the progress on the 12315 platform with your complaint number, or call 12315.",
    ),
    "report_12315": Text(
        "全国12315平台 → 我要举报，和投诉分开提交。请以网站当前页面为准。",
        "The 12315 platform → 我要举报 (report), filed separately from the complaint. Check "
        "the current site.",
    ),
    "consumer_association": Text(
        "当地消费者协会（消费者委员会）：通过其官网、公众号或窗口提交调解申请，具体方式以当地消协公布的为准。",
        "Your local consumer association (消费者协会/消费者委员会): its website, WeChat "
        "account or office; follow what it publishes on how to apply.",
    ),
    "social_post": Text(
        "小红书、抖音等公开平台。",
        "A public platform such as Xiaohongshu (小红书) or Douyin (抖音).",
    ),
    "court": Text(
        "人民法院。金额不大的，可以问法院能否适用小额诉讼程序；也可以在线起诉。",
        "A people's court. For small amounts ask about the small-claims procedure; you can "
        "also file online.",
    ),
    "police": Text("当地公安机关，或拨打110。", "The local police, or call 110."),
}

ATTACH = {
    "merchant_chat": Text("订单页面截图。", "A screenshot of the order page."),
    "merchant_demand": Text(
        "订单页面和付款记录的截图。", "Screenshots of the order page and the payment record."
    ),
    "merchant_rescission": Text(
        "订单页面、付款记录和之前书面催告的截图。",
        "Screenshots of the order page, the payment record and your earlier written demand.",
    ),
    "alipay": _PAYMENT_ATTACH,
    "wechat_pay": _PAYMENT_ATTACH,
    "payment": _PAYMENT_ATTACH,
    "platform": Text(
        "订单页面、付款记录和与店铺的聊天记录截图。",
        "Screenshots of the order page, the payment record and your chat with the shop.",
    ),
    "complaint_12315": Text(
        _DOSSIER.zh + "附件数量、大小和格式的限制未核实：图片先压缩，录屏可导出关键画面。"
        "投诉页面曾经不能粘贴，必要时分段输入。",
        _DOSSIER.en + " Attachment limits are unverified: compress images and export key "
        "frames from recordings. The complaint page has blocked pasting before, so be ready "
        "to type it in parts.",
    ),
    "complaint_12315_reply": Text("你的投诉编号。", "Your complaint number."),
    "report_12315": Text(
        "能证明违法行为的截图，例如“概不退换”告示、没有营业执照信息的首页、拒绝退款的聊天记录、虚假宣传页面。",
        'Screenshots that show the breach: the "no refunds" notice, a home page with no '
        "licence details, the chat refusing a refund, the false claims.",
    ),
    "consumer_association": _DOSSIER,
    "social_post": Text(
        "只配遮挡过个人信息的截图：不要出现卡密、交易单号、手机号或真实姓名。",
        "Only screenshots with personal details covered: no card keys, transaction numbers, "
        "phone numbers or real names.",
    ),
    "court": Text(
        "证据PDF、原始截图和录屏文件、书面催告以及各渠道投诉的记录。",
        "The dossier PDF, the original screenshots and recordings, your written demand and "
        "the records of every complaint.",
    ),
    "police": Text(
        "付款记录、订单页面、网站关闭前后的截图和聊天记录。",
        "The payment record, the order page, screenshots of the site before and after it "
        "closed, and your chats.",
    ),
}


def payment_where(facts: Facts) -> Text:
    """Where to complain about the payment; a generic pointer where no path is documented."""
    if facts.payment_method == "alipay":
        return WHERE["alipay"]
    if facts.payment_method == "wechat":
        return WHERE["wechat_pay"]
    platform = PAYMENT_PLATFORMS.get(facts.payment_method, Text("支付机构", "the payment provider"))
    return Text(
        f"{platform.zh}：在账单或客服中找到这笔交易，申请投诉或争议处理；具体入口以当前App或客服说明为准。",
        f"{platform.en}: find this transaction in your bill or through customer service and "
        "open a complaint or dispute; check the current app or ask customer service.",
    )
