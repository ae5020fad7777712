import re
from pathlib import Path

import pytest

from claims.domain import law

PROJECT = Path(__file__).resolve().parents[2]
LEGAL_BASIS = PROJECT.parent / "shared" / "domain" / "LEGAL_BASIS.md"
needs_reference = pytest.mark.skipif(
    not LEGAL_BASIS.exists(), reason="shared/domain is not checked out"
)
# LEGAL_BASIS §0.3(4): sentences the table quotes leave out but the full text has.
COMPLETED_ENDINGS = {
    "cpl_55_1": "法律另有规定的，依照其规定。",
    "criminal_266": "本法另有规定的，依照规定。",
}
# Never citable: repealed (第20号), unverified numbering (121号令, 治安管理处罚法 2025),
# or named without a quote in the reference.
FORBIDDEN = re.compile(
    r"第20号|投诉举报|治安管理处罚法|民事诉讼法|网络交易监督管理办法|消费者权益保护法》第二条"
    r"|民法典》第六百一十七条"
)


def reference_text() -> str:
    return LEGAL_BASIS.read_text(encoding="utf-8").replace("**", "")


def fragments(article: law.Article) -> list[str]:
    text = article.text
    ending = COMPLETED_ENDINGS.get(article.key)
    if ending:
        assert text.endswith(ending), article.key
        text = text.removesuffix(ending)
    # The tables quote sentences without their closing "。", so one is allowed on top.
    return [piece.removesuffix("。") for piece in text.split("……") if piece]


def test_the_reference_is_found_beside_the_project():
    """Without it the checks below skip: make that visible as a failure, once."""
    assert LEGAL_BASIS.exists(), f"{LEGAL_BASIS} is missing: check out shared/ beside the project"


@needs_reference
@pytest.mark.parametrize("key", sorted(law.ARTICLES))
def test_it_quotes_every_fragment_verbatim_from_the_reference(key):
    reference = reference_text()

    for piece in fragments(law.ARTICLES[key]):
        assert piece in reference, (key, piece)


@needs_reference
@pytest.mark.parametrize("key", sorted(COMPLETED_ENDINGS))
def test_it_completes_a_quote_only_with_words_the_reference_gives(key):
    corrections = reference_text().split("### 0.3")[1].split("## 1.")[0]

    assert COMPLETED_ENDINGS[key] in corrections


@pytest.mark.parametrize("key", sorted(law.ARTICLES))
def test_it_labels_the_article_with_its_full_instrument_name(key):
    article = law.ARTICLES[key]

    assert article.key == key
    assert article.law.startswith("《") and article.law.endswith("》")
    assert article.citation_zh == article.law + article.article
    assert article.article.startswith("第") and article.article_en.startswith("Art. ")
    assert article.explanation.zh and article.explanation.en


@pytest.mark.parametrize("key", sorted(law.ARTICLES))
def test_it_cites_nothing_repealed_unverified_or_unquoted(key):
    article = law.ARTICLES[key]

    assert not FORBIDDEN.search(article.citation_zh), article.citation_zh


def test_it_explains_in_chinese_without_addressing_the_reader():
    # Explanations may be printed for a shop or a 12315 officer, so they speak of 消费者.
    for article in law.ARTICLES.values():
        assert "你" not in article.explanation.zh, article.key


def test_it_names_articles_the_way_the_reference_cites_them():
    assert law.CPL_53.citation_zh == "《中华人民共和国消费者权益保护法》第五十三条"
    assert law.CPL_REG_49_2.citation_zh.endswith("实施条例》第四十九条第二款")
    assert law.CIVIL_563_1_III.article == "第五百六十三条第一款第（三）项"
