import hashlib
import io
import json
import re
from dataclasses import dataclass
from datetime import datetime

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.translation import gettext
from pypdf import PdfReader

from claims.demo.claim import create_sample_claim
from claims.dossier.manifest import Manifest, new_manifest, numbered_exhibits
from claims.dossier.render import DossierUnavailable, prepare, render_dossier
from claims.models import Claim, Evidence
from tests.dossier_worker import download
from tests.factories import add_evidence, files_in, make_claim
from tests.journey import start_claim, walk_to

SAMPLE_ORDER_NUMBER = "202611222114038766"  # typed as "2026 1122 2114 0387 66"
EVIDENCE_FIELDS = ("original", "print_image", "thumbnail")
# The seller's order after the statement (claims/dossier/context.py SUPPORT_ORDER).
CHAPTER_TITLES = (
    "一、订单与支付",
    "二、事实经过",
    "三、评估意见与法律依据",
    "四、后续处理安排",
    "五、申请人声明",
    "六、签署后记录的事项",
    "七、证据清单",
)
IMAGE_DRAWN = re.compile(rb"/(\w+) Do\b")
PAGE_FOOTER = re.compile(r"第(\d+)页/共(\d+)页")


@dataclass
class RenderedSample:
    pdf: bytes
    reader: PdfReader
    pages: list[str]  # each page's text without whitespace (CJK text extracts with breaks)
    text: str
    reference: str
    token: str
    hashes: list[str]
    manifest: Manifest
    complaint: str  # the same claim's dossier for a 12315 complaint, without whitespace


def flat(text: str) -> str:
    return re.sub(r"\s", "", text)


def read(pdf: bytes) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, [flat(page.extract_text()) for page in reader.pages]


@pytest.fixture(scope="module")
def sample(django_db_setup, django_db_blocker, tmp_path_factory):
    """The sample claim's dossier, rendered once for the module; the claim is gone afterwards."""
    storage = FileSystemStorage(location=tmp_path_factory.mktemp("evidence"), base_url=None)
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:
        for name in EVIDENCE_FIELDS:
            patch.setattr(Evidence._meta.get_field(name), "storage", storage)
        claim = create_sample_claim()
        try:
            exhibits = numbered_exhibits(claim)
            manifest = new_manifest(claim, exhibits)
            pdf = render_dossier(claim, manifest=manifest)
            complaint = "".join(read(render_dossier(claim, recipient="12315"))[1])
            hashes = [exhibit.item.sha256 for exhibit in exhibits]
        finally:
            claim.delete_with_files()
    reader, pages = read(pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    return RenderedSample(
        pdf, reader, pages, text, claim.reference, claim.token, hashes, manifest, complaint
    )


def fonts_of(resources):
    """Every font dictionary reachable from a resource dictionary, form XObjects included."""
    resources = resources.get_object() if resources is not None else {}
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        yield font
        for descendant in font.get("/DescendantFonts") or []:
            yield descendant.get_object()
    for xobject in (resources.get("/XObject") or {}).values():
        form = xobject.get_object()
        if form.get("/Subtype") == "/Form":
            yield from fonts_of(form.get("/Resources"))


def page_of(sample, heading: str) -> int:
    """The 1-based number of the page this heading's bookmark points to (chapters flow on
    from each other, so a heading may stand anywhere on its page)."""
    (number,) = [
        page for _depth, title, page in outline_titles(sample.reader) if title.startswith(heading)
    ]
    return number


def chapter(sample, heading: str, until: str | None = None) -> str:
    """The text from a chapter's heading to the next one asked for (the contents list the
    headings too: the body's occurrence is the last)."""
    body = "".join(sample.pages[1:])
    start = body.rindex(heading)
    return body[start : body.rindex(until) if until else None]


def outline_titles(reader, items=None, depth=0):
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            yield from outline_titles(reader, item, depth + 1)
        else:
            yield depth, item.title, reader.get_destination_page_number(item) + 1


def test_it_renders_a_pdf(sample):
    assert sample.pdf.startswith(b"%PDF-")
    assert sample.reader.metadata.title == f"退款申请材料 {sample.reference}"


def test_it_is_written_in_chinese_with_every_chapter_in_order(sample):
    starts = [page_of(sample, title) for title in CHAPTER_TITLES]
    body = "".join(sample.pages[1:])

    assert starts == sorted(starts)
    assert [body.rindex(title) for title in CHAPTER_TITLES] == sorted(
        body.rindex(title) for title in CHAPTER_TITLES
    )
    assert "退款申请材料" in sample.pages[0]


def test_the_support_flows_and_only_the_exhibits_start_pages_of_their_own(sample):
    """Issue 16: no chapter is pushed to a new page, so no page is left mostly blank; the
    demo claim (three screenshots, every chapter) fits in about eight pages of support."""
    starts = [page_of(sample, title) for title in CHAPTER_TITLES]
    exhibits = [page_of(sample, f"证据{n}：") for n in range(1, len(sample.hashes) + 1)]

    assert len(set(starts)) < len(starts)  # chapters share pages
    assert exhibits == list(range(len(sample.pages) - 2, len(sample.pages) + 1))
    assert exhibits[0] - 1 <= 8


def test_it_speaks_no_english_even_where_the_wizard_does(sample):
    # Labels come from the wizard's forms: untranslated ones would surface here in English.
    assert re.findall(r"[A-Za-z']{2,} [A-Za-z']{2,}", sample.text) == []


def test_it_prints_the_order_number_without_the_spaces_it_was_typed_with(sample):
    assert SAMPLE_ORDER_NUMBER in sample.text
    assert "2026 1122" not in sample.text


def test_it_names_the_claim_by_its_reference_and_never_by_its_token(sample):
    assert sample.reference in sample.text
    assert sample.token not in sample.text
    assert sample.token.encode() not in sample.pdf
    assert all(sample.token not in str(value) for value in sample.reader.metadata.values())


def test_every_page_after_the_cover_carries_the_reference_and_page_x_of_y(sample):
    total = len(sample.pages)
    for number, page in enumerate(sample.pages[1:], start=2):
        assert sample.reference in page
        assert PAGE_FOOTER.search(page).groups() == (str(number), str(total))


def test_the_cover_and_every_footer_carry_the_fingerprint(sample):
    fingerprint = sample.manifest.fingerprint

    assert f"材料指纹{fingerprint}" in sample.pages[0]  # the statement
    assert f"材料指纹（SHA-256）{fingerprint}" in sample.pages[1]  # the cover
    assert all(fingerprint in page for page in sample.pages[1:])
    assert f"sha256:{fingerprint}" in sample.reader.metadata["/Keywords"]


def test_the_contents_give_the_page_of_every_chapter(sample):
    contents = sample.pages[1].split("目录", 1)[1]  # below the cover, on its page

    for title in CHAPTER_TITLES:
        assert re.search(rf"{title}\.*{page_of(sample, title)}(?!\d)", contents), title


def test_it_has_bookmarks_for_the_chapters_and_each_exhibit(sample):
    bookmarks = {title: (depth, page) for depth, title, page in outline_titles(sample.reader)}

    for title in CHAPTER_TITLES:
        assert bookmarks[title] == (0, page_of(sample, title))
    for number in range(1, len(sample.hashes) + 1):
        (title,) = [t for t in bookmarks if t.startswith(f"证据{number}：")]
        assert bookmarks[title][0] == 1


def test_it_lists_the_sha256_of_every_original(sample):
    assert len(sample.hashes) == 3
    assert all(digest in flat(sample.text) for digest in sample.hashes)


def test_the_exhibit_index_gives_each_exhibits_page(sample):
    index = chapter(sample, "七、证据清单", "证据1：")
    for number, digest in enumerate(sample.hashes, start=1):
        page = page_of(sample, f"证据{number}：")
        assert re.search(rf"{digest}{page}(?!\d)", index)


def test_the_text_refers_to_exhibits_by_number(sample):
    order = chapter(sample, "一、订单与支付", "二、事实经过")
    timeline = chapter(sample, "二、事实经过", "三、评估意见与法律依据")
    assert "相关证据：证据1" in order
    assert "（见证据3）" in timeline


def test_the_timeline_holds_the_known_dates_and_the_recorded_events(sample):
    timeline = chapter(sample, "二、事实经过", "三、评估意见与法律依据")

    assert "下单购买" in timeline
    assert "申请人首次联系商家" in timeline
    assert timeline.index("下单购买") < timeline.index("申请人确认所述事实并签署本材料")
    # The demo's refusal was recorded after signing: it is printed apart, after the declaration.
    assert "商家拒绝退款" not in timeline
    later = chapter(sample, "六、签署后记录的事项", "七、证据清单")
    assert "商家拒绝退款" in later
    assert "不在上述声明的签署范围内" in later


def test_the_messages_chapter_shows_the_texts_and_the_chronology_quotes_the_reply(sample):
    """A third party reads the formal demand; the seller's dossier is itself the demand."""
    complaint = sample.complaint
    texts = complaint[complaint.rindex("四、致商家的文本") : complaint.rindex("五、申请人声明")]
    timeline = complaint[complaint.rindex("一、事实经过") : complaint.rindex("二、订单与支付")]

    assert "书面催告" in texts and "致商家的消息" not in texts
    assert "致商家的文本" not in "".join(sample.pages)
    assert "“虚拟商品一经售出概不退换" in timeline  # the seller's words, quoted once
    # Sent and refused after signing (the demo): not in the signed pages, but after them.
    assert "申请人向商家发送消息或书面催告" not in timeline
    later = chapter(sample, "六、签署后记录的事项", "七、证据清单")
    assert "申请人向商家发送消息或书面催告" in later


def test_the_assessment_quotes_its_legal_basis(sample):
    assessment = chapter(sample, "三、评估意见与法律依据", "四、后续处理安排")
    statement = sample.pages[0]
    basis = statement[statement.index("法律依据：") : statement.index("期限：")]

    assert "引用条文" in assessment
    assert "《中华人民共和国消费者权益保护法》" in assessment
    # Quoted in full: the statement's articles; the assessment's others only named.
    quoted = assessment[assessment.index("引用条文") : assessment.index("评估理由另引：")]
    assert len(re.findall(r"\d+\.《", quoted)) == len(
        re.findall("第[一二三四五六七八九十百]+条", basis)
    )


def test_it_embeds_every_font(sample):
    fonts = [font for page in sample.reader.pages for font in fonts_of(page.get("/Resources"))]

    assert fonts
    for font in fonts:
        if font["/Subtype"] == "/Type0":
            continue  # checked through its DescendantFonts
        descriptor = font["/FontDescriptor"].get_object()
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font.get("/BaseFont")


def test_it_gives_each_evidence_image_a_page_of_its_own(sample):
    exhibits = {}
    for number in range(1, len(sample.hashes) + 1):
        page = sample.reader.pages[page_of(sample, f"证据{number}：") - 1]
        exhibits[number] = IMAGE_DRAWN.findall(page.get_contents().get_data())

    pages = {page_of(sample, f"证据{number}：") for number in exhibits}
    assert len(pages) == len(sample.hashes)
    assert all(len(drawn) == 1 for drawn in exhibits.values())
    assert len({drawn[0] for drawn in exhibits.values()}) == len(sample.hashes)


def test_it_claims_pdf_a_3b(sample):
    root = sample.reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data()

    assert b"pdfaid:part" in xmp and b'"3"' in xmp.split(b"pdfaid:part")[1][:5]
    assert root["/OutputIntents"][0].get_object()["/S"] == "/GTS_PDFA1"


def test_the_manifest_is_canonical_json_and_the_fingerprint_is_its_sha256(sample):
    body = sample.manifest.canonical_json()

    assert json.loads(body)["exhibits"][0] == {"number": 1, "sha256": sample.hashes[0]}
    assert json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode() == body
    assert sample.manifest.fingerprint == hashlib.sha256(body).hexdigest()
    assert Manifest.from_json(body) == sample.manifest


def test_the_fingerprint_changes_with_any_exhibit_the_time_or_the_reference():
    when = datetime(2026, 11, 25, 16, 13, tzinfo=timezone.get_default_timezone())
    base = Manifest("RH-AAAA-BBBB", when, ((1, "a" * 64), (2, "b" * 64)))
    variants = [
        Manifest("RH-AAAA-BBBC", when, base.exhibits),
        Manifest(base.reference, when.replace(second=1), base.exhibits),
        Manifest(base.reference, when, ((1, "a" * 64), (2, "c" * 64))),
        Manifest(base.reference, when, ((2, "a" * 64), (1, "b" * 64))),
    ]

    assert len({base.fingerprint, *(variant.fingerprint for variant in variants)}) == 5


@pytest.mark.django_db
def test_exhibits_are_numbered_by_category_then_upload_order():
    claim = make_claim(signed_name="李明")
    other = add_evidence(claim, category="other", caption="其他")
    chat = add_evidence(claim, category="merchant_breach", caption="聊天")
    bill = add_evidence(claim, category="transaction", caption="账单")

    assert [exhibit.item for exhibit in numbered_exhibits(claim)] == [bill, chat, other]


@pytest.mark.django_db
def test_an_english_ui_adds_english_headings_beside_the_chinese_ones():
    claim = make_claim(signed_name="李明")
    add_evidence(claim)

    _reader, pages = read(render_dossier(claim, english_headings=True))

    text = "".join(pages)
    assert "一、订单与支付Orderandpayment" in text
    assert "证据1：付款和订单Exhibit1" in text
    assert "申请人未上传证据文件" not in text


@pytest.mark.django_db
def test_the_download_for_an_english_ui_has_english_headings(client):
    claim = make_claim(signed_name="李明")
    client.cookies["rh_language"] = "en"

    _reader, pages = read(download(client, f"/c/{claim.token}/dossier.pdf").content)

    assert "一、订单与支付Orderandpayment" in "".join(pages)


@pytest.mark.django_db
def test_it_refuses_to_render_without_a_chinese_font(monkeypatch):
    monkeypatch.setattr("claims.dossier.fonts.cjk_font_available", lambda: False)

    with pytest.raises(DossierUnavailable):
        render_dossier(make_claim(signed_name="李明"))


@pytest.mark.django_db
def test_the_download_explains_itself_without_a_chinese_font(client, monkeypatch):
    monkeypatch.setattr("claims.dossier.fonts.cjk_font_available", lambda: False)
    claim = make_claim(signed_name="李明")

    response = client.get(f"/c/{claim.token}/dossier.pdf")

    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    with translation.override("zh-hans"):
        assert gettext("The PDF cannot be made right now") in page
    assert f'href="/c/{claim.token}/done/"' in page
    assert page.rstrip().endswith("<!-- claims:dossier -->")


@pytest.mark.django_db
def test_the_download_is_the_pdf_named_by_the_claim_reference(client):
    claim = make_claim(signed_name="李明")
    add_evidence(claim)

    response = download(client, f"/c/{claim.token}/dossier.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{claim.reference}.pdf"'
    assert response.content.startswith(b"%PDF-")
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_an_unfinished_claim_has_no_dossier_yet(client):
    claim = make_claim()

    for path in ("dossier.pdf", "dossier-archive.pdf"):
        response = client.get(f"/c/{claim.token}/{path}")
        assert response.status_code == 302
        assert response.url == f"/c/{claim.token}/"


@pytest.mark.django_db
def test_the_demo_command_writes_a_pdf_and_keeps_nothing(tmp_path, private_storage):
    out = tmp_path / "demo" / "dossier.pdf"
    stdout = io.StringIO()

    call_command("demo_dossier", str(out), stdout=stdout)

    assert out.read_bytes().startswith(b"%PDF-")
    assert 3 < len(PdfReader(out).pages) <= 12
    assert f"Wrote {out}" in stdout.getvalue()
    assert not Claim.objects.exists()
    assert not Evidence.objects.exists()
    assert files_in(private_storage) == []


def test_the_declaration_states_the_attestation_word_for_word(sample):
    assert "以上内容真实，证据未经篡改" in re.sub(r"\s+", "", sample.text)


def test_the_demand_on_the_statement_gives_its_deadline_as_a_date(sample):
    """Counted from the day the user recorded sending it (the sample sent it today)."""
    cover = sample.pages[0].replace("\n", "")
    demand = cover[cover.index("请求事项") : cover.index("事实与理由")]
    assert re.search(r"在\d{4}年\d{1,2}月\d{1,2}日(\d{1,2}时)?前", demand), demand
    assert not re.search(r"\d+(小时|日)内", demand), demand


@pytest.mark.django_db
def test_the_dossier_is_chinese_even_when_built_from_the_english_interface(client):
    """Decision 0002: answers' labels are read in Chinese whatever the user's language."""
    token = start_claim(client)
    walk_to(client, token, "declaration")
    claim = Claim.objects.get(token=token)

    with translation.override("en"):
        html = prepare(claim).html

    assert "支付宝" in html
    assert "Alipay" not in html


def test_the_exhibits_are_dated_by_their_files_and_the_chronology_shows_when(sample):
    """The demo's screenshots carry their time only in the names the phone gave them."""
    index = chapter(sample, "七、证据清单", "证据1：")
    timeline = chapter(sample, "二、事实经过", "三、评估意见与法律依据")

    assert index.count("（据文件名）") == 3
    assert index.count("未记录") == 2  # the note that explains the column, no row
    assert timeline.count("拍摄或截取") == 3


@pytest.mark.django_db
def test_every_dossier_prints_the_verify_address_from_the_public_address(settings):
    settings.SITE_URL = "https://refund.example.cn"
    claim = make_claim(signed_name="李明")
    add_evidence(claim)

    _reader, pages = read(render_dossier(claim))

    assert "核对地址https://refund.example.cn/verify/" in pages[0]
    assert "https://refund.example.cn/verify/" in pages[1]
