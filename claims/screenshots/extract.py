"""From the text boxes OCR found on a screenshot to the order facts it shows. Pure.

Values are found by the labels printed beside or above them (支付时间, 商家订单号, 实付款…),
never by position on the screen, so new layouts of the same apps keep working. The
labels also tell which app drew the screen, which decides what "订单号" means: Alipay's own
transaction number on its bill, the shop's order number on a card site's order page.
"""

import itertools
import re
import statistics
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from claims.screenshots import values
from claims.screenshots.values import CHINA, STATUS_WORDS, Reading, squeeze

__all__ = ["CHINA", "Reading", "TextBox", "extract"]

# Each label and the fact it names. Labels naming nothing we read still matter: they end
# the value before them and are never taken for a value themselves.
LABELS = {
    "实付款": "amount", "实付金额": "amount", "付款金额": "amount", "支付金额": "amount",
    "交易金额": "amount", "订单金额": "amount", "订单总额": "amount", "总金额": "amount",
    "金额": "amount", "合计": "amount", "总价": "amount",
    "支付时间": "paid_at", "付款时间": "paid_at", "交易时间": "paid_at", "创建时间": "paid_at",
    "下单时间": "paid_at", "购买时间": "paid_at", "订单时间": "paid_at",
    "订单号": "number", "订单编号": "number", "订单号码": "number", "交易号": "number",
    "交易单号": "number", "支付单号": "number", "支付流水号": "number", "流水号": "number",
    "商家订单号": "merchant_number", "商户单号": "merchant_number",
    "商户订单号": "merchant_number", "商家单号": "merchant_number",
    "收款方": "payee", "收款方全称": "payee", "收款方名称": "payee", "商户全称": "payee",
    "商户名称": "payee", "收款人": "payee", "收款商户": "payee",
    "商品说明": "product", "商品名称": "product", "商品": "product", "商品信息": "product",
    "商品标题": "product",
    "交易状态": "status", "当前状态": "status", "订单状态": "status", "支付状态": "status",
    "状态": "status",
    "付款方式": "method", "支付方式": "method",
    "收单机构": "", "支付机构": "", "账单分类": "", "单价": "", "数量": "", "购买数量": "",
    "联系方式": "", "卡密": "", "卡密信息": "", "备注": "", "标签和备注": "", "原价": "",
    "优惠": "", "手续费": "", "服务费": "", "对方账户": "", "账单服务": "", "计入收支": "",
}  # fmt: skip
LONGEST_FIRST = sorted(LABELS, key=len, reverse=True)

# Where a fact is named by several labels, the first found in this order wins.
PREFERENCE = {
    "amount": ["实付款", "实付金额", "付款金额", "支付金额", "交易金额", "订单金额", "订单总额",
               "总金额", "合计", "总价", "金额"],
    "paid_at": ["支付时间", "付款时间", "交易时间", "购买时间", "创建时间", "下单时间", "订单时间"],
    "payee": ["收款方全称", "商户全称", "收款方名称", "收款方", "商户名称", "收款商户", "收款人"],
    "product": ["商品说明", "商品名称", "商品", "商品标题", "商品信息"],
    "status": ["交易状态", "当前状态", "订单状态", "支付状态", "状态"],
    "method": ["付款方式", "支付方式"],
}  # fmt: skip
# Labels only one kind of screen prints. The kind decides what "订单号" means: the payment's
# own number on a bill, the shop's order number on an order page.
APP_LABELS = {
    "wechat": {"商户全称", "交易单号", "商户单号", "收单机构", "当前状态"},
    "alipay": {"收款方全称", "收款方", "商家订单号", "交易号", "账单分类", "计入收支", "商品说明"},
    "shop": {"订单编号", "订单号码", "订单状态", "实付款", "商品名称", "下单时间", "卡密",
             "卡密信息", "购买数量", "单价", "数量", "联系方式"},
}  # fmt: skip
BANNER_AMOUNT = re.compile(r"^[-−+]?[¥￥]?[-−]?\d{1,3}(,?\d{3})*\.\d{2}元?$")
COLONS = ":："


@dataclass(frozen=True)
class TextBox:
    """One line of text OCR found, with its box in pixels (left, top, right, bottom)."""

    text: str
    left: float
    top: float
    right: float
    bottom: float

    @classmethod
    def from_points(cls, points, text: str) -> "TextBox":
        xs = [point[0] for point in points]
        ys = [point[1] for point in points]
        return cls(text, min(xs), min(ys), max(xs), max(ys))

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)

    def overlaps_row(self, other: "TextBox") -> bool:
        """On the same line: at least half of the lower box's height is shared."""
        shared = min(self.bottom, other.bottom) - max(self.top, other.top)
        return shared >= 0.5 * min(self.height, other.height)


@dataclass
class _Label:
    box: TextBox
    name: str
    inline: str  # text after the label in the same box, when OCR joined them


@dataclass
class _Page:
    boxes: list[TextBox]
    labels: list[_Label] = field(default_factory=list)
    label_boxes: set[int] = field(default_factory=set)


def extract(boxes: list[TextBox]) -> Reading:
    """The facts a payment bill or an order page shows, from OCR's text boxes."""
    boxes = [
        part
        for b in boxes
        for part in _split_pairs(TextBox(_clean(b.text), b.left, b.top, b.right, b.bottom))
        if part.text
    ]
    page = _Page(boxes=sorted(boxes, key=lambda b: (b.top, b.left)))
    for box in page.boxes:
        label = _as_label(box)
        if label:
            page.labels.append(label)
            page.label_boxes.add(id(box))
    app = _which_app(page)
    numbers = {name: _value(page, name, values.identifier) for name in _number_labels(page)}
    merchant = _first(numbers, [n for n in numbers if LABELS[n] == "merchant_number"])
    own = _first(numbers, [n for n in numbers if LABELS[n] == "number"])
    if app == "shop":
        order_number, transaction_number = own or merchant, ""
        if own and merchant and own != merchant:
            transaction_number = merchant
    else:
        order_number, transaction_number = merchant, own
    return Reading(
        app=app,
        amount=_pick(page, "amount", values.amount) or _banner_amount(page),
        paid_at=_pick(page, "paid_at", values.payment_time),
        order_number=order_number,
        transaction_number=transaction_number,
        payee=_pick(page, "payee", values.plain_text),
        product=_pick(page, "product", values.plain_text),
        payment_method=_pick(page, "method", values.payment_method),
        status=_pick(page, "status", values.status) or _unlabelled_status(page),
    )


# -- labels -------------------------------------------------------------------------------


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    return " ".join(text.split())


def _split_pairs(box: TextBox) -> list[TextBox]:
    """'订单号：123 状态：已发货' is two boxes: each 'label：' inside a box starts a new one."""
    starts = sorted(
        {
            match.start()
            for name in LONGEST_FIRST
            for match in re.finditer(re.escape(name) + "[:：]", box.text)
            if match.start() > 0 and not _inside_longer_label(box.text, match.start())
        }
    )
    if not starts:
        return [box]
    width = (box.right - box.left) / max(len(box.text), 1)
    bounds = [0, *starts, len(box.text)]
    return [
        TextBox(
            box.text[start:end].strip(),
            box.left + start * width,
            box.top,
            box.left + end * width,
            box.bottom,
        )
        for start, end in itertools.pairwise(bounds)
    ]


def _inside_longer_label(text: str, position: int) -> bool:
    """'商家订单号：' holds '订单号：' at position 2: that is not a second label."""
    return any(
        text.startswith(name, start)
        for name in LONGEST_FIRST
        for start in range(max(position - len(name) + 1, 0), position)
        if start + len(name) > position
    )


def _as_label(box: TextBox) -> _Label | None:
    text = squeeze(box.text)
    for name in LONGEST_FIRST:
        if not text.startswith(name):
            continue
        rest = text[len(name) :]
        if not rest or rest in COLONS:
            return _Label(box, name, "")
        inline = _after_label(box.text, name)
        if rest[0] in COLONS:
            return _Label(box, name, inline.lstrip(COLONS).strip())
        # OCR sometimes joins a label and its value when they sit close together.
        role = LABELS[name]
        if role and (len(name) >= 3 or role in ("amount", "paid_at", "number")):
            parse = ROLE_PARSERS.get(role)
            if parse is None or parse(inline):
                return _Label(box, name, inline)
        return None
    return None


def _after_label(text: str, name: str) -> str:
    """The text after the label's characters, however OCR spaced them."""
    seen = 0
    for index, char in enumerate(text):
        if not char.isspace():
            seen += 1
        if seen == len(name):
            return text[index + 1 :].strip()
    return ""


def _which_app(page: _Page) -> str:
    """The kind of screen whose own labels it shows most; ties go to the payment apps."""
    names = {label.name for label in page.labels}
    scores = {app: len(names & labels) for app, labels in APP_LABELS.items()}
    best = max(scores, key=lambda app: scores[app])  # dicts keep order: wechat, alipay, shop
    if scores[best]:
        return best
    # A value may name an app ("微信支付" as the payment method); a title is safer.
    titles = "".join(squeeze(box.text) for box in page.boxes if not _is_label(page, box))
    if "微信支付" in titles and "账单" in titles:
        return "wechat"
    if "支付宝" in titles and "账单" in titles:
        return "alipay"
    return "shop" if "订单号" in names else ""


def _number_labels(page: _Page) -> list[str]:
    seen = []
    for label in page.labels:
        if LABELS[label.name] in ("number", "merchant_number") and label.name not in seen:
            seen.append(label.name)
    return seen


def _first(values: dict, names: list[str]) -> str:
    return next((values[name] for name in names if values[name]), "")


# -- values -------------------------------------------------------------------------------


def _pick(page: _Page, role: str, parse):
    for name in PREFERENCE[role]:
        value = _value(page, name, parse)
        if value:
            return value
    return None if role in ("amount", "paid_at") else ""


def _value(page: _Page, name: str, parse):
    """The parsed value of the first label `name` that has one."""
    joiner = "" if parse is values.identifier else " "
    for label in (label for label in page.labels if label.name == name):
        if label.inline:
            # The rest of the line may have been read as boxes of its own: "已付款" "未发货".
            row = joiner.join([label.inline, *(box.text for box in _right_of(page, label.box))])
            value = parse(_cut_at_next_label(row))
            if value:
                return value
        for text in _candidates(page, label.box, joiner, identifiers=parse is values.identifier):
            value = parse(_cut_at_next_label(text))
            if value:
                return value
    return None


def _cut_at_next_label(text: str) -> str:
    """'123456 状态：已发货' -> '123456': a second label inside the same box ends the value."""
    for name in LONGEST_FIRST:
        for colon in COLONS:
            position = text.find(name + colon)
            if position > 0:
                text = text[:position]
    return text.strip()


def _candidates(page: _Page, label: TextBox, joiner: str, identifiers: bool):
    """The text right of the label on its line, else the line below it; wrapped lines join."""
    row = _right_of(page, label)
    if row:
        yield joiner.join(box.text for box in row) + _continued(page, row[0], joiner, identifiers)
    below = _below(page, label)
    if below:
        yield below.text + _continued(page, below, joiner, identifiers)


def _is_label(page: _Page, box: TextBox) -> bool:
    return id(box) in page.label_boxes


def _right_of(page: _Page, label: TextBox) -> list[TextBox]:
    row = sorted(
        (
            box
            for box in page.boxes
            if box is not label
            and box.left >= label.right - 0.5 * label.height
            and box.overlaps_row(label)
        ),
        key=lambda box: box.left,
    )
    values = []
    for box in row:
        if _is_label(page, box):
            break
        values.append(box)
    return values


def _below(page: _Page, label: TextBox) -> TextBox | None:
    height = label.height
    options = [
        box
        for box in page.boxes
        if box.top >= label.top + 0.6 * height
        and box.top - label.bottom <= 1.2 * height
        and label.left - 2 * height <= box.left <= label.left + 3 * height
    ]
    if not options:
        return None
    nearest = min(options, key=lambda box: (box.top, box.left))
    return None if _is_label(page, nearest) else nearest


def _continued(page: _Page, first: TextBox, joiner: str, identifiers: bool) -> str:
    """Lines a long value wrapped onto: aligned under it, close, and with no label of their own."""
    text, current = "", first
    for _ in range(3):
        height = current.height
        following = [
            box
            for box in page.boxes
            if box.top >= current.top + 0.6 * height
            and box.top - current.bottom <= 0.8 * height
            and (abs(box.left - current.left) <= height or abs(box.right - current.right) <= height)
            and abs(box.height - height) <= 0.35 * height
        ]
        if not following:
            break
        nxt = min(following, key=lambda box: box.top)
        if _is_label(page, nxt) or any(
            _is_label(page, other) and other.overlaps_row(nxt) for other in page.boxes
        ):
            break
        if identifiers and not re.fullmatch(r"[A-Za-z0-9_\-]+", squeeze(nxt.text)):
            break
        text += joiner + nxt.text
        current = nxt
    return text


def _banner_amount(page: _Page) -> Decimal | None:
    """Bills show the amount big, with no label (-648.00): the tallest such number."""
    if not page.boxes:
        return None
    typical = statistics.median(box.height for box in page.boxes)
    banners = [
        box
        for box in page.boxes
        if BANNER_AMOUNT.match(squeeze(box.text)) and box.height >= 1.3 * typical
    ]
    if not banners:
        return None
    return values.amount(max(banners, key=lambda box: box.height).text)


def _unlabelled_status(page: _Page) -> str:
    """Alipay prints "交易成功" under the amount without a label; shop pages do similar."""
    for box in page.boxes:
        if _is_label(page, box) or not STATUS_WORDS.match(squeeze(box.text)):
            continue
        row = [box] + [
            other
            for other in page.boxes
            if other is not box
            and other.left > box.left
            and other.overlaps_row(box)
            and STATUS_WORDS.match(squeeze(other.text))
        ]
        return values.status(" ".join(part.text for part in sorted(row, key=lambda b: b.left)))
    return ""


ROLE_PARSERS = {
    "amount": values.amount,
    "paid_at": values.payment_time,
    "number": values.identifier,
}
