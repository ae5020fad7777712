import io
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.translation import gettext
from PIL import Image
from pypdf import PdfReader

from claims.demo import create_sample_claim
from claims.dossier import DossierUnavailable, EvidenceOnlyFetcher, render_dossier
from claims.evidence import store_upload
from claims.models import Claim, Evidence

SAMPLE_ORDER_NUMBER = "202611222114038766"  # typed as "2026 1122 2114 0387 66"
EVIDENCE_FIELDS = ("original", "print_image", "thumbnail")
FRONT_MATTER_AND_CHAPTERS = 6
IMAGE_DRAWN = re.compile(rb"/(\w+) Do\b")


@dataclass
class RenderedSample:
    pdf: bytes
    reader: PdfReader
    text: str
    reference: str
    token: str
    hashes: list[str]


@pytest.fixture(scope="module")
def sample(django_db_setup, django_db_blocker, tmp_path_factory):
    """The sample claim's dossier, rendered once for the module; the claim is gone afterwards."""
    storage = FileSystemStorage(location=tmp_path_factory.mktemp("evidence"), base_url=None)
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:
        for name in EVIDENCE_FIELDS:
            patch.setattr(Evidence._meta.get_field(name), "storage", storage)
        claim = create_sample_claim()
        try:
            pdf = render_dossier(claim)
            hashes = [item.sha256 for item in claim.evidence.all()]
        finally:
            claim.delete_with_files()
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return RenderedSample(pdf, reader, text, claim.reference, claim.token, hashes)


def make_claim(signed_name="李明") -> Claim:
    claim = Claim.objects.create(consent_version="test", consented_at=timezone.now())
    claim.mark_complete(signed_name)
    return claim


def add_evidence(claim, color=(40, 120, 220)) -> Evidence:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), color).save(buffer, format="PNG")
    upload = SimpleUploadedFile("bill.png", buffer.getvalue(), content_type="image/png")
    return store_upload(claim, upload, category="transaction", caption="账单")


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


def files_in(storage) -> list[Path]:
    return [path for path in Path(storage.location).rglob("*") if path.is_file()]


def test_it_renders_a_pdf(sample):
    assert sample.pdf.startswith(b"%PDF-")
    assert sample.reader.metadata.title == f"退款申请材料 {sample.reference}"


def test_it_is_written_in_chinese(sample):
    for heading in ("退款申请材料", "一、订单与支付信息", "五、证据清单", "六、申请人声明"):
        assert heading in sample.text


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


def test_it_lists_the_sha256_of_every_original(sample):
    flat = re.sub(r"\s", "", sample.text)

    assert len(sample.hashes) == 3
    assert all(digest in flat for digest in sample.hashes)


def test_it_embeds_every_font(sample):
    fonts = [font for page in sample.reader.pages for font in fonts_of(page.get("/Resources"))]

    assert fonts
    for font in fonts:
        if font["/Subtype"] == "/Type0":
            continue  # checked through its DescendantFonts
        descriptor = font["/FontDescriptor"].get_object()
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font.get("/BaseFont")


def test_it_gives_each_evidence_image_a_page_of_its_own(sample):
    pages = sample.reader.pages
    exhibits = {}
    for number in range(1, len(sample.hashes) + 1):
        (page,) = [page for page in pages if page.extract_text().startswith(f"证据{number}：")]
        exhibits[number] = IMAGE_DRAWN.findall(page.get_contents().get_data())

    assert len(pages) >= len(sample.hashes) + FRONT_MATTER_AND_CHAPTERS
    assert all(len(drawn) == 1 for drawn in exhibits.values())
    assert len({drawn[0] for drawn in exhibits.values()}) == len(sample.hashes)


@pytest.mark.django_db
def test_it_refuses_to_render_without_a_chinese_font(monkeypatch):
    monkeypatch.setattr("claims.dossier.cjk_font_available", lambda: False)

    with pytest.raises(DossierUnavailable):
        render_dossier(make_claim())


@pytest.mark.django_db
def test_the_download_explains_itself_without_a_chinese_font(client, monkeypatch):
    monkeypatch.setattr("claims.dossier.cjk_font_available", lambda: False)
    claim = make_claim()

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
    claim = make_claim()
    add_evidence(claim)

    response = client.get(f"/c/{claim.token}/dossier.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{claim.reference}.pdf"'
    assert response.content.startswith(b"%PDF-")
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_the_fetcher_serves_the_claims_own_print_copies():
    claim = make_claim()
    item = add_evidence(claim)

    response = EvidenceOnlyFetcher(claim).fetch(f"evidence:{item.pk}")

    with item.print_image.open("rb") as handle:
        assert response.read() == handle.read()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://169.254.169.254/latest/meta-data/",
        "https://example.com/logo.png",
        "evidence:../../etc/passwd",
        "evidence:999999",
        "/etc/passwd",
    ],
)
def test_the_fetcher_refuses_everything_else(url):
    claim = make_claim()
    add_evidence(claim)

    with pytest.raises(ValueError, match="Blocked resource"):
        EvidenceOnlyFetcher(claim).fetch(url)


@pytest.mark.django_db
def test_the_fetcher_refuses_another_claims_evidence():
    claim, other = make_claim(), make_claim("王芳")
    add_evidence(claim)
    theirs = add_evidence(other, color=(200, 0, 0))

    with pytest.raises(ValueError, match="Blocked resource"):
        EvidenceOnlyFetcher(claim).fetch(f"evidence:{theirs.pk}")


@pytest.mark.django_db
def test_the_demo_command_writes_a_pdf_and_keeps_nothing(tmp_path, private_storage):
    out = tmp_path / "demo" / "dossier.pdf"
    stdout = io.StringIO()

    call_command("demo_dossier", str(out), stdout=stdout)

    assert out.read_bytes().startswith(b"%PDF-")
    assert len(PdfReader(out).pages) >= 3 + FRONT_MATTER_AND_CHAPTERS
    assert f"Wrote {out}" in stdout.getvalue()
    assert not Claim.objects.exists()
    assert not Evidence.objects.exists()
    assert files_in(private_storage) == []
