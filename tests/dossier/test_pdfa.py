"""Both copies of the dossier against the PDF/A-3 rules that can be read without veraPDF.

What a validator also checks and these tests cannot (colour-space consistency of every
operator, font metrics against the embedded programs, the full XMP schemas) is listed in
docs/decisions/0006-dossier-archive.md.
"""

import io
import re
from dataclasses import dataclass

import pikepdf
import pytest
from django.core.files.storage import FileSystemStorage
from django.utils import translation
from pypdf import PdfReader

from claims.demo.claim import create_sample_claim
from claims.dossier.manifest import new_manifest, numbered_exhibits
from claims.dossier.render import render_archive, render_dossier
from claims.dossier.verify import fingerprint_from_pdf
from claims.models import Evidence
from tests.factories import add_evidence, make_claim

EVIDENCE_FIELDS = ("original", "print_image", "thumbnail")
FONT_PROGRAMS = ("/FontFile", "/FontFile2", "/FontFile3")
# Thousandths of an em between two glyphs: Latin kerning stays well below, while the old
# letter-spacing of 0.1em put 100 between every two characters of the title.
WIDEST_GAP = 50

# pytest-django sets up the test database only for a run that holds a marked test; without the
# mark, running this module alone would write the module fixture's claim into the real one.
pytestmark = pytest.mark.django_db


@dataclass
class Rendered:
    copies: dict[str, bytes]  # "dossier" and "archive"
    alts: list[str]  # the alt text each exhibit's picture should carry
    fingerprint: str


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker, tmp_path_factory) -> Rendered:
    """Both copies of the sample claim plus an exhibit without a caption; the claim is gone
    afterwards."""
    storage = FileSystemStorage(location=tmp_path_factory.mktemp("evidence"), base_url=None)
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as patch:
        for name in EVIDENCE_FIELDS:
            patch.setattr(Evidence._meta.get_field(name), "storage", storage)
        claim = create_sample_claim()
        try:
            add_evidence(claim, category="product_state", caption="")
            exhibits = numbered_exhibits(claim)
            manifest = new_manifest(claim, exhibits)
            copies = {
                "dossier": render_dossier(claim, manifest=manifest),
                "archive": render_archive(claim, manifest=manifest),
            }
            with translation.override("zh-hans"):
                alts = [
                    f"证据{e.number}：{e.item.caption or e.item.get_category_display()}"
                    for e in exhibits
                ]
        finally:
            claim.delete_with_files()
    return Rendered(copies, alts, manifest.fingerprint)


@pytest.fixture(params=["dossier", "archive"])
def pdf(request, rendered):
    with pikepdf.open(io.BytesIO(rendered.copies[request.param])) as opened:
        yield opened


# -- the checks: each returns what it found wrong, so a test can also show that it bites --


def metadata_problems(pdf) -> list[str]:
    """6.6.4: XMP identifies the part and conformance level; 6.6.2.3.1: it carries a title."""
    meta = pdf.open_metadata()
    problems = []
    if meta.get("pdfaid:part") != "3":
        problems.append(f"pdfaid:part is {meta.get('pdfaid:part')!r}")
    if meta.get("pdfaid:conformance") not in ("A", "B", "U"):
        problems.append(f"pdfaid:conformance is {meta.get('pdfaid:conformance')!r}")
    if not meta.get("dc:title"):
        problems.append("no dc:title")
    return problems


def output_intent_problems(pdf) -> list[str]:
    """6.2.3: one PDF/A output intent whose profile is an ICC profile of 1, 3 or 4 components."""
    intents = [i for i in pdf.Root.get("/OutputIntents", []) if i.get("/S") == "/GTS_PDFA1"]
    if len(intents) != 1:
        return [f"{len(intents)} GTS_PDFA1 output intents"]
    profile = intents[0].get("/DestOutputProfile")
    if not isinstance(profile, pikepdf.Stream):
        return ["the output intent has no DestOutputProfile"]
    problems = []
    if profile.read_bytes()[36:40] != b"acsp":
        problems.append("the DestOutputProfile is not an ICC profile")
    if profile.get("/N") not in (1, 3, 4):
        problems.append(f"the profile has /N {profile.get('/N')}")
    return problems


def fonts(pdf):
    """Every font a content stream names (a Type0 font's descendant is read through it)."""
    for obj in pdf.objects:
        if (
            isinstance(obj, pikepdf.Dictionary)
            and obj.get("/Type") == "/Font"
            and obj.get("/Subtype") not in ("/CIDFontType0", "/CIDFontType2")
        ):
            yield obj


def font_problems(pdf) -> list[str]:
    """6.2.11.4.1: every font program embedded; 6.2.11.7.2 (level A/U): a ToUnicode map."""
    problems = []
    for font in fonts(pdf):
        name = str(font.get("/BaseFont"))
        if font.get("/Subtype") == "/Type3":
            continue  # drawn with content streams, nothing to embed
        described = font.DescendantFonts[0] if font.get("/Subtype") == "/Type0" else font
        descriptor = described.get("/FontDescriptor", {})
        if not any(key in descriptor for key in FONT_PROGRAMS):
            problems.append(f"{name} is not embedded")
        if not isinstance(font.get("/ToUnicode"), pikepdf.Stream):
            problems.append(f"{name} has no ToUnicode map")
    return problems


def content_streams(pdf):
    """Every page's content and every form XObject: where inline images can hide."""
    for page in pdf.pages:
        yield page.obj
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Form":
            yield obj


def interpolate_problems(pdf) -> list[str]:
    """6.2.8-3: no image (XObject, soft mask or inline) asks for /Interpolate true."""
    problems = [
        f"image {obj.objgen} interpolates"
        for obj in pdf.objects
        if isinstance(obj, pikepdf.Stream)
        and obj.get("/Subtype") == "/Image"
        and obj.get("/Interpolate") is True
    ]
    for stream in content_streams(pdf):
        for instruction in pikepdf.parse_content_stream(stream):
            if str(instruction.operator) == "INLINE IMAGE":
                image = instruction.iimage.obj
                if image.get("/Interpolate") is True or image.get("/I") is True:
                    problems.append(f"an inline image in {stream.objgen} interpolates")
    return problems


def structure_elements(pdf):
    """Every structure element reachable from the StructTreeRoot, each once."""
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return
    seen, pending = set(), [root.get("/K")]
    while pending:
        kid = pending.pop()
        if isinstance(kid, pikepdf.Array):
            pending.extend(kid)
        elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type", "/StructElem") == (
            "/StructElem"
        ):
            if kid.is_indirect and kid.objgen in seen:
                continue
            seen.add(kid.objgen)
            yield kid
            pending.append(kid.get("/K"))


def structure_problems(pdf) -> list[str]:
    """6.7.2.2 MarkInfo, 6.7.3 a structure tree, alternate text on every figure, 6.7.4 Lang."""
    problems = []
    if pdf.Root.get("/MarkInfo", {}).get("/Marked") is not True:
        problems.append("MarkInfo /Marked is not true")
    if "/StructTreeRoot" not in pdf.Root:
        problems.append("no StructTreeRoot")
    problems += [
        f"figure {element.objgen} has no alternate text"
        for element in structure_elements(pdf)
        if element.get("/S") == "/Figure" and not str(element.get("/Alt", "")).strip()
    ]
    if str(pdf.Root.get("/Lang", "")) != "zh-Hans":
        problems.append(f"/Lang is {str(pdf.Root.get('/Lang', ''))!r}")
    return problems


def viewer_problems(pdf) -> list[str]:
    """A viewer shows the document's title, not its file name (PDF/UA 7.1, WCAG 2.4.2)."""
    if pdf.Root.get("/ViewerPreferences", {}).get("/DisplayDocTitle") is not True:
        return ["ViewerPreferences /DisplayDocTitle is not true"]
    return []


def embedded_file_problems(pdf) -> list[str]:
    """6.8: every embedded file has an AFRelationship, a MIME type and is listed in /AF."""
    names = pdf.Root.get("/Names", {}).get("/EmbeddedFiles", {}).get("/Names", [])
    listed = {spec.objgen for spec in pdf.Root.get("/AF", [])}
    problems = []
    for spec in list(names)[1::2]:
        name = str(spec.get("/UF", spec.get("/F")))
        if "/AFRelationship" not in spec:
            problems.append(f"{name} has no AFRelationship")
        if spec.objgen not in listed:
            problems.append(f"{name} is not listed in /AF")
        if "/Subtype" not in spec.EF.F:
            problems.append(f"{name} has no MIME type")
    return problems


CHECKS = [
    metadata_problems,
    output_intent_problems,
    font_problems,
    interpolate_problems,
    structure_problems,
    viewer_problems,
    embedded_file_problems,
]


# -- the copies against the checks ---------------------------------------------------------


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__)
def test_it_passes_every_rule_pikepdf_can_read(pdf, check):
    assert check(pdf) == []


def test_it_embeds_the_originals_in_the_archive_only(rendered):
    counts = {}
    for name, data in rendered.copies.items():
        with pikepdf.open(io.BytesIO(data)) as pdf:
            counts[name] = len(pdf.attachments)
            listed = {spec.objgen for spec in pdf.Root.get("/AF", [])}
            assert len(listed) == counts[name]
    assert counts == {"dossier": 0, "archive": 5}  # four originals and the manifest


def test_it_tags_headings_tables_and_each_exhibit_picture_with_its_caption(pdf, rendered):
    elements = list(structure_elements(pdf))
    kinds = {str(element.get("/S")) for element in elements}
    assert {"/H1", "/H2", "/H3", "/Table", "/TR", "/TH", "/TD", "/P", "/Figure"} <= kinds
    figures = [str(e.get("/Alt")) for e in elements if e.get("/S") == "/Figure"]
    assert sorted(figures) == sorted(rendered.alts)


def test_it_shows_a_title_that_names_the_claim(pdf):
    title = str(pdf.open_metadata().get("dc:title"))
    assert re.fullmatch(r"退款申请材料(（存档版）)? RH-[0-9A-Z]{4}-[0-9A-Z]{4}", title)


# -- item 8: the cover title is text a search finds ----------------------------------------


def test_it_finds_the_cover_title_when_searching_for_it(rendered):
    for data in rendered.copies.values():
        first_page = PdfReader(io.BytesIO(data)).pages[0].extract_text()
        assert "退款申请材料" in first_page


def gaps_between_glyphs(page):
    """Each shift a TJ array makes between two strings it draws, in thousandths of an em."""
    for operands, operator in pikepdf.parse_content_stream(page):
        if str(operator) != "TJ":
            continue
        shift = 0.0
        for item in operands[0]:
            if not isinstance(item, pikepdf.String):
                shift -= float(item)  # a negative number moves the next glyph right
            elif bytes(item):
                yield shift
                shift = 0.0


def test_it_draws_the_cover_without_gaps_between_characters(pdf):
    """Letter-spacing moves every glyph apart; extractors read the gaps as spaces."""
    assert [gap for gap in gaps_between_glyphs(pdf.pages[0]) if gap > WIDEST_GAP] == []


# -- the checks themselves catch what they are for ------------------------------------------


def drop_pdfaid(pdf):
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        del meta["pdfaid:part"]


def drop_output_profile(pdf):
    del pdf.Root.OutputIntents[0].DestOutputProfile


def drop_to_unicode(pdf):
    del next(fonts(pdf)).ToUnicode


def interpolate_first_image(pdf):
    image = next(o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Width"))
    image.Interpolate = True


def drop_first_alt(pdf):
    figure = next(e for e in structure_elements(pdf) if e.get("/S") == "/Figure")
    del figure.Alt


def drop_lang(pdf):
    del pdf.Root.Lang


def drop_display_doc_title(pdf):
    del pdf.Root.ViewerPreferences.DisplayDocTitle


def drop_af(pdf):
    del pdf.Root.AF


@pytest.mark.parametrize(
    ("breakage", "check"),
    [
        (drop_pdfaid, metadata_problems),
        (drop_output_profile, output_intent_problems),
        (drop_to_unicode, font_problems),
        (interpolate_first_image, interpolate_problems),
        (drop_first_alt, structure_problems),
        (drop_lang, structure_problems),
        (drop_display_doc_title, viewer_problems),
        (drop_af, embedded_file_problems),
    ],
    ids=lambda value: value.__name__,
)
def test_each_check_catches_the_rule_it_reads(rendered, breakage, check):
    with pikepdf.open(io.BytesIO(rendered.copies["archive"])) as pdf:
        assert check(pdf) == []
        breakage(pdf)
        assert check(pdf) != []


# -- the tags must not cost the verify page the fingerprint -------------------------------


def test_it_keeps_the_fingerprint_out_of_the_object_stream(rendered):
    """pypdf unpacks a whole object stream to read one object, and the tags fill it."""
    for data in rendered.copies.values():
        reader = PdfReader(io.BytesIO(data))
        assert reader.trailer.raw_get("/Info").idnum not in reader.xref_objStm
        assert fingerprint_from_pdf(io.BytesIO(data)) == rendered.fingerprint


@pytest.mark.heavy
def test_the_verify_page_reads_the_fingerprint_of_a_dossier_with_sixty_exhibits():
    claim = make_claim(signed_name="李明")
    for number in range(60):
        add_evidence(claim, color=(number * 4, 120, 220), caption=f"第{number + 1}张截图")
    manifest = new_manifest(claim, numbered_exhibits(claim))

    pdf = render_dossier(claim, manifest=manifest)

    assert fingerprint_from_pdf(io.BytesIO(pdf)) == manifest.fingerprint
