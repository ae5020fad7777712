"""The dossier's first page: a statement addressed to the reader the user chose (issue 16)."""

import io
import re

import pytest
from pypdf import PdfReader

from claims.domain.eligibility import assess
from claims.dossier.cache import cached_dossier
from claims.dossier.render import render_dossier
from claims.dossier.statement import offered_recipients
from claims.dossier.stored import cached_dossier_names
from claims.wizard.facts import facts_for_claim
from claims.wizard.signature import sign
from tests.dossier.stories import (
    CLAIMS,
    ICP,
    OPERATOR,
    TRANSACTION,
    invalid_key_on_own_site,
    non_delivery,
    private_transfer,
    signed_claim,
)
from tests.dossier_worker import download


def first_page(pdf: bytes) -> str:
    return re.sub(r"\s", "", PdfReader(io.BytesIO(pdf)).pages[0].extract_text())


def listed_exhibits(page: str) -> set[str]:
    return set(re.findall(r"证据\d+", page.split("证据目录", 1)[1]))


def cited_exhibits(page: str) -> set[str]:
    return set(re.findall(r"证据\d+", page.split("证据目录", 1)[0]))


READERS = {
    "seller": ("退款申请书", "致：", "请在"),
    "alipay": ("交易投诉及退款协助申请", "致：支付宝", "请求支付宝协助退还该笔交易款项¥648.00"),
    "12315": ("投诉书", "致：市场监督管理部门（全国12315平台）", "促使被投诉人退还申请人¥648.00"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("story", CLAIMS)
@pytest.mark.parametrize("reader", READERS)
def test_it_addresses_the_statement_to_the_reader_with_the_facts_and_exhibits(story, reader):
    claim = signed_claim(CLAIMS[story]())
    facts = facts_for_claim(claim)
    offered = offered_recipients(facts, assess(facts))
    if reader not in offered:
        assert (story, reader) == ("private transfer", "alipay")  # paid outside Alipay
        return

    page = first_page(render_dossier(claim, recipient=reader))

    title, addressee, demand = READERS[reader]
    assert title in page and addressee in page
    assert demand in page and "¥648.00" in page
    assert "“原神创世结晶6480点卡密”" in page  # the facts, as sentences from the Facts
    assert "请求事项" in page and "事实与理由" in page and "法律依据：" in page
    assert "？" not in page  # never the wizard's questions
    cited = cited_exhibits(page)
    assert cited and cited <= listed_exhibits(page) == {"证据1", "证据2", "证据3"}
    if story == "invalid key":
        assert OPERATOR in page and ICP in page
    if story == "private transfer":
        assert "无订单号" in page and TRANSACTION in page
        assert "订单号：" not in page
    if story == "non-delivery":
        assert "星辰游戏卡盟的店铺“小鱼数码分站”" in page
    if reader != "seller":
        assert "贵店" not in page  # told about the seller, not to it


@pytest.mark.django_db
def test_it_asks_a_12315_report_to_investigate_not_to_refund():
    claim = signed_claim(invalid_key_on_own_site())
    facts = facts_for_claim(claim)
    assert "report" in offered_recipients(facts, assess(facts))  # the no-refund notice (R8)

    page = first_page(render_dossier(claim, recipient="report"))

    assert "举报书" in page and "被举报人" in page
    assert "请求依法调查被举报人" in page and "本举报不涉及退款" in page
    assert "退还申请人" not in page


@pytest.mark.django_db
def test_it_keeps_the_statement_on_one_page_before_the_support():
    claim = signed_claim(invalid_key_on_own_site())

    pages = [
        re.sub(r"\s", "", page.extract_text())
        for page in PdfReader(io.BytesIO(render_dossier(claim))).pages
    ]

    assert "证据目录" in pages[0] and "材料指纹" in pages[0]
    assert "退款申请书" not in "".join(pages[1:])  # one statement, then support


@pytest.mark.django_db
def test_the_chronology_merges_the_facts_and_cites_each_exhibit(client):
    claim = signed_claim(invalid_key_on_own_site())
    item = claim.evidence.get(category="merchant_breach")
    claim.events.create(kind="replied", happened_on=facts_for_claim(claim).contacted_on,
                        note="请耐心等待", evidence=item)  # fmt: skip
    sign(claim, "李明")

    pdf = render_dossier(claim)

    text = "".join(
        re.sub(r"\s", "", page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages
    )
    chronology = text[text.rindex("二、事实经过") : text.rindex("三、评估意见与法律依据")]
    assert chronology.index("下单购买") < chronology.index("申请人首次联系商家")
    assert "商家答复（见证据3）“请耐心等待”" in chronology
    assert "通过支付宝付款" in chronology and "（见证据1）" in chronology
    # The answers are told once, as facts: no question-and-answer lists repeat them.
    assert "详细情况" not in text and "商家是否承诺可退款" not in text


@pytest.mark.django_db
def test_the_download_for_a_reader_not_offered_is_not_found(client):
    claim = signed_claim(private_transfer())

    assert client.get(f"/c/{claim.token}/dossier.pdf?for=alipay").status_code == 404
    assert client.get(f"/c/{claim.token}/dossier.pdf?for=court").status_code == 404
    assert client.get(f"/c/{claim.token}/dossier-archive.pdf?for=alipay").status_code == 404


@pytest.mark.django_db
def test_the_download_is_addressed_to_the_reader_asked_for(client):
    claim = signed_claim(non_delivery())

    seller = download(client, f"/c/{claim.token}/dossier.pdf")
    alipay = download(client, f"/c/{claim.token}/dossier.pdf?for=alipay")

    assert "致：支付宝" not in first_page(seller.content)
    assert "致：支付宝" in first_page(alipay.content)
    assert f"{claim.reference}-alipay.pdf" in alipay["Content-Disposition"]


@pytest.mark.django_db
def test_it_caches_one_render_per_reader(private_storage):
    claim = signed_claim(non_delivery())

    seller = cached_dossier(claim)
    alipay = cached_dossier(claim, recipient="alipay")

    assert seller != alipay
    assert cached_dossier(claim) == seller  # the other reader's render did not evict it
    assert {seller, alipay} <= set(cached_dossier_names(claim.pk))


@pytest.mark.django_db
def test_the_done_page_offers_one_link_per_offered_reader(client):
    claim = signed_claim(non_delivery())

    page = client.get(f"/c/{claim.token}/done/").content.decode()

    assert f"/c/{claim.token}/dossier.pdf?for=alipay" in page
    assert f"/c/{claim.token}/dossier.pdf?for=12315" in page
    assert f"/c/{claim.token}/dossier.pdf?for=seller" in page
    assert "?for=wechat" not in page and "?for=court" not in page
